import type { CardRef, CardSearchHit, CreateSavedFilterBody, SavedFilter, UpdateSavedFilterBody } from '@opsboard/shared';
import { http } from './http';

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

export const searchApi = {
  /** Full-text search over every team the caller may read, best first. */
  cards: (q: string, signal?: AbortSignal) => http.get<CardSearchHit[]>(`/api/search?${new URLSearchParams({ q, limit: '12' }).toString()}`, signal ? { signal } : {}),
  /** The ids of a board's cards the words match (the board's search box). */
  boardCards: (teamId: string, boardId: string, q: string, signal?: AbortSignal) =>
    http.get<CardRef[]>(`${team(teamId)}/cards?${new URLSearchParams({ q, boardId, limit: '500' }).toString()}`, signal ? { signal } : {}),
  /** The team's cards the words (or a #number) match, in any column, best first. */
  teamCards: (teamId: string, q: string, signal?: AbortSignal) =>
    http.get<CardRef[]>(`${team(teamId)}/cards?${new URLSearchParams({ q, limit: '50' }).toString()}`, signal ? { signal } : {}),
  savedFilters: (teamId: string) => http.get<SavedFilter[]>(`${team(teamId)}/saved-filters`),
  saveFilter: (teamId: string, body: CreateSavedFilterBody, idempotencyKey: string) => http.post<SavedFilter>(`${team(teamId)}/saved-filters`, body, { idempotencyKey }),
  updateFilter: (id: string, body: UpdateSavedFilterBody, idempotencyKey: string) => http.patch<SavedFilter>(`/api/saved-filters/${encodeURIComponent(id)}`, body, { idempotencyKey }),
  deleteFilter: (id: string, idempotencyKey: string) => http.del<{ ok: true }>(`/api/saved-filters/${encodeURIComponent(id)}`, { idempotencyKey }),
};
