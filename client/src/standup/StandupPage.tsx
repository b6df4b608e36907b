/**
 * Standup mode: one board (`?board=`) or the team's boards in sequence,
 * walked right to left, card by card or person by person, for a wall screen.
 * The facilitator's moves go to the server as focus; everyone else's view
 * follows them live until they leave to browse (and can rejoin).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { can, standupWalk, type StandupFocus, type StandupMode } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { standupApi } from '../api/standup';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useLocation } from '../app/router';
import { useServices } from '../app/services';
import { newKey } from '../lib/ids';
import { useClock } from '../lib/use-clock';
import { runShortcut } from '../ui/keyboard';
import { ErrorNote } from '../ui/Feedback';
import { FocusCard } from './FocusCard';
import { SincePanel } from './SincePanel';
import { StandupBoard } from './StandupBoard';
import { StandupHeader } from './StandupHeader';
import { useSnapshots, useStandup } from './use-standup';
import { useStandupTimer } from './use-timer';
import { moveFrom, speakerAt, type Move, type Place } from './walk';
import '../styles/standup.css';

/** Days in a column after which a card stands out as ageing. */
const AGE_DAYS = 5;
const LIMITS = [60, 90, 120, 180] as const;

export function StandupPage({ teamId }: { teamId: string }) {
  const { user } = useServices();
  const location = useLocation();
  const boardParam = new URLSearchParams(location.search).get('board');
  const { team, live, setLive, since, error, signals } = useStandup(teamId, boardParam);
  const state = team.state;
  const role = state?.members.get(user.id)?.role ?? null;
  const now = useClock(60_000);

  const [localMode, setLocalMode] = useState<StandupMode>('card');
  const [localLimit, setLocalLimit] = useState(120);
  const [following, setFollowing] = useState(true);
  const [local, setLocal] = useState<Place | null>(null);
  const [localPaused, setLocalPaused] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);

  const teamBoardIds = useMemo(() => (state?.boards ?? []).map((b) => b.id), [state?.boards]);
  const boardIds = live ? live.boardIds : boardParam ? [boardParam] : teamBoardIds;
  const mode = live?.mode ?? localMode;
  const limitSeconds = live?.limitSeconds ?? localLimit;
  const facilitating = live !== null && live.facilitatorId === user.id;
  const followingNow = live !== null && !facilitating && following && live.focus !== null;

  const fallback: Place | null = boardIds[0] ? { boardId: boardIds[0], cardId: null, personId: null } : null;
  const own = local && boardIds.includes(local.boardId) ? local : null;
  // A facilitator who reloads picks up where the standup is.
  const place: Place | null = (followingNow ? live.focus : (own ?? (facilitating ? live.focus : null))) ?? fallback;
  const paused = live && (followingNow || facilitating) ? (live.focus?.paused ?? false) : localPaused;

  const snaps = useSnapshots(boardIds, place?.boardId ?? null);
  const snap = place ? snaps.get(place.boardId) : undefined;
  const steps = useMemo(() => (snap ? standupWalk(snap.columns, snap.cards, mode) : []), [snap, mode]);
  const cards = useMemo(() => new Map((snap?.cards ?? []).map((c) => [c.id, c])), [snap]);
  const speaker = place ? speakerAt(place, cards) : null;
  const timer = useStandupTimer(!paused && (live !== null || local !== null), speaker, live?.id ?? 'local');

  useDocumentTitle(['Standup', state?.team.name]);

  // The facilitator's moves go out in order, one request at a time.
  const outbox = useRef<Promise<unknown>>(Promise.resolve());
  const publish = (focus: StandupFocus) => {
    if (!live || !facilitating) return;
    setLive({ ...live, focus });
    outbox.current = outbox.current.then(() => standupApi.focus(live.id, focus, newKey('standup')).catch((err: unknown) => setProblem(plainMessage(err))));
  };

  const go = (move: Move) => {
    if (!place) return;
    const next = moveFrom(place, steps, boardIds, move, cards);
    // A follower who walks on their own has left; "Follow" brings them back.
    if (live && !facilitating) setFollowing(false);
    setLocal(next);
    publish({ ...next, paused });
  };
  const togglePause = () => {
    if (facilitating && place) publish({ ...place, paused: !paused });
    else setLocalPaused((p) => !p);
  };

  // The listener stays put; it calls the latest handlers.
  const handlers = useRef({ go, togglePause });
  useEffect(() => {
    handlers.current = { go, togglePause };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key;
      runShortcut(event, () => {
        const h = handlers.current;
        if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'j') h.go('next');
        else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'k') h.go('previous');
        else if (key === 's') h.go('skip');
        else if (key === ' ' || key === 'p') h.togglePause();
        else return 'none';
        return 'done';
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const start = async () => {
    setProblem(null);
    setRecorded(null);
    try {
      const started = await standupApi.start(teamId, { boardIds, mode: localMode, limitSeconds: localLimit }, newKey('standup'));
      setLive(started);
      setLocal(null);
    } catch (err) {
      setProblem(plainMessage(err));
    }
  };
  const finish = async () => {
    if (!live) return;
    setProblem(null);
    try {
      const done = await standupApi.finish(live.id, { speakers: [...timer.perPerson].map(([userId, seconds]) => ({ userId, seconds })) }, newKey('standup'));
      setLive(null);
      setRecorded(`Recorded: ${Math.round((done.durationSeconds ?? 0) / 60)} min, ${done.speakers.length} spoke.`);
    } catch (err) {
      setProblem(plainMessage(err));
    }
  };

  const people = state?.members ?? new Map();
  const facilitatorName = live ? (people.get(live.facilitatorId)?.name ?? 'someone') : null;
  const boardIndex = place ? boardIds.indexOf(place.boardId) : -1;
  const title = snap ? `${state?.team.name ?? ''} · ${snap.board.name}` : (state?.team.name ?? 'Standup');
  const canLead = can(role, 'write');

  if (error && !state) return <ErrorNote message={error} />;
  return (
    <main className="standup" id="main" data-testid="standup-page" data-following={followingNow || undefined} data-facilitating={facilitating || undefined}>
      <StandupHeader
        teamId={teamId}
        team={state}
        now={now}
        rev={signals + Math.floor(now / 60_000)}
        title={title}
        speakerName={speaker ? (people.get(speaker)?.name ?? null) : null}
        speakerSeconds={speaker ? (timer.perPerson.get(speaker) ?? 0) : 0}
        totalSeconds={timer.total}
        limitSeconds={limitSeconds}
        paused={paused}
      />
      <div className="standup-body">
        {snap ? <StandupBoard snap={snap} focusCardId={place?.cardId ?? null} focusPersonId={place?.personId ?? null} people={people} now={now} ageDays={AGE_DAYS} /> : <div className="standup-board" />}
        <aside className="standup-side">
          <div className="standup-controls" data-testid="standup-controls">
            <span className="standup-controls__where">
              Board {boardIndex + 1} of {boardIds.length}
            </span>
            {live ? (
              facilitating ? (
                <>
                  <span className="standup-controls__role">You lead</span>
                  <button type="button" className="button button--small button--primary" onClick={() => void finish()} data-testid="standup-finish">
                    Finish standup
                  </button>
                </>
              ) : followingNow ? (
                <>
                  <span className="standup-controls__role" data-testid="standup-following">
                    Following {facilitatorName}
                  </span>
                  <button type="button" className="button button--small" onClick={() => setFollowing(false)}>
                    Leave to browse
                  </button>
                </>
              ) : (
                <>
                  <span className="standup-controls__role">Browsing on your own</span>
                  <button type="button" className="button button--small button--primary" onClick={() => setFollowing(true)} data-testid="standup-rejoin">
                    Follow {facilitatorName}
                  </button>
                </>
              )
            ) : (
              <>
                <label className="standup-controls__field">
                  Walk{' '}
                  <select value={localMode} onChange={(e) => setLocalMode(e.target.value === 'person' ? 'person' : 'card')} data-testid="standup-mode">
                    <option value="card">card by card</option>
                    <option value="person">person by person</option>
                  </select>
                </label>
                <label className="standup-controls__field">
                  Limit{' '}
                  <select value={localLimit} onChange={(e) => setLocalLimit(Number(e.target.value))} data-testid="standup-limit">
                    {LIMITS.map((l) => (
                      <option key={l} value={l}>
                        {l / 60 >= 1 && l % 60 === 0 ? `${l / 60} min` : `${l} s`} each
                      </option>
                    ))}
                  </select>
                </label>
                {canLead && (
                  <button type="button" className="button button--small button--primary" onClick={() => void start()} data-testid="standup-start">
                    Start standup
                  </button>
                )}
              </>
            )}
            {boardParam && state && (
              <Link to={paths.board(boardParam)} className="standup-controls__back">
                Back to the board
              </Link>
            )}
          </div>
          {(problem || recorded) && (
            <p className={problem ? 'standup-note standup-note--bad' : 'standup-note'} role="status">
              {problem ?? recorded}
            </p>
          )}
          <FocusCard snap={snap} cardId={place?.cardId ?? null} personId={mode === 'person' ? (place?.personId ?? null) : null} people={people} now={now} ageDays={AGE_DAYS} />
          <SincePanel since={since} />
          <p className="standup-keys muted">→/j next · ←/k previous · s skip person · space/p pause</p>
        </aside>
      </div>
    </main>
  );
}
