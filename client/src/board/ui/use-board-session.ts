/**
 * Everything one open board needs, built once per board: the store and its
 * sync, the team around it, the drag and focus state, and the controller.
 * Torn down when the page leaves the board.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { can, type Member, type Team, type Viewer } from '@opsboard/shared';
import { boardsApi } from '../../api/boards';
import { ApiError, plainMessage } from '../../api/errors';
import { teamsApi } from '../../api/teams';
import { useServices } from '../../app/services';
import { TeamSync } from '../../team/team-sync';
import type { TeamState } from '../../team/team-state';
import { CellRegistry } from '../dnd/cells';
import { DragController } from '../dnd/drag-controller';
import { BoardModel } from '../model/board-model';
import { TeamWipStore } from '../model/team-wip';
import { DragState, FocusState } from '../model/ui-stores';
import type { Outbox } from '../store/outbox';
import { BoardStore } from '../store/board-store';
import { BoardSync } from '../store/board-sync';
import { personName } from './board-env';
import { BoardController, type OverrideRequest } from './controller';
import { useRefusals } from './use-refusals';

/** The last known state of each team this tab has shown, so switching boards shows names at once while the fresh state loads. */
const teamCache = new Map<string, TeamState>();

export interface OverridePrompt {
  request: OverrideRequest;
  resolve: (reason: string | null) => void;
}

export function useBoardSession(boardId: string) {
  const services = useServices();
  const [prompt, setPrompt] = useState<OverridePrompt | null>(null);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [accessLost, setAccessLost] = useState<string | null>(null);
  const [team, setTeam] = useState<TeamState | null>(null);
  const [role, setRole] = useState<Team['role'] | null>(null);

  const [parts] = useState(() => {
    const people: { current: ReadonlyMap<string, Member> } = { current: new Map() };
    const teamWip = new TeamWipStore();
    // Whether this person ranks backlogs; unknown (null) until the role has loaded, and the board then leaves ranking to the server.
    const ranks: { current: boolean | null } = { current: null };
    const store = new BoardStore({ selfId: services.user.id, onReflected: (keys) => services.outbox.forget(keys) });
    const model = new BoardModel(store);
    const controller = new BoardController({
      model,
      outbox: services.outbox,
      names: (id) => personName(people.current, id),
      team: teamWip,
      ranks: () => ranks.current,
      askOverride: (request) => new Promise((resolve) => setPrompt({ request, resolve })),
    });
    const sync = new BoardSync(boardId, {
      store,
      socket: services.socket,
      loadSnapshot: (id) => boardsApi.snapshot(id),
      onPresence: setViewers,
      onRejected: setAccessLost,
      onLoadError: (error) => setLoadError(plainMessage(error)),
    });
    const drag = new DragState();
    const cells = new CellRegistry();
    const dragCtl = new DragController(model, drag, cells, controller);
    return { people, teamWip, ranks, store, model, controller, sync, drag, focus: new FocusState(), cells, dragCtl };
  });
  const { store, sync, model } = parts;

  // Pending changes in the outbox show on the board at once.
  useEffect(() => {
    const apply = () => store.setPending(services.outbox.ops);
    apply();
    return services.outbox.subscribe(apply);
  }, [services.outbox, store]);

  useEffect(() => {
    void sync.start();
    return () => sync.stop();
  }, [sync]);

  const snap = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const teamId = snap?.state.board.teamId ?? null;
  const cacheKey = teamId ? `${services.user.id}:${teamId}` : null;
  const shownTeam = team ?? (cacheKey ? (teamCache.get(cacheKey) ?? null) : null);

  useEffect(() => {
    if (!teamId) return;
    let alive = true;
    teamsApi.get(teamId).then(
      (t) => {
        if (!alive) return;
        setRole(t.role);
        // The live member list, when it has loaded, knows better (a role changed since).
        if (parts.ranks.current === null) parts.ranks.current = can(t.role, 'plan');
      },
      () => undefined,
    );
    const teamSync = new TeamSync(teamId, {
      socket: services.socket,
      events: (id, since, limit) => boardsApi.events(id, since, limit),
      load: async (id) => {
        const [t, members, boards] = await Promise.all([teamsApi.get(id), teamsApi.members(id), teamsApi.boards(id)]);
        return { team: t, members, boards };
      },
      onChange: (state) => {
        parts.people.current = state.members;
        parts.teamWip.setBoards(state.boards);
        const own = state.members.get(services.user.id)?.role;
        if (own) parts.ranks.current = can(own, 'plan');
        teamCache.set(`${services.user.id}:${teamId}`, state);
        setTeam(state);
      },
      onError: () => undefined,
    });
    void teamSync.start();
    return () => {
      alive = false;
      teamSync.stop();
    };
  }, [teamId, services.socket, services.user.id, parts.people, parts.teamWip, parts.ranks]);

  useTeamWipRefresh(teamId, parts.teamWip, parts.drag, services.outbox);

  // The live member list knows a role change at once; the first answer stands in until it has loaded.
  const liveRole = shownTeam?.members.get(services.user.id)?.role ?? role;

  useRefusals(boardId, services.outbox, store, parts.controller);

  const connection = useSyncExternalStore(
    (l) => services.socket.onState(l),
    () => services.socket.state,
  );
  const phase = useSyncExternalStore(
    (l) => sync.onPhase(l),
    () => sync.phase,
  );
  const waiting = useSyncExternalStore(services.outbox.subscribe.bind(services.outbox), () => services.outbox.waiting);
  const outboxOffline = useSyncExternalStore(services.outbox.subscribe.bind(services.outbox), () => services.outbox.offline);

  return { services, parts, snap, team: shownTeam, role: liveRole, viewers, loadError, accessLost, prompt, setPrompt, connection, phase, waiting, outboxOffline };
}

/**
 * Keeps the team's per-person figures fresh where a prediction needs them:
 * when the team is known, when a drag starts, when the window comes back,
 * and after the server refused a change over someone's limit.
 */
function useTeamWipRefresh(teamId: string | null, teamWip: TeamWipStore, drag: DragState, outbox: Outbox): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    if (!teamId) return;
    teamWip.setTeam(() => teamsApi.personWip(teamId), previous.current !== teamId);
    previous.current = teamId;
    void teamWip.refresh();
    let dragging = false;
    const offDrag = drag.subscribe(() => {
      const now = drag.active !== null;
      if (now && !dragging) void teamWip.refresh();
      dragging = now;
    });
    const onFocus = () => void teamWip.refresh();
    window.addEventListener('focus', onFocus);
    const offRefused = outbox.onRefused(({ error }) => {
      if (error instanceof ApiError && (error.code === 'person_wip_limit_exceeded' || error.code === 'wip_override_required')) void teamWip.refresh(true);
    });
    return () => {
      offDrag();
      offRefused();
      window.removeEventListener('focus', onFocus);
    };
  }, [teamId, teamWip, drag, outbox]);
}
