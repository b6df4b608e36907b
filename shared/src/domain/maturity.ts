/**
 * Technology maturity (seed 001, steps 10–12): fifteen vectors scored 0–5, an
 * aggregate level 0–5 with the seed's own words for each, trends over dated
 * assessments, Alertmanager label rules that name a technology, and the
 * "where SS&A would pay" ranking. Pure functions, no I/O.
 */

export const MATURITY_VECTORS = [
  'supportability',
  'operability',
  'recoverability',
  'documentation',
  'architecture',
  'currency',
  'usability',
  'automation',
  'deployability',
  'stability',
  'community',
  'maturity',
  'easeOfUse',
  'ubiquity',
  'happiness',
] as const;
export type MaturityVector = (typeof MATURITY_VECTORS)[number];

/** The seed's words for each vector, shown inline so everyone scores against the same text. */
export const VECTOR_TEXT: Record<MaturityVector, { label: string; text: string }> = {
  supportability: {
    label: 'Supportability',
    text: 'The support model in place around the infrastructure, including escalations, off-hours support and level of continual operations support, this also includes instrumentation and monitoring.',
  },
  operability: {
    label: 'Operability',
    text: 'A highly-operable infrastructure means that supporting it during normal operations (managing services, for example) is extremely straightforward. Troubleshooting is easy, configurations are completely managed, and operational tasks can be handled by almost anyone with the requisite permissions.',
  },
  recoverability: {
    label: 'Recoverability',
    text: "The ease of which you can recover from a failure or complete loss of the infrastructure. A high level of recoverability means it's zero downtime and auto-healing.",
  },
  documentation: {
    label: 'Documentation',
    text: "This doesn't necessarily mean documents in the traditional sense. It could be comments in code, readme files in github, spreadsheets, whatever. A high level of documentation means it's easy to parse, relevant and maintained.",
  },
  architecture: {
    label: 'Architectural design maturity',
    text: 'Architectural maturity means the underlying components and design are cohesive and maintained by either architecture or people acting as architects. Good architecture encompasses related systems and means that downstream/upstream providers are also stable and mature.',
  },
  currency: {
    label: 'Currency',
    text: 'This represents how up-to-date the system is from a patch, security, and revision level. In the case of home-grown software, it would have an active defect management process.',
  },
  usability: {
    label: 'Usability',
    text: "From the developer and implementer perspective, usability means you can interface with it easily and reliably. It doesn't have to be rocket science, and results of use are generally well-understood. Databases like Postgres usually have high usability.",
  },
  automation: {
    label: 'Automation and self-service',
    text: 'This represents the programmatic solution to operations work. This is typically the domain thought of as DevOps where deployments, provisioning, and new service generation are all done programmatically. Developer teams, and others can do things like restart services or upgrade their own stacks without any intervention.',
  },
  deployability: {
    label: 'Deployability',
    text: 'The speed and ease which the infrastructure can be deployed from the development environment to production including all requisite testing (security, regression, compatibility, performance, etc.)',
  },
  stability: {
    label: 'Stability',
    text: 'How often does the infrastructure fail? High stability means almost never, and ideally without causing customer-facing service interruptions.',
  },
  community: {
    label: 'Community support/adoption',
    text: "How much support and adoption is there in the world outside of the company for this infrastructure? If it is open source, is the community actively developing and patching it? If it's a paid product, does the vendor have a wide customer base? Are they still going to be in business in 2 years?",
  },
  maturity: {
    label: 'Maturity',
    text: 'How long has this infrastructure been around? If it is in-house developed, has it been in place for days? months? years?',
  },
  easeOfUse: {
    label: 'Ease of use (inverse of complexity)',
    text: 'How hard is it to work with and understand? Nagios is an example of a highly-complex solution, where redis has high ease of use.',
  },
  ubiquity: {
    label: 'Ubiquity',
    text: 'How many installations or different uses are there of this technology in the infrastructure? MongoDB is an example of an infrastructure component with high ubiquity.',
  },
  happiness: {
    label: 'Happiness',
    text: 'This is the human factor of the infrastructure. Do people like it? Do they enjoy working with it? Docker is typically a high-happiness piece of infrastructure.',
  },
};

