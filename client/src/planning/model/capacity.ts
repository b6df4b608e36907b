/** How full the iteration is: planned points against capacity, in levels and words people act on. */
import { capacityLoad } from '@opsboard/shared';

export type LoadLevel = 'empty' | 'under' | 'full' | 'over';

export interface LoadView {
  planned: number;
  capacity: number;
  /** Planned ÷ capacity (0 when there is no capacity and nothing planned). */
  ratio: number;
  level: LoadLevel;
  words: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "Full" starts at 90 %: close enough that one more card likely overflows. "Over" is the server's rule (the one a start must confirm). */
export function loadView(planned: number, capacity: number): LoadView {
  const ratio = capacity > 0 ? planned / capacity : planned > 0 ? Infinity : 0;
  const level: LoadLevel = planned === 0 ? 'empty' : capacityLoad(planned, capacity).overCapacity ? 'over' : ratio >= 0.9 ? 'full' : 'under';
  const left = round(capacity - planned);
  const words =
    level === 'over'
      ? `${round(planned)} of ${round(capacity)} points planned: ${round(planned - capacity)} over capacity`
      : level === 'empty'
        ? `Nothing planned yet; capacity is ${round(capacity)} points`
        : `${round(planned)} of ${round(capacity)} points planned, ${left} left`;
  return { planned: round(planned), capacity: round(capacity), ratio, level, words };
}

/** The absences to send when one person's days change (the route replaces the whole list). */
export function withAbsence(current: readonly { userId: string; absenceDays: number }[], userId: string, days: number): { userId: string; days: number }[] {
  return current.map((p) => ({ userId: p.userId, days: p.userId === userId ? days : p.absenceDays })).filter((a) => a.days > 0);
}
