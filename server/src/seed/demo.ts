/**
 * The demo team a newcomer logs in to: "Platform Ops", five people, the three
 * boards and a few dozen ops cards with a few weeks of history, all written
 * through the same services (and so the same event log) as real use.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Board, Card, CardType, Column, CreateCardBody, Priority, Role, User } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import { toUser } from '../auth/service.js';
import { listBoards } from '../boards/service.js';
import { readSnapshot } from '../boards/snapshot.js';
import { createCard, moveCard, updateCard } from '../cards/service.js';
import type { AppDeps, ServiceDeps } from '../context.js';
import { teamMembers, users } from '../db/schema.js';
import type { Result } from '../http/result.js';
import { createTeam, invite } from '../teams/service.js';

export interface DemoLogin {
  email: string;
  password: string;
}

export const DEMO_PEOPLE: { name: string; email: string; role: Role }[] = [
  { name: 'Alex Rivera', email: 'alex@demo.opsboard.dev', role: 'admin' },
  { name: 'Sam Chen', email: 'sam@demo.opsboard.dev', role: 'po' },
  { name: 'Priya Natarajan', email: 'priya@demo.opsboard.dev', role: 'member' },
  { name: 'Jordan Okafor', email: 'jordan@demo.opsboard.dev', role: 'member' },
  { name: 'Mia Schmidt', email: 'mia@demo.opsboard.dev', role: 'member' },
];

const DAY = 86_400_000;

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo seed: ${what}: ${result.refusal.code} ${result.refusal.message}`);
  return result.value;
}

function demoFile(deps: AppDeps): string | null {
  return deps.database.kind === 'pglite' ? path.join(deps.config.dataDir, 'demo-login.json') : null;
}

/** A memorable random password, e.g. `ember-otter-4821-kite`. */
function demoPassword(): string {
  const words = ['ember', 'otter', 'kite', 'maple', 'quartz', 'harbor', 'falcon', 'cedar', 'nova', 'pixel', 'tundra', 'willow'];
  const b = randomBytes(6);
  const w = (i: number) => words[b[i]! % words.length]!;
  return `${w(0)}-${w(1)}-${1000 + (b.readUInt16BE(2) % 9000)}-${w(4)}`;
}

/**
 * Seeds the demo when the database has no users; returns the login to print.
 * On an already seeded embedded database it returns the saved login again,
 * as long as the demo account still exists.
 */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<DemoLogin | null> {
  const file = demoFile(deps);
  const [anyUser] = await deps.database.db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) {
    if (!file || !existsSync(file)) return null;
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoLogin;
    const [still] = await deps.database.db.select({ id: users.id }).from(users).where(eq(users.email, saved.email));
    return still ? saved : null;
  }
  const password = demoPassword();
  await seedDemo(deps, password);
  const login = { email: DEMO_PEOPLE[0]!.email, password };
  if (file) writeFileSync(file, JSON.stringify(login), { mode: 0o600 });
  return login;
}

