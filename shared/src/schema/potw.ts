/** Wire shapes of the Person of the Week: rotation, interrupts, triage, webhooks, figures. */
import Type from 'typebox';
import { Id, IsoDateTime, Markdown, Name, Nullable, StringEnum, Title } from './common.js';
import { Card } from './entities.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const INTERRUPT_SOURCES = ['ui', 'webhook', 'alertmanager'] as const;
export type InterruptSource = (typeof INTERRUPT_SOURCES)[number];

export const INTERRUPT_STATUSES = ['untriaged', 'accepted', 'escalated', 'converted', 'duplicate', 'closed'] as const;
export type InterruptStatus = (typeof INTERRUPT_STATUSES)[number];

export const TRIAGE_ACTIONS = ['accept', 'escalate', 'convert', 'duplicate', 'close'] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

const Labels = Type.Record(Type.String(), Type.String());

export const AlertInfo = Type.Object(
  {
    name: Type.String(),
    fingerprint: Type.String(),
    startsAt: IsoDateTime,
    labels: Labels,
    generatorUrl: Nullable(Type.String()),
    /** The alert's annotations (summary, description, runbook_url, ...), searchable with the card. */
    annotations: Type.Optional(Labels),
  },
  { additionalProperties: false },
);

/** Bounds of the team's acknowledge timeout (escalation to acknowledge), in minutes. */
export const ACK_TIMEOUT_MINUTES = { min: 1, max: 1440, default: 15 } as const;

/**
 * How far an untriaged critical interrupt has escalated on its own: level 1
 * went to the next person in the rotation, level 2 to the team's admins.
 */
export const AckEscalation = Type.Object(
  {
    level: Type.Integer({ minimum: 1, maximum: 2, description: '1: the next person in the rotation; 2: the team admins' }),
    at: IsoDateTime,
    userIds: Type.Array(Id, { description: 'who was notified at this level' }),
  },
  { additionalProperties: false },
);
export type AckEscalation = Type.Static<typeof AckEscalation>;

/** What makes a card an interrupt. Lives beside the card (keyed by cardId) in a board snapshot. */
export const Interrupt = Type.Object(
  {
    cardId: Id,
    source: StringEnum(INTERRUPT_SOURCES),
    severity: StringEnum(SEVERITIES),
    requester: Nullable(Type.String()),
    dedupKey: Nullable(Type.String()),
    alert: Nullable(AlertInfo),
    occurrences: Type.Integer({ description: 'how many times the source sent it' }),
    receivedAt: IsoDateTime,
    lastSeenAt: IsoDateTime,
    resolvedBySourceAt: Nullable(IsoDateTime),
    status: StringEnum(INTERRUPT_STATUSES),
    assignedPotwId: Nullable(Id),
    triagedAt: Nullable(IsoDateTime),
    triagedBy: Nullable(Id),
    escalatedTo: Nullable(Id),
    convertedCardId: Nullable(Id),
    duplicateOfCardId: Nullable(Id),
    resolution: Nullable(Type.String()),
    /** Set once nobody triaged a critical interrupt within the team's ackTimeoutMinutes (the latest level reached). */
    ackEscalation: Nullable(AckEscalation),
  },
  { additionalProperties: false },
);
export type Interrupt = Type.Static<typeof Interrupt>;

export const RaiseInterruptBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Markdown),
    requester: Type.Optional(Type.String({ minLength: 1, maxLength: 120, description: 'who asks (a person or team)' })),
    severity: Type.Optional(StringEnum(SEVERITIES)),
  },
  { additionalProperties: false },
);
export type RaiseInterruptBody = Type.Static<typeof RaiseInterruptBody>;

export const SOURCE_STATUSES = ['firing', 'resolved'] as const;

/**
 * The generic JSON webhook's body. `status` "firing" (the default) raises an
 * interrupt, or repeats the open one with the same `dedupKey`, and needs a
 * title; "resolved" marks the interrupt with that `dedupKey` resolved at
 * source, so a sender can post the same body with only the status changed.
 */
export const GenericWebhookBody = Type.Object(
  {
    title: Type.Optional(Title),
    description: Type.Optional(Markdown),
    severity: Type.Optional(StringEnum(SEVERITIES)),
    requester: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    dedupKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'repeats with the same key update one open interrupt; a resolve names the interrupt by it' })),
    status: Type.Optional(StringEnum(SOURCE_STATUSES, { description: 'firing (default) raises or repeats; resolved marks the interrupt with this dedupKey resolved at source' })),
  },
  {
    additionalProperties: false,
    if: Type.Object({ status: Type.Literal('resolved') }),
    then: { required: ['dedupKey'] },
    else: { required: ['title'] },
  },
);
export type GenericWebhookBody = Type.Static<typeof GenericWebhookBody>;

