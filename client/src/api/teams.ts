import type { Board, CreateTeamBody, Invitation, InviteBody, InviteResult, Member, PersonWip, Role, Team } from '@opsboard/shared';
import { http } from './http';

const t = (teamId: string) => `/api/teams/${encodeURIComponent(teamId)}`;

export const teamsApi = {
  list: () => http.get<Team[]>('/api/teams'),
  get: (teamId: string) => http.get<Team>(t(teamId)),
  create: (body: CreateTeamBody, idempotencyKey: string) => http.post<Team>('/api/teams', body, { idempotencyKey }),
  members: (teamId: string) => http.get<Member[]>(`${t(teamId)}/members`),
  setRole: (teamId: string, userId: string, role: Role) => http.patch<Member>(`${t(teamId)}/members/${encodeURIComponent(userId)}`, { role }),
  removeMember: (teamId: string, userId: string) => http.del<{ ok: true }>(`${t(teamId)}/members/${encodeURIComponent(userId)}`),
  invitations: (teamId: string) => http.get<Invitation[]>(`${t(teamId)}/invitations`),
  invite: (teamId: string, body: InviteBody, idempotencyKey: string) => http.post<InviteResult>(`${t(teamId)}/invitations`, body, { idempotencyKey }),
  cancelInvitation: (teamId: string, invitationId: string) => http.del<{ ok: true }>(`${t(teamId)}/invitations/${encodeURIComponent(invitationId)}`),
  boards: (teamId: string) => http.get<Board[]>(`${t(teamId)}/boards`),
  /** Live and archived boards, in the team's order. */
  allBoards: (teamId: string) => http.get<Board[]>(`${t(teamId)}/boards?archived=true`),
  /** Each person's cards in progress per live board: what per-person WIP limits count. */
  personWip: (teamId: string) => http.get<PersonWip[]>(`${t(teamId)}/person-wip`),
};
