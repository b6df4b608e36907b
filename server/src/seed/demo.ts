/**
 * The demo a newcomer logs in to: "Platform Ops", five people, the three
 * boards, five weeks of history (see history.ts). The login (and the demo's
 * Alertmanager hook) is kept beside the embedded data, so a restart prints it again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role, User } from '@opsboard/shared';
import { toUser } from '../auth/service.js';
import type { AppDeps, ServiceDeps } from '../context.js';
import { users } from '../db/schema.js';
import { seedRetroDemo } from './retro.js';
import { playHistory } from './history.js';
import { seedStandups } from './standup.js';
import { seedPoker } from './poker.js';
import { seedDeployments } from './metrics.js';

export interface DemoLogin {
  email: string;
  password: string;
  /** Path (relative to the server) and secret of the demo team's Alertmanager hook. */
  alertmanager: { path: string; secret: string } | null;
}

export const DEMO_PEOPLE: { name: string; email: string; role: Role }[] = [
  { name: 'Alex Rivera', email: 'alex@demo.opsboard.dev', role: 'admin' },
  { name: 'Sam Chen', email: 'sam@demo.opsboard.dev', role: 'po' },
  { name: 'Priya Natarajan', email: 'priya@demo.opsboard.dev', role: 'member' },
  { name: 'Jordan Okafor', email: 'jordan@demo.opsboard.dev', role: 'member' },
  { name: 'Mia Schmidt', email: 'mia@demo.opsboard.dev', role: 'member' },
];

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
 * Seeds the demo when the database has no users and returns the login to
 * print. On an already seeded embedded database it returns the saved login
 * again, as long as the demo account still exists.
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
  const { alertmanager } = await seedDemo(deps, password);
  const login: DemoLogin = { email: DEMO_PEOPLE[0]!.email, password, alertmanager: { path: alertmanager.url, secret: alertmanager.secret } };
  if (file) writeFileSync(file, JSON.stringify(login), { mode: 0o600 });
  return login;
}

export async function seedDemo(deps: AppDeps, password: string) {
  const end = deps.clock();
  let now = end.getTime();
  const svc: ServiceDeps = { ...deps, clock: () => new Date(now), publish: () => undefined };
  const hash = await deps.hasher.hash(password);
  const people: { user: User; role: Role }[] = [];
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const [row] = await deps.database.db
      .insert(users)
      .values({ id: deps.newId(), email: p.email, name: p.name, passwordHash: hash, isInstanceAdmin: i === 0, createdAt: new Date(end.getTime() - 40 * 86_400_000).toISOString() })
      .returning();
    people.push({ user: toUser(row!), role: p.role });
  }
  const played = await playHistory(svc, people, end, (ms) => {
    now = ms;
  });
  await seedStandups(deps, end);
  await seedRetroDemo(svc, people);
  await seedPoker(svc, people);
  now = end.getTime();
  await seedDeployments(svc, people[0]!.user, end);
  return played;
}
