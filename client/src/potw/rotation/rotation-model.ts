/** Rotation editing as pure functions: reordering members, first-time defaults, and overrides grouped as people made them. */
import { ACK_TIMEOUT_MINUTES, can, type Member, type RotationOverrideInfo, type RotationSettings } from '@opsboard/shared';

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length) return next;
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(next.length, to)), 0, item!);
  return next;
}

/** A first rotation to start from: everyone who can triage, by name, Monday 09:00 in the team's zone, escalation after 15 minutes. */
export function defaultSettings(members: readonly Member[], timezone: string): RotationSettings {
  return {
    memberIds: members
      .filter((m) => can(m.role, 'write'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((m) => m.userId),
    handoffWeekday: 1,
    handoffTime: '09:00',
    timezone,
    ackTimeoutMinutes: ACK_TIMEOUT_MINUTES.default,
  };
}

export type OverrideEntry = { kind: 'cover'; override: RotationOverrideInfo } | { kind: 'swap'; a: RotationOverrideInfo; b: RotationOverrideInfo | null };

/**
 * Overrides as people asked for them: a swap is stored as two rows (each week
 * given to the other person), made in one go, so rows of kind swap created at
 * the same instant pair up and are cancelled together.
 */
export function groupOverrides(overrides: readonly RotationOverrideInfo[]): OverrideEntry[] {
  const out: OverrideEntry[] = [];
  const used = new Set<string>();
  const sorted = [...overrides].sort((x, y) => x.start.localeCompare(y.start));
  for (const o of sorted) {
    if (used.has(o.id)) continue;
    used.add(o.id);
    if (o.kind === 'cover') {
      out.push({ kind: 'cover', override: o });
      continue;
    }
    const partner = sorted.find((p) => !used.has(p.id) && p.kind === 'swap' && p.createdAt === o.createdAt && p.reason === o.reason);
    if (partner) used.add(partner.id);
    out.push({ kind: 'swap', a: o, b: partner ?? null });
  }
  return out;
}

/** Whether a settings draft differs from what is saved (the ack timeout included). */
export function settingsChanged(a: RotationSettings | null, b: RotationSettings): boolean {
  if (!a) return true;
  return (
    a.handoffWeekday !== b.handoffWeekday ||
    a.handoffTime !== b.handoffTime ||
    a.timezone !== b.timezone ||
    a.memberIds.join() !== b.memberIds.join() ||
    (a.ackTimeoutMinutes ?? null) !== (b.ackTimeoutMinutes ?? null)
  );
}

/**
 * The ack timeout field's text as the setting: empty turns escalation off (null);
 * otherwise whole minutes within the bounds, or an error message naming them.
 */
export function parseAckTimeout(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < ACK_TIMEOUT_MINUTES.min || n > ACK_TIMEOUT_MINUTES.max) {
    return { ok: false, message: `Give whole minutes from ${ACK_TIMEOUT_MINUTES.min} to ${ACK_TIMEOUT_MINUTES.max}, or leave it empty to turn escalation off.` };
  }
  return { ok: true, value: n };
}
