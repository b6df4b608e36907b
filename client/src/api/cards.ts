import type { Card, CardDetail, CreateCardBody, HistoryEntry, MoveCardBody, RestoreCardBody, UpdateCardBody } from '@opsboard/shared';
import { http } from './http';

const c = (cardId: string) => `/api/cards/${encodeURIComponent(cardId)}`;

export const cardsApi = {
  detail: (cardId: string) => http.get<CardDetail>(c(cardId)),
  history: (cardId: string) => http.get<HistoryEntry[]>(`${c(cardId)}/history`),
  create: (boardId: string, body: CreateCardBody, idempotencyKey: string) =>
    http.post<Card>(`/api/boards/${encodeURIComponent(boardId)}/cards`, body, { idempotencyKey }),
  update: (cardId: string, body: UpdateCardBody, idempotencyKey: string) => http.patch<Card>(c(cardId), body, { idempotencyKey }),
  move: (cardId: string, body: MoveCardBody, idempotencyKey: string) => http.post<Card>(`${c(cardId)}/move`, body, { idempotencyKey }),
  archive: (cardId: string, idempotencyKey: string) => http.post<Card>(`${c(cardId)}/archive`, {}, { idempotencyKey }),
  restore: (cardId: string, body: RestoreCardBody, idempotencyKey: string) => http.post<Card>(`${c(cardId)}/restore`, body, { idempotencyKey }),
};
