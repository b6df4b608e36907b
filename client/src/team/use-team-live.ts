/**
 * One live TeamSync per team, shared by every view that shows the team
 * (a page and the panels in it), because the socket keeps one handler per
 * stream: two separate subscriptions to the same team would steal each
 * other's events. Views register for the state, for each live event, and for
 * reloads (after which they refetch what they derive from the server).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Role, TeamEvent } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { plainMessage } from '../api/errors';
import { teamsApi } from '../api/teams';
import { useServices } from '../app/services';
import type { StreamSource } from '../board/store/board-sync';
import { TeamSync } from './team-sync';
import type { TeamState } from './team-state';

export interface TeamLive {
  state: TeamState | null;
  error: string | null;
}

interface Entry {
  sync: TeamSync;
  snapshot: TeamLive;
  users: number;
  stopTimer: number | null;
  listeners: Set<() => void>;
  events: Set<(event: TeamEvent, state: TeamState) => void>;
  reloads: Set<(state: TeamState) => void>;
}

const registries = new WeakMap<StreamSource, Map<string, Entry>>();
/** The last state seen per team, so returning to a team page shows names at once while it reloads. */
const lastSeen = new Map<string, TeamState>();

function entryFor(socket: StreamSource, teamId: string): Entry {
  let registry = registries.get(socket);
  if (!registry) {
    registry = new Map();
    registries.set(socket, registry);
  }
  const existing = registry.get(teamId);
  if (existing) return existing;
  const entry: Entry = {
    snapshot: { state: lastSeen.get(teamId) ?? null, error: null },
    users: 0,
    stopTimer: null,
    listeners: new Set(),
    events: new Set(),
    reloads: new Set(),
    sync: new TeamSync(teamId, {
      socket,
      events: (id, since, limit) => boardsApi.events(id, since, limit),
      load: async (id) => {
        const [team, members, boards] = await Promise.all([teamsApi.get(id), teamsApi.members(id), teamsApi.boards(id)]);
        return { team, members, boards };
      },
      onChange: (state) => {
        lastSeen.set(teamId, state);
        entry.snapshot = { state, error: null };
        for (const l of entry.listeners) l();
      },
      onError: (error) => {
        entry.snapshot = { ...entry.snapshot, error: plainMessage(error) };
        for (const l of entry.listeners) l();
      },
      onEvent: (event, state) => {
        for (const l of entry.events) l(event, state);
      },
      onReload: (state) => {
        for (const l of entry.reloads) l(state);
      },
    }),
  };
  registry.set(teamId, entry);
  void entry.sync.start();
  // Created during a render that may never mount: stopped unless a view retains it.
  scheduleStop(socket, teamId, entry);
  return entry;
}

function retain(socket: StreamSource, teamId: string): Entry {
  const entry = entryFor(socket, teamId);
  entry.users += 1;
  if (entry.stopTimer !== null) window.clearTimeout(entry.stopTimer);
  entry.stopTimer = null;
  return entry;
}

function release(socket: StreamSource, teamId: string, entry: Entry): void {
  entry.users -= 1;
  if (entry.users > 0) return;
  scheduleStop(socket, teamId, entry);
}

function scheduleStop(socket: StreamSource, teamId: string, entry: Entry): void {
  if (entry.stopTimer !== null) window.clearTimeout(entry.stopTimer);
  // A moment's grace: React remounts in development, and the next page of the same team may want it.
  entry.stopTimer = window.setTimeout(() => {
    if (entry.users > 0) return;
    entry.sync.stop();
    registries.get(socket)?.delete(teamId);
  }, 5_000);
}

export interface TeamLiveOptions {
  /** Each live team event, after the state has it. */
  onEvent?(event: TeamEvent, state: TeamState): void;
  /** After a (re)load from REST: refetch derived figures. */
  onReload?(state: TeamState): void;
}

/** The team, live. The callbacks may change every render; the latest ones are called. */
export function useTeamLive(teamId: string, options: TeamLiveOptions = {}): TeamLive & { retry: () => void } {
  const { socket } = useServices();
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const entry = entryFor(socket, teamId);

  useEffect(() => {
    const held = retain(socket, teamId);
    const onEvent = (event: TeamEvent, state: TeamState) => latest.current.onEvent?.(event, state);
    const onReload = (state: TeamState) => latest.current.onReload?.(state);
    held.events.add(onEvent);
    held.reloads.add(onReload);
    return () => {
      held.events.delete(onEvent);
      held.reloads.delete(onReload);
      release(socket, teamId, held);
    };
  }, [socket, teamId]);

  const live = useSyncExternalStore(
    (l) => {
      entry.listeners.add(l);
      return () => entry.listeners.delete(l);
    },
    () => entry.snapshot,
  );
  return { ...live, retry: () => void entry.sync.reload() };
}

/** The signed-in person's role in the team, from the live member list (it changes when an admin changes it). */
export function roleIn(state: TeamState | null, userId: string): Role | null {
  return state?.members.get(userId)?.role ?? null;
}