const AlertmanagerAlert = Type.Object({
  status: StringEnum(SOURCE_STATUSES),
  labels: Labels,
  annotations: Type.Optional(Labels),
  startsAt: IsoDateTime,
  endsAt: Type.Optional(Type.String()),
  generatorURL: Type.Optional(Type.String({ maxLength: 2000 })),
  fingerprint: Type.String({ minLength: 1, maxLength: 200 }),
});

/** Prometheus Alertmanager's webhook payload, version 4. Extra fields are allowed: newer Alertmanagers add some. */
export const AlertmanagerPayload = Type.Object({
  version: Type.Literal('4'),
  groupKey: Type.Optional(Type.String()),
  truncatedAlerts: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  status: StringEnum(SOURCE_STATUSES),
  receiver: Type.Optional(Type.String()),
  groupLabels: Type.Optional(Labels),
  commonLabels: Type.Optional(Labels),
  commonAnnotations: Type.Optional(Labels),
  externalURL: Type.Optional(Type.String()),
  alerts: Type.Array(AlertmanagerAlert, { minItems: 1, maxItems: 1000 }),
});
export type AlertmanagerPayload = Type.Static<typeof AlertmanagerPayload>;

export const WebhookIntakeResult = Type.Object(
  {
    created: Type.Integer(),
    updated: Type.Integer(),
    resolved: Type.Integer(),
    cardIds: Type.Array(Id),
  },
  { additionalProperties: false },
);
export type WebhookIntakeResult = Type.Static<typeof WebhookIntakeResult>;

export const TriageBody = Type.Union([
  Type.Object({ action: Type.Literal('accept'), severity: Type.Optional(StringEnum(SEVERITIES)) }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('escalate'), userId: Id, note: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
  Type.Object(
    {
      action: Type.Literal('convert'),
      boardKind: StringEnum(['planned', 'selfservice'] as const),
      title: Type.Optional(Title),
      type: Type.Optional(StringEnum(['story', 'task', 'spike', 'bug', 'chore'] as const)),
    },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('duplicate'), duplicateOfCardId: Id }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('close'), resolution: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
]);
export type TriageBody = Type.Static<typeof TriageBody>;

export const TriageResult = Type.Object(
  { card: Card, interrupt: Interrupt, created: Nullable(Card) },
  { additionalProperties: false },
);
export type TriageResult = Type.Static<typeof TriageResult>;

export const InterruptItem = Type.Object(
  { card: Card, interrupt: Interrupt, ageMs: Type.Integer({ description: 'time since it arrived' }) },
  { additionalProperties: false },
);
export type InterruptItem = Type.Static<typeof InterruptItem>;

// ---- rotation ----

export const ShiftSchema = Type.Object(
  { userId: Id, start: IsoDateTime, end: IsoDateTime, scheduledUserId: Id, overrideId: Nullable(Id) },
  { additionalProperties: false },
);

export const RotationSettings = Type.Object(
  {
    memberIds: Type.Array(Id, { maxItems: 100, uniqueItems: true }),
    handoffWeekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }),
    handoffTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local to the time zone' }),
    timezone: Type.String({ minLength: 1, maxLength: 64 }),
    /**
     * Escalation to acknowledge: a critical interrupt nobody triages within this many minutes goes to the
     * next person in the rotation, and after as long again to the team's admins; null turns it off.
     * Optional in a request (absent: unchanged); always present in answers and events.
     */
    ackTimeoutMinutes: Type.Optional(
      Nullable(Type.Integer({ minimum: ACK_TIMEOUT_MINUTES.min, maximum: ACK_TIMEOUT_MINUTES.max, description: 'minutes a critical interrupt may wait untriaged; null: no escalation' })),
    ),
  },
  { additionalProperties: false },
);
export type RotationSettings = Type.Static<typeof RotationSettings>;

