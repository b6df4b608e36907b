import Type from 'typebox';
import { Email, Id, IsoDateTime, Name, Nullable } from '../common.js';
import { User } from '../entities.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });

export const SignupBody = Type.Object(
  { email: Email, name: Name(80), password: Password },
  { additionalProperties: false },
);
export type SignupBody = Type.Static<typeof SignupBody>;

export const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Password },
  { additionalProperties: false },
);
export type LoginBody = Type.Static<typeof LoginBody>;

export const SessionInfo = Type.Object(
  {
    user: User,
    csrfToken: Nullable(Type.String({ description: 'send as x-csrf-token on cookie-authenticated mutations' })),
    via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  },
  { additionalProperties: false },
);
export type SessionInfo = Type.Static<typeof SessionInfo>;

export const SessionSummary = Type.Object(
  {
    id: Type.String(),
    current: Type.Boolean(),
    userAgent: Nullable(Type.String()),
    createdAt: IsoDateTime,
    lastSeenAt: IsoDateTime,
    expiresAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type SessionSummary = Type.Static<typeof SessionSummary>;

export const CreateTokenBody = Type.Object(
  { name: Name(80), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })) },
  { additionalProperties: false },
);

export const ApiToken = Type.Object(
  {
    id: Id,
    name: Type.String(),
    prefix: Type.String(),
    createdAt: IsoDateTime,
    lastUsedAt: Nullable(IsoDateTime),
    expiresAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type ApiToken = Type.Static<typeof ApiToken>;

export const CreatedToken = Type.Object(
  { token: ApiToken, secret: Type.String({ description: 'shown once; send as Authorization: Bearer <secret>' }) },
  { additionalProperties: false },
);
export type CreatedToken = Type.Static<typeof CreatedToken>;

export const InstanceInfo = Type.Object(
  {
    hasUsers: Type.Boolean(),
    signup: Type.Union([Type.Literal('open'), Type.Literal('invite')]),
    database: Type.Union([Type.Literal('postgres'), Type.Literal('pglite')]),
    demo: Nullable(Type.Object({ email: Type.String(), password: Type.String() }, { additionalProperties: false })),
    /** The caller's session when this browser is logged in, so a start-up needs one request and no 401. */
    session: Nullable(SessionInfo),
  },
  { additionalProperties: false },
);
export type InstanceInfo = Type.Static<typeof InstanceInfo>;
