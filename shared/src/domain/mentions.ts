/**
 * `@handle` mentions in comments. A member's handle is the part of their
 * e-mail address before the @, lower-cased: unique enough within a team,
 * typed without spaces, and the same on every page.
 */

export function mentionHandle(email: string): string {
  const at = email.lastIndexOf('@');
  return (at > 0 ? email.slice(0, at) : email).toLowerCase();
}

const MENTION = /(^|[^\w@.`])@([a-z0-9][a-z0-9._+-]*)/gi;

/** The handles a text mentions, lower-cased, in order of first appearance; code spans and blocks are skipped. */
export function mentionedHandles(text: string): string[] {
  const plain = text.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const found: string[] = [];
  for (const m of plain.matchAll(MENTION)) {
    const handle = m[2]!.replace(/[._+-]+$/, '').toLowerCase();
    if (handle && !found.includes(handle)) found.push(handle);
  }
  return found;
}

/** The members a text mentions (ids in order of first mention); handles nobody has are ignored. */
export function mentionedMembers(text: string, members: readonly { userId: string; email: string }[]): string[] {
  const ids: string[] = [];
  for (const handle of mentionedHandles(text)) {
    for (const m of members) if (mentionHandle(m.email) === handle && !ids.includes(m.userId)) ids.push(m.userId);
  }
  return ids;
}

/** The `@query` being typed just before the caret, or null: what the comment box autocompletes. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[^\w@.`])@([a-z0-9._+-]*)$/i.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}