export const RotationOverrideSchema = Type.Object(
  {
    id: Id,
    kind: StringEnum(['cover', 'swap'] as const),
    start: IsoDateTime,
    end: IsoDateTime,
    userId: Id,
    reason: Nullable(Type.String()),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type RotationOverrideInfo = Type.Static<typeof RotationOverrideSchema>;

export const RotationInfo = Type.Object(
  {
    settings: Nullable(RotationSettings),
    current: Nullable(ShiftSchema),
    next: Nullable(ShiftSchema),
    upcoming: Type.Array(ShiftSchema),
    overrides: Type.Array(RotationOverrideSchema),
  },
  { additionalProperties: false },
);
export type RotationInfo = Type.Static<typeof RotationInfo>;

export const OverrideBody = Type.Union([
  Type.Object(
    { kind: Type.Literal('cover'), userId: Id, start: IsoDateTime, end: IsoDateTime, reason: Type.Optional(Type.String({ maxLength: 300 })) },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('swap'), weekA: IsoDateTime, weekB: IsoDateTime, reason: Type.Optional(Type.String({ maxLength: 300 })) },
    { additionalProperties: false },
  ),
]);
export type OverrideBody = Type.Static<typeof OverrideBody>;

export const PotwAt = Type.Object({ at: IsoDateTime, shift: Nullable(ShiftSchema) }, { additionalProperties: false });

export const Handoff = Type.Object(
  {
    handoffAt: IsoDateTime,
    fromUserId: Nullable(Id),
    toUserId: Nullable(Id),
    summary: Type.String(),
    saved: Type.Boolean({ description: 'false while it is the generated draft' }),
    updatedAt: Nullable(IsoDateTime),
    updatedBy: Nullable(Id),
  },
  { additionalProperties: false },
);
export type Handoff = Type.Static<typeof Handoff>;

export const HandoffBody = Type.Object({ summary: Type.String({ minLength: 1, maxLength: 10_000 }) }, { additionalProperties: false });
export const HandoffQuery = Type.Object(
  { draft: Type.Optional(Type.Boolean({ description: 'true: a fresh draft from the board, even when a note was saved' })) },
  { additionalProperties: false },
);

// ---- webhooks and notifications ----

export const Webhook = Type.Object(
  {
    id: Id,
    name: Type.String(),
    kind: StringEnum(['generic', 'alertmanager', 'deployment'] as const),
    prefix: Type.String(),
    url: Type.String({ description: 'POST here with Authorization: Bearer <secret>' }),
    createdAt: IsoDateTime,
    lastUsedAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Webhook = Type.Static<typeof Webhook>;

export const CreateWebhookBody = Type.Object(
  { name: Name(80), kind: StringEnum(['generic', 'alertmanager', 'deployment'] as const) },
  { additionalProperties: false },
);
export const CreatedWebhook = Type.Object({ webhook: Webhook, secret: Type.String({ description: 'shown once' }) }, { additionalProperties: false });
export type CreatedWebhook = Type.Static<typeof CreatedWebhook>;

export const Notification = Type.Object(
  {
    id: Id,
    teamId: Id,
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    cardId: Nullable(Id),
    /** The board the card is on now, so the notification can link straight to it. */
    boardId: Nullable(Id),
    createdAt: IsoDateTime,
    readAt: Nullable(IsoDateTime),
  },
  { additionalProperties: false },
);
export type Notification = Type.Static<typeof Notification>;

// ---- figures ----

export const InterruptFigures = Type.Object(
  {
    label: Type.String({ description: 'week start date, the iteration name, or the person (by=person)' }),
    personId: Type.Optional(Id),
    from: IsoDateTime,
    to: IsoDateTime,
    received: Type.Integer(),
    bySource: Type.Record(Type.String(), Type.Integer()),
    bySeverity: Type.Record(Type.String(), Type.Integer()),
    triaged: Type.Integer(),
    timeToTriageMs: Type.Object({ median: Nullable(Type.Number()), p90: Nullable(Type.Number()) }, { additionalProperties: false }),
    finished: Type.Object(
      {
        total: Type.Integer(),
        interrupts: Type.Integer(),
        shareByCount: Nullable(Type.Number()),
        points: Type.Number(),
        interruptPoints: Type.Number(),
        shareByPoints: Nullable(Type.Number()),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type InterruptFigures = Type.Static<typeof InterruptFigures>;

export const FiguresQuery = Type.Object(
  {
    by: Type.Optional(StringEnum(['week', 'iteration', 'person'] as const, { description: 'person: one row per team member over the last `weeks` weeks' })),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52 })),
  },
  { additionalProperties: false },
);
