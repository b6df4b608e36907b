/**
 * /teams/:teamId/activity — what happened in the team while you were away,
 * newest first, read from the event log: filter by kind, board, person and
 * dates; entries since your last visit are marked.
 */
import { useEffect, useState } from 'react';
import { ACTIVITY_KINDS, type ActivityEntry, type ActivityKind } from '@opsboard/shared';
import { activityApi, type ActivityFilter } from '../api/conversation';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { formatDateTime } from '../lib/time';
import { useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { activityLine } from './activity-text';
import '../styles/conversation.css';

const KIND_LABELS: Record<ActivityKind, string> = {
  cards: 'Cards',
  comments: 'Comments',
  interrupts: 'Interrupts',
  planning: 'Features and iterations',
  team: 'Team and people',
  boards: 'Board settings',
};

const seenKey = (teamId: string) => `opsboard.activity.seen.${teamId}`;

/** When this person last opened the team's activity (and, as a side effect, now). */
function lastVisit(teamId: string, now: string): string | null {
  try {
    const before = window.localStorage.getItem(seenKey(teamId));
    window.localStorage.setItem(seenKey(teamId), now);
    return before;
  } catch {
    return null;
  }
}

function filterFrom(search: string, selfId: string): ActivityFilter {
  const q = new URLSearchParams(search);
  const person = q.get('person');
  const kind = q.get('kind');
  return {
    ...(kind && (ACTIVITY_KINDS as readonly string[]).includes(kind) && { kind: kind as ActivityKind }),
    ...(q.get('board') && { boardId: q.get('board')! }),
    ...(person && { personId: person === 'me' ? selfId : person }),
    ...(q.get('from') && { from: q.get('from')! }),
    ...(q.get('to') && { to: q.get('to')! }),
  };
}

export function ActivityPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const team = useTeamLive(teamId);
  const [filter, setFilter] = useState<ActivityFilter>(() => filterFrom(window.location.search, user.id));
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [since] = useState(() => lastVisit(teamId, new Date().toISOString()));
  useDocumentTitle(['Activity', team.state?.team.name]);

  useEffect(() => {
    let alive = true;
    activityApi.team(teamId, filter, null).then(
      (page) => {
        if (!alive) return;
        setEntries(page.entries);
        setNext(page.next);
        setError(null);
      },
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [teamId, filter]);

  const more = async () => {
    if (!next) return;
    setLoading(true);
    try {
      const page = await activityApi.team(teamId, filter, next);
      setEntries((list) => [...(list ?? []), ...page.entries]);
      setNext(page.next);
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setLoading(false);
    }
  };
  const change = (patch: Partial<ActivityFilter>) => {
    const merged: ActivityFilter = { ...filter, ...patch };
    const cleaned = Object.fromEntries(Object.entries(merged).filter(([, v]) => typeof v === 'string' && v !== '')) as ActivityFilter;
    setFilter(cleaned);
    setEntries(null);
  };

  const state = team.state;
  if (!state) return team.error ? <ErrorNote message={team.error} onRetry={team.retry} /> : <Spinner label="Loading the team" />;
  const members = [...state.members.values()].sort((a, b) => a.name.localeCompare(b.name));
  const lines = (entries ?? []).map((e) => ({ entry: e, line: activityLine(e) }));
  const firstOld = since === null ? -1 : lines.findIndex((l) => l.entry.at <= since);

  return (
    <main className="page page--wide" id="main" data-testid="activity-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{state.team.name}</Link>
      </p>
      <h1>Activity</h1>
      <TeamNav teamId={teamId} active="activity" />
      <form className="activity-filters" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          <span className="field__label">What</span>
          <select value={filter.kind ?? ''} onChange={(e) => change({ kind: (e.target.value || undefined) as ActivityKind | undefined })}>
            <option value="">Everything</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Board</span>
          <select value={filter.boardId ?? ''} onChange={(e) => change({ boardId: e.target.value || undefined })}>
            <option value="">All boards and the team</option>
            {state.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Who</span>
          <select value={filter.personId ?? ''} onChange={(e) => change({ personId: e.target.value || undefined })} data-testid="activity-person">
            <option value="">Anyone</option>
            <option value={user.id}>Me</option>
            {members
              .filter((m) => m.userId !== user.id)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">From</span>
          <input type="date" value={filter.from ?? ''} onChange={(e) => change({ from: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span className="field__label">To</span>
          <input type="date" value={filter.to ?? ''} onChange={(e) => change({ to: e.target.value || undefined })} />
        </label>
      </form>
      {error && <ErrorNote message={error} />}
      {!entries && !error && <Spinner label="Loading the activity" />}
      {entries && entries.length === 0 && <EmptyNote>Nothing happened that matches these filters.</EmptyNote>}
      {entries && entries.length > 0 && (
        <ol className="history" data-testid="activity-list">
          {lines.map(({ entry, line }, i) => (
            <li key={line.key} className="history__item">
              {i === firstOld && i > 0 && <p className="muted activity-day">Before your last visit</p>}
              <p>
                <strong>{line.who}</strong> {line.what}
                {line.card && (
                  <>
                    {' '}
                    on{' '}
                    <Link to={paths.board(entry.streamId, `?card=${line.card.id}`)} data-testid="activity-card">
                      {line.card.name}
                    </Link>
                  </>
                )}
              </p>
              <time dateTime={line.at} className="muted">
                {formatDateTime(line.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
      {next && (
        <button type="button" className="button" disabled={loading} onClick={() => void more()}>
          Show older
        </button>
      )}
    </main>
  );
}
