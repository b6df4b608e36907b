/**
 * The demo team's technology catalogue (issue 14): six technologies with
 * owners, configuration-management shares and lifecycles; settled assessments
 * (PostgreSQL's maturity rose a level last week), one assessment still being
 * scored, Alertmanager label rules, and the cards and interrupts that name them.
 */
import type { Card, MaturityVector, User, VectorScoresWithNotes } from '@opsboard/shared';
import { MATURITY_VECTORS } from '@opsboard/shared';
import type { AuthInfo } from '../auth/service.js';
import type { ServiceDeps } from '../context.js';
import type { Result } from '../http/result.js';
import { createRule } from '../tech/rules.js';
import { createTechnology, openAssessment, revealAssessment, setCardTechnologies, settleAssessment, submitScores } from '../tech/service.js';

const key = { idempotencyKey: null };

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`demo seed: ${what}: ${result.refusal.code} ${result.refusal.message}`);
  return result.value;
}

/** Fifteen scores from a compact string of digits, in vector order ("233212344323443"). */
function scores(digits: string, notes: Partial<Record<MaturityVector, string>> = {}): VectorScoresWithNotes {
  const out: VectorScoresWithNotes = {};
  MATURITY_VECTORS.forEach((v, i) => {
    out[v] = { score: Number(digits[i]), note: notes[v] ?? '' };
  });
  return out;
}

interface CatalogueEntry {
  name: string;
  description: string;
  lifecycle: 'evaluating' | 'adopting' | 'core' | 'replacing' | 'retired';
  configManagedPct: number;
  installations: number;
  environments: string[];
  /** Indexes into the demo people: plan, build, run. */
  owners: [number[], number[], number[]];
  /** Settled assessments, oldest first: day offset and the fifteen digits. */
  assessed: { offset: number; digits: string; notes?: Partial<Record<MaturityVector, string>> }[];
  rules: string[][];
  labels: string[];
}

const CATALOGUE: CatalogueEntry[] = [
  {
    name: 'PostgreSQL',
    description: 'The billing and orders clusters, with streaming replicas. Upgrading to 16 is the Postgres 16 migration feature.',
    lifecycle: 'core',
    configManagedPct: 70,
    installations: 6,
    environments: ['prod', 'staging'],
    owners: [[0], [2], [2, 3]],
    assessed: [
      { offset: -36, digits: '222222332232322', notes: { recoverability: 'Restores are manual and untested.', automation: 'Snapshots by ticket only.' } },
      { offset: -6, digits: '333333343343444', notes: { recoverability: 'Nightly restore test in place.', documentation: 'Failover runbook written.' } },
    ],
    rules: [['alertname=~"Postgres.*"']],
    labels: ['postgres'],
  },
  {
    name: 'Kubernetes',
    description: 'Three clusters (prod, staging, tools). The 1.31 upgrade is under way.',
    lifecycle: 'core',
    configManagedPct: 85,
    installations: 3,
    environments: ['prod', 'staging', 'tools'],
    owners: [[3], [3], [3, 4]],
    assessed: [{ offset: -30, digits: '333332333343453' }],
    rules: [['service=~"k8s.*"']],
    labels: ['kubernetes'],
  },
  {
    name: 'Linux hosts',
    description: 'The fleet of VMs and bare-metal hosts, exported by node_exporter.',
    lifecycle: 'core',
    configManagedPct: 95,
    installations: 140,
    environments: ['prod', 'staging'],
    owners: [[0], [4], [4]],
    assessed: [{ offset: -30, digits: '444444444344554' }],
    rules: [['job=node', 'alertname!~"Postgres.*"']],
    labels: ['security'],
  },
  {
    name: 'Build farm',
    description: 'CI runners and the npm/docker registry mirrors.',
    lifecycle: 'core',
    configManagedPct: 40,
    installations: 12,
    environments: ['tools'],
    owners: [[], [1], [3]],
    assessed: [{ offset: -28, digits: '222122212222332', notes: { stability: 'Runners fill their disks weekly.' } }],
    rules: [['job="ci-runner"']],
    labels: ['ci'],
  },
  {
    name: 'Internal DNS',
    description: 'BIND for the internal zones; self-service DNS is replacing the ticket queue.',
    lifecycle: 'core',
    configManagedPct: 60,
    installations: 4,
    environments: ['prod'],
    owners: [[4], [4], [4]],
    assessed: [{ offset: -25, digits: '332323322343432' }],
    rules: [],
    labels: ['dns'],
  },
  {
    name: 'Nagios',
    description: 'The old monitoring, being replaced by Prometheus and Alertmanager.',
    lifecycle: 'replacing',
    configManagedPct: 10,
    installations: 1,
    environments: ['prod'],
    owners: [[], [], [0]],
    assessed: [{ offset: -20, digits: '111011111221201', notes: { easeOfUse: 'Nobody likes editing its config.' } }],
    rules: [],
    labels: [],
  },
];

