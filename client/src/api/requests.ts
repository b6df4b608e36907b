/** A person's own requests in a team: what they raised or proposed, and the feature cards they are paired on. */
import type { MyRequest, MyRequests, MyWorkItem, ProposeBody, WorkMoveBody } from '@opsboard/shared';
import { http } from './http';

const t = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

export const requestsApi = {
  mine: (teamId: string) => http.get<MyRequests>(`${t(teamId)}/my-requests`),
  propose: (teamId: string, body: ProposeBody, idempotencyKey: string) => http.post<MyRequest>(`${t(teamId)}/proposals`, body, { idempotencyKey }),
  moveWork: (teamId: string, cardId: string, body: WorkMoveBody, idempotencyKey: string) =>
    http.post<MyWorkItem>(`${t(teamId)}/my-work/${encodeURIComponent(cardId)}/move`, body, { idempotencyKey }),
};
