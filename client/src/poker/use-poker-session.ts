/**
 * A poker session kept live: loaded over HTTP, then refetched whenever its
 * stream says something changed (the events carry who did what, never a vote's
 * value; what the caller may see comes from the API). Presence comes from the
 * same subscription: who has the session open now.
 */
import { useCallback, useEffect, useState } from 'react';
import type { PokerSession, Viewer } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { pokerApi } from '../api/poker';
import { useServices } from '../app/services';

export interface PokerLive {
  session: PokerSession | null;
  viewers: Viewer[];
  error: string | null;
  /** Applies an answer of a mutation at once (the stream's refetch follows). */
  set(session: PokerSession): void;
  reload(): void;
}

export function usePokerSession(sessionId: string): PokerLive {
  const { socket } = useServices();
  const [session, setSession] = useState<PokerSession | null>(null);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    let seq: number | null = null;
    let loading = false;
    let again = false;
    // One load at a time; changes that arrive meanwhile ask for one more.
    const load = (): void => {
      if (loading) {
        again = true;
        return;
      }
      loading = true;
      pokerApi
        .get(sessionId)
        .then(
          (s) => {
            if (!alive) return;
            const first = seq === null;
            seq = Math.max(seq ?? 0, s.seq);
            setSession(s);
            setError(null);
            // The subscription waits for a seq to resume from: the first load gives it.
            if (first) socket.resubscribe(sessionId);
          },
          (e: unknown) => alive && setError(plainMessage(e)),
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
    const stop = socket.subscribe(sessionId, {
      sinceSeq: () => seq,
      onMessage: (m) => {
        if (m.type === 'event') {
          seq = Math.max(seq ?? 0, m.seq);
          load();
        } else if (m.type === 'presence') setViewers(m.viewers);
        else if (m.type === 'resync') {
          seq = m.seq;
          load();
        } else if (m.type === 'subscribed') load();
        else if (m.type === 'rejected') setError(m.message);
      },
    });
    return () => {
      alive = false;
      stop();
    };
  }, [socket, sessionId, tick]);

  const set = useCallback((s: PokerSession) => setSession(s), []);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { session, viewers, error, set, reload };
}
