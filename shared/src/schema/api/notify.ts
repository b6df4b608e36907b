import Type from 'typebox';
import { Nullable, StringEnum } from '../common.js';
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
