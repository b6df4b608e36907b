/**
 * /teams/:teamId/poker — the team's planning poker sessions, and starting one:
 * a deck (the team's own custom deck is saved here for every session) and a
 * queue of cards picked from the backlog, a feature or a search (a card
 * panel's "Estimate in poker" arrives here with that card ticked: ?cards=id).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { can, checkCustomDeck, type DeckCard, type DeckKind } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { pokerApi } from '../api/poker';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { navigate, useLocation } from '../app/router';
import { useServices } from '../app/services';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { useAsync } from '../ui/use-async';
import { formatCustomDeck, parseCustomDeck } from './deck-text';
import { PokerCardPicker, useBacklogOrder } from './PokerCardPicker';
import '../styles/poker.css';

export function PokerListPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const location = useLocation();
  const [teamDeck, setTeamDeck] = useState<DeckCard[] | null | undefined>(undefined);
  const [deck, setDeck] = useState<DeckKind>('fibonacci');
  const [custom, setCustom] = useState('1, 2, 3, 5, 8, 13');
  // A saved team deck is the team's custom deck: offer it first and fill the field with it.
  const adoptDeck = useCallback((cards: DeckCard[] | null) => {
    setTeamDeck(cards);
    if (!cards) return;
    setCustom(formatCustomDeck(cards));
    setDeck((d) => (d === 'fibonacci' ? 'custom' : d));
  }, []);
  const team = useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type === 'poker.deck_saved') adoptDeck(event.payload.cards);
    },
  });
  const sessions = useAsync(() => pokerApi.list(teamId), [teamId]);
  const preselected = useMemo(() => new URLSearchParams(location.search).get('cards')?.split(',').filter(Boolean) ?? [], [location.search]);
  const [picked, setPicked] = useState<Set<string>>(() => new Set(preselected));
  const backlogOrder = useBacklogOrder();
  const [deckNote, setDeckNote] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    pokerApi.teamDeck(teamId).then(
      (d) => live && adoptDeck(d.cards),
      () => live && setTeamDeck(null),
    );
    return () => {
      live = false;
    };
  }, [teamId, adoptDeck]);
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
    const cardIds = backlogOrder.sort(picked);
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

  const typedDeck = parseCustomDeck(custom);
  const deckSaved = teamDeck != null && formatCustomDeck(teamDeck) === formatCustomDeck(typedDeck);
  const saveDeck = () => {
    const bad = checkCustomDeck(typedDeck);
    if (bad) return setProblem(`The custom deck ${bad}.`);
    setProblem(null);
    pokerApi.saveTeamDeck(teamId, typedDeck).then(
      (d) => {
        adoptDeck(d.cards);
        setDeckNote("Saved: every session's custom deck starts from it.");
      },
      (e: unknown) => setProblem(plainMessage(e)),
    );
  };
  const forgetDeck = () => {
    pokerApi.forgetTeamDeck(teamId).then(
      (d) => {
        adoptDeck(d.cards);
        setDeckNote("The team's deck is forgotten.");
      },
      (e: unknown) => setProblem(plainMessage(e)),
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
                <option value="custom">{teamDeck ? `The team's deck (${teamDeck.map((c) => c.label).join(', ')})` : 'Custom'}</option>
              </select>
            </label>
            {deck === 'custom' && (
              <label>
                Cards{' '}
                <input
                  value={custom}
                  onChange={(e) => {
                    setCustom(e.target.value);
                    setDeckNote(null);
                  }}
                  aria-describedby="custom-deck-help"
                />
                <span id="custom-deck-help" className="muted">
                  {' '}
                  Comma separated; a label may name its points: S=2
                </span>
              </label>
            )}
            {deck === 'custom' && (
              <span className="poker__deck-actions">
                <button type="button" className="button button--small" onClick={saveDeck} disabled={deckSaved}>
                  {deckSaved ? "This is the team's deck" : "Save as the team's deck"}
                </button>
                {teamDeck && (
                  <button type="button" className="button button--small" onClick={forgetDeck}>
                    Forget the team's deck
                  </button>
                )}
                {deckNote && (
                  <span className="muted" role="status">
                    {deckNote}
                  </span>
                )}
              </span>
            )}
          </div>
          <PokerCardPicker teamId={teamId} team={team.state} picked={picked} onChange={setPicked} onOrder={backlogOrder.onOrder} />
          <button type="button" className="button button--primary" onClick={start} disabled={busy} data-testid="poker-start">
            Start the session
          </button>
        </section>
      )}
    </main>
  );
}
