/** Feeds the board's search box from the server's full-text search, a moment after typing pauses. */
import { useEffect } from 'react';
import { searchApi } from '../api/search';
import type { BoardModel } from '../board/model/board-model';

const PAUSE_MS = 150;

export function useBoardTextSearch(model: BoardModel, teamId: string | null, boardId: string, q: string): void {
  useEffect(() => {
    const words = q.trim();
    if (!teamId || words === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      searchApi.boardCards(teamId, boardId, words.slice(0, 200), abort.signal).then(
        (hits) => model.setTextHits(words, new Set(hits.map((h) => h.id))),
        // Offline or refused: the local match on titles, labels and numbers still filters.
        () => undefined,
      );
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [model, teamId, boardId, q]);
}
