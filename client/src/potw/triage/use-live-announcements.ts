/** Says out loud what changed in the inbox without this person doing it: arrivals, and interrupts triaged elsewhere. */
import { useEffect, useRef, type RefObject } from 'react';
import type { BoardState } from '@opsboard/shared';
import { announce } from '../../ui/announcer';
import { SEVERITY_LABEL, sourceLabel, STATUS_DONE } from '../interrupt-words';
import type { QueueItem } from './queue';

/** The words for a change of the inbox between two looks; null when there is nothing worth saying. */
export function inboxNews(before: readonly string[], after: readonly QueueItem[], state: BoardState, ours: ReadonlySet<string>, name: (userId: string) => string): string | null {
  const had = new Set(before);
  const has = new Set(after.map((q) => q.card.id));
  // `ours` left or came back because of this person (triaged here, or put back after a refusal): not news.
  const arrived = after.filter((q) => !had.has(q.card.id) && !ours.has(q.card.id));
  const gone = before.filter((id) => !has.has(id) && !ours.has(id));
  const parts: string[] = [];
  if (arrived.length === 1) {
    const { card, interrupt } = arrived[0]!;
    parts.push(`New interrupt #${card.number}: ${card.title}. ${SEVERITY_LABEL[interrupt.severity]}, ${sourceLabel(interrupt)}.`);
  } else if (arrived.length > 1) {
    parts.push(`${arrived.length} new interrupts in the inbox.`);
  }
  for (const id of gone.slice(0, 3)) {
    const card = state.cards.get(id);
    const interrupt = state.interrupts.get(id);
    if (!card || !interrupt || interrupt.status === 'untriaged') continue;
    const by = interrupt.triagedBy ? ` by ${name(interrupt.triagedBy)}` : '';
    parts.push(`#${card.number} was ${STATUS_DONE[interrupt.status]}${by}.`);
  }
  if (gone.length > 3) parts.push(`${gone.length - 3} more were triaged elsewhere.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

export function useLiveAnnouncements(state: BoardState | null, queue: readonly QueueItem[], ours: RefObject<Set<string>>, name: (userId: string) => string): void {
  const seen = useRef<readonly string[] | null>(null);
  useEffect(() => {
    // The first full list is the starting point, not news.
    if (state === null) return;
    const before = seen.current;
    seen.current = queue.map((q) => q.card.id);
    if (before === null) return;
    const news = inboxNews(before, queue, state, ours.current, name);
    if (news) announce(news);
  }, [state, queue, ours, name]);
}