export async function seedDemo(deps: AppDeps, password: string): Promise<void> {
  // History starts four weeks back; every operation advances the clock a little.
  let now = deps.clock().getTime() - 28 * DAY;
  const clock = () => new Date(now);
  const svc: ServiceDeps = { ...deps, clock, publish: () => undefined };
  const key = { idempotencyKey: null };

  const hash = await deps.hasher.hash(password);
  const people: User[] = [];
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const [row] = await deps.database.db
      .insert(users)
      .values({ id: deps.newId(), email: p.email, name: p.name, passwordHash: hash, isInstanceAdmin: i === 0, createdAt: clock().toISOString() })
      .returning();
    people.push(toUser(row!));
  }
  const as = (i: number): AuthInfo => ({ user: people[i]!, via: 'token', sessionId: null, csrfToken: null });
  const alex = as(0);

  const team = must(await createTeam(svc, alex, { name: 'Platform Ops', timezone: 'Europe/Berlin' }, key), 'team');
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    if (i === 0) continue;
    must(await invite(svc, alex, team.id, { email: p.email, role: p.role }, key), `invite ${p.email}`);
  }
  const boards = must(await listBoards(deps.database.db, alex.user.id, team.id, false), 'boards');
  const boardOf = (kind: Board['kind']) => boards.find((b) => b.kind === kind)!;
  const columnsOf = async (board: Board): Promise<Column[]> => (await readSnapshot(deps.database.db, board.id))!.columns;

  await deps.database.db.update(teamMembers).set({ createdAt: clock().toISOString() }).where(eq(teamMembers.teamId, team.id));

  interface Seed {
    title: string;
    type?: CardType;
    points?: number;
    who?: number[];
    labels?: string[];
    priority?: Priority;
    description?: string;
    blocked?: string;
    /** Column names the card walks through after creation, in order. */
    path?: string[];
    by?: number;
  }

  const place = async (board: Board, seeds: Seed[]) => {
    const cols = await columnsOf(board);
    const byName = new Map(cols.map((c) => [c.name, c]));
    const created: Card[] = [];
    for (const s of seeds) {
      now += 3 * 3_600_000;
      const body: CreateCardBody = {
        title: s.title,
        type: s.type ?? (board.kind === 'interrupts' ? 'interrupt' : 'story'),
        ...(s.points !== undefined && { points: s.points }),
        assigneeIds: (s.who ?? []).map((i) => people[i]!.id),
        labels: s.labels ?? [],
        priority: s.priority ?? 'none',
        description: s.description ?? '',
        columnId: cols[0]!.id,
      };
      let card = must(await createCard(svc, as(s.by ?? 1), board.id, body, key), `card ${s.title}`);
      for (const step of s.path ?? []) {
        now += (10 + ((card.number * 7) % 30)) * 3_600_000;
        const column = byName.get(step);
        if (!column) throw new Error(`demo seed: no column ${step}`);
        card = must(
          await moveCard(svc, as(s.who?.[0] ?? 0), card.id, { toColumnId: column.id, overrideReason: 'Demo history' }, key),
          `move ${s.title} to ${step}`,
        );
      }
      if (s.blocked) {
        card = must(await updateCard(svc, as(s.who?.[0] ?? 0), card.id, { version: card.version, blocked: true, blockedReason: s.blocked }, key), `block ${s.title}`);
      }
      created.push(card);
    }
    return created;
  };

  const done = ['Ready', 'In progress', 'Review', 'Done'];
  await place(boardOf('planned'), [
    { title: 'Puppet module for the new TLS cipher suites', points: 5, who: [2, 3], labels: ['security', 'tls'], path: done },
    { title: 'Cost report: normalised infrastructure cost per 1k users', points: 3, who: [4], labels: ['finops'], path: done },
    { title: 'Nightly restore test for the billing database', points: 5, who: [3, 4], labels: ['backup', 'postgres'], path: done },
    { title: 'Terraform the staging VPC layout', points: 8, who: [2, 4], labels: ['terraform'], path: done },
    { title: 'Rotate TLS certificates on the load balancer', points: 3, who: [2, 3], labels: ['security', 'tls'], priority: 'high', path: ['Ready', 'In progress'],
      description: 'As a customer, I can connect with the latest and strongest encryption.\n\n- [ ] new certs from the internal CA\n- [ ] staged rollout, one LB at a time\n- [ ] check the cipher report afterwards' },
    { title: 'Upgrade Kubernetes control plane to 1.31', points: 8, who: [0, 4], labels: ['kubernetes'], path: ['Ready', 'In progress'], blocked: 'Waiting for the etcd backup window on Thursday' },
    { title: 'Runbook: failing over the primary database', type: 'task', points: 2, who: [3], labels: ['postgres', 'docs'], path: ['Ready', 'In progress', 'Review'] },
    { title: 'Spike: Loki vs. Elasticsearch for central logs', type: 'spike', points: 2, who: [2], labels: ['logging'], path: ['Ready'] },
    { title: 'Migrate Postgres 13 → 16 with logical replication', points: 13, labels: ['postgres'], path: ['Ready'], priority: 'high' },
    { title: 'Move CI runners to spot instances', points: 5, labels: ['ci', 'finops'] },
    { title: 'Self-healing restarts for the queue workers', points: 5, labels: ['reliability'] },
    { title: 'Harden SSH: no password logins fleet-wide', points: 3, labels: ['security'] },
    { title: 'Capacity plan for Black Friday traffic', points: 5, labels: ['capacity'] },
    { title: 'Replace the legacy NFS share for build artefacts', points: 8, labels: ['storage'] },
  ]);

  await place(boardOf('interrupts'), [
    { title: 'Expired certificate on the status page', priority: 'urgent', who: [1], labels: ['tls'], path: ['Accepted', 'In progress', 'Done'] },
    { title: 'Grant read access to prod logs for the payments team', type: 'task', who: [1], labels: ['access'], path: ['Accepted', 'In progress', 'Done'] },
    { title: 'Disk 91% on ci-runner-07', priority: 'high', who: [1], labels: ['disk'], path: ['Accepted', 'In progress', 'Done'] },
    { title: 'VPN flapping for the Berlin office', priority: 'high', who: [1], labels: ['network'], path: ['Accepted', 'In progress'] },
    { title: 'Vendor ticket: SAN firmware bug', who: [1], labels: ['storage'], path: ['Accepted', 'In progress', 'Waiting'], blocked: 'Vendor promised a patched firmware by Friday' },
    { title: 'New S3 bucket for the data team', type: 'task', labels: ['aws'], path: ['Accepted'] },
    { title: 'Postgres replica lag alert on db-replica-2', priority: 'high', labels: ['postgres', 'alert'] },
    { title: 'Request: DNS record for grafana.internal', type: 'task', labels: ['dns'] },
    { title: 'Build failing: npm registry timeouts in CI', type: 'bug', priority: 'medium', labels: ['ci'] },
  ]);

  await place(boardOf('selfservice'), [
    { title: 'Automated certificate renewal with ACME', points: 5, who: [3, 4], labels: ['tls', 'automation'], path: done },
    { title: 'Self-service database snapshots from the portal', points: 8, who: [3, 4], labels: ['postgres', 'portal'], path: ['Ready', 'In progress'] },
    { title: 'Self-service DNS record requests', points: 5, labels: ['dns', 'portal'], path: ['Ready'],
      description: 'Most DNS interrupts are routine A/CNAME records. A form with validation and review-free apply for internal zones removes them.' },
    { title: 'Developer sandbox environments on demand', points: 13, labels: ['kubernetes', 'portal'] },
    { title: 'One-click service restart from chat', points: 3, labels: ['chatops'] },
    { title: 'Automate user onboarding in LDAP', points: 5, labels: ['access', 'automation'] },
    { title: 'Config management for the last 12 hand-built hosts', points: 8, labels: ['puppet'] },
  ]);
}