/** Interrupts raised by people, and the technology each concerns. */
const INTERRUPT_TECH: Record<string, string> = {
  'Build failing: npm registry timeouts in CI': 'Build farm',
  'Disk 91% on ci-runner-07': 'Build farm',
  'Request: DNS record for grafana.internal': 'Internal DNS',
  'Another DNS record: metabase.internal': 'Internal DNS',
  'Vendor ticket: SAN firmware bug': 'Linux hosts',
  'Expired certificate on the status page': 'Nagios',
};

export interface CatalogueSeed {
  svc: ServiceDeps;
  people: { user: User }[];
  as: (i: number) => AuthInfo;
  teamId: string;
  /** The calendar date of a day offset (YYYY-MM-DD). */
  dateOf: (offset: number) => string;
}

/** Technologies, rules and settled assessments: before the first alert arrives, so the rules name its technology. */
export async function seedCatalogue(s: CatalogueSeed): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const person = (i: number) => s.people[i]!.user.id;
  for (const t of CATALOGUE) {
    const tech = must(
      await createTechnology(
        s.svc,
        s.as(2),
        s.teamId,
        {
          name: t.name,
          description: t.description,
          lifecycle: t.lifecycle,
          configManagedPct: t.configManagedPct,
          installations: t.installations,
          environments: t.environments,
          owners: { plan: { people: t.owners[0].map(person), teams: [] }, build: { people: t.owners[1].map(person), teams: [] }, run: { people: t.owners[2].map(person), teams: [] } },
          links: [{ title: 'Runbook', url: `https://runbooks.example/${t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` }],
        },
        key,
      ),
      t.name,
    );
    ids.set(t.name, tech.id);
    for (const matchers of t.rules) must(await createRule(s.svc, s.as(0), s.teamId, { technologyId: tech.id, matchers }, key), `rule ${t.name}`);
  }
  return ids;
}

/** One dated assessment: two people score alone, the po reveals and settles on the agreed digits. */
export async function settleDemoAssessment(s: CatalogueSeed, technologyId: string, offset: number, digits: string, notes: Partial<Record<MaturityVector, string>> = {}): Promise<void> {
  const a = must(await openAssessment(s.svc, s.as(2), technologyId, { assessedOn: s.dateOf(offset) }, key), 'assessment');
  const nudged = (d: string, by: number) => [...d].map((c) => String(Math.max(0, Math.min(5, Number(c) + by)))).join('');
  must(await submitScores(s.svc, s.as(2), a.id, { scores: scores(nudged(digits, -1)) }, key), 'scores');
  must(await submitScores(s.svc, s.as(3), a.id, { scores: scores(digits) }, key), 'scores');
  must(await revealAssessment(s.svc, s.as(1), a.id), 'reveal');
  must(await settleAssessment(s.svc, s.as(1), a.id, { scores: scores(digits, notes) }, key), 'settle');
}

export function catalogueAssessments(): { name: string; offset: number; digits: string; notes?: Partial<Record<MaturityVector, string>> }[] {
  return CATALOGUE.flatMap((t) => t.assessed.map((a) => ({ name: t.name, ...a })));
}

/** After the history: cards and interrupts name their technologies, and Kubernetes has a fresh assessment being scored. */
export async function linkCatalogue(s: CatalogueSeed, ids: ReadonlyMap<string, string>, cards: ReadonlyMap<string, Card>, interrupts: Readonly<Record<string, string>>): Promise<void> {
  for (const t of CATALOGUE) {
    for (const card of cards.values()) {
      if (t.labels.some((l) => card.labels.includes(l))) must(await setCardTechnologies(s.svc, s.as(2), card.id, { technologyIds: [ids.get(t.name)!] }, key), `link ${card.title}`);
    }
  }
  for (const [title, name] of Object.entries(INTERRUPT_TECH)) {
    const cardId = interrupts[title];
    if (cardId) must(await setCardTechnologies(s.svc, s.as(2), cardId, { technologyIds: [ids.get(name)!] }, key), `link ${title}`);
  }
  const open = must(await openAssessment(s.svc, s.as(3), ids.get('Kubernetes')!, { assessedOn: s.dateOf(0) }, key), 'open assessment');
  must(await submitScores(s.svc, s.as(3), open.id, { scores: scores('343332343343453') }, key), 'scores');
  must(await submitScores(s.svc, s.as(4), open.id, { scores: scores('333342333343443') }, key), 'scores');
}
