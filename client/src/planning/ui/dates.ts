/** Date words for iterations: "30 Nov – 11 Dec 2026 · 10 working days". */
import type { Iteration } from '@opsboard/shared';
import { formatDate } from '../../lib/time';
import { lengthWords } from '../model/defaults';

export function rangeWords(iteration: Pick<Iteration, 'startDate' | 'endDate'>): string {
  return `${formatDate(iteration.startDate)} – ${formatDate(iteration.endDate)}`;
}

export function rangeWithLength(iteration: Pick<Iteration, 'startDate' | 'endDate'>): string {
  return `${rangeWords(iteration)} · ${lengthWords(iteration.startDate, iteration.endDate)}`;
}
