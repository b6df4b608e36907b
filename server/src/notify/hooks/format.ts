/** What a hook posts for an event: signed JSON for generic hooks, a chat message for Slack, Mattermost and Teams. */
import { eq, inArray } from 'drizzle-orm';
import { routeNotification, type HookFormat, type NotifyKind } from '@opsboard/shared';
import type { Queryable } from '../../db/database.js';
import { cards, users } from '../../db/schema.js';
import { loadPreferences } from '../preferences.js';

/** The events a chat hook posts by default: what must reach the channel. */
export const CHAT_EVENTS = ['interrupt.received', 'interrupt.triaged', 'interrupt.unacknowledged', 'handoff.updated', 'iteration.started', 'iteration.closed'] as const;

export interface HookEvent {
  streamId: string | null;
  seq: number | null;
  teamId: string;
  type: string;
  payload: Record<string, unknown>;
  at: string;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

async function names(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = ids.filter((x): x is string => x !== null);
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type ChatFormat = Exclude<HookFormat, 'generic'>;

/** A real mention in the chat: Slack pings a member ID as <@U…>; Mattermost and Teams take @username. */
export function chatMention(handle: string, format: ChatFormat): string {
  return format === 'slack' && /^[UW][A-Z0-9]{2,}$/.test(handle) ? `<@${handle}>` : `@${handle}`;
}

/**
 * How each person is named in a chat message about a notice of `kind`: a mention that pings them when
 * their preferences route that kind to chat at that moment (quiet hours hold it back unless urgent) and
 * they told us their chat handle; otherwise their name, which pings nobody.
 */
async function people(db: Queryable, ids: (string | null)[], kind: NotifyKind, at: string, format: ChatFormat): Promise<Map<string, string>> {
  const n = await names(db, ids);
  const out = new Map<string, string>();
  for (const id of new Set(ids.filter((x): x is string => x !== null))) {
    const prefs = await loadPreferences(db, id);
    const routed = routeNotification(prefs, kind, new Date(at)).chat;
    out.set(id, routed && prefs.chatHandle ? chatMention(prefs.chatHandle, format) : `@${n.get(id) ?? 'a former member'}`);
  }
  return out;
}

async function cardLabel(db: Queryable, cardId: string | null): Promise<string> {
  if (!cardId) return 'an interrupt';
  const [c] = await db.select({ number: cards.number, title: cards.title }).from(cards).where(eq(cards.id, cardId));
  return c ? `#${c.number} ${c.title}` : 'an interrupt';
}

/** The chat line for an event, or null when it is not one the channel needs (e.g. a low-severity interrupt). */
export async function chatText(db: Queryable, e: HookEvent, format: ChatFormat = 'slack'): Promise<string | null> {
  const p = e.payload;
  switch (e.type) {
    case 'hook.test':
      return 'opsboard test message: this channel is connected.';
    case 'interrupt.received': {
      const i = obj(p.interrupt);
      const severity = str(i.severity);
      if (severity !== 'critical' && severity !== 'high') return null;
      const potw = str(i.assignedPotwId);
      const who = potw ? (await people(db, [potw], 'interrupt.urgent', e.at, format)).get(potw) : null;
      return `${severity === 'critical' ? '🔴' : '🟠'} New ${severity} interrupt ${await cardLabel(db, str(i.cardId))}${who ? ` (PoTW: ${who})` : ''}`;
    }
    case 'interrupt.triaged': {
      const i = obj(p.interrupt);
      if (p.action !== 'escalate') return null;
      const to = str(i.escalatedTo);
      const who = (to ? (await people(db, [to], 'interrupt.escalated', e.at, format)).get(to) : null) ?? 'someone';
      return `⬆️ Escalated ${await cardLabel(db, str(i.cardId))} to ${who}${str(p.note) ? `: ${str(p.note)}` : ''}`;
    }
    case 'interrupt.unacknowledged': {
      // Escalation to acknowledge (interrupts/escalation.ts): level 1 went to the next person in the rotation, 2 to the admins.
      const ids = Array.isArray(p.userIds) ? p.userIds.filter((x): x is string => typeof x === 'string') : [];
      const n = await people(db, ids, 'interrupt.unacknowledged', e.at, format);
      const who = ids.map((id) => n.get(id)!).join(', ');
      const label = await cardLabel(db, str(obj(p.interrupt).cardId));
      if (p.level === 1) return `⏰ Nobody triaged critical ${label} in time: escalated to ${who || 'nobody'}, next in the rotation`;
      return `⏰ Critical ${label} is still untriaged: escalated to the team admins${who ? ` ${who}` : ''}`;
    }
    case 'handoff.updated': {
      const h = obj(p.handoff);
      const from = str(h.fromUserId);
      const to = str(h.toUserId);
      const n = await names(db, [from]);
      const next = to ? (await people(db, [to], 'potw.handoff', e.at, format)).get(to) : null;
      return `🔁 PoTW hand-off${from ? ` from ${n.get(from) ?? 'a former member'}` : ''}${next ? ` to ${next}` : ''}:\n${str(h.summary) ?? ''}`;
    }
    case 'iteration.started':
      return `🚀 Iteration "${str(obj(p.iteration).name) ?? ''}" started. Goal: ${str(obj(p.iteration).goal) || 'none set'}`;
    case 'iteration.closed':
      return `🏁 Iteration "${str(obj(p.iteration).name) ?? ''}" closed.`;
    default:
      return null;
  }
}

/** The body a hook posts for an event, or null to skip it. */
export async function hookBody(db: Queryable, format: HookFormat, deliveryId: string, e: HookEvent): Promise<string | null> {
  if (format === 'generic') {
    return JSON.stringify({ id: deliveryId, type: e.type, teamId: e.teamId, streamId: e.streamId, seq: e.seq, at: e.at, payload: e.payload });
  }
  const text = await chatText(db, e, format);
  if (text === null) return null;
  switch (format) {
    case 'slack':
      return JSON.stringify({ text });
    case 'mattermost':
      return JSON.stringify({ text, username: 'opsboard' });
    case 'teams':
      return JSON.stringify({ '@type': 'MessageCard', '@context': 'https://schema.org/extensions', summary: text.split('\n')[0], text: text.replace(/\n/g, '\n\n') });
  }
}
