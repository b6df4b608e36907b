/** The standup routes, through the one HTTP client. */
import type { FinishStandupBody, FocusStandupBody, Standup, StandupList, StandupSince, StartStandupBody } from '@opsboard/shared';
import { http } from './http';

const team = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;
const one = (id: string) => `/api/standups/${encodeURIComponent(id)}`;

export const standupApi = {
  list: (teamId: string) => http.get<StandupList>(`${team(teamId)}/standups`),
  since: (teamId: string, boardId: string | null) => http.get<StandupSince>(`${team(teamId)}/standups/since${boardId ? `?boardId=${encodeURIComponent(boardId)}` : ''}`),
  start: (teamId: string, body: StartStandupBody, idempotencyKey: string) => http.post<Standup>(`${team(teamId)}/standups`, body, { idempotencyKey }),
  focus: (id: string, body: FocusStandupBody, idempotencyKey: string) => http.post<Standup>(`${one(id)}/focus`, body, { idempotencyKey }),
  finish: (id: string, body: FinishStandupBody, idempotencyKey: string) => http.post<Standup>(`${one(id)}/finish`, body, { idempotencyKey }),
};
