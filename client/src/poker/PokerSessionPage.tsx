/**
 * /poker/:sessionId — a planning poker session, live. Everyone sees the
 * current card in full with three estimated cards of similar size and kind;
 * voters pick a card of the deck (digits), the facilitator reveals (r),
 * accepts (a) and moves on (n). Before the reveal the page knows who voted and
 * your own vote only: the server never sends anyone else's.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { acceptanceNotes, can, cardForDigit, type PokerSession, type Role } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { plainMessage } from '../api/errors';
import { pokerApi } from '../api/poker';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { useMarkdown } from '../card/use-markdown';
import type { TeamState } from '../team/team-state';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { TeamNav } from '../teams/TeamNav';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { runShortcut } from '../ui/keyboard';
import { useAsync } from '../ui/use-async';
import { PokerCardPicker, useBacklogOrder } from './PokerCardPicker';
import { usePokerSession, type PokerLive } from './use-poker-session';
import '../styles/poker.css';

export function PokerSessionPage({ sessionId }: { sessionId: string }) {
  const live = usePokerSession(sessionId);
  if (!live.session) {
    return live.error ? (
      <main className="page" id="main">
        <ErrorNote message={live.error} onRetry={live.reload} />
      </main>
    ) : (
      <Spinner label="Loading the poker session" />
    );
  }
  return <SessionView live={live} session={live.session} />;
}

function SessionView({ live, session }: { live: PokerLive; session: PokerSession }) {
  const { user } = useServices();
  const team = useTeamLive(session.teamId);
  const role: Role | null = roleIn(team.state, user.id);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useDocumentTitle([session.name, 'Planning poker']);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const [id, member] of team.state?.members ?? []) m.set(id, member.name);
    for (const p of session.participants) m.set(p.userId, p.name);
    return m;
  }, [team.state, session.participants]);
  const nameOf = (id: string) => names.get(id) ?? 'Someone';

  const me = session.participants.find((p) => p.userId === user.id);
  const isFacilitator = session.facilitatorId === user.id;
  const canVote = can(role, 'write') && me?.role !== 'viewer' && session.status === 'open';
  const round = session.round;
  const current = session.items.find((i) => i.id === session.currentItemId) ?? null;
  const revealed = round?.status === 'revealed';
  // The estimate to accept: what the facilitator chose for this round, else the reveal's suggestion.
  const [chosen, setChosen] = useState<{ roundId: string; value: string } | null>(null);
  const acceptValue = chosen && chosen.roundId === round?.id ? chosen.value : (round?.stats?.suggested ?? '');
  const setAcceptValue = (value: string) => round && setChosen({ roundId: round.id, value });

  // Joining is what lists you in the room: a voter when your role votes, a viewer otherwise.
  const joining = useRef(false);
  useEffect(() => {
    if (me || joining.current || !team.state || session.status !== 'open') return;
    joining.current = true;
    void pokerApi.join(session.id, can(role, 'write') ? 'voter' : 'viewer').then(live.set, (e: unknown) => setProblem(plainMessage(e)));
  }, [me, team.state, role, session.id, session.status, live.set]);

  const act = (run: () => Promise<PokerSession>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    run().then(
      (s) => {
        live.set(s);
        setBusy(false);
      },
      (e: unknown) => {
        setProblem(plainMessage(e));
        setBusy(false);
      },
    );
  };
  const vote = (value: string) => act(() => pokerApi.vote(session.id, value));
  const reveal = () => act(() => pokerApi.reveal(session.id));
  const accept = () => acceptValue && act(() => pokerApi.accept(session.id, acceptValue));
  const next = () => act(() => pokerApi.skip(session.id));

  // Keyboard: digits vote, r reveals, a accepts, n moves to the next card.
  const keys = useRef({ vote, reveal, accept, next, canVote, isFacilitator, revealed, round, acceptValue, deck: session.deck });
  useEffect(() => {
    keys.current = { vote, reveal, accept, next, canVote, isFacilitator, revealed, round, acceptValue, deck: session.deck };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      runShortcut(event, () => {
        const k = keys.current;
        if (!k.round) return 'none';
        const card = cardForDigit(k.deck, event.key);
        if (card && k.canVote && !k.revealed) {
          k.vote(card.label);
          return 'done';
        }
        if (!k.isFacilitator) return 'none';
        if (event.key === 'r' && !k.revealed) return k.reveal(), 'done';
        if (event.key === 'a' && k.revealed && k.acceptValue) return k.accept(), 'done';
        if (event.key === 'n') return k.next(), 'done';
        return 'none';
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const online = new Set(live.viewers.map((v) => v.userId));
  const voted = new Set(round?.voted ?? []);
  const people = [...session.participants];
  for (const v of live.viewers) if (!people.some((p) => p.userId === v.userId)) people.push({ userId: v.userId, name: v.name, role: 'viewer', joinedAt: '' });

  return (
    <main className="page page--wide poker" id="main" data-testid="poker-session">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › <Link to={paths.team(session.teamId)}>{team.state?.team.name ?? 'Team'}</Link> ›{' '}
        <Link to={paths.pokerList(session.teamId)}>Planning poker</Link>
      </p>
      <h1>{session.name}</h1>
      <TeamNav teamId={session.teamId} active="poker" />
      <p className="poker__meta">
        {session.status === 'closed' ? 'Closed. ' : ''}Deck: {session.deckKind === 'tshirt' ? 'T-shirt sizes' : session.deckKind === 'custom' ? 'custom' : 'Fibonacci'} · Facilitator:{' '}
        <strong data-testid="poker-facilitator">{nameOf(session.facilitatorId)}</strong>
        {isFacilitator && session.status === 'open' && <HandOff session={session} nameOf={nameOf} onDone={live.set} act={act} />}
      </p>
      {(problem ?? live.error) && <ErrorNote message={(problem ?? live.error)!} />}

      <div className="poker__layout">
        <section className="poker__card" aria-label="Card being estimated">
          {current ? <CurrentCard cardId={current.cardId} itemPoints={current.points} /> : <p className="muted">{session.status === 'closed' ? 'This session is closed.' : 'No card is up. Queue cards or pick one below.'}</p>}
        </section>

        <aside className="poker__side">
          <section aria-label="People in the session">
            <h2>People</h2>
            <ul className="poker__people" data-testid="poker-people">
              {people.map((p) => (
                <li key={p.userId} data-user-id={p.userId} data-voted={voted.has(p.userId) ? 'yes' : 'no'}>
                  <span className={online.has(p.userId) ? 'poker__dot poker__dot--on' : 'poker__dot'} aria-hidden="true" />
                  {p.name}
                  {p.role === 'viewer' && <span className="muted"> (watching)</span>}
                  {p.userId === session.facilitatorId && <span className="muted"> (facilitator)</span>}
                  {voted.has(p.userId) && (
                    <span className="poker__tick" aria-label="has voted" title="has voted">
                      ✓
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>

      {round && (
        <section className="poker__round" aria-label={`Round ${round.number}`}>
          <h2>
            Round {round.number} · {revealed ? 'revealed' : `${round.voted.length} voted`}
          </h2>
          <div className="poker__deck" role="group" aria-label="Your vote">
            {session.deck.map((c) => (
              <button
                key={c.label}
                type="button"
                className="poker__deck-card"
                aria-pressed={round.myVote === c.label}
                disabled={!canVote || revealed || busy}
                onClick={() => vote(c.label)}
                title={c.points === null ? undefined : `${c.points} points`}
              >
                {c.label === 'coffee' ? '☕' : c.label}
              </button>
            ))}
          </div>
          {!canVote && session.status === 'open' && <p className="muted">You are watching: viewers do not vote.</p>}
          {revealed && round.votes && round.stats && (
            <div className="poker__results" data-testid="poker-results">
              <ul className="poker__votes">
                {round.votes.map((v) => (
                  <li key={v.userId}>
                    <span>{nameOf(v.userId)}</span> <strong>{v.value}</strong>
                  </li>
                ))}
              </ul>
              <p>
                Median <strong data-testid="poker-median">{round.stats.median ?? '–'}</strong> · spread <strong>{round.stats.spread ?? '–'}</strong> ·{' '}
                <strong data-testid="poker-agreement">{round.stats.consensus ? 'consensus' : round.stats.agreement === 'near' ? 'nearly agreed' : round.stats.agreement === 'none' ? 'no estimate' : 'no consensus'}</strong>
              </p>
              {round.stats.highest.length > 0 && (
                <p className="poker__explain" role="note">
                  {round.stats.highest.map(nameOf).join(', ')} (highest) and {round.stats.lowest.map(nameOf).join(', ')} (lowest): tell the team what you see.
                </p>
              )}
            </div>
          )}
          {isFacilitator && session.status === 'open' && (
            <div className="poker__controls">
              {!revealed && (
                <button type="button" className="button button--primary" onClick={reveal} disabled={busy}>
                  Reveal <kbd>r</kbd>
                </button>
              )}
              {revealed && (
                <>
                  <label>
                    Estimate{' '}
                    <select value={acceptValue} onChange={(e) => setAcceptValue(e.target.value)} aria-label="Estimate to accept">
                      <option value="">Choose…</option>
                      {session.deck
                        .filter((c) => c.points !== null)
                        .map((c) => (
                          <option key={c.label} value={c.label}>
                            {c.label}
                            {c.label !== String(c.points) ? ` (${c.points} points)` : ''}
                          </option>
                        ))}
                    </select>
                  </label>
                  <button type="button" className="button button--primary" onClick={accept} disabled={busy || !acceptValue}>
                    Accept <kbd>a</kbd>
                  </button>
                  <button type="button" className="button" onClick={() => act(() => pokerApi.revote(session.id))} disabled={busy}>
                    Re-vote
                  </button>
                </>
              )}
              <button type="button" className="button" onClick={next} disabled={busy}>
                Skip to next <kbd>n</kbd>
              </button>
            </div>
          )}
        </section>
      )}

      <section aria-label="Cards in this session">
        <h2>Cards</h2>
        <ol className="poker__queue" data-testid="poker-queue">
          {session.items.map((item) => (
            <li key={item.id} data-status={item.status} aria-current={item.id === session.currentItemId ? 'step' : undefined}>
              <span>
                #{item.number} {item.title}
              </span>{' '}
              <span className="muted">
                {item.status === 'accepted' ? `estimated ${item.finalValue}` : item.status === 'skipped' ? 'skipped' : item.id === session.currentItemId ? 'now' : 'queued'}
                {item.rounds.length > 0 && ` · ${item.rounds.length} round${item.rounds.length > 1 ? 's' : ''}: ${item.rounds.map((r) => r.votes.map((v) => v.value).join('/')).join(' → ')}`}
              </span>
              {isFacilitator && session.status === 'open' && item.id !== session.currentItemId && (
                <button type="button" className="button button--small" onClick={() => act(() => pokerApi.current(session.id, item.id))} disabled={busy}>
                  {item.status === 'accepted' ? 'Estimate again' : 'Estimate now'}
                </button>
              )}
            </li>
          ))}
        </ol>
        {isFacilitator && session.status === 'open' && (
          <>
            <QueueMore session={session} team={team.state} busy={busy} act={act} />
            <button type="button" className="button" onClick={() => act(() => pokerApi.close(session.id))} disabled={busy}>
              Close the session
            </button>
          </>
        )}
      </section>
    </main>
  );
}

/** The facilitator queues more cards: from the backlog, a feature or a search. */
function QueueMore({ session, team, busy, act }: { session: PokerSession; team: TeamState | null; busy: boolean; act: (run: () => Promise<PokerSession>) => void }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const queued = useMemo(() => new Set(session.items.map((i) => i.cardId)), [session.items]);
  const backlogOrder = useBacklogOrder();
  const fresh = [...picked].filter((id) => !queued.has(id));
  const queue = () => {
    const cardIds = backlogOrder.sort(fresh);
    act(async () => {
      const next = await pokerApi.queue(session.id, cardIds);
      setPicked(new Set());
      setOpen(false);
      return next;
    });
  };
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Queue more cards
      </button>
    );
  }
  return (
    <section aria-label="Queue more cards" className="poker__more">
      <PokerCardPicker teamId={session.teamId} team={team} picked={picked} onChange={setPicked} queued={queued} onOrder={backlogOrder.onOrder} />
      <button type="button" className="button button--primary" onClick={queue} disabled={busy || fresh.length === 0} data-testid="poker-queue-more">
        Queue {fresh.length} card{fresh.length === 1 ? '' : 's'}
      </button>{' '}
      <button type="button" className="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </section>
  );
}

