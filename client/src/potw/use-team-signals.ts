/** Revision counters per topic (rotation, hand-off, members, invitations, webhooks), bumped live from the team stream; pass them as reload keys. */
import { useEffect, useState } from 'react';
import { boardsApi } from '../api/boards';
import { useServices } from '../app/services';
import { TEAM_TOPICS, TeamSignals, topicsOf, type TeamTopic } from './team-signals';

export type TeamRevisions = Readonly<Record<TeamTopic, number>>;

const ZERO: TeamRevisions = { rotation: 0, handoff: 0, members: 0, invitations: 0, webhooks: 0, technologies: 0 };

export function useTeamSignals(teamId: string): TeamRevisions {
  const { socket } = useServices();
  const [revs, setRevs] = useState<TeamRevisions>(ZERO);
  useEffect(() => {
    const bump = (topics: readonly TeamTopic[]) => {
      if (topics.length === 0) return;
      setRevs((r) => {
        const next = { ...r };
        for (const t of topics) next[t] += 1;
        return next;
      });
    };
    const signals = new TeamSignals(teamId, {
      socket,
      currentSeq: async (id) => (await boardsApi.events(id, 0, 1)).seq,
      onEvent: (type) => bump(topicsOf(type)),
      onStale: () => bump(TEAM_TOPICS),
    });
    void signals.start();
    return () => signals.stop();
  }, [teamId, socket]);
  return revs;
}
