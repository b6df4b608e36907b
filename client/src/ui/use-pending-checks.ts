/**
 * Checkboxes whose truth is on the server (a card's checklist and Definition of Done): what the person
 * just ticked shows at once, while the change travels, instead of springing back until the board's live
 * stream brings the card again. A pending value holds only while the card is still at the version it was
 * ticked on; the next version of the card (this change arriving, or somebody else's) is the truth again,
 * and a refused change is dropped at once.
 */
import { useState } from 'react';

interface Pending {
  value: boolean;
  version: number;
}

export interface PendingChecks {
  /** The value to show: the pending one while the card has not moved on, else the server's. */
  shown(id: string, server: boolean): boolean;
  /** Shows `value` for `id` at once and runs the change; a failure drops it (and rethrows for the caller's message). */
  run(id: string, value: boolean, change: () => Promise<unknown>): Promise<void>;
}

export function usePendingChecks(version: number): PendingChecks {
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(() => new Map());
  const shown = (id: string, server: boolean) => {
    const p = pending.get(id);
    return p !== undefined && p.version === version ? p.value : server;
  };
  const run = async (id: string, value: boolean, change: () => Promise<unknown>) => {
    setPending((prev) => new Map(prev).set(id, { value, version }));
    try {
      await change();
    } catch (err) {
      setPending((prev) => {
        const next = new Map(prev);
        next.delete(id);
        return next;
      });
      throw err;
    }
  };
  return { shown, run };
}
