/**
 * How interrupts arrive: raised in the UI, posted to the generic webhook, or
 * sent by Prometheus Alertmanager. Every arrival lands as a card in the
 * interrupts board's inbox, assigned to whoever is PoTW right now, through the
 * same guarded placement path as any other card.
 */
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import type { AlertmanagerPayload, Card, GenericWebhookBody, Interrupt, InterruptSource, RaiseInterruptBody, Severity } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { BoardRow, ColumnRow } from '../boards/mappers.js';
import { toCard, toInterrupt } from '../boards/mappers.js';
import { insertCard } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Tx } from '../db/database.js';
import { boards, cards, columns, interrupts, teamMembers } from '../db/schema.js';
import { mutate, type WriteContext } from '../events/unit-of-work.js';
import type { IdempotencyOption } from '../http/idempotency.js';
import { invalidField, ok, refuse, type Result } from '../http/result.js';
import { potwAt } from '../rotation/service.js';
import { requireTeam } from '../auth/access.js';
import { applyRules } from '../tech/rules.js';
import { deliverNotice } from '../notify/deliver.js';

type Opts = IdempotencyOption;

export interface Arrival {
  title: string;
  description: string;
  severity: Severity;
  requester: string | null;
  source: InterruptSource;
  dedupKey: string | null;
  alert: Interrupt['alert'];
  webhookId: string | null;
  /**
   * A repeat of an interrupt its source had resolved raises it again. True for
   * the generic hook, whose key names one problem; false for Alertmanager,
   * whose key is one alert instance, so a late copy after `resolved` is a retry.
   */
  reraises: boolean;
}

export type ArrivalOutcome = { kind: 'created' | 'updated'; card: Card; interrupt: Interrupt };

/** The team's interrupts board and its inbox column (the first inbox-category column, else the first column). */
export async function interruptsInbox(tx: Tx, teamId: string): Promise<{ board: BoardRow; inbox: ColumnRow } | null> {
  const [board] = await tx
    .select()
    .from(boards)
    .where(and(eq(boards.teamId, teamId), eq(boards.kind, 'interrupts'), isNull(boards.archivedAt)))
    .orderBy(asc(boards.rank))
    .limit(1);
  if (!board) return null;
  const cols = await tx
    .select()
    .from(columns)
    .where(and(eq(columns.boardId, board.id), isNull(columns.archivedAt)))
    .orderBy(asc(columns.rank), asc(columns.id));
  const inbox = cols.find((c) => c.category === 'inbox') ?? cols[0];
  return inbox ? { board, inbox } : null;
}

const OPEN_STATUSES: Interrupt['status'][] = ['untriaged', 'accepted', 'escalated'];

/**
 * Records one arrival. A repeat of an open interrupt with the same dedup key
 * updates it (count, last seen) instead of creating another card.
 */
export async function arrive(w: WriteContext, teamId: string, a: Arrival, deps: Pick<ServiceDeps, 'config' | 'newId'>): Promise<Result<ArrivalOutcome>> {
  const target = await interruptsInbox(w.tx, teamId);
  if (!target) return refuse('conflict', 'This team has no interrupts board; create one to receive interrupts.');
  const { board, inbox } = target;

  if (a.dedupKey) {
    const [existing] = await w.tx
      .select({ interrupt: interrupts, card: cards })
      .from(interrupts)
      .innerJoin(cards, eq(cards.id, interrupts.cardId))
      .where(and(eq(interrupts.teamId, teamId), eq(interrupts.dedupKey, a.dedupKey), notInArray(interrupts.status, ['converted', 'duplicate', 'closed'])))
      .for('update', { of: [interrupts] });
    if (existing && existing.card.archivedAt === null) {
      const [row] = await w.tx
        .update(interrupts)
        .set({
          occurrences: existing.interrupt.occurrences + 1,
          lastSeenAt: w.now,
          ...(a.reraises && { resolvedBySourceAt: null }),
        })
        .where(eq(interrupts.cardId, existing.interrupt.cardId))
        .returning();
      const interrupt = toInterrupt(row!);
      w.emitBoard(existing.card.boardId, teamId, [{ type: 'interrupt.repeated', subjectId: interrupt.cardId, payload: { interrupt } }]);
      return ok({ kind: 'updated', card: toCard(existing.card), interrupt });
    }
  }

  const potw = await potwAt(w.tx, teamId, new Date(w.now));
  const assignee = potw && (await isMember(w.tx, teamId, potw.userId)) ? potw.userId : null;
  const cardId = deps.newId();
  const created = await insertCard(
    w,
    cardId,
    board,
    {
      title: a.title,
      description: a.description,
      type: 'interrupt',
      priority: a.severity === 'critical' ? 'urgent' : a.severity === 'low' ? 'low' : a.severity,
      columnId: inbox.id,
      assigneeIds: assignee ? [assignee] : [],
      labels: a.source === 'alertmanager' ? ['alert'] : [],
      // Intake never waits on a warn-policy inbox: the reason is recorded like any override.
      overrideReason: `Arrived via ${a.source}`,
    },
    w.actor.userId,
    null,
  );
  if (!created.ok) return created;
  const [row] = await w.tx
    .insert(interrupts)
    .values({
      cardId,
      teamId,
      source: a.source,
      severity: a.severity,
      requester: a.requester,
      dedupKey: a.dedupKey,
      webhookId: a.webhookId,
      alert: a.alert,
      occurrences: 1,
      receivedAt: w.now,
      lastSeenAt: w.now,
      status: 'untriaged',
      assignedPotwId: assignee,
    })
    .returning();
  const interrupt = toInterrupt(row!);
  w.emitBoard(board.id, teamId, [{ type: 'interrupt.received', subjectId: cardId, payload: { interrupt } }]);
  // An alert names its technologies by the team's label rules (seed 001: which technologies generate the interrupts).
  if (a.alert) await applyRules(w, teamId, cardId, a.alert.labels);
  // A critical or high interrupt reaches the PoTW where their preferences say (in-app, e-mail), not only the board.
  if (assignee && (a.severity === 'critical' || a.severity === 'high')) {
    await deliverNotice(w.tx, deps, w.now, {
      userId: assignee,
      teamId,
      kind: 'interrupt.urgent',
      title: `New ${a.severity} interrupt #${created.value.number}: ${a.title}`,
      body: a.description,
      cardId,
      path: `/boards/${board.id}`,
    });
  }
  return ok({ kind: 'created', card: created.value, interrupt });
}

