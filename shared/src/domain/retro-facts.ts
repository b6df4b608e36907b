/**
 * The facts strip of an iteration's retrospective, computed from the event log
 * (pure): goal, commitment against done, scope added after the start,
 * carry-over, WIP overrides, interrupt share and PoTW load, blocked time, and
 * the days the SS&A pair rule held.
 */

/** An event as the facts read it: type, payload, time and who. */
export interface FactEvent {
  streamId: string;
  type: string;
  payload: unknown;
  at: string;
  actorId: string | null;
}

export interface FactsInput {
  iterationId: string;
  goal: string;
  /** Calendar days the iteration covers (YYYY-MM-DD). */
  startDate: string;
  endDate: string;
  /** When it started and closed (closedAt null: still running, facts up to `now`). */
  startedAt: string;
  closedAt: string | null;
  now: string;
  /** The team's SS&A boards. */
  ssaBoardIds: readonly string[];
  /** Column id → category, for "in progress" (doing) and "done". */
  columnCategory: ReadonlyMap<string, string>;
  /** Every event of the team's streams up to the end of the window, in time order. */
  events: readonly FactEvent[];
}

export interface FactCardRef {
  cardId: string;
  title: string;
  points: number | null;
}

export interface IterationFactsResult {
  goal: string;
  /** Null while the iteration runs: met means every committed card finished. */
  goalMet: boolean | null;
  committed: { cards: number; points: number };
  done: { cards: number; points: number };
  scopeAdded: (FactCardRef & { at: string })[];
  carriedOver: (FactCardRef & { to: string | null })[];
  wipOverrides: { cardId: string; title: string; reason: string; at: string; actorId: string | null }[];
  interrupts: { received: number; share: number | null; potwLoad: { userId: string; count: number }[] };
  blocked: { cardId: string; title: string; hours: number; stillBlocked: boolean }[];
  pairRule: { daysHeld: number; days: number };
}

interface CardLike {
  id: string;
  boardId: string;
  title: string;
  points: number | null;
  columnId: string;
  assigneeIds: string[];
  iterationId: string | null;
  blocked: boolean;
  archivedAt: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const cardOf = (p: unknown): CardLike | null => (isRecord(p) && isRecord(p.card) ? (p.card as unknown as CardLike) : null);
const hours = (from: string, to: string) => Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 10) / 10;

const CARD_STATE_EVENTS = new Set(['card.created', 'card.updated', 'card.moved', 'card.archived', 'card.restored', 'card.moved_in']);

function daysBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${start}T00:00:00Z`); d <= Date.parse(`${end}T00:00:00Z`); d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}

export function iterationFacts(input: FactsInput): IterationFactsResult {
  const end = input.closedAt ?? input.now;
  const inWindow = (at: string) => at >= input.startedAt && at <= end;
  const titles = new Map<string, CardLike>();
  let committed: FactCardRef[] = [];
  let finished: string[] | null = null;
  let carried: { cardId: string; to: string | null }[] = [];
  const scopeAdded: IterationFactsResult['scopeAdded'] = [];
  const wipOverrides: IterationFactsResult['wipOverrides'] = [];
  let received = 0;
  const potw = new Map<string, number>();
  const blockedSince = new Map<string, string>();
  const blockedHours = new Map<string, number>();
  const ssa = new Map<string, CardLike>();
  const ssaBoards = new Set(input.ssaBoardIds);
  const days = daysBetween(input.startDate, input.endDate < end.slice(0, 10) ? input.endDate : end.slice(0, 10));
  let dayIndex = 0;
  let daysHeld = 0;
  const pairHolds = () => [...ssa.values()].some((c) => !c.archivedAt && input.columnCategory.get(c.columnId) === 'doing' && c.assigneeIds.length >= 2);
  /** Decide every day that ended before `at` from the SS&A state as it was then. */
  const closeDaysBefore = (at: string) => {
    while (dayIndex < days.length && `${days[dayIndex]}T23:59:59.999Z` < at) {
      if (pairHolds()) daysHeld++;
      dayIndex++;
    }
  };

  for (const e of input.events) {
    if (e.at > end) break;
    closeDaysBefore(e.at);
    const p = e.payload;
    const card = cardOf(p);
    const before = card ? titles.get(card.id) : undefined;
    if (card) titles.set(card.id, card);
    if (card && CARD_STATE_EVENTS.has(e.type) && ssaBoards.has(card.boardId)) ssa.set(card.id, card);
    if (e.type === 'card.moved_out' && isRecord(p)) ssa.delete(String(p.cardId));
    if (!isRecord(p)) continue;
    if (e.type === 'iteration.started' && isRecord(p.iteration) && p.iteration.id === input.iterationId) committed = p.committed as FactCardRef[];
    if (e.type === 'iteration.closed' && isRecord(p.iteration) && p.iteration.id === input.iterationId) {
      finished = p.finished as string[];
      carried = p.carriedOver as { cardId: string; to: string | null }[];
    }
    if (!inWindow(e.at)) {
      // Blocked before the window: the clock starts at the start.
      if (card) {
        if (card.blocked) blockedSince.set(card.id, input.startedAt);
        else blockedSince.delete(card.id);
      }
      continue;
    }
    if (card) {
      const joined = card.iterationId === input.iterationId && (e.type === 'card.created' ? true : before !== undefined && before.iterationId !== input.iterationId);
      if (joined && e.at > input.startedAt && !committed.some((c) => c.cardId === card.id)) scopeAdded.push({ cardId: card.id, title: card.title, points: card.points, at: e.at });
      const reason = p.overrideReason;
      if (typeof reason === 'string' && reason !== '') wipOverrides.push({ cardId: card.id, title: card.title, reason, at: e.at, actorId: e.actorId });
      const wasBlocked = blockedSince.has(card.id);
      const isBlocked = card.blocked && !card.archivedAt;
      if (isBlocked && !wasBlocked) blockedSince.set(card.id, e.at);
      if (!isBlocked && wasBlocked) {
        blockedHours.set(card.id, (blockedHours.get(card.id) ?? 0) + hours(blockedSince.get(card.id)!, e.at));
        blockedSince.delete(card.id);
      }
    }
    if (e.type === 'interrupt.received' && isRecord(p.interrupt)) {
      received++;
      const who = p.interrupt.assignedPotwId;
      if (typeof who === 'string') potw.set(who, (potw.get(who) ?? 0) + 1);
    }
  }
  closeDaysBefore('9999-12-31T23:59:59.999Z~');

  const points = (refs: readonly FactCardRef[]) => refs.reduce((s, c) => s + (c.points ?? 0), 0);
  const doneRefs = finished === null ? [] : committed.filter((c) => finished!.includes(c.cardId)).concat(scopeAdded.filter((c) => finished!.includes(c.cardId)));
  const blocked = new Map<string, { hours: number; still: boolean }>();
  for (const [id, h] of blockedHours) blocked.set(id, { hours: h, still: false });
  for (const [id, since] of blockedSince) blocked.set(id, { hours: Math.round(((blocked.get(id)?.hours ?? 0) + hours(since, end)) * 10) / 10, still: true });
  const ref = (cardId: string): FactCardRef => {
    const c = titles.get(cardId) ?? committed.find((x) => x.cardId === cardId);
    return { cardId, title: c?.title ?? '', points: c?.points ?? null };
  };
  const workItems = committed.length + scopeAdded.length;
  return {
    goal: input.goal,
    goalMet: finished === null ? null : committed.every((c) => finished!.includes(c.cardId)),
    committed: { cards: committed.length, points: points(committed) },
    done: { cards: doneRefs.length, points: points(doneRefs) },
    scopeAdded,
    carriedOver: carried.map((c) => ({ ...ref(c.cardId), to: c.to })),
    wipOverrides,
    interrupts: {
      received,
      share: received + workItems === 0 ? null : Math.round((received / (received + workItems)) * 100) / 100,
      potwLoad: [...potw].map(([userId, count]) => ({ userId, count })).sort((a, b) => b.count - a.count || a.userId.localeCompare(b.userId)),
    },
    blocked: [...blocked].map(([cardId, b]) => ({ cardId, title: ref(cardId).title, hours: b.hours, stillBlocked: b.still })),
    pairRule: { daysHeld, days: days.length },
  };
}
