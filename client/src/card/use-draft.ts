import { useState } from 'react';

/**
 * Local text for a field being edited. Follows the live value (someone else's
 * change shows at once) until the person starts typing; from then on their
 * draft stays, and `stale` says the card changed underneath it.
 */
export function useDraft<T>(live: T) {
  const [draft, setDraftState] = useState(live);
  const [base, setBase] = useState(live);
  const [dirty, setDirty] = useState(false);
  if (!Object.is(base, live) && !dirty) {
    // Adjusting state while rendering: React re-renders at once with the new value.
    setBase(live);
    setDraftState(live);
  }
  return {
    draft,
    dirty,
    stale: dirty && !Object.is(base, live),
    set(value: T) {
      setDraftState(value);
      setDirty(true);
    },
    /** The draft is saved (or dropped): follow the live value again. */
    reset() {
      setDirty(false);
      setBase(live);
      setDraftState(live);
    },
  };
}
