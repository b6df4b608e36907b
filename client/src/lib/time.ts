/** Dates as people read them on a board: whole days, relative words, local format. */

const DAY = 86_400_000;

/** Whole days since an instant (0 on the day itself). */
export function daysSince(iso: string, now: number): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : Math.max(0, Math.floor((now - t) / DAY));
}

function localDay(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY;
}

export type DueLevel = 'later' | 'soon' | 'today' | 'overdue';

export interface DueInfo {
  level: DueLevel;
  /** "Due in 2 days", "Due today", "Overdue 3 days". */
  label: string;
}

/** How near a due date (YYYY-MM-DD) is; "soon" is within three days. */
export function dueInfo(dueDate: string, now: number): DueInfo {
  const [y, m, d] = dueDate.split('-').map(Number);
  const due = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY;
  const diff = due - localDay(now);
  if (diff < 0) return { level: 'overdue', label: `Overdue ${-diff} ${-diff === 1 ? 'day' : 'days'}` };
  if (diff === 0) return { level: 'today', label: 'Due today' };
  if (diff === 1) return { level: 'soon', label: 'Due tomorrow' };
  if (diff <= 3) return { level: 'soon', label: `Due in ${diff} days` };
  return { level: 'later', label: `Due ${formatDate(dueDate)}` };
}

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function formatDate(isoDate: string): string {
  const t = Date.parse(isoDate.length === 10 ? `${isoDate}T12:00:00` : isoDate);
  return Number.isNaN(t) ? isoDate : dateFormat.format(t);
}

export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTimeFormat.format(t);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function timeAgo(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < DAY / 1000) return `${Math.floor(s / 3600)} h ago`;
  const days = Math.floor(s / (DAY / 1000));
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}
