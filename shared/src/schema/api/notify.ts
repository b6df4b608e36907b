import Type from 'typebox';
import { Id, IsoDateTime, Name, Nullable, StringEnum } from '../common.js';
import { NOTIFY_CHANNELS, NOTIFY_KINDS } from '../../domain/notify.js';

const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local to the person’s time zone' });
const Channels = Type.Array(StringEnum(NOTIFY_CHANNELS), { maxItems: NOTIFY_CHANNELS.length, uniqueItems: true });

export const NotifyPreferencesBody = Type.Object(
  {
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' }),
    routes: Type.Object(Object.fromEntries(NOTIFY_KINDS.map((k) => [k, Channels])) as Record<(typeof NOTIFY_KINDS)[number], typeof Channels>, {
      additionalProperties: false,
      description: 'Per notice kind, the channels it goes to',
    }),
    quietHours: Nullable(Type.Object({ start: LocalTime, end: LocalTime }, { additionalProperties: false })),
    urgentBreaksQuiet: Type.Boolean({ description: 'Critical interrupts and unacknowledged escalations still reach me in quiet hours' }),
    digestAt: Nullable(LocalTime),
    chatHandle: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 64,
          description: 'How the team chat knows you: a Slack member ID (U024BE7LH) or a Mattermost/Teams username; notices routed to chat mention you. Left out: unchanged',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type NotifyPreferencesBody = Type.Static<typeof NotifyPreferencesBody>;

export const NotifyPreferencesView = Type.Object(
  {
    preferences: NotifyPreferencesBody,
    emailEnabled: Type.Boolean({ description: 'Whether this server sends e-mail (SMTP configured)' }),
  },
  { additionalProperties: false },
);
export type NotifyPreferencesView = Type.Static<typeof NotifyPreferencesView>;

export const HOOK_FORMATS = ['generic', 'slack', 'mattermost', 'teams'] as const;
export type HookFormat = (typeof HOOK_FORMATS)[number];

const EventType = Type.String({ minLength: 1, maxLength: 80, pattern: '^(\\*|[a-z_]+\\.[a-z_]+)$', description: 'an event type such as card.moved, or * for all' });

export const OutgoingHook = Type.Object(
  {
    id: Id,
    teamId: Id,
    name: Type.String(),
    url: Type.String(),
    format: StringEnum(HOOK_FORMATS),
    events: Type.Array(Type.String()),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type OutgoingHook = Type.Static<typeof OutgoingHook>;

export const CreateHookBody = Type.Object(
  {
    name: Name(80),
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) URL; private, loopback and link-local addresses are refused unless the instance allows them' }),
    format: StringEnum(HOOK_FORMATS, { description: 'generic: signed JSON of each event; slack, mattermost, teams: chat messages to an incoming webhook' }),
    events: Type.Optional(Type.Array(EventType, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'event types to send; chat hooks default to the ones a channel needs' })),
  },
  { additionalProperties: false },
);
export type CreateHookBody = Type.Static<typeof CreateHookBody>;

export const CreatedHook = Type.Object(
  { hook: OutgoingHook, secret: Type.String({ description: 'HMAC-SHA256 key of the opsboard-signature header; shown once' }) },
  { additionalProperties: false },
);
export type CreatedHook = Type.Static<typeof CreatedHook>;

export const HookDelivery = Type.Object(
  {
    id: Id,
    eventType: Type.String(),
    status: StringEnum(['pending', 'delivered', 'failed'] as const),
    attempts: Type.Integer(),
    lastStatus: Nullable(Type.Integer()),
    lastError: Nullable(Type.String()),
    nextAttemptAt: IsoDateTime,
    createdAt: IsoDateTime,
    deliveredAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type HookDelivery = Type.Static<typeof HookDelivery>;