function HandOff({ session, nameOf, act }: { session: PokerSession; nameOf: (id: string) => string; onDone: (s: PokerSession) => void; act: (run: () => Promise<PokerSession>) => void }) {
  const others = session.participants.filter((p) => p.role === 'voter' && p.userId !== session.facilitatorId);
  if (others.length === 0) return null;
  return (
    <label className="poker__handoff">
      {' '}
      · Hand the role to{' '}
      <select value="" onChange={(e) => e.target.value && act(() => pokerApi.facilitator(session.id, e.target.value))} aria-label="Hand the facilitator role to">
        <option value="">…</option>
        {others.map((p) => (
          <option key={p.userId} value={p.userId}>
            {nameOf(p.userId)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The card in full: description, acceptance notes, labels, links; and three estimated cards like it. */
function CurrentCard({ cardId, itemPoints }: { cardId: string; itemPoints: number | null }) {
  const detail = useAsync(() => cardsApi.detail(cardId), [cardId, itemPoints]);
  const refs = useAsync(() => pokerApi.references(cardId), [cardId]);
  const description = detail.status === 'ready' ? detail.value.card.description : '';
  const html = useMarkdown(description);
  if (detail.status === 'loading') return <Spinner label="Loading the card" />;
  if (detail.status === 'error') return <ErrorNote message={detail.message} onRetry={detail.reload} />;
  const { card, related } = detail.value;
  const notes = acceptanceNotes(card.description);
  const title = (id: string) => related.find((r) => r.id === id);
  return (
    <article data-testid="poker-current-card" data-card-id={card.id}>
      <h2>
        #{card.number} {card.title}
      </h2>
      <p className="poker__meta">
        {card.type} · <span data-testid="poker-card-points">{card.points === null ? 'not estimated' : `${card.points} points`}</span>
        {card.labels.length > 0 && (
          <span className="poker__labels">
            {card.labels.map((l) => (
              <span key={l} className="label-chip">
                {l}
              </span>
            ))}
          </span>
        )}
      </p>
      {description ? <div className="markdown" dangerouslySetInnerHTML={{ __html: html ?? '' }} /> : <p className="muted">No description.</p>}
      {notes && (
        <section aria-label="Acceptance notes" className="poker__notes">
          <h3>Acceptance notes</h3>
          <p className="poker__pre">{notes}</p>
        </section>
      )}
      {card.links.length > 0 && (
        <section aria-label="Links">
          <h3>Links</h3>
          <ul>
            {card.links.map((l) => {
              const r = title(l.cardId);
              return (
                <li key={`${l.kind}-${l.cardId}`}>
                  {l.kind.replace(/_/g, ' ')}: {r ? `#${r.number} ${r.title}` : 'a card'}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-label="Reference cards" className="poker__refs">
        <h3>Estimated cards like this one</h3>
        {refs.status === 'ready' && refs.value.length === 0 && <p className="muted">No estimated {card.type} yet.</p>}
        {refs.status === 'ready' && refs.value.length > 0 && (
          <ul data-testid="poker-references">
            {refs.value.map((r) => (
              <li key={r.cardId}>
                #{r.number} {r.title} — <strong>{r.points} points</strong>
                {r.cycleTimeDays !== null ? `, done in ${r.cycleTimeDays} days` : ', not finished yet'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
