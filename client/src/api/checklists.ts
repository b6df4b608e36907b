import type { AddChecklistItemBody, Board, Card, SetDodBody, UpdateChecklistItemBody } from '@opsboard/shared';
import { newKey } from '../lib/ids';
import { http } from './http';

const c = (cardId: string) => `/api/cards/${encodeURIComponent(cardId)}`;
const item = (cardId: string, itemId: string) => `${c(cardId)}/checklist/${encodeURIComponent(itemId)}`;

/** Checklist items and Definition of Done ticks; each answer is the whole card, and the board hears it as a card.updated. */
export const checklistsApi = {
  add: (cardId: string, body: AddChecklistItemBody) => http.post<Card>(`${c(cardId)}/checklist`, body, { idempotencyKey: newKey('check') }),
  update: (cardId: string, itemId: string, body: UpdateChecklistItemBody) => http.patch<Card>(item(cardId, itemId), body, { idempotencyKey: newKey('check') }),
  remove: (cardId: string, itemId: string) => http.del<Card>(item(cardId, itemId), { idempotencyKey: newKey('check') }),
  tickDod: (cardId: string, criterionId: string, done: boolean) =>
    http.put<Card>(`${c(cardId)}/dod/${encodeURIComponent(criterionId)}`, { done }, { idempotencyKey: newKey('dod') }),
  setDod: (boardId: string, body: SetDodBody) => http.put<Board>(`/api/boards/${encodeURIComponent(boardId)}/definition-of-done`, body, { idempotencyKey: newKey('dod') }),
};
