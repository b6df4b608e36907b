/**
 * The PoTW's triage view, keyboard first (after Linear's triage): the inbox
 * oldest first, the selected interrupt in full, single keys for actions.
 * Triaged items leave the list at once (and come back if the server
 * refuses); the selection moves to the next one; arrivals and triage done
 * elsewhere show up live and are announced.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Card, Severity, TriageAction, TriageBody } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { paths } from '../../app/routes';
import { navigate } from '../../app/router';
import { useServices } from '../../app/services';
import { newKey } from '../../lib/ids';
import { useClock } from '../../lib/use-clock';
import { announce } from '../../ui/announcer';
import { runShortcut } from '../../ui/keyboard';
import type { ShortcutOutcome } from '../../ui/shortcuts';
import { ErrorNote, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import { SEVERITY_LABEL } from '../interrupt-words';
import type { PotwEnv } from '../potw-env';
import { TriageEmpty } from './TriageEmpty';
import { TriagePrompt, type Prompt } from './TriagePrompt';
import { commandAllowed, moveSelection, selectionAfter, triageCommand, triageQueue, type QueueItem, type TriageCommand } from './queue';
import { ShortcutLegend } from './ShortcutLegend';
import { TriageDetail } from './TriageDetail';
import { TriageList } from './TriageList';
import type { InterruptsBoard } from './use-interrupts-board';
import { useLiveAnnouncements } from './use-live-announcements';
import '../../styles/potw-forms.css';
import '../../styles/triage.css';

interface Props {
  env: PotwEnv;
  board: InterruptsBoard;
  onRaise: () => void;
}

export function TriageView({ env, board, onRaise }: Props) {
  const { socket } = useServices();
  const now = useClock(30_000);
  const live = useSyncExternalStore(
    (l) => socket.onState(l),
    () => socket.state.status === 'live',
  );
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  // The selection remembers the list it was made in, so when its item leaves, the one after it is next.
  const [selection, setSelection] = useState<{ id: string | null; context: readonly string[] }>({ id: null, context: [] });
  const [severities, setSeverities] = useState<ReadonlyMap<string, Severity>>(() => new Map());
  const [promptState, setPrompt] = useState<Prompt | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const ours = useRef(new Set<string>());

  const queue = useMemo(() => (board.state ? triageQueue(board.state, hidden) : []), [board.state, hidden]);
  const ids = useMemo(() => queue.map((q) => q.card.id), [queue]);
  const selectedId = selectionAfter(selection.context, ids, selection.id);
  const selected = queue.find((q) => q.card.id === selectedId) ?? null;
  // A prompt whose interrupt was triaged elsewhere meanwhile goes away (the announcement says why).
  const prompt = promptState && ids.includes(promptState.item.card.id) ? promptState : null;
  const canTriage = env.canWrite;
  const severityOf = (item: QueueItem) => severities.get(item.card.id) ?? item.interrupt.severity;

  useLiveAnnouncements(board.state, queue, ours, env.name);

  const candidates = useMemo<Card[]>(() => (board.state ? [...board.state.cards.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : []), [board.state]);

  const run = async (item: QueueItem, body: TriageBody, done: string) => {
    const id = item.card.id;
    ours.current.add(id);
    const remaining = ids.filter((x) => x !== id);
    const nextId = selectionAfter(ids, remaining, id);
    const next = queue.find((q) => q.card.id === nextId);
    setSelection({ id: nextId, context: remaining });
    setHidden((h) => new Set(h).add(id));
    setPrompt(null);
    announce(`${done} ${next ? `${remaining.length} left. Next: #${next.card.number} ${next.card.title}.` : 'Inbox clear.'}`);
    listRef.current?.focus();
    try {
      await potwApi.triage(id, body, newKey('triage'));
    } catch (err) {
      // It comes back into the list; `ours` keeps it out of the arrival announcements (the error is said below).
      setHidden((h) => {
        const n = new Set(h);
        n.delete(id);
        return n;
      });
      const message = plainMessage(err);
      showToast({ tone: 'error', title: `#${item.card.number} was not triaged`, message });
      announce(`#${item.card.number} was not triaged: ${message}`);
    }
  };

  const act = (action: TriageAction, item: QueueItem) => {
    if (action === 'accept') {
      const severity = severityOf(item);
      void run(item, { action: 'accept', severity }, `Accepted #${item.card.number} as ${SEVERITY_LABEL[severity].toLowerCase()}.`);
    } else {
      setPrompt({ kind: action, item });
    }
  };

  /** What a key does here; 'none' when it has nothing to act on (no selection, no right), so it never acts blind. */
  const handle = (command: TriageCommand, onList: boolean): ShortcutOutcome => {
    // Arrows on other controls (the severity radios) are theirs.
    if (!commandAllowed(command, { selected: selected !== null, canTriage, canWrite: env.canWrite, onList, count: ids.length })) return 'none';
    switch (command.kind) {
      case 'move': {
        listRef.current?.focus();
        setSelection({ id: moveSelection(ids, selectedId, command.delta), context: ids });
        return 'done';
      }
      case 'open':
        if (!selected) return 'none';
        navigate(paths.board(selected.card.boardId, `?card=${selected.card.id}`));
        return 'done';
      case 'severity':
        if (!selected) return 'none';
        setSeverities((m) => new Map(m).set(selected.card.id, command.severity));
        announce(`Severity ${SEVERITY_LABEL[command.severity]}. Press a to accept.`);
        return 'done';
      case 'action':
        if (!selected) return 'none';
        act(command.action, selected);
        return command.action === 'accept' ? 'done' : 'opened';
      case 'raise':
        onRaise();
        return 'opened';
    }
  };

  // One listener for the view's keys, wherever focus is on the page (not in a field or dialog: see ui/shortcuts.ts).
  const handleRef = useRef(handle);
  useEffect(() => {
    handleRef.current = handle;
  });
  useEffect(() => {
    const onWindowKey = (event: KeyboardEvent) => {
      const target = event.target;
      const onPage = target === document.body || (target instanceof Node && sectionRef.current?.contains(target) === true);
      if (!onPage) return;
      const command = triageCommand(event.key, { ctrl: event.ctrlKey, alt: event.altKey, meta: event.metaKey });
      if (!command) return;
      // Keys pressed with nothing focused (just arrived on the page) go to the list, which takes focus.
      const onList = target === listRef.current || target === document.body;
      // Enter on a button or link is that control's own; it opens the card only from the list.
      if (command.kind === 'open' && event.key === 'Enter' && !onList) return;
      runShortcut(event, () => handleRef.current(command, onList));
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, []);

  if (board.error && !board.state) return <ErrorNote message={board.error} onRetry={board.reload} />;
  if (!board.state) return <Spinner label="Opening the inbox" />;

  const current = env.rotation.info?.current ?? null;
  return (
    <section ref={sectionRef} className="triage" aria-labelledby="triage-heading" data-testid="triage">
      <header className="triage__header">
        <h2 id="triage-heading">Triage</h2>
        <p className="triage__count" aria-live="polite">
          {queue.length === 0 ? 'Nothing waiting' : `${queue.length} waiting, oldest first`}
        </p>
        <span className={`status-pill status-pill--${live && board.phase === 'following' ? 'ok' : 'warn'}`} data-testid="triage-live">
          <span className="status-pill__dot" aria-hidden="true" />
          {live && board.phase === 'following' ? 'Live' : 'Reconnecting'}
        </span>
      </header>
      {!canTriage && <p className="note note--info">You can follow the inbox here; as a viewer you cannot triage.</p>}
      {canTriage && current && current.userId !== env.selfId && (
        <p className="muted triage__who">{env.name(current.userId)} is Person of the Week. Triage here when you cover for them.</p>
      )}
      <div className="triage__body">
        <div className="triage__list">
          {queue.length > 0 ? (
            <TriageList ref={listRef} items={queue} selectedId={selectedId} now={now} name={env.name} onSelect={(id) => setSelection({ id, context: ids })} />
          ) : (
            <TriageEmpty listRef={listRef} canWrite={env.canWrite} onRaise={onRaise} />
          )}
        </div>
        <div className="triage__detail">
          {selected && (
            <TriageDetail
              item={selected}
              teamId={env.teamId}
              severity={severityOf(selected)}
              now={now}
              canTriage={canTriage}
              name={env.name}
              onSeverity={(s) => setSeverities((m) => new Map(m).set(selected.card.id, s))}
              onAction={(action) => act(action, selected)}
            />
          )}
        </div>
        <ShortcutLegend />
      </div>
      {prompt && <TriagePrompt prompt={prompt} members={env.members} selfId={env.selfId} candidates={candidates} onSubmit={(body, done) => void run(prompt.item, body, done)} onClose={() => setPrompt(null)} />}
    </section>
  );
}
