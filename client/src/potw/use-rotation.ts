/** The team's rotation, reloaded when the caller's refresh key changes and again the moment the current shift ends. */
import { useCallback, useEffect, useState } from 'react';
import type { RotationInfo } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { potwApi } from '../api/potw';

// setTimeout takes at most a signed 32-bit delay (24.8 days); a shift is a week, so this only guards odd data.
const MAX_DELAY = 2 ** 31 - 1;

export interface RotationState {
  info: RotationInfo | null;
  error: string | null;
  reload: () => void;
  /** Replaces the shown rotation with one a write returned (no extra round trip). */
  set: (info: RotationInfo) => void;
}

export function useRotation(teamId: string | null, refreshKey: unknown = 0): RotationState {
  const [info, setInfo] = useState<RotationInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!teamId) return;
    let alive = true;
    potwApi.rotation(teamId).then(
      (value) => {
        if (!alive) return;
        setInfo(value);
        setError(null);
      },
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [teamId, refreshKey, tick]);

  // The hand-off happens on the server's schedule, not on an event: look again when the shift ends.
  const endsAt = info?.current?.end ?? info?.next?.start ?? null;
  useEffect(() => {
    if (!endsAt) return;
    const delay = Date.parse(endsAt) - Date.now() + 1000;
    if (!(delay > 0)) return;
    const timer = window.setTimeout(reload, Math.min(delay, MAX_DELAY));
    return () => window.clearTimeout(timer);
  }, [endsAt, reload]);

  return { info, error, reload, set: setInfo };
}
