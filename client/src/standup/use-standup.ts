/**
 * The team's live standup (kept current from the team stream, so a
 * follower's view moves with the facilitator), the last recorded ones, and
 * "since the last standup".
 */
import { useCallback, useEffect, useState } from 'react';
import type { BoardSnapshot, Standup, StandupSince, TeamEvent } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { plainMessage } from '../api/errors';
import { standupApi } from '../api/standup';
import { useServices } from '../app/services';
import { useTeamLive } from '../team/use-team-live';

export function useStandup(teamId: string, boardId: string | null) {
  const [live, setLive] = useState<Standup | null>(null);
  const [recent, setRecent] = useState<Standup[]>([]);
  const [since, setSince] = useState<StandupSince | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rev, setRev] = useState(0);
  /** Counts the team's other events (rotation, hand-off, ...): the header refreshes on them, not on every standup move. */
  const [signals, setSignals] = useState(0);

  const onEvent = useCallback((event: TeamEvent) => {
    switch (event.type) {
      case 'standup.started':
        setLive(event.payload.standup);
        setRev((r) => r + 1);
        return;
      case 'standup.focused': {
        const { standupId, focus } = event.payload;
        setLive((s) => (s && s.id === standupId ? { ...s, focus } : s));
        return;
      }
      case 'standup.finished':
        setLive((s) => (s && s.id === event.payload.standup.id ? null : s));
        setRev((r) => r + 1);
        return;
      default:
        setSignals((n) => n + 1);
        return;
    }
  }, []);
  const team = useTeamLive(teamId, { onEvent, onReload: () => setRev((r) => r + 1) });

  useEffect(() => {
    let alive = true;
    Promise.all([standupApi.list(teamId), standupApi.since(teamId, boardId)]).then(
      ([list, report]) => {
        if (!alive) return;
        setLive(list.live);
        setRecent(list.recent);
        setSince(report);
        setError(null);
      },
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [teamId, boardId, rev]);

  return { team, live, setLive, recent, since, error, signals };
}

/**
 * Board snapshots by id, loaded when first needed. The board on screen is
 * followed on its stream: any change to it reloads its snapshot (one load in
 * flight, one queued), so the wall never shows a stale board.
 */
export function useSnapshots(boardIds: readonly string[], shownId: string | null): ReadonlyMap<string, BoardSnapshot> {
  const { socket } = useServices();
  const [snaps, setSnaps] = useState<ReadonlyMap<string, BoardSnapshot>>(new Map());
  const key = boardIds.join(',');
  useEffect(() => {
    let alive = true;
    for (const id of key ? key.split(',') : []) {
      boardsApi.snapshot(id).then(
        (snap) => alive && setSnaps((m) => new Map(m).set(id, snap)),
        () => undefined,
      );
    }
    return () => {
      alive = false;
    };
  }, [key]);
  useEffect(() => {
    if (!shownId) return;
    let alive = true;
    let seq: number | null = null;
    let loading = false;
    let again = false;
    const load = () => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      boardsApi
        .snapshot(shownId)
        .then(
          (snap) => {
            if (!alive) return;
            const first = seq === null;
            seq = Math.max(seq ?? 0, snap.seq);
            setSnaps((m) => new Map(m).set(shownId, snap));
            // The subscription waits for a seq to resume from: the first snapshot gives it.
            if (first) socket.resubscribe(shownId);
          },
          () => undefined,
        )
        .finally(() => {
          loading = false;
          if (again && alive) {
            again = false;
            load();
          }
        });
    };
    load();
    const stop = socket.subscribe(shownId, {
      sinceSeq: () => seq,
      onMessage: (m) => {
        if (m.type === 'event') {
          if (seq !== null && m.seq <= seq) return;
          seq = m.seq;
          load();
        } else if (m.type === 'resync') {
          seq = m.seq;
          load();
        }
      },
    });
    return () => {
      alive = false;
      stop();
    };
  }, [socket, shownId]);
  return snaps;
}
