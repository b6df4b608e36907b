/**
 * Type to filter, arrows to move, Enter to pick: the combobox the triage
 * prompts use to choose a person or a card without touching the mouse.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props<T> {
  label: string;
  items: readonly T[];
  keyOf: (item: T) => string;
  /** The option's text for screen readers (and the filter). */
  textOf: (item: T) => string;
  render: (item: T) => ReactNode;
  match: (item: T, query: string) => boolean;
  onPick: (item: T) => void;
  placeholder?: string;
  empty: string;
  /** At most this many shown (the filter narrows the rest). */
  limit?: number;
}

export function PickList<T>({ label, items, keyOf, textOf, render, match, onPick, placeholder, empty, limit = 50 }: Props<T>) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const q = query.trim().toLowerCase();
  const shown = (q ? items.filter((item) => match(item, q)) : items).slice(0, limit);
  const activeIndex = Math.max(0, shown.findIndex((item) => keyOf(item) === activeKey));
  const active = shown[activeIndex] ?? null;
  const optionId = (item: T) => `${id}-o-${keyOf(item)}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      const next = shown[Math.max(0, Math.min(shown.length - 1, to))];
      if (next) {
        setActiveKey(keyOf(next));
        document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
      }
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'Home' && event.ctrlKey) move(0);
    else if (event.key === 'End' && event.ctrlKey) move(shown.length - 1);
    else if (event.key === 'Enter' && active) onPick(active);
    else return;
    event.preventDefault();
  };

  return (
    <div className="picklist">
      <label className="field__label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <input
        id={`${id}-input`}
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active) : undefined}
        value={query}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActiveKey(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="picklist__list" id={`${id}-list`} role="listbox" aria-label={label}>
        {shown.map((item) => {
          const selected = active !== null && keyOf(item) === keyOf(active);
          return (
            <li
              key={keyOf(item)}
              id={optionId(item)}
              role="option"
              aria-selected={selected}
              aria-label={textOf(item)}
              className={`picklist__option${selected ? ' picklist__option--active' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(item)}
            >
              {render(item)}
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && <p className="picklist__empty">{empty}</p>}
    </div>
  );
}
