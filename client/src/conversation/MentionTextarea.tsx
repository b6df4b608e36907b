import { useId, useRef, useState } from 'react';
import { can, mentionHandle, mentionQueryAt, type Member } from '@opsboard/shared';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Team members; those who may read the card are offered. */
  members: readonly Member[];
  label: string;
  onSubmit: () => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  testId?: string;
}

const MAX_OPTIONS = 6;

/** A Markdown text area that offers team members after `@` (arrows pick, Enter or Tab inserts, Escape closes). */
export function MentionTextarea({ value, onChange, members, label, onSubmit, onCancel, autoFocus, testId }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);

  const query = caret === null ? null : mentionQueryAt(value, caret);
  const options =
    query === null || dismissed === query.start
      ? []
      : members
          .filter((m) => can(m.role, 'read'))
          .filter((m) => mentionHandle(m.email).startsWith(query.query) || m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(query.query)))
          .slice(0, MAX_OPTIONS);
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);

  const pick = (m: Member) => {
    if (!query || caret === null) return;
    const insert = `@${mentionHandle(m.email)} `;
    const next = value.slice(0, query.start) + insert + value.slice(caret);
    const at = query.start + insert.length;
    onChange(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(at, at);
    });
  };

  return (
    <div className="mention-box">
      <textarea
        ref={ref}
        className="markdown-input"
        aria-label={label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${current}` : undefined}
        value={value}
        rows={3}
        maxLength={10_000}
        data-testid={testId}
        autoFocus={autoFocus}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
          setDismissed(null);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onBlur={() => window.setTimeout(() => setCaret(null), 150)}
        onKeyDown={(e) => {
          if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
            e.preventDefault();
            setActive((current + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
          } else if (open && (e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            pick(options[current]!);
          } else if (open && e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setDismissed(query?.start ?? null);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape' && onCancel) {
            e.preventDefault();
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" className="mention-box__list" aria-label="People to mention">
          {options.map((m, i) => (
            <li
              key={m.userId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              className="mention-box__option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(m);
              }}
            >
              <strong>{m.name}</strong> <span className="muted">@{mentionHandle(m.email)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
