/**
 * The ranked backlogs of the planned and SS&A boards, one tab per board, with
 * filters (feature, type, label, words) and the ready count. Cards go into the
 * iteration by their button, by dragging, or in bulk up to capacity.
 */
import { useId, useMemo, useState } from 'react';
import { CARD_TYPES, type Board, type BoardState, type Card, type Member } from '@opsboard/shared';
import { cardMatcher, isFiltering, NO_FILTER, type BoardFilter } from '../../board/model/filters';
import { TYPE_LABEL } from '../../board/ui/TileBody';
import { includes } from '../../lib/guards';
import { Icon } from '../../ui/Icon';
import { backlogGroups, fillToCapacity, readyStats, readyWords } from '../model/backlog';
import { PlanCard } from '../ui/PlanCard';
import { DraggablePlanCard, DropNote, useZoneState, zoneClasses } from './PlanDnd';

interface Props {
  boards: readonly Board[];
  states: ReadonlyMap<string, BoardState>;
  iterationName: string;
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  canPlan: boolean;
  /** Points left before capacity (may be negative). */
  room: number;
  busy: ReadonlySet<string>;
  onPull(cards: Card[]): void;
}

export function BacklogPanel({ boards, states, iterationName, people, features, canPlan, room, busy, onPull }: Props) {
  const [boardId, setBoardId] = useState<string | null>(null);
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const shownBoard = boards.find((b) => b.id === boardId) ?? boards[0] ?? null;
  const state = shownBoard ? states.get(shownBoard.id) : undefined;
  const { setNodeRef: zoneNode, active: targeted, dragging: droppable, verdict: dropVerdict } = useZoneState('backlog');
  const tabsId = useId();

  const groups = useMemo(() => {
    if (!state) return [];
    const match = cardMatcher(filter);
    return backlogGroups(state).map((g) => ({ ...g, cards: g.cards.filter((c) => match(c) && !busy.has(c.id)) }));
  }, [state, filter, busy]);
  const ranked = groups.flatMap((g) => g.cards);
  const stats = readyStats(ranked);
  const fill = fillToCapacity(ranked, room);
  const labels = useMemo(() => [...new Set([...(state?.cards.values() ?? [])].flatMap((c) => c.labels))].sort(), [state]);
  const countFor = (b: Board) => {
    const s = states.get(b.id);
    return s ? backlogGroups(s).reduce((n, g) => n + g.cards.length, 0) : null;
  };

  return (
    <section className={`plan-panel plan-panel--backlog${zoneClasses({ active: targeted, dragging: droppable, verdict: dropVerdict })}`} ref={zoneNode} aria-labelledby={`${tabsId}-h`} data-testid="backlog-panel">
      <h2 id={`${tabsId}-h`} className="plan-panel__title">
        Backlog
      </h2>
      <DropNote verdict={dropVerdict} />
      <div className="segmented" role="tablist" aria-label="Board">
        {boards.map((b) => {
          const n = countFor(b);
          const selected = b.id === shownBoard?.id;
          return (
            <button
              key={b.id}
              type="button"
              role="tab"
              id={`${tabsId}-${b.id}`}
              aria-selected={selected}
              aria-controls={`${tabsId}-panel`}
              tabIndex={selected ? 0 : -1}
              className="segmented__option"
              onClick={() => setBoardId(b.id)}
              onKeyDown={(e) => {
                // Tabs move with the arrow keys (one tab stop for the whole list), as screen reader users expect.
                const i = boards.indexOf(b);
                const next = e.key === 'ArrowRight' ? boards[(i + 1) % boards.length] : e.key === 'ArrowLeft' ? boards[(i - 1 + boards.length) % boards.length] : e.key === 'Home' ? boards[0] : e.key === 'End' ? boards.at(-1) : undefined;
                if (!next) return;
                e.preventDefault();
                setBoardId(next.id);
                document.getElementById(`${tabsId}-${next.id}`)?.focus();
              }}
            >
              <span className={`kind-dot kind-dot--${b.kind}`} aria-hidden="true" />
              {b.name}
              {n !== null && <span className="segmented__count">{n}</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${tabsId}-panel`} aria-labelledby={shownBoard ? `${tabsId}-${shownBoard.id}` : undefined} className="plan-panel__body">
        <div className="plan-filters">
          <label className="plan-filters__field plan-filters__field--grow">
            <span className="visually-hidden">Find cards</span>
            <Icon name="search" />
            <input type="search" placeholder="Find by title, label or #number" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
          </label>
          <select aria-label="Feature" value={filter.feature ?? ''} onChange={(e) => setFilter({ ...filter, feature: e.target.value || null })}>
            <option value="">All features</option>
            {[...features].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <select aria-label="Type" value={filter.type ?? ''} onChange={(e) => setFilter({ ...filter, type: includes(CARD_TYPES, e.target.value) ? e.target.value : null })}>
            <option value="">All types</option>
            {CARD_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
          <select aria-label="Label" value={filter.label ?? ''} onChange={(e) => setFilter({ ...filter, label: e.target.value || null })}>
            <option value="">All labels</option>
            {labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="plan-panel__summary">
          <p className="ready-count" data-testid="ready-count">
            {readyWords(stats)}
          </p>
          {canPlan && (
            <button type="button" className="button button--small" disabled={fill.length === 0} onClick={() => onPull(fill)} title="Pull in ranked, estimated cards in order until the next one would not fit">
              Fill to capacity{fill.length > 0 ? ` (${fill.length})` : ''}
            </button>
          )}
        </div>
        {!state && <p className="muted">Loading the board…</p>}
        {state && ranked.length === 0 && <p className="note note--empty">{!isFiltering(filter) ? 'Nothing waiting in this backlog.' : 'No card matches these filters.'}</p>}
        {groups.map((g) =>
          g.cards.length === 0 ? null : (
            <div key={g.column.id} className="plan-group">
              <h3 className="plan-group__title">
                {g.column.name}
                <span className="muted"> · {readyWords(readyStats(g.cards))}</span>
              </h3>
              <ol className="plan-list" aria-label={`${g.column.name}, in rank order`}>
                {g.cards.map((card) => (
                  <li key={card.id}>
                    {canPlan ? (
                      <DraggablePlanCard
                        from="backlog"
                        card={card}
                        people={people}
                        featureName={card.featureId ? (features.get(card.featureId) ?? null) : null}
                        actions={
                          <button type="button" className="button button--small" onClick={() => onPull([card])} aria-label={`Add '${card.title}' to ${iterationName}`}>
                            Add <Icon name="arrowRight" />
                          </button>
                        }
                      />
                    ) : (
                      <PlanCard card={card} people={people} featureName={card.featureId ? (features.get(card.featureId) ?? null) : null} />
                    )}
                  </li>
                ))}
              </ol>
            </div>
          ),
        )}
      </div>
    </section>
  );
}
