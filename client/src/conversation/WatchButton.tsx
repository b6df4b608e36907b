import { useEffect, useState } from 'react';
import type { WatchState } from '@opsboard/shared';
import { conversationApi } from '../api/conversation';
import { plainMessage } from '../api/errors';

const WHY: Record<WatchState['reason'], string> = {
  creator: 'you created it',
  assignee: 'you are assigned',
  watching: 'you chose to, or were mentioned',
  none: '',
};

/** Watch / Unwatch: watchers are notified of comments, moves to done, blocks and escalations. */
export function WatchButton({ cardId }: { cardId: string }) {
  const [state, setState] = useState<WatchState | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    conversationApi.watch(cardId).then(
      (s) => alive && setState(s),
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [cardId]);
  if (!state) return error ? <span className="field__error">{error}</span> : null;
  const toggle = async () => {
    try {
      setState(await conversationApi.setWatch(cardId, !state.watching));
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  return (
    <button
      type="button"
      className="button button--small button--quiet"
      aria-pressed={state.watching}
      title={state.watching ? `Watching: ${WHY[state.reason]}. ${state.watcherCount} watching in all.` : `${state.watcherCount} watching. Watch to be notified of comments, moves to done, blocks and escalations.`}
      onClick={() => void toggle()}
      data-testid="watch-button"
    >
      {state.watching ? 'Unwatch' : 'Watch'}
    </button>
  );
}
