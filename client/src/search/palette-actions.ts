/** Actions a page offers in the command palette while it is open (e.g. the board's "New card"). */
import { useEffect } from 'react';

export interface PaletteAction {
  id: string;
  label: string;
  /** A short word after the label: where it acts. */
  hint?: string;
  run: () => void;
}

const registered = new Map<symbol, readonly PaletteAction[]>();

/** Offers `actions` while the calling component is mounted; pass a memoised array. */
export function usePaletteActions(actions: readonly PaletteAction[]): void {
  useEffect(() => {
    const key = Symbol('palette-actions');
    registered.set(key, actions);
    return () => {
      registered.delete(key);
    };
  }, [actions]);
}

/** What the open pages offer now, most recently mounted first. */
export function pageActions(): PaletteAction[] {
  return [...registered.values()].reverse().flat();
}
