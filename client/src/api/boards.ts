import type { BoardSnapshot, Card, EventsPage } from '@opsboard/shared';
import { http } from './http';

const b = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

export const boardsApi = {
  snapshot: (boardId: string, signal?: AbortSignal) => http.get<BoardSnapshot>(b(boardId), signal ? { signal } : {}),
  archivedCards: (boardId: string) => http.get<Card[]>(`${b(boardId)}/archived-cards`),
  /** Works for team streams too (a team id is a stream id). */
  events: (streamId: string, since: number, limit: number) => http.get<EventsPage>(`${b(streamId)}/events?since=${since}&limit=${limit}`),
};
