/** The standup clock: total seconds and seconds per speaker, counted while not paused. Shown, never nagging. */
import { useEffect, useRef, useState } from 'react';

export interface StandupTimer {
  total: number;
  perPerson: ReadonlyMap<string, number>;
}

const ZERO: StandupTimer = { total: 0, perPerson: new Map() };

/** `resetKey` starts the count again (a new standup). */
export function useStandupTimer(running: boolean, speaker: string | null, resetKey: string): StandupTimer {
  const [timer, setTimer] = useState<StandupTimer & { key: string }>({ ...ZERO, key: resetKey });
  const latest = useRef({ speaker, resetKey });
  useEffect(() => {
    latest.current = { speaker, resetKey };
  });
  useEffect(() => {
    if (!running) return;
    const tick = window.setInterval(() => {
      setTimer((previous) => {
        const { speaker: who, resetKey: key } = latest.current;
        const t = previous.key === key ? previous : { ...ZERO, key };
        const perPerson = who === null ? t.perPerson : new Map(t.perPerson).set(who, (t.perPerson.get(who) ?? 0) + 1);
        return { total: t.total + 1, perPerson, key };
      });
    }, 1000);
    return () => window.clearInterval(tick);
  }, [running]);
  return timer.key === resetKey ? timer : ZERO;
}
