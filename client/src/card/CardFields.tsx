import { CARD_TYPES, PRIORITIES, type BoardState, type Card, type Member, type UpdateCardBody } from '@opsboard/shared';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { includes } from '../lib/guards';
import { dueInfo, formatDate } from '../lib/time';
import type { TeamState } from '../team/team-state';
import { TYPE_LABEL } from '../board/ui/TileBody';
import { AssigneesField, type PersonWipNote } from './AssigneesField';
import { LabelsField } from './LabelsField';
import { useDraft } from './use-draft';

/** Entries a card may be given: the open ones, plus whatever it already has; by name unless told otherwise. */
function pickable<T extends { id: string; name: string }>(all: ReadonlyMap<string, T> | undefined, current: string | null, open: (item: T) => boolean, order?: (a: T, b: T) => number): T[] {
  return [...(all?.values() ?? [])].filter((item) => open(item) || item.id === current).sort(order ?? ((a, b) => a.name.localeCompare(b.name)));
}

interface Props {
  card: Card;
  state: BoardState;
  people: ReadonlyMap<string, Member>;
  features: ReadonlyMap<string, string>;
  team: TeamState | null;
  editable: boolean;
  now: number;
  onChange: (changes: Omit<UpdateCardBody, 'version'>) => void;
  onMove: (columnId: string) => void;
  /** Per-person WIP figures for the assignee picker, where the board limits people. */
  personWip?: ((userId: string) => PersonWipNote | null) | undefined;
}

/** The card's fields as a compact form; each change is saved on its own, at once. */
export function CardFields({ card, state, people, features, team, editable, now, onChange, onMove, personWip }: Props) {
  const points = useDraft(card.points === null ? '' : String(card.points));
  const reason = useDraft(card.blockedReason ?? '');
  const columns = [...state.columns.values()].sort((a, b) => (a.rank < b.rank ? -1 : 1));
  const knownLabels = [...new Set([...state.cards.values()].flatMap((c) => c.labels))].sort();
  const due = card.dueDate ? dueInfo(card.dueDate, now) : null;

  const savePoints = () => {
    const text = points.draft.trim();
    const value = text === '' ? null : Number(text.replace(',', '.'));
    points.reset();
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > 1000)) return;
    if (value !== card.points) onChange({ points: value });
  };

  return (
    <dl className="card-fields">
      <dt>Column</dt>
      <dd>
        <select aria-label="Column" value={card.columnId} disabled={!editable} onChange={(e) => onMove(e.target.value)}>
          {columns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </dd>

      <dt>Type</dt>
      <dd>
        <select aria-label="Type" value={card.type} disabled={!editable} onChange={(e) => includes(CARD_TYPES, e.target.value) && onChange({ type: e.target.value })}>
          {CARD_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABEL[t]}
            </option>
          ))}
        </select>
      </dd>

      <dt>Assignees</dt>
      <dd>
        <AssigneesField card={card} people={people} editable={editable} onChange={(ids) => onChange({ assigneeIds: ids })} wip={personWip} />
      </dd>

      <dt>Points</dt>
      <dd>
        <input
          aria-label="Points"
          inputMode="decimal"
          className="input--short"
          value={points.draft}
          disabled={!editable}
          placeholder="–"
          list="point-scale"
          onChange={(e) => points.set(e.target.value)}
          onBlur={savePoints}
          onKeyDown={(e) => e.key === 'Enter' && savePoints()}
        />
        <datalist id="point-scale">
          {[0, 0.5, 1, 2, 3, 5, 8, 13, 20, 40].map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      </dd>

      <dt>Priority</dt>
      <dd>
        <select aria-label="Priority" value={card.priority} disabled={!editable} onChange={(e) => includes(PRIORITIES, e.target.value) && onChange({ priority: e.target.value })}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </dd>

      <dt>Due</dt>
      <dd className="card-field__row">
        <input type="date" aria-label="Due date" value={card.dueDate ?? ''} disabled={!editable} onChange={(e) => onChange({ dueDate: e.target.value || null })} />
        {due && <span className={`due due--${due.level}`}>{due.label}</span>}
      </dd>

      <dt>Blocker</dt>
      <dd className="card-field__stack">
        <label className="checkbox">
          <input type="checkbox" checked={card.blocked} disabled={!editable} onChange={(e) => onChange(e.target.checked ? { blocked: true } : { blocked: false, blockedReason: null })} />
          Blocked
        </label>
        {card.blocked && (
          <input
            aria-label="Why is it blocked?"
            placeholder="Why, and waiting on whom?"
            value={reason.draft}
            maxLength={500}
            disabled={!editable}
            onChange={(e) => reason.set(e.target.value)}
            onBlur={() => {
              const text = reason.draft.trim();
              reason.reset();
              if (text !== (card.blockedReason ?? '')) onChange({ blocked: true, blockedReason: text || null });
            }}
          />
        )}
      </dd>

      <dt>Labels</dt>
      <dd>
        <LabelsField labels={card.labels} known={knownLabels} editable={editable} onChange={(labels) => onChange({ labels })} />
      </dd>

      <dt>Feature</dt>
      <dd>
        <select aria-label="Feature" value={card.featureId ?? ''} disabled={!editable} onChange={(e) => onChange({ featureId: e.target.value || null })}>
          <option value="">None</option>
          {pickable(team?.features, card.featureId, (f) => f.status === 'active' || f.status === 'proposed').map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
              {f.status === 'proposed' ? ' (proposed)' : f.status !== 'active' ? ` (${f.status})` : ''}
            </option>
          ))}
          {card.featureId && !team?.features.has(card.featureId) && <option value={card.featureId}>{features.get(card.featureId) ?? 'A feature'}</option>}
        </select>
        {card.featureId && (
          <Link to={paths.feature(card.featureId)} className="card-field__link">
            Open the feature
          </Link>
        )}
      </dd>

      <dt>Iteration</dt>
      <dd>
        <select aria-label="Iteration" value={card.iterationId ?? ''} disabled={!editable} onChange={(e) => onChange({ iterationId: e.target.value || null })}>
          <option value="">Not planned</option>
          {pickable(team?.iterations, card.iterationId, (i) => i.state !== 'closed', (a, b) => a.startDate.localeCompare(b.startDate)).map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} ({i.state}, {formatDate(i.startDate)} – {formatDate(i.endDate)})
            </option>
          ))}
          {card.iterationId && !team?.iterations.has(card.iterationId) && <option value={card.iterationId}>An iteration</option>}
        </select>
        {card.iterationId && (
          <Link to={paths.iteration(card.iterationId)} className="card-field__link">
            Open the iteration
          </Link>
        )}
      </dd>

      {card.overrideReason && (
        <>
          <dt>Over limit</dt>
          <dd className="card-field__value card-field__override">{card.overrideReason}</dd>
        </>
      )}
    </dl>
  );
}