/** The seed's aggregate scale, level 0 to 5. */
export const LEVEL_TEXT: readonly string[] = [
  "No one knows anything about it, except maybe one person who no-longer works at the company. Maybe this is technology that is no longer supported or was purchased and mothballed. This could be internally-developed and poorly-designed or not maintained. This is the classic thing no one will touch with a 10-foot pole. Or, it is something completely brand-new to the company and is being championed by an individual or occasionally a team. There's little or no recovery, fault tolerance, backups, security or documentation. In the case of new technologies, these are probably not in production yet.",
  'This is something that has gotten past the initial research phase and there\'s some intent that it could go into production. If it\'s already in production, chances are one or two people know something about it, and are constantly getting derailed from their normal work to deal with it, especially when things go wrong, or someone needs to use it. Recoverability is largely manual and sketchy. Security is low and probably not compliant. Patch levels may be out of date, and people may be afraid to do too much with it because it is finicky and/or unstable. Many people have been "burned" by this. Maybe a replacement is on the way, maybe not. There is some documentation but not much. It\'s mostly tribal knowledge or what you can dig up on forums or vendor sites. Chances are there is no SLA, or if there is, it gets violated.',
  "This is something a few people are experts in and has the feel of general adoption. There's some documentation/recovery capability, but most of what happens with it is done manually. There is little or no self-service capability and minimal automation. Some parts of this may be under configuration management control, but it may not be 100% up-to-date. It may have dependencies on other barely-supported technologies and is frequently error-prone. This may be a frequent headache for on-call support, and may trigger customer-facing outages. It may be more current with patch levels, but there's not a real process around that. Security holes exist in it, and most people know it. It may have more than one installation in the company, but they would likely be inconsistently done.",
  "Most production technologies fall into this rating. This is something that can largely be recovered and has reasonable fault tolerance. A lot of it is manual work, but there are at least scripts and a good amount of it under configuration management control. Patch levels may be only a few releases behind, and there are people who do so with some regularity. SLAs exist for this and are usually met. People are not eager to use this infrastructure, but do so because it is considered part of the core stack. Troubleshooting and supporting it is usually okay, but can occasionally be extremely challenging due to unusual use cases or user error. It is not super straightforward to upgrade or manage, so these activities are usually risky and prone to rework.",
  "This infrastructure has been around for a while. People know how to use it, and frequently do. It's extremely stable and reliable and kept as current as is reasonable without triggering outages. When it fails, 90% of the time or more it is either fault-tolerant or not customer-facing. This infrastructure requires very little after-hours support, is integrated into build pipelines and probably has extremely high test coverage. There are plenty of people throughout the organization who are experts on it. It's considered a core piece of technology and is prized for its ease of use, ubiquity and lack of operational/interfacing complexity. Community support is wide, and it is relatively easy to hire people who know how to work with it and support it. It may have a group of people who are dedicated to it in operations, and possibly engineering. It's on the architectural roadmap.",
  "This is something most people know how to use, upgrade, support and recover. 90%+ of all use cases are automated or have easy-to-use self-service tooling. It is able to be spun-up and destroyed on demand for testing and validation purposes. It has most likely been around for a year or more in the infrastructure. There may be specific infrastructure engineers (e.g. DBAs) associated with it. It is secure, compliant, and scalable. It is a low-incident generator. It operates so smoothly that people don't have to think about it.",
];

export const LIFECYCLES = ['evaluating', 'adopting', 'core', 'replacing', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export type VectorScores = Partial<Record<MaturityVector, number>>;

export interface Aggregate {
  /** Mean of the scored vectors, one decimal; null when nothing is scored. */
  mean: number | null;
  /** The level the mean rounds to (half up), 0–5; null when nothing is scored. */
  level: number | null;
  /** How many of the fifteen vectors carry a score. */
  scored: number;
}

/** The computed aggregate: the mean of whatever vectors are scored, and the level it rounds to. */
export function aggregate(scores: VectorScores): Aggregate {
  const values = MATURITY_VECTORS.map((v) => scores[v]).filter((s): s is number => typeof s === 'number');
  if (values.length === 0) return { mean: null, level: null, scored: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const rounded = Math.round(mean * 10) / 10;
  return { mean: rounded, level: Math.min(5, Math.max(0, Math.floor(rounded + 0.5))), scored: values.length };
}

/** The level a technology stands at: the override when set, else the computed one. */
export function effectiveLevel(computed: number | null, override: number | null): number | null {
  return override ?? computed;
}

/** The first vector whose score is not an integer 0..5, for a 400 naming it. */
export function invalidVector(scores: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(scores)) {
    if (!(MATURITY_VECTORS as readonly string[]).includes(key)) return key;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 5) return key;
  }
  return null;
}

export interface DatedScores {
  date: string;
  scores: VectorScores;
}

export interface VectorTrend {
  vector: MaturityVector;
  points: { date: string; score: number }[];
  /** Last score minus the first one; 0 with fewer than two points. */
  change: number;
}

