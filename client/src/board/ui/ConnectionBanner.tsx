import { useEffect, useState } from 'react';
import { Icon } from '../../ui/Icon';
import type { ConnectionView } from './connection';

interface Props {
  view: ConnectionView;
  /** Changes made here that the server has not accepted yet. */
  waiting: number;
  outboxOffline: boolean;
  onRetry: () => void;
}

function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Says plainly when the board is not live, what that means for changes, and when it will try again. */
export function ConnectionBanner({ view, waiting, outboxOffline, onRetry }: Props) {
  const seconds = useSecondsUntil(view.kind === 'reconnecting' ? view.retryAt : null);
  if (view.kind === 'live' && !outboxOffline) return null;
  if (view.kind === 'catching-up') return null;
  const changes = waiting === 0 ? '' : ` ${waiting === 1 ? 'Your change is' : `Your ${waiting} changes are`} kept here and sent when the connection is back.`;
  let text: string;
  if (view.kind === 'auth-lost') text = 'Your session ended. Log in again to see live changes.';
  else if (view.kind === 'outdated') text = 'opsboard was updated on the server. Reload the page to carry on.';
  else if (view.kind === 'live') text = `The server is not answering right now.${changes}`;
  else text = `Connection lost: this board is not updating.${seconds !== null && seconds > 0 ? ` Trying again in ${seconds} s.` : ' Reconnecting…'}${changes}`;
  return (
    <div className="banner banner--warning" role="status" data-testid="connection-banner">
      <Icon name="cloudOff" />
      <p>{text}</p>
      {view.kind === 'outdated' ? (
        <button type="button" className="button button--small" onClick={() => window.location.reload()}>
          Reload
        </button>
      ) : view.kind === 'reconnecting' || view.kind === 'live' ? (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try now
        </button>
      ) : null}
    </div>
  );
}
