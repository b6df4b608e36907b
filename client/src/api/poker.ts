/** The planning poker routes, through the one HTTP client. */
import type { CardPokerHistory, DeckCard, OpenPokerBody, PokerReference, PokerSession, PokerSessionSummary, TeamPokerDeck } from '@opsboard/shared';
import { newKey } from '../lib/ids';
import { http } from './http';

const s = (id: string) => `/api/poker/${encodeURIComponent(id)}`;
const post = (path: string, body: unknown = {}) => http.post<PokerSession>(path, body, { idempotencyKey: newKey('poker') });

export const pokerApi = {
  list: (teamId: string) => http.get<PokerSessionSummary[]>(`/api/teams/${encodeURIComponent(teamId)}/poker`),
  open: (teamId: string, body: OpenPokerBody) => http.post<PokerSession>(`/api/teams/${encodeURIComponent(teamId)}/poker`, body, { idempotencyKey: newKey('poker') }),
  teamDeck: (teamId: string) => http.get<TeamPokerDeck>(`/api/teams/${encodeURIComponent(teamId)}/poker/deck`),
  saveTeamDeck: (teamId: string, cards: DeckCard[]) => http.put<TeamPokerDeck>(`/api/teams/${encodeURIComponent(teamId)}/poker/deck`, { cards }, { idempotencyKey: newKey('deck') }),
  forgetTeamDeck: (teamId: string) => http.del<TeamPokerDeck>(`/api/teams/${encodeURIComponent(teamId)}/poker/deck`, { idempotencyKey: newKey('deck') }),
  get: (id: string) => http.get<PokerSession>(s(id)),
  queue: (id: string, cardIds: string[]) => post(`${s(id)}/cards`, { cardIds }),
  join: (id: string, role?: 'voter' | 'viewer') => post(`${s(id)}/join`, role ? { role } : {}),
  vote: (id: string, value: string) => post(`${s(id)}/vote`, { value }),
  reveal: (id: string) => post(`${s(id)}/reveal`),
  revote: (id: string) => post(`${s(id)}/revote`),
  accept: (id: string, value: string) => post(`${s(id)}/accept`, { value }),
  skip: (id: string) => post(`${s(id)}/skip`),
  current: (id: string, itemId: string) => post(`${s(id)}/items/${encodeURIComponent(itemId)}/current`),
  facilitator: (id: string, userId: string) => post(`${s(id)}/facilitator`, { userId }),
  close: (id: string) => post(`${s(id)}/close`),
  cardHistory: (cardId: string) => http.get<CardPokerHistory[]>(`/api/cards/${encodeURIComponent(cardId)}/poker`),
  references: (cardId: string) => http.get<PokerReference[]>(`/api/cards/${encodeURIComponent(cardId)}/poker-references`),
};
