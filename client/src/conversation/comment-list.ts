/** A card's comments as the panel keeps them: loaded once, then folded with the board stream's comment events. */
import type { BoardEvent, Comment } from '@opsboard/shared';

export function upsertComment(list: readonly Comment[], comment: Comment): Comment[] {
  const i = list.findIndex((c) => c.id === comment.id);
  if (i < 0) return [...list, comment].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  const next = [...list];
  next[i] = comment;
  return next;
}

/** The list after one board event: unchanged (the same array) when the event is not about this card's comments. */
export function applyCommentEvent(list: readonly Comment[], cardId: string, event: BoardEvent): readonly Comment[] {
  switch (event.type) {
    case 'comment.created':
    case 'comment.edited':
    case 'comment.reacted':
      return event.payload.comment.cardId === cardId ? upsertComment(list, event.payload.comment) : list;
    case 'comment.deleted':
      return event.payload.cardId === cardId ? list.filter((c) => c.id !== event.payload.commentId) : list;
    default:
      return list;
  }
}

/** Whether a board event is about this card's comments. */
export function isCommentEventOf(event: BoardEvent, cardId: string): boolean {
  switch (event.type) {
    case 'comment.created':
    case 'comment.edited':
    case 'comment.reacted':
      return event.payload.comment.cardId === cardId;
    case 'comment.deleted':
      return event.payload.cardId === cardId;
    default:
      return false;
  }
}
