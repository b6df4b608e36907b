import type { ActivityKind, ActivityPage, Comment, Reaction, WatchState } from '@opsboard/shared';
import { http } from './http';

const c = (cardId: string) => `/api/cards/${encodeURIComponent(cardId)}`;
const one = (cardId: string, commentId: string) => `${c(cardId)}/comments/${encodeURIComponent(commentId)}`;

export const conversationApi = {
  comments: (cardId: string) => http.get<Comment[]>(`${c(cardId)}/comments`),
  create: (cardId: string, body: string, idempotencyKey: string) => http.post<Comment>(`${c(cardId)}/comments`, { body }, { idempotencyKey }),
  edit: (cardId: string, commentId: string, body: string, idempotencyKey: string) => http.patch<Comment>(one(cardId, commentId), { body }, { idempotencyKey }),
  remove: (cardId: string, commentId: string, idempotencyKey: string) => http.del<{ ok: true }>(one(cardId, commentId), { idempotencyKey }),
  react: (cardId: string, commentId: string, emoji: Reaction, idempotencyKey: string) => http.post<Comment>(`${one(cardId, commentId)}/reactions`, { emoji }, { idempotencyKey }),
  watch: (cardId: string) => http.get<WatchState>(`${c(cardId)}/watch`),
  setWatch: (cardId: string, watching: boolean) => (watching ? http.put<WatchState>(`${c(cardId)}/watch`, {}) : http.del<WatchState>(`${c(cardId)}/watch`)),
};

export interface ActivityFilter {
  kind?: ActivityKind;
  boardId?: string;
  personId?: string;
  from?: string;
  to?: string;
}

export const activityApi = {
  team: (teamId: string, filter: ActivityFilter, before: string | null) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (typeof v === 'string' && v !== '') q.set(k, v);
    if (before) q.set('before', before);
    q.set('limit', '50');
    return http.get<ActivityPage>(`/api/teams/${encodeURIComponent(teamId)}/activity?${q.toString()}`);
  },
};
