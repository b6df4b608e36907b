/** Initials in a coloured circle; the colour is stable per person and every pairing passes WCAG AA. */

// Dark fills under white text: each has at least 4.5:1 contrast against #fff.
const FILLS = ['#1f4fd1', '#0f6b4f', '#8a2d8f', '#a3361b', '#205d86', '#5b4bb3', '#7a5200', '#9c1f4a', '#2f6b16', '#4b5563'];

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (!/\p{L}/u.test(name)) return name.trim().slice(0, 2);
  const first = parts[0]!.charAt(0);
  const last = parts.length > 1 ? parts.at(-1)!.charAt(0) : parts[0]!.charAt(1);
  return `${first}${last}`.toUpperCase();
}

/**
 * The initials are drawn (CSS generated content), not written: an avatar is a picture of a person,
 * so a link or button that shows one is named by its words alone ("Alex Rivera", not "AR Alex Rivera").
 * Whoever shows an avatar says the person's name in words nearby or in its own label.
 */
export function Avatar({ userId, name, size = 'md' }: { userId: string; name: string; size?: 'sm' | 'md' | 'lg' }) {
  return <span className={`avatar avatar--${size}`} style={{ backgroundColor: FILLS[hash(userId) % FILLS.length] }} title={name} aria-hidden="true" data-initials={initials(name)} />;
}

/** Up to `max` avatars side by side (a pair reads as a pair), then "+n". */
export function AvatarGroup({ people, max = 3, size = 'md', label }: { people: { userId: string; name: string }[]; max?: number; size?: 'sm' | 'md' | 'lg'; label?: string }) {
  const shown = people.slice(0, max);
  const rest = people.length - shown.length;
  return (
    <span className="avatar-group" role={label ? 'img' : undefined} aria-label={label}>
      {shown.map((p) => (
        <Avatar key={p.userId} userId={p.userId} name={p.name} size={size} />
      ))}
      {rest > 0 && (
        <span className={`avatar avatar--${size} avatar--more`} aria-hidden="true" data-initials={`+${rest}`} />
      )}
    </span>
  );
}
