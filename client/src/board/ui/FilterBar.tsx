import { useEffect, useId, useRef, useState } from 'react';
import { CARD_TYPES, type BoardState, type Member } from '@opsboard/shared';
import { includes } from '../../lib/guards';
import { Icon } from '../../ui/Icon';
import { runShortcut } from '../../ui/keyboard';
import { isFiltering, NO_FILTER, UNASSIGNED, type BoardFilter } from '../model/filters';
import { TYPE_LABEL } from './TileBody';
import { SavedFilters } from '../../search/SavedFilters';

interface Props {
  filter: BoardFilter;
  onChange: (filter: BoardFilter) => void;
  state: BoardState;
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  visible: number;
  total: number;
  /** For saved filters: the team, its stream's seq (a change moves it) and whether the caller may save for the team. */
  saved: { teamId: string; teamSeq: number; canSaveForTeam: boolean } | null;
}

/**
 * Search and filters by person, label, type and feature; "/" jumps to the search box. On a narrow
 * screen the four selects fold behind a "Filters" button, so the cards start higher up.
 */
export function FilterBar({ filter, onChange, state, people, features, visible, total, saved }: Props) {
  const searchRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const moreId = useId();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/') return;
      runShortcut(event, () => {
        searchRef.current?.focus();
        return 'done';
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const labels = new Set<string>();
  const featureIds = new Set<string>();
  for (const card of state.cards.values()) {
    for (const l of card.labels) labels.add(l);
    if (card.featureId) featureIds.add(card.featureId);
  }
  const members = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  const chosen = [filter.person, filter.label, filter.type, filter.feature].filter((v) => v !== null).length;

  return (
    <div className="filter-bar" role="search" aria-label="Filter cards">
      <div className="filter-bar__search">
        <Icon name="search" />
        <input
          ref={searchRef}
          type="search"
          aria-label="Search cards (press / to jump here)"
          placeholder="Search words, labels, blocked reasons or #number"
          value={filter.q}
          onChange={(e) => set({ q: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.q) {
              e.preventDefault();
              set({ q: '' });
            }
          }}
        />
      </div>
      <button type="button" className="button button--small filter-bar__toggle" aria-expanded={open} aria-controls={moreId} onClick={() => setOpen(!open)}>
        <Icon name="filter" />
        Filters{chosen > 0 ? ` (${chosen})` : ''}
      </button>
      <div className="filter-bar__more" id={moreId} data-open={open}>
        <select aria-label="Person" value={filter.person ?? ''} onChange={(e) => set({ person: e.target.value || null })}>
          <option value="">Everyone</option>
          <option value={UNASSIGNED}>Unassigned</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
        <select aria-label="Label" value={filter.label ?? ''} onChange={(e) => set({ label: e.target.value || null })}>
          <option value="">All labels</option>
          {[...labels].sort().map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <select aria-label="Type" value={filter.type ?? ''} onChange={(e) => set({ type: includes(CARD_TYPES, e.target.value) ? e.target.value : null })}>
          <option value="">All types</option>
          {CARD_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
        <select aria-label="Feature" value={filter.feature ?? ''} onChange={(e) => set({ feature: e.target.value || null })} disabled={featureIds.size === 0} title={featureIds.size === 0 ? 'No card on this board belongs to a feature' : undefined}>
          <option value="">All features</option>
          {[...featureIds].map((id) => (
            <option key={id} value={id}>
              {features.get(id) ?? `Feature ${id.slice(0, 8)}`}
            </option>
          ))}
        </select>
      </div>
      {saved && <SavedFilters teamId={saved.teamId} teamSeq={saved.teamSeq} canSaveForTeam={saved.canSaveForTeam} filter={filter} filtering={isFiltering(filter)} onApply={onChange} />}
      {isFiltering(filter) && (
        <>
          <span className="filter-bar__count" role="status">
            Showing {visible} of {total} cards
          </span>
          <button type="button" className="button button--small button--quiet" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        </>
      )}
    </div>
  );
}
