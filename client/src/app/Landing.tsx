/**
 * Lands a person who just logged in (or opened the app at its root) where
 * their work is (see landing.ts), and remembers per person on this device the
 * page they last had open. Shows the team list only when there is no better
 * place, or when they ask for it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { teamsApi } from '../api/teams';
import { Spinner } from '../ui/Feedback';
import { lastPageKey, onlyTeam, pageToRemember, rememberedPage, teamLanding } from './landing';
import { paths } from './routes';
import { navigate, useLocation } from './router';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Remembers the page on every navigation that reaches one worth coming back to. */
export function useRememberPage(userId: string): void {
  const { pathname, search } = useLocation();
  useEffect(() => {
    const page = pageToRemember(pathname, search);
    if (!page) return;
    try {
      storage()?.setItem(lastPageKey(userId), page);
    } catch {
      // Storage full or blocked: the person lands on their teams next time.
    }
  }, [userId, pathname, search]);
}

/**
 * While `active`, decides where to go instead of the team list and goes there
 * (replacing the history entry, so Back does not return to a page never seen);
 * then shows `children` (the team list) if there was no better place.
 */
export function Landing({ userId, active, onDone, children }: { userId: string; active: boolean; onDone: () => void; children: ReactNode }) {
  const [deciding, setDeciding] = useState(active);
  useEffect(() => {
    if (!active) return;
    let alive = true;
    const finish = (to: string | null) => {
      if (!alive) return;
      if (to) navigate(to, { replace: true });
      setDeciding(false);
      onDone();
    };
    const last = rememberedPage(storage()?.getItem(lastPageKey(userId)) ?? null);
    if (last) {
      finish(last);
      return;
    }
    teamsApi
      .list()
      .then(async (teams) => {
        const team = onlyTeam(teams);
        // A guest sees no boards: their place is their requests page.
        if (team?.role === 'guest') return finish(paths.requests(team.id));
        finish(team ? teamLanding(team.id, await teamsApi.boards(team.id)) : null);
      })
      .catch(() => finish(null));
    return () => {
      alive = false;
    };
  }, [active, userId, onDone]);
  return deciding ? <Spinner label="Opening your work" /> : <>{children}</>;
}