async function isMember(tx: Tx, teamId: string, userId: string): Promise<boolean> {
  const [row] = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)));
  return row !== undefined;
}

/** "Raise an interrupt" from the UI: any member of the team, and guests (requesters outside it). */
export async function raiseInterrupt(deps: ServiceDeps, auth: AuthInfo, teamId: string, body: RaiseInterruptBody, o: Opts): Promise<Result<{ card: Card; interrupt: Interrupt }>> {
  return mutate(deps, { actor: { userId: auth.user.id }, idempotencyKey: o.idempotencyKey }, async (w) => {
    const access = await requireTeam(w.tx, auth.user.id, teamId, 'raise');
    if (!access.ok) return access;
    const result = await arrive(
      w,
      teamId,
      {
        title: body.title.trim(),
        description: body.description ?? '',
        severity: body.severity ?? 'medium',
        requester: body.requester?.trim() || auth.user.name,
        source: 'ui',
        dedupKey: null,
        alert: null,
        webhookId: null,
        reraises: false,
      },
      deps,
    );
    return result.ok ? ok({ card: result.value.card, interrupt: result.value.interrupt }) : result;
  });
}

/** The stored key of a generic hook's `dedupKey` (namespaced apart from Alertmanager's). */
export const genericDedupKey = (key: string): string => `generic:${key}`;

/** A firing generic body as an arrival; the schema requires its title, the parse does not assume it. */
export function genericArrival(body: GenericWebhookBody, webhookId: string): Result<Arrival> {
  const title = body.title?.trim() ?? '';
  if (title === '') return invalidField('title', 'is required to raise an interrupt');
  return ok({
    title,
    description: body.description ?? '',
    severity: body.severity ?? 'medium',
    requester: body.requester?.trim() || null,
    source: 'webhook',
    dedupKey: body.dedupKey ? genericDedupKey(body.dedupKey) : null,
    alert: null,
    webhookId,
    reraises: true,
  });
}

/** Maps the usual Alertmanager severity labels onto ours. */
export function severityOf(label: string | undefined): Severity {
  switch ((label ?? '').toLowerCase()) {
    case 'critical':
    case 'page':
    case 'emergency':
    case 'sev1':
    case 'p1':
      return 'critical';
    case 'error':
    case 'high':
    case 'major':
    case 'sev2':
    case 'p2':
      return 'high';
    case 'info':
    case 'informational':
    case 'low':
    case 'minor':
    case 'sev4':
    case 'p4':
      return 'low';
    default:
      return 'medium';
  }
}

type Alert = AlertmanagerPayload['alerts'][number];

/** Alertmanager retries and HA peers resend: one alert instance is (fingerprint, startsAt). */
export function alertDedupKey(alert: Alert): string {
  return `alertmanager:${alert.fingerprint}:${new Date(alert.startsAt).toISOString()}`;
}

export function alertArrival(alert: Alert, payload: AlertmanagerPayload, webhookId: string): Arrival {
  const labels = alert.labels;
  const annotations = { ...payload.commonAnnotations, ...alert.annotations };
  const name = labels.alertname ?? 'Alert';
  const where = labels.instance ?? labels.host ?? labels.job ?? labels.service;
  const summary = annotations.summary ?? annotations.message;
  const title = [name, where ? `on ${where}` : null].filter(Boolean).join(' ') + (summary ? `: ${summary}` : '');
  const labelLines = Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`);
  const description = [
    annotations.description ?? '',
    alert.generatorURL ? `[Open in Prometheus](${alert.generatorURL})` : '',
    annotations.runbook_url ? `[Runbook](${annotations.runbook_url})` : '',
    labelLines.length > 0 ? ['| label | value |', '|---|---|', ...labelLines].join('\n') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    title: title.slice(0, 300),
    description: description.slice(0, 20_000),
    severity: severityOf(labels.severity),
    requester: payload.receiver ? `Alertmanager (${payload.receiver})` : 'Alertmanager',
    source: 'alertmanager',
    dedupKey: alertDedupKey(alert),
    alert: { name, fingerprint: alert.fingerprint, startsAt: new Date(alert.startsAt).toISOString(), labels, generatorUrl: alert.generatorURL ?? null, annotations },
    webhookId,
    reraises: false,
  };
}

export { OPEN_STATUSES };
