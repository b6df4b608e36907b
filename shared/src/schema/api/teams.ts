import Type from 'typebox';
import { Email, Name, StringEnum } from '../common.js';
import { Invitation, Member, ROLES } from '../entities.js';

export const Timezone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });

export const CreateTeamBody = Type.Object(
  { name: Name(80), timezone: Type.Optional(Timezone) },
  { additionalProperties: false },
);
export type CreateTeamBody = Type.Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  { name: Type.Optional(Name(80)), timezone: Type.Optional(Timezone) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTeamBody = Type.Static<typeof UpdateTeamBody>;

export const InviteBody = Type.Object(
  { email: Email, role: StringEnum(ROLES) },
  { additionalProperties: false },
);
export type InviteBody = Type.Static<typeof InviteBody>;

export const InviteResult = Type.Object(
  {
    status: Type.Union([Type.Literal('added'), Type.Literal('invited')]),
    member: Type.Union([Member, Type.Null()]),
    invitation: Type.Union([Invitation, Type.Null()]),
  },
  { additionalProperties: false },
);
export type InviteResult = Type.Static<typeof InviteResult>;

export const UpdateMemberBody = Type.Object({ role: StringEnum(ROLES) }, { additionalProperties: false });
