/** Who is logged in, for the whole tab: loaded once at start, replaced at login, cleared at logout or when the server says the session ended. */
import { useSyncExternalStore } from 'react';
import type { InstanceInfo, SessionInfo, User } from '@opsboard/shared';
import { authApi } from '../api/auth';
import { ApiError, configureHttp } from '../api/http';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signed-in'; user: User; csrfToken: string | null }
  | { status: 'error'; message: string };

let state: SessionState = { status: 'loading' };
/** What the login page shows (demo login, whether sign-up is open); loaded with the session. */
let instance: InstanceInfo | null = null;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

configureHttp({
  csrfToken: () => (state.status === 'signed-in' ? state.csrfToken : null),
  onUnauthorized: () => {
    if (state.status === 'signed-in') set({ status: 'anonymous', expired: true });
  },
});

/** True while this tab's own logout request is out. */
let loggingOut = false;

export const session = {
  get: () => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get instance(): InstanceInfo | null {
    return instance;
  },
  /** One request at start: the instance facts and, when this browser is logged in, its session (no 401 to log). */
  async load(): Promise<void> {
    try {
      instance = await authApi.instance();
      if (instance.session) signedIn(instance.session);
      else set({ status: 'anonymous', expired: false });
    } catch (err) {
      set({ status: 'error', message: err instanceof Error ? err.message : 'The server could not be reached.' });
    }
  },
  signedIn,
  async logout(): Promise<void> {
    loggingOut = true;
    try {
      await authApi.logout();
    } finally {
      loggingOut = false;
      set({ status: 'anonymous', expired: false });
    }
  },
  /**
   * The websocket says the session is gone: check, and go to login if so.
   * Not while this tab is logging out (the server closes the socket before it
   * answers the logout) nor once nobody is signed in: that check could only 401.
   */
  async recheck(): Promise<void> {
    if (loggingOut || state.status !== 'signed-in') return;
    try {
      signedIn(await authApi.session());
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) set({ status: 'anonymous', expired: true });
    }
  },
};

function signedIn(info: SessionInfo): void {
  set({ status: 'signed-in', user: info.user, csrfToken: info.csrfToken });
}

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useUser(): User {
  const s = useSession();
  if (s.status !== 'signed-in') throw new Error('useUser outside the signed-in part of the app');
  return s.user;
}
