import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`: enough for "days in column" without re-rendering every second. */
export function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
