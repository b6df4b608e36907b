import { useEffect, useState } from 'react';
import type { BoardStore } from '../board/store/board-store';
import { isCommentEventOf } from './comment-list';

/** Counts the card's comment events seen live: the history reloads on it (comments leave the card's version alone). */
export function useCommentRevision(store: BoardStore, cardId: string): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => store.onEvent((event) => isCommentEventOf(event, cardId) && setRevision((r) => r + 1)), [store, cardId]);
  return revision;
}
