/**
 * /teams/:teamId/poker — the team's planning poker sessions, and starting one:
 * a deck and a queue of cards picked from the team's planned backlog (a card
 * panel's "Estimate in poker" arrives here with that card ticked: ?cards=id).
 */
import { useMemo, useState } from 'react';
import { can, checkCustomDeck, type DeckCard, type DeckKind } from '@opsboard/shared';
import { boardsApi } from '../api/boards';
import { plainMessage } from '../api/errors';
import { pokerApi } from '../api/poker';
import { teamsApi } from '../api/teams';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { useServices } from '../app/services';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { useAsync } from '../ui/use-async';
import '../styles/poker.css';

interface Candidate {
  id: string;
  number: number;
  title: string;
  points: number | null;
  board: string;
}

async function candidates(teamId: string): Promise<Candidate[]> {
  const boards = (await teamsApi.boards(teamId)).filter((b) => b.archivedAt === null && b.kind !== 'interrupts');
  const out: Candidate[] = [];
  for (const board of boards) {
    const snap = await boardsApi.snapshot(board.id);
    const open = new Set(snap.columns.filter((c) => c.archivedAt === null && (c.category === 'backlog' || c.category === 'todo')).map((c) => c.id));
    for (const c of snap.cards) if (open.has(c.columnId) && c.archivedAt === null) out.push({ id: c.id, number: c.number, title: c.title, points: c.points, board: board.name });
  }
  return out;
}

/** "1, 2, 3, 5, 8" or "S=2, M=3, L=5": a custom deck as a team types it. */
export function parseCustomDeck(text: string): DeckCard[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [label, points] = part.split('=').map((x) => x.trim());
      const n = Number(points ?? label);
      return { label: label!, points: Number.isFinite(n) ? n : null };
    });
}

export function PokerListPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const location = useLocation();
  const team = useTeamLive(teamId);
  const sessions = useAsync(() => pokerApi.list(teamId), [teamId]);
  const cards = useAsync(() => candidates(teamId), [teamId]);
  const preselected = useMemo(() => new URLSearchParams(location.search).get('cards')?.split(',').filter(Boolean) ?? [], [location.search]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(preselected));
  const [deck, setDeck] = useState<DeckKind>('fibonacci');
  const [custom, setCustom] = useState('1, 2, 3, 5, 8, 13');
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(['Planning poker', team.state?.team.name]);

  const role = roleIn(team.state, user.id);
  const leads = [...(team.state?.features.values() ?? [])].some((f) => f.leadId === user.id && (f.status === 'active' || f.status === 'proposed'));
  const mayOpen = can(role, 'plan') || (can(role, 'write') && leads);

  const start = () => {
    const customDeck = deck === 'custom' ? parseCustomDeck(custom) : undefined;
    if (customDeck) {
      const bad = checkCustomDeck(customDeck);
      if (bad) return setProblem(`The custom deck ${bad}.`);
    }
    // Keep the backlog's order for the queue.
    const order = cards.status === 'ready' ? cards.value.map((c) => c.id) : [];
    const cardIds = [...picked].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    setBusy(true);
    setProblem(null);
    pokerApi.open(teamId, { deck, cardIds, ...(name.trim() && { name: name.trim() }), ...(customDeck && { customDeck }) }).then(
      (s) => navigate(paths.poker(s.id)),
      (e: unknown) => {
        setProblem(plainMessage(e));
        setBusy(false);
      },
    );
  };

  return (
    <main className="page page--wide poker" id="main" data-testid="poker-list">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(teamId)}>{team.state?.team.name ?? 'Team'}</Link>
      </p>
      <h1>Planning poker</h1>
      <TeamNav teamId={teamId} active="poker" />
      <section aria-label="Sessions">
        <h2>Sessions</h2>
        {sessions.status === 'loading' && <Spinner label="Loading the sessions" />}
        {sessions.status === 'error' && <ErrorNote message={sessions.message} onRetry={sessions.reload} />}
        {sessions.status === 'ready' &&
          (sessions.value.length === 0 ? (
            <EmptyNote>No poker sessions yet.</EmptyNote>
          ) : (
            <ul className="poker__sessions">
              {sessions.value.map((s) => (
                <li key={s.id}>
                  <Link to={paths.poker(s.id)}>{s.name}</Link>{' '}
                  <span className="muted">
                    {s.status === 'open' ? 'open' : 'finished'} · {s.accepted} of {s.cards} cards estimated · {new Date(s.createdAt).toLocaleDateString()}
                  </span>
                </li>
              ))}
            </ul>
          ))}
      </section>
      {mayOpen && (
        <section aria-label="Start a session" className="poker__start">
          <h2>Start a session</h2>
          {problem && <ErrorNote message={problem} />}
          <div className="poker__form">
            <label>
              Name <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Refinement" maxLength={120} />
            </label>
            <label>
              Deck{' '}
              <select value={deck} onChange={(e) => setDeck(e.target.value as DeckKind)}>
                <option value="fibonacci">Fibonacci (0–21, ?, coffee)</option>
                <option value="tshirt">T-shirt sizes (XS=1 … XXL=13)</option>
                <option value="custom">Custom</option>
              </select>
            </label>
            {deck === 'custom' && (
              <label>
                Cards <input value={custom} onChange={(e) => setCustom(e.target.value)} aria-describedby="custom-deck-help" />
                <span id="custom-deck-help" className="muted">
                  {' '}
                  Comma separated; a label may name its points: S=2
                </span>
              </label>
            )}
          </div>
          <fieldset className="poker__pick">
            <legend>Cards to estimate ({picked.size})</legend>
            {cards.status === 'loading' && <Spinner label="Loading the backlog" />}
            {cards.status === 'error' && <ErrorNote message={cards.message} onRetry={cards.reload} />}
            {cards.status === 'ready' &&
              cards.value.map((c) => (
                <label key={c.id} className="poker__pick-row">
                  <input
                    type="checkbox"
                    checked={picked.has(c.id)}
                    onChange={(e) =>
                      setPicked((prev) => {
                        const nextSet = new Set(prev);
                        if (e.target.checked) nextSet.add(c.id);
                        else nextSet.delete(c.id);
                        return nextSet;
                      })
                    }
                  />{' '}
                  #{c.number} {c.title} <span className="muted">({c.board}{c.points === null ? ', not estimated' : `, ${c.points} points`})</span>
                </label>
              ))}
          </fieldset>
          <button type="button" className="button button--primary" onClick={start} disabled={busy} data-testid="poker-start">
            Start the session
          </button>
        </section>
      )}
    </main>
  );
}
