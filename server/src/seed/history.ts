/**
 * Five weeks of a platform team's life, replayed through the real services on
 * a simulated clock: three two-week iterations (two closed, one running),
 * features with leads, a PoTW rotation, and interrupts from people and from
 * Alertmanager, triaged as a PoTW would. Everything lands in the event log, so
 * burndown, velocity and interrupt figures have real history from day one.
 */
import { addCalendarDays, calendarWeekday, capacityLoad, instantToZoned, weekStart, zonedWallTimeToInstant, type Board, type Card, type CardType, type Column, type Priority, type Role, type TriageBody, type User } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { listBoards } from '../boards/service.js';
import { readSnapshot } from '../boards/snapshot.js';
import { createCard, moveCard, updateCard } from '../cards/service.js';
import type { ServiceDeps } from '../context.js';
import type { Result } from '../http/result.js';
import { raiseInterrupt } from '../interrupts/intake.js';
import { triage } from '../interrupts/triage.js';
import { createWebhook, intakeAlertmanager, authenticateWebhook } from '../interrupts/webhooks.js';
import { createFeature } from '../planning/features.js';
import { iterationDetail } from '../planning/detail.js';
import { addCards, createIteration } from '../planning/iterations.js';
import { closeIteration, startIteration } from '../planning/lifecycle.js';
import { potwAt, updateRotation } from '../rotation/service.js';
import { createTeam, invite } from '../teams/service.js';
import { catalogueAssessments, linkCatalogue, seedCatalogue, settleDemoAssessment, type CatalogueSeed } from './tech.js';