/** Each vector's history across dated assessments (oldest first), and how far it moved. */
export function vectorTrends(assessments: readonly DatedScores[]): VectorTrend[] {
  const sorted = [...assessments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return MATURITY_VECTORS.map((vector) => {
    const points = sorted.flatMap((a) => (typeof a.scores[vector] === 'number' ? [{ date: a.date, score: a.scores[vector]! }] : []));
    const change = points.length >= 2 ? points[points.length - 1]!.score - points[0]!.score : 0;
    return { vector, points, change };
  });
}

/** Consensus among several people's scores for one vector: the median (lower middle), the spread, and whether they agree (spread ≤ 1). */
export function vectorConsensus(values: readonly number[]): { median: number | null; min: number | null; max: number | null; agreed: boolean } {
  if (values.length === 0) return { median: null, min: null, max: null, agreed: false };
  const s = [...values].sort((a, b) => a - b);
  const median = s[Math.floor((s.length - 1) / 2)]!;
  return { median, min: s[0]!, max: s[s.length - 1]!, agreed: s[s.length - 1]! - s[0]! <= 1 };
}

// ---- Alertmanager label rules

export const MATCH_OPS = ['=', '!=', '=~', '!~'] as const;
export type MatchOp = (typeof MATCH_OPS)[number];
export interface LabelMatcher {
  label: string;
  op: MatchOp;
  value: string;
}

/** Prometheus semantics: regular expressions are fully anchored; a missing label reads as "". */
export function matcherHolds(m: LabelMatcher, labels: Readonly<Record<string, string>>): boolean {
  const actual = labels[m.label] ?? '';
  switch (m.op) {
    case '=':
      return actual === m.value;
    case '!=':
      return actual !== m.value;
    case '=~':
      return anchored(m.value).test(actual);
    case '!~':
      return !anchored(m.value).test(actual);
  }
}

function anchored(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/** Whether a pattern compiles; the API refuses a rule whose regex does not. */
export function validPattern(pattern: string): boolean {
  try {
    anchored(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Parses `job=postgres`, `service=~"k8s.*"`, `env!="dev"` into a matcher; null when it is not one. */
export function parseMatcher(text: string): LabelMatcher | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*(.*?)\s*$/.exec(text);
  if (!m) return null;
  let value = m[3]!;
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  const op = m[2] as MatchOp;
  if ((op === '=~' || op === '!~') && !validPattern(value)) return null;
  return { label: m[1]!, op, value };
}

export function formatMatcher(m: LabelMatcher): string {
  return `${m.label}${m.op}"${m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export interface LabelRule {
  technologyId: string;
  matchers: readonly LabelMatcher[];
}

/** The technologies whose rules all hold for these labels, each named once, in rule order. A rule with no matchers never matches. */
export function technologiesFor(rules: readonly LabelRule[], labels: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (r.matchers.length === 0) continue;
    if (r.matchers.every((m) => matcherHolds(m, labels)) && !out.includes(r.technologyId)) out.push(r.technologyId);
  }
  return out;
}

// ---- Where SS&A would pay

export interface PayInput {
  technologyId: string;
  /** Effective maturity level, null when never assessed (counted as 0). */
  level: number | null;
  /** Interrupts it caused in the window. */
  interrupts: number;
  /** Share under configuration management, 0–100. */
  configManagedPct: number;
}

export interface PayRow extends PayInput {
  /** 0–100: higher means SS&A work on it would pay more. */
  score: number;
  reasons: string[];
}

/**
 * Ranks technologies by how much SS&A work would pay: low maturity (40%),
 * high interrupt load relative to the busiest technology (40%), low share
 * under configuration management (20%). Ties go to more interrupts, then id.
 */
export function whereSsaPays(items: readonly PayInput[]): PayRow[] {
  const busiest = Math.max(0, ...items.map((i) => i.interrupts));
  const rows = items.map((i) => {
    const level = i.level ?? 0;
    const immaturity = (5 - level) / 5;
    const load = busiest === 0 ? 0 : i.interrupts / busiest;
    const unmanaged = (100 - Math.min(100, Math.max(0, i.configManagedPct))) / 100;
    const score = Math.round((immaturity * 40 + load * 40 + unmanaged * 20) * 10) / 10;
    const reasons: string[] = [];
    if (i.level === null) reasons.push('never assessed');
    else if (level <= 2) reasons.push(`maturity ${level} of 5`);
    if (i.interrupts > 0 && load >= 0.5) reasons.push(`${i.interrupts} interrupt${i.interrupts === 1 ? '' : 's'}`);
    if (i.configManagedPct < 100) reasons.push(`${i.configManagedPct}% under config management`);
    return { ...i, score, reasons };
  });
  return rows.sort((a, b) => b.score - a.score || b.interrupts - a.interrupts || (a.technologyId < b.technologyId ? -1 : 1));
}

/** Interrupts per week before and after a date (a maturity rise), over up to `weeks` weeks each side. */
export function loadAround(
  weekly: readonly { week: string; count: number }[],
  changeDate: string,
  weeks = 4,
): { before: number | null; after: number | null; fell: boolean | null } {
  const before = weekly.filter((w) => w.week < changeDate).slice(-weeks);
  const after = weekly.filter((w) => w.week >= changeDate).slice(0, weeks);
  const avg = (xs: readonly { count: number }[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b.count, 0) / xs.length) * 10) / 10);
  const b = avg(before);
  const a = avg(after);
  return { before: b, after: a, fell: b === null || a === null ? null : a < b };
}

/** Just the numbers of scores that carry notes. */
export function scoreNumbers(scores: Partial<Record<MaturityVector, { score: number }>>): VectorScores {
  const out: VectorScores = {};
  for (const v of MATURITY_VECTORS) {
    const s = scores[v];
    if (s) out[v] = s.score;
  }
  return out;
}
