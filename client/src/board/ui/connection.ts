/** One status for the header and the banner, from the socket, the sync and the outbox. */
import type { ConnectionState } from '../../realtime/socket';
import type { SyncPhase } from '../store/board-sync';

export type ConnectionView =
  | { kind: 'live' }
  | { kind: 'catching-up' }
  | { kind: 'reconnecting'; retryAt: number | null }
  | { kind: 'auth-lost' }
  | { kind: 'outdated' };

export function connectionView(socket: ConnectionState, phase: SyncPhase): ConnectionView {
  switch (socket.status) {
    case 'live':
      return phase === 'catching-up' || phase === 'reloading' ? { kind: 'catching-up' } : { kind: 'live' };
    case 'connecting':
      return { kind: 'reconnecting', retryAt: null };
    case 'waiting':
      return { kind: 'reconnecting', retryAt: socket.retryAt };
    case 'auth-lost':
      return { kind: 'auth-lost' };
    case 'outdated':
      return { kind: 'outdated' };
    case 'stopped':
      return { kind: 'reconnecting', retryAt: null };
  }
}
