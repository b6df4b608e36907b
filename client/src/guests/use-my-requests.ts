/**
 * A person's requests in a team, kept live: loaded over HTTP, then replaced
 * by every list the server pushes on the socket's `watch_requests` channel
 * (the only live channel a guest has). A load that started before a newer
 * push never overwrites it.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MyRequests } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { requestsApi } from '../api/requests';
import { useServices } from '../app/services';

export type RequestsState =
  | { status: 'loading' }
  | { status: 'ready'; value: MyRequests }
  | { status: 'error'; message: string; error: unknown };

export function useMyRequests(teamId: string) {
  const { socket } = useServices();
  const [state, setState] = useState<RequestsState>({ status: 'loading' });
  /** Bumped by every list that arrives; a load answers only if nothing newer came meanwhile. */
  const version = useRef(0);
  const [lost, setLost] = useState<string | null>(null);

  const load = useCallback(() => {
    const started = version.current;
    requestsApi.mine(teamId).then(
      (value) => {
        if (version.current !== started) return;
        version.current++;
        setState({ status: 'ready', value });
      },
      (error: unknown) => {
        if (version.current !== started) return;
        setState((s) => (s.status === 'ready' ? s : { status: 'error', message: plainMessage(error), error }));
      },
    );
  }, [teamId]);

  useEffect(() => {
    load();
    const stop = socket.watchRequests(teamId, {
      onRequests: (value) => {
        version.current++;
        setLost(null);
        setState({ status: 'ready', value });
      },
      onRejected: (message) => setLost(message),
    });
    // A tab coming back to the front may have missed a reconnect's worth of changes.
    const onVisible = () => {
      if (document.visibilityState === 'visible') load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [teamId, socket, load]);

  const connection = useSyncExternalStore(
    (l) => socket.onState(l),
    () => socket.state,
  );

  return { state, reload: load, live: connection.status === 'live' && lost === null, lost };
}
