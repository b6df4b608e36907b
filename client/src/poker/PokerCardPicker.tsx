/**
 * Picking the cards a poker session estimates: the team's open backlog (planned
 * and SS&A boards, backlog and to-do columns), narrowed to one feature, or any
 * of the team's cards found by a search. Used to start a session and, by the
 * facilitator, to queue more cards into a running one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CardRef } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { plainMessage } from '../api/errors';
import { searchApi } from '../api/search';
import { teamsApi } from '../api/teams';
import type { TeamState } from '../team/team-state';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { useAsync } from '../ui/use-async';

export interface PokerCandidate {
  id: string;
  number: number;
  title: string;
  points: number | null;
  featureId: string | null;
  /** Where the card is: "Planned · Backlog". */
  where: string;
}

/** The open backlog of the team's planned and SS&A boards, in board order. */
export async function backlogCandidates(teamId: string): Promise<PokerCandidate[]> {
  const boards = (await teamsApi.boards(teamId)).filter((b) => b.archivedAt === null && b.kind !== 'interrupts');
  const out: PokerCandidate[] = [];
  for (const board of boards) {
    const snap = await boardsApi.snapshot(board.id);
    const open = new Map(snap.columns.filter((c) => c.archivedAt === null && (c.category === 'backlog' || c.category === 'todo')).map((c) => [c.id, c.name]));
    for (const c of snap.cards) {
      const column = open.get(c.columnId);
      if (column !== undefined && c.archivedAt === null) out.push({ id: c.id, number: c.number, title: c.title, points: c.points, featureId: c.featureId, where: `${board.name} · ${column}` });
    }
  }
  return out;
}

/**
 * The backlog's order as the picker reports it (`onOrder`), to queue picked cards in it;
 * cards found by a search, which the backlog does not hold, follow.
 */
export function useBacklogOrder(): { onOrder(ids: string[]): void; sort(ids: Iterable<string>): string[] } {
  const order = useRef<string[]>([]);
  const onOrder = useCallback((ids: string[]) => void (order.current = ids), []);
  const sort = useCallback((ids: Iterable<string>) => {
    const rank = (id: string) => (order.current.includes(id) ? order.current.indexOf(id) : order.current.length);
    return [...ids].sort((a, b) => rank(a) - rank(b));
  }, []);
  return { onOrder, sort };
}

const fromRef = (r: CardRef): PokerCandidate => ({ id: r.id, number: r.number, title: r.title, points: null, featureId: null, where: `${r.boardName} · ${r.columnName}` });

interface Props {
  teamId: string;
  team: TeamState | null;
  picked: ReadonlySet<string>;
  onChange(next: Set<string>): void;
  /** Cards already in the session: shown ticked and fixed. */
  queued?: ReadonlySet<string>;
  /** Told the backlog's order once it is loaded, so a queue can keep it. */
  onOrder?(ids: string[]): void;
}

export function PokerCardPicker({ teamId, team, picked, onChange, queued, onOrder }: Props) {
  const backlog = useAsync(() => backlogCandidates(teamId), [teamId]);
  const [featureId, setFeatureId] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ q: string; cards: PokerCandidate[] } | { q: string; error: string } | null>(null);
  const q = query.trim();

  const loaded = backlog.status === 'ready' ? backlog.value : null;
  useEffect(() => {
    if (loaded) onOrder?.(loaded.map((c) => c.id));
  }, [loaded, onOrder]);

  useEffect(() => {
    if (q.length < 2) return;
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      searchApi.teamCards(teamId, q, abort.signal).then(
        (refs) => setFound({ q, cards: refs.filter((r) => !r.archived).map(fromRef) }),
        (e: unknown) => !abort.signal.aborted && setFound({ q, error: plainMessage(e) }),
      );
    }, 200);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [teamId, q]);

  const features = useMemo(
    () => [...(team?.features.values() ?? [])].filter((f) => f.status === 'active' || f.status === 'proposed').sort((a, b) => a.name.localeCompare(b.name)),
    [team],
  );

  const searching = q.length >= 2;
  const shown: PokerCandidate[] | null = searching
    ? found && found.q === q && 'cards' in found
      ? found.cards
      : null
    : backlog.status === 'ready'
      ? backlog.value.filter((c) => featureId === '' || c.featureId === featureId)
      : null;
  const choosable = (shown ?? []).filter((c) => !queued?.has(c.id));
  const allTicked = choosable.length > 0 && choosable.every((c) => picked.has(c.id));

  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  const tickAll = (on: boolean) => {
    const next = new Set(picked);
    for (const c of choosable) {
      if (on) next.add(c.id);
      else next.delete(c.id);
    }
    onChange(next);
  };

  return (
    <fieldset className="poker__pick" data-testid="poker-picker">
      <legend>Cards to estimate ({picked.size} picked)</legend>
      <div className="poker__pick-filters">
        <label>
          Feature{' '}
          <select value={featureId} onChange={(e) => setFeatureId(e.target.value)} disabled={searching} aria-label="Only the backlog of a feature">
            <option value="">The whole backlog</option>
            {features.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Find{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words or #number, any column" aria-label="Find the team's cards" />
        </label>
        <button type="button" className="button button--small" onClick={() => tickAll(!allTicked)} disabled={choosable.length === 0}>
          {allTicked ? 'Untick' : 'Tick'} all {choosable.length} shown
        </button>
      </div>
      {!searching && backlog.status === 'loading' && <Spinner label="Loading the backlog" />}
      {!searching && backlog.status === 'error' && <ErrorNote message={backlog.message} onRetry={backlog.reload} />}
      {searching && found && found.q === q && 'error' in found && <ErrorNote message={found.error} />}
      {searching && shown === null && !(found && 'error' in found) && <Spinner label="Searching" />}
      {shown && shown.length === 0 && (
        <p className="muted">{searching ? `No card of the team matches “${q}”.` : featureId ? 'This feature has no cards waiting in a backlog.' : 'The backlog is empty.'}</p>
      )}
      {shown?.map((c) => {
        const inSession = queued?.has(c.id) ?? false;
        return (
          <label key={c.id} className="poker__pick-row">
            <input type="checkbox" checked={inSession || picked.has(c.id)} disabled={inSession} onChange={(e) => toggle(c.id, e.target.checked)} /> #{c.number} {c.title}{' '}
            <span className="muted">
              ({c.where}
              {inSession ? ', already in this session' : searching ? '' : c.points === null ? ', not estimated' : `, ${c.points} points`})
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