export const TIMEZONE = 'Europe/Berlin';

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo seed: ${what}: ${result.refusal.code} ${result.refusal.message}`);
  return result.value;
}

type Step = { at: number; run: () => Promise<void> };

/** A tiny scheduler: steps run in time order with the clock set to their instant. */
class Timeline {
  private steps: Step[] = [];
  private seq = 0;
  constructor(
    private readonly setNow: (ms: number) => void,
    /** Nothing happens after this instant (now): a step planned later happens now, in its order. */
    private readonly endMs: number,
  ) {}
  at(when: Date, run: () => Promise<void>): void {
    // A stable tiebreak keeps steps of one instant in the order they were written.
    this.steps.push({ at: when.getTime() + this.seq++ * 1e-6, run });
  }
  async play(): Promise<void> {
    for (const step of this.steps.sort((a, b) => a.at - b.at)) {
      this.setNow(Math.min(Math.floor(step.at), this.endMs));
      await step.run();
    }
  }
}

interface PlannedCard {
  title: string;
  points: number;
  board: 'planned' | 'selfservice';
  feature?: string;
  type?: CardType;
  labels?: string[];
  priority?: Priority;
  description?: string;
  pair: [number, number] | [number];
  /** Working-day offsets within the iteration: start work, go to review, done (absent = not reached). */
  flow: { doing?: number; review?: number; done?: number };
  blocked?: string;
}

interface Person {
  user: User;
  role: Role;
}

export async function playHistory(svc: ServiceDeps, people: Person[], end: Date, setNow: (ms: number) => void): Promise<{ alertmanager: { url: string; secret: string } }> {
  const key = { idempotencyKey: null };
  const as = (i: number): AuthInfo => ({ user: people[i]!.user, via: 'token', sessionId: null, tokenHash: null, csrfToken: null });
  const [alex, sam, priya, jordan, mia] = [0, 1, 2, 3, 4];
  // Five weeks back from the Monday of this week; the running iteration started last Monday. On a
  // weekend that iteration has just ended, so the story is told a week on: the running iteration
  // started this Monday and still runs (an overdue iteration on first start would look broken).
  const weekend = calendarWeekday(instantToZoned(end, TIMEZONE).date) >= 6;
  const monday0 = addCalendarDays(weekStart(end, TIMEZONE), weekend ? 7 : 0);
  const day = (offset: number, time = '10:00') => zonedWallTimeToInstant(addCalendarDays(monday0, offset), time, TIMEZONE);
  const tl = new Timeline(setNow, end.getTime());
  const state: { team?: { id: string }; boards?: Record<Board['kind'], Board>; columns?: Record<string, Column[]>; features: Record<string, string>; hook?: { id: string; url: string; secret: string } } = {
    features: {},
  };
  const column = (kind: Board['kind'], category: Column['category'], nth = 0) => state.columns![kind]!.filter((c) => c.category === category)[nth]!;

  tl.at(day(-39, '08:30'), async () => {
    const team = must(await createTeam(svc, as(alex), { name: 'Platform Ops', timezone: TIMEZONE }, key), 'team');
    state.team = team;
    for (const [i, p] of people.entries()) {
      if (i !== alex) must(await invite(svc, as(alex), team.id, { email: p.user.email, role: p.role }, key), 'invite');
    }
    const boards = must(await listBoards(svc.database.db, people[alex]!.user.id, team.id, false), 'boards');
    state.boards = Object.fromEntries(boards.map((b) => [b.kind, b])) as Record<Board['kind'], Board>;
    state.columns = {};
    for (const b of boards) state.columns[b.kind] = (await readSnapshot(svc.database.db, b.id))!.columns;
    must(
      await updateRotation(svc, as(alex), team.id, { memberIds: [priya, jordan, mia, sam, alex].map((i) => people[i]!.user.id), handoffWeekday: 1, handoffTime: '09:00', timezone: TIMEZONE }, key),
      'rotation',
    );
    for (const [name, lead, status, goal, customer] of [
      ['Self-service DNS', mia, 'active', 'Developers create and change internal DNS records themselves, with validation and an audit trail.', 'Product engineering'],
      ['Kubernetes 1.31 upgrade', jordan, 'active', 'All clusters on 1.31 with no customer-facing downtime.', 'Everyone on the platform'],
      ['TLS everywhere', priya, 'done', 'Modern cipher suites and automated renewal on every public endpoint.', 'Customers and security'],
      ['Postgres 16 migration', alex, 'proposed', 'Move the billing and orders clusters to Postgres 16 with logical replication.', 'Billing team'],
    ] as const) {
      const f = must(await createFeature(svc, as(sam), team.id, { name, leadId: people[lead]!.user.id, status, goal, customer }, key), `feature ${name}`);
      state.features[name] = f.id;
    }
    const hook = must(await createWebhook(svc, as(alex), team.id, { name: 'Prometheus Alertmanager (demo)', kind: 'alertmanager' }, ''), 'webhook');
    state.hook = { id: hook.webhook.id, url: hook.webhook.url, secret: hook.secret };
  });

  const iterationsPlan: { start: number; name: string; goal: string; cards: PlannedCard[]; close?: 'next' | 'backlog' }[] = [
    {
      start: -35,
      name: 'Iteration 14',
      goal: 'TLS everywhere done; the Kubernetes upgrade planned',
      close: 'next',
      cards: [
        { title: 'Puppet module for the new TLS cipher suites', points: 5, board: 'planned', feature: 'TLS everywhere', labels: ['security', 'tls'], pair: [priya, jordan], flow: { doing: 0, review: 2, done: 3 } },
        { title: 'Automated certificate renewal with ACME', points: 5, board: 'selfservice', feature: 'TLS everywhere', labels: ['tls', 'automation'], pair: [mia, alex], flow: { doing: 0, review: 3, done: 4 } },
        { title: 'Cost report: normalised infrastructure cost per 1k users', points: 3, board: 'planned', labels: ['finops'], pair: [sam], flow: { doing: 1, review: 2, done: 3 } },
        { title: 'Spike: upgrade path for Kubernetes 1.29 → 1.31', points: 2, board: 'planned', type: 'spike', feature: 'Kubernetes 1.31 upgrade', labels: ['kubernetes'], pair: [jordan], flow: { doing: 4, done: 6 } },
        { title: 'Nightly restore test for the billing database', points: 5, board: 'planned', labels: ['backup', 'postgres'], pair: [alex, priya], flow: { doing: 5, review: 8, done: 9 } },
        { title: 'Terraform the staging VPC layout', points: 8, board: 'planned', labels: ['terraform'], pair: [jordan, mia], flow: { doing: 6, review: 9 } },
      ],
    },
    {
      start: -21,
      name: 'Iteration 15',
      goal: 'Staging on Kubernetes 1.31; DNS self-service designed',
      close: 'next',
      cards: [
        { title: 'Upgrade the staging control plane to 1.31', points: 5, board: 'planned', feature: 'Kubernetes 1.31 upgrade', labels: ['kubernetes'], pair: [jordan, alex], flow: { doing: 0, review: 3, done: 4 } },
        { title: 'DNS record request form with validation', points: 5, board: 'selfservice', feature: 'Self-service DNS', labels: ['dns', 'portal'], pair: [mia, priya], flow: { doing: 0, review: 4, done: 5 } },
        { title: 'Runbook: failing over the primary database', points: 2, board: 'planned', type: 'task', labels: ['postgres', 'docs'], pair: [alex], flow: { doing: 2, done: 4 } },
        { title: 'Audit trail for DNS changes', points: 3, board: 'selfservice', feature: 'Self-service DNS', labels: ['dns'], pair: [mia, sam], flow: { doing: 5, review: 7, done: 8 } },
        { title: 'Drain and upgrade staging node pools', points: 5, board: 'planned', feature: 'Kubernetes 1.31 upgrade', labels: ['kubernetes'], pair: [jordan, priya], flow: { doing: 5, review: 8 } },
      ],
    },
    {
      start: -7,
      name: 'Iteration 16',
      goal: 'Production on Kubernetes 1.31; DNS self-service in beta',
      cards: [
        { title: 'Upgrade Kubernetes control plane to 1.31 in production', points: 8, board: 'planned', feature: 'Kubernetes 1.31 upgrade', labels: ['kubernetes'], priority: 'high', pair: [jordan, alex], flow: { doing: 1 }, blocked: 'Waiting for the etcd backup window on Thursday' },
        { title: 'Rotate TLS certificates on the load balancer', points: 3, board: 'planned', labels: ['security', 'tls'], priority: 'high', pair: [priya, mia], flow: { doing: 2, review: 4 },
          description: 'As a customer, I can connect with the latest and strongest encryption.\n\n- [x] new certificates from the internal CA\n- [ ] staged rollout, one load balancer at a time\n- [ ] check the cipher report afterwards' },
        { title: 'Self-service DNS: apply changes for internal zones without review', points: 5, board: 'selfservice', feature: 'Self-service DNS', labels: ['dns', 'automation'], pair: [mia, sam], flow: { doing: 0, review: 3, done: 4 } },
        { title: 'Self-service database snapshots from the portal', points: 8, board: 'selfservice', labels: ['postgres', 'portal'], pair: [priya, sam], flow: { doing: 3 } },
        { title: 'Move CI runners to spot instances', points: 5, board: 'planned', labels: ['ci', 'finops'], pair: [alex], flow: {} },
        { title: 'Harden SSH: no password logins fleet-wide', points: 3, board: 'planned', labels: ['security'], pair: [jordan], flow: {} },
      ],
    },
  ];

  const backlog: { title: string; points?: number; board: 'planned' | 'selfservice'; feature?: string; labels?: string[]; type?: CardType }[] = [
    { title: 'Migrate Postgres 13 → 16 with logical replication', points: 13, board: 'planned', feature: 'Postgres 16 migration', labels: ['postgres'] },
    { title: 'Capacity plan for the Black Friday traffic', points: 5, board: 'planned', labels: ['capacity'] },
    { title: 'Replace the legacy NFS share for build artefacts', points: 8, board: 'planned', labels: ['storage'] },
    { title: 'Spike: Loki vs. Elasticsearch for central logs', points: 2, board: 'planned', labels: ['logging'], type: 'spike' },
    { title: 'Self-healing restarts for the queue workers', board: 'planned', labels: ['reliability'] },
    { title: 'Developer sandbox environments on demand', points: 13, board: 'selfservice', labels: ['kubernetes', 'portal'] },
    { title: 'One-click service restart from chat', points: 3, board: 'selfservice', labels: ['chatops'] },
    { title: 'Automate user onboarding in LDAP', points: 5, board: 'selfservice', labels: ['access', 'automation'] },
    { title: 'Config management for the last 12 hand-built hosts', points: 8, board: 'selfservice', labels: ['puppet'] },
  ];

  const created = new Map<string, Card>();
  const iterationIds: string[] = [];
  const workday = (start: number, n: number) => start + n + 2 * Math.floor(n / 5); // skip weekends

  for (const [index, plan] of iterationsPlan.entries()) {
    // Planning happens the Friday before the iteration starts.
    tl.at(day(plan.start - 3, '14:00'), async () => {
      const team = state.team!;
      const it = must(await createIteration(svc, as(sam), team.id, { name: plan.name, goal: plan.goal, startDate: addCalendarDays(monday0, plan.start), endDate: addCalendarDays(monday0, plan.start + 11) }, key), plan.name);
      iterationIds[index] = it.id;
      const ids: string[] = [];
      for (const c of plan.cards) {
        const board = state.boards![c.board];
        const card = must(
          await createCard(
            svc,
            as(sam),
            board.id,
            {
              title: c.title,
              points: c.points,
              type: c.type ?? 'story',
              labels: c.labels ?? [],
              priority: c.priority ?? 'none',
              description: c.description ?? '',
              assigneeIds: c.pair.map((i) => people[i]!.user.id),
              ...(c.feature && { featureId: state.features[c.feature] }),
            },
            key,
          ),
          c.title,
        );
        created.set(c.title, card);
        ids.push(card.id);
      }
      // Cards carried over from the previous iteration are already in it.
      must(await addCards(svc, as(sam), it.id, ids, key), `plan ${plan.name}`);
    });
    tl.at(day(plan.start, '10:30'), async () => {
      const id = iterationIds[index]!;
      // The PO starts what was agreed at planning: a plan over capacity is confirmed, with the reason, as the team would.
      const detail = must(await iterationDetail(svc.database.db, people[sam]!.user.id, id, svc.clock()), `detail ${plan.name}`);
      const load = capacityLoad(detail.plannedPoints, detail.capacity.total);
      const confirm = load.overCapacity
        ? { confirm: { overCapacity: { planned: load.planned, capacity: load.capacity } }, reason: 'Carry-over from the last iteration; we finish it before anything new.' }
        : {};
      must(await startIteration(svc, as(sam), id, confirm, key), `start ${plan.name}`);
    });
    for (const c of plan.cards) {
      const move = (n: number | undefined, category: Column['category'], nth: number, time: string) => {
        if (n === undefined) return;
        tl.at(day(workday(plan.start, n), time), async () => {
          const card = created.get(c.title)!;
          const target = column(c.board, category, nth);
          created.set(c.title, must(await moveCard(svc, as(c.pair[0]), card.id, { toColumnId: target.id, overrideReason: 'Agreed at standup' }, key), `move ${c.title}`));
        });
      };
      move(c.flow.doing, 'doing', 0, '11:00');
      move(c.flow.review, 'doing', 1, '15:00');
      move(c.flow.done, 'done', 0, '16:30');
      if (c.blocked) {
        tl.at(day(workday(plan.start, (c.flow.doing ?? 0) + 1), '09:45'), async () => {
          const card = created.get(c.title)!;
          created.set(c.title, must(await updateCard(svc, as(c.pair[0]), card.id, { version: card.version, blocked: true, blockedReason: c.blocked }, key), `block ${c.title}`));
        });
      }
    }
    if (plan.close) {
      tl.at(day(plan.start + 11, '17:00'), async () => {
        must(await closeIteration(svc, as(sam), iterationIds[index]!, { carryOverTo: iterationIds[index + 1] ?? null }, key), `close ${plan.name}`);
      });
    }
  }

  tl.at(day(-39, '09:00'), async () => {
    for (const b of backlog) {
      const card = must(
        await createCard(
          svc,
          as(sam),
          state.boards![b.board].id,
          { title: b.title, ...(b.points !== undefined && { points: b.points }), labels: b.labels ?? [], type: b.type ?? 'story', ...(b.feature && { featureId: state.features[b.feature] }) },
          key,
        ),
        b.title,
      );
      created.set(b.title, card);
    }
  });

  // Interrupts: people asking, and alerts. Whoever is PoTW at the time triages them.
  const potwNow = async (): Promise<AuthInfo> => {
    const shift = await potwAt(svc.database.db, state.team!.id, svc.clock());
    const person = people.find((p) => p.user.id === shift?.userId) ?? people[alex]!;
    return { user: person.user, via: 'token', sessionId: null, tokenHash: null, csrfToken: null };
  };
  const raised: { offset: number; time: string; title: string; by: number; severity: 'critical' | 'high' | 'medium' | 'low'; requester: string; triage?: { after: number; body: (ids: Record<string, string>) => TriageBody } }[] = [
    { offset: -34, time: '10:12', title: 'Grant read access to prod logs for the payments team', by: sam, severity: 'low', requester: 'Payments team', triage: { after: 25, body: () => ({ action: 'close', resolution: 'Added the payments group to the log readers role.' }) } },
    { offset: -32, time: '14:40', title: 'New S3 bucket for the data team', by: jordan, severity: 'medium', requester: 'Data team', triage: { after: 90, body: () => ({ action: 'accept' }) } },
    { offset: -29, time: '09:20', title: 'Expired certificate on the status page', by: alex, severity: 'critical', requester: 'Support', triage: { after: 6, body: () => ({ action: 'accept', severity: 'critical' }) } },
    { offset: -27, time: '16:05', title: 'Request: DNS record for grafana.internal', by: mia, severity: 'low', requester: 'Observability guild', triage: { after: 40, body: () => ({ action: 'convert', boardKind: 'selfservice', title: 'Self-service DNS record requests' }) } },
    { offset: -22, time: '11:30', title: 'VPN flapping for the Berlin office', by: sam, severity: 'high', requester: 'Office IT', triage: { after: 15, body: () => ({ action: 'escalate', userId: people[jordan]!.user.id, note: 'You set up the new firewall pair.' }) } },
    { offset: -20, time: '13:15', title: 'Another DNS record: metabase.internal', by: priya, severity: 'low', requester: 'Analytics', triage: { after: 30, body: (ids) => ({ action: 'duplicate', duplicateOfCardId: ids['Request: DNS record for grafana.internal']! }) } },
    { offset: -15, time: '10:45', title: 'Build failing: npm registry timeouts in CI', by: jordan, severity: 'medium', requester: 'Web team', triage: { after: 50, body: () => ({ action: 'close', resolution: 'Registry mirror restarted; added a health check.' }) } },
    { offset: -8, time: '15:10', title: 'Vendor ticket: SAN firmware bug', by: alex, severity: 'high', requester: 'Storage', triage: { after: 20, body: () => ({ action: 'accept' }) } },
    { offset: -3, time: '09:50', title: 'Give the new SRE access to the on-call tools', by: sam, severity: 'medium', requester: 'Engineering management', triage: { after: 35, body: () => ({ action: 'accept' }) } },
    { offset: -1, time: '17:20', title: 'Disk 91% on ci-runner-07', by: mia, severity: 'high', requester: 'CI' },
  ];
  const interruptIds: Record<string, string> = {};
  for (const r of raised) {
    tl.at(day(r.offset, r.time), async () => {
      const res = must(await raiseInterrupt(svc, as(r.by), state.team!.id, { title: r.title, severity: r.severity, requester: r.requester }, key), r.title);
      interruptIds[r.title] = res.card.id;
    });
    if (r.triage) {
      const t = r.triage;
      tl.at(new Date(day(r.offset, r.time).getTime() + t.after * 60_000), async () => {
        must(await triage(svc, await potwNow(), interruptIds[r.title]!, t.body(interruptIds), key), `triage ${r.title}`);
      });
    }
  }
  // An alert from Alertmanager, and its repeat: one card, two occurrences.
  const alert = (startsAt: Date, status: 'firing' | 'resolved', fingerprint: string, name: string, instance: string, severity: string, summary: string) => ({
    version: '4' as const,
    status,
    receiver: 'opsboard',
    alerts: [
      {
        status,
        labels: { alertname: name, instance, severity, job: 'node' },
        annotations: { summary, description: `${summary}. Check the dashboard before acting.` },
        startsAt: startsAt.toISOString(),
        fingerprint,
        generatorURL: 'http://prometheus.internal:9090/graph',
      },
    ],
  });
  const fire = (when: Date, payload: ReturnType<typeof alert>) =>
    tl.at(when, async () => {
      const hook = await authenticateWebhook(svc.database.db, state.hook!.id, `Bearer ${state.hook!.secret}`);
      must(await intakeAlertmanager(svc, hook!, payload), 'alert');
    });
  // The technology catalogue, its rules before the first alert, and its dated assessments.
  const catalogue = (): CatalogueSeed => ({ svc, people, as, teamId: state.team!.id, dateOf: (offset) => addCalendarDays(monday0, offset) });
  let techIds = new Map<string, string>();
  tl.at(day(-38, '09:00'), async () => {
    techIds = await seedCatalogue(catalogue());
  });
  for (const a of catalogueAssessments()) {
    tl.at(day(a.offset, '15:00'), async () => settleDemoAssessment(catalogue(), techIds.get(a.name)!, a.offset, a.digits, a.notes));
  }
  const lagStart = day(-2, '03:14');
  fire(lagStart, alert(lagStart, 'firing', '5f1c0de9a7b3e201', 'PostgresReplicationLag', 'db-replica-2:9187', 'critical', 'Replica lag is 45s'));
  fire(day(-2, '07:14'), alert(lagStart, 'firing', '5f1c0de9a7b3e201', 'PostgresReplicationLag', 'db-replica-2:9187', 'critical', 'Replica lag is 45s'));
  const diskStart = day(-12, '22:40');
  fire(diskStart, alert(diskStart, 'firing', '0a9b8c7d6e5f4a3b', 'NodeFilesystemAlmostFull', 'backup-01:9100', 'warning', 'Filesystem /srv is 93% full'));
  fire(day(-12, '23:55'), alert(diskStart, 'resolved', '0a9b8c7d6e5f4a3b', 'NodeFilesystemAlmostFull', 'backup-01:9100', 'warning', 'Filesystem /srv is 93% full'));

  await tl.play();
  await linkCatalogue(catalogue(), techIds, created, interruptIds);
  return { alertmanager: { url: state.hook!.url, secret: state.hook!.secret } };
}
