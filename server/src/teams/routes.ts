import Type from 'typebox';
import { CreateTeamBody, Id, Invitation, InviteBody, InviteResult, Member, Ok, Team, TeamParams, UpdateMemberBody, UpdateTeamBody } from '@opsboard/shared';
import { caller } from '../auth/plugin.js';
import type { ServiceDeps } from '../context.js';
import { sendResult } from '../http/errors.js';
import { idempotency, MutationHeaders, responses, type App } from '../http/types.js';
import * as teams from './service.js';

const MemberParams = Type.Object({ teamId: Id, userId: Id }, { additionalProperties: false });
const InvitationParams = Type.Object({ teamId: Id, invitationId: Id }, { additionalProperties: false });
const tags = ['teams'];

export function teamRoutes(app: App, deps: ServiceDeps): void {
  const db = deps.database.db;

  app.get('/api/teams', { schema: { tags, summary: 'Teams I am a member of', response: responses({ 200: Type.Array(Team) }) } }, async (request) =>
    teams.listTeams(db, caller(request).user.id),
  );

  app.post(
    '/api/teams',
    { schema: { tags, summary: 'Create a team (with its planned, interrupts and SS&A boards); I become its admin', body: CreateTeamBody, headers: MutationHeaders, response: responses({ 201: Team }) } },
    async (request, reply) =>
      sendResult(reply, await teams.createTeam(deps, caller(request), request.body, idempotency(request)), 201),
  );

  app.get('/api/teams/:teamId', { schema: { tags, summary: 'One team', params: TeamParams, response: responses({ 200: Team }) } }, async (request, reply) =>
    sendResult(reply, await teams.getTeam(db, caller(request).user.id, request.params.teamId)),
  );

  app.patch(
    '/api/teams/:teamId',
    { schema: { tags, summary: 'Rename a team or change its time zone (admin)', params: TeamParams, body: UpdateTeamBody, headers: MutationHeaders, response: responses({ 200: Team }) } },
    async (request, reply) =>
      sendResult(reply, await teams.updateTeam(deps, caller(request), request.params.teamId, request.body, idempotency(request))),
  );

  app.get('/api/teams/:teamId/members', { schema: { tags, summary: 'Members and their roles', params: TeamParams, response: responses({ 200: Type.Array(Member) }) } }, async (request, reply) =>
    sendResult(reply, await teams.listMembers(db, caller(request).user.id, request.params.teamId)),
  );

  app.patch(
    '/api/teams/:teamId/members/:userId',
    { schema: { tags, summary: "Change a member's role (admin)", params: MemberParams, body: UpdateMemberBody, headers: MutationHeaders, response: responses({ 200: Member }) } },
    async (request, reply) =>
      sendResult(
        reply,
        await teams.updateMember(deps, caller(request), request.params.teamId, request.params.userId, request.body.role, idempotency(request)),
      ),
  );

  app.delete(
    '/api/teams/:teamId/members/:userId',
    { schema: { tags, summary: 'Remove a member (admin), or leave the team (yourself)', params: MemberParams, headers: MutationHeaders, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const result = await teams.removeMember(deps, caller(request), request.params.teamId, request.params.userId, idempotency(request));
      return sendResult(reply, result.ok ? { ok: true as const, value: { ok: true as const } } : result);
    },
  );

  app.get('/api/teams/:teamId/invitations', { schema: { tags, summary: 'Pending invitations (admin)', params: TeamParams, response: responses({ 200: Type.Array(Invitation) }) } }, async (request, reply) =>
    sendResult(reply, await teams.listInvitations(db, caller(request).user.id, request.params.teamId)),
  );

  app.post(
    '/api/teams/:teamId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite by e-mail with a role (admin): an existing account joins at once, a new one on sign-up',
        params: TeamParams,
        body: InviteBody,
        headers: MutationHeaders,
        response: responses({ 201: InviteResult }),
      },
    },
    async (request, reply) =>
      sendResult(reply, await teams.invite(deps, caller(request), request.params.teamId, request.body, idempotency(request)), 201),
  );

  app.delete(
    '/api/teams/:teamId/invitations/:invitationId',
    { schema: { tags, summary: 'Withdraw an invitation (admin)', params: InvitationParams, response: responses({ 200: Ok }) } },
    async (request, reply) => {
      const result = await teams.cancelInvitation(deps, caller(request), request.params.teamId, request.params.invitationId);
      return sendResult(reply, result.ok ? { ok: true as const, value: { ok: true as const } } : result);
    },
  );
}
