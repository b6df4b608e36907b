/**
 * Iteration planning: the ranked backlogs on one side, the iteration on the
 * other. Both boards and the iteration's figures stay live: a card someone
 * else moves, an absence the PO enters, an iteration started elsewhere all
 * show here without a reload.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { byRank, carryOverLoad, type Board, type Card, type CarryOverLoad, type Iteration } from '@opsboard/shared';
import { cardsApi } from '../../api/cards';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import type { TeamState } from '../../team/team-state';
import { announce } from '../../ui/announcer';
import { ErrorNote, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toasts';
import { planningApi } from '../../api/planning';
import { planVerdict } from '../model/plan-verdict';
import { PlanCard } from '../ui/PlanCard';
import { teamToday } from '../model/timing';
import { useFresh } from '../use-fresh';
import { useLiveBoards } from '../use-live-boards';
import { BacklogPanel } from './BacklogPanel';
import { IterationPanel } from './IterationPanel';
import { PlanDnd, type Zone } from './PlanDnd';
import { PullOverDialog } from './PullOverDialog';
import { StartFooter } from './StartFooter';

interface Props {
  team: TeamState;
  iteration: Iteration;
  canPlan: boolean;
  canWrite: boolean;
}

/** Cards on their way in or out: shown where they are going until the board's own event confirms it. */
type Moving = ReadonlyMap<string, { to: Zone; card: Card; since: number }>;

export function PlanningScreen({ team, iteration, canPlan, canWrite }: Props) {
  const detail = useFresh(() => planningApi.iteration(iteration.id), iteration.id);
  const { refresh } = detail;
  // The team stream brings a new version when the iteration is edited, started or closed.
  useEffect(() => refresh(), [iteration.version, refresh]);

  const planningBoards = useMemo(() => team.boards.filter((b) => b.kind === 'planned' || b.kind === 'selfservice'), [team.boards]);
  const boardIds = useMemo(() => [...new Set([...planningBoards.map((b) => b.id), ...(detail.value?.cards.map((c) => c.boardId) ?? [])])], [planningBoards, detail.value]);
  const live = useLiveBoards(boardIds, refresh);
  const [moving, setMoving] = useState<Moving>(new Map());
  const [asking, setAsking] = useState<{ cards: Card[]; figures: CarryOverLoad } | null>(null);
  // Who holds a card, as just chosen: shown at once, until the board brings the saved change (or it fails).
  const [holders, setHolders] = useState<ReadonlyMap<string, { ids: string[]; since: number }>>(new Map());
  const boardsById = useMemo(() => new Map<string, Board>(team.boards.map((b) => [b.id, b])), [team.boards]);
  const features = useMemo(() => new Map([...team.features.values()].map((f) => [f.id, f.name])), [team.features]);

  // Live cards in the iteration, in board order then rank; the server's list until the boards have loaded.
  const inIteration = useMemo(() => {
    if (!live.ready) return detail.value?.cards ?? [];
    const order = new Map(team.boards.map((b, i) => [b.id, i]));
    return [...live.states.values()]
      .flatMap((s) => [...s.cards.values()].filter((c) => c.iterationId === iteration.id && c.archivedAt === null))
      .sort((a, b) => (a.boardId === b.boardId ? byRank(a, b) : (order.get(a.boardId) ?? 99) - (order.get(b.boardId) ?? 99)));
  }, [live.ready, live.states, detail.value, iteration.id, team.boards]);

  // A move is done once the board shows it; entries are pruned a moment later (or given up on, so nothing hides for good).
  const arrived = (id: string, m: { to: Zone; card: Card }) => {
    const card = live.states.get(m.card.boardId)?.cards.get(id);
    return m.to === 'iteration' ? card?.iterationId === iteration.id : card !== undefined && card.iterationId !== iteration.id;
  };
  const pending = new Map([...moving].filter(([id, m]) => !arrived(id, m)));
  useEffect(() => {
    if (moving.size === 0) return;
    const timer = window.setTimeout(() => {
      const now = Date.now();
      setMoving((current) => new Map([...current].filter(([, m]) => now - m.since < 8_000)));
    }, 8_500);
    return () => window.clearTimeout(timer);
  }, [moving]);

  useEffect(() => {
    if (holders.size === 0) return;
    const timer = window.setTimeout(() => {
      const now = Date.now();
      setHolders((current) => new Map([...current].filter(([, h]) => now - h.since < 8_000)));
    }, 8_500);
    return () => window.clearTimeout(timer);
  }, [holders]);

  const mark = useCallback((cards: Card[], to: Zone | null) => {
    setMoving((m) => {
      const next = new Map(m);
      for (const card of cards) {
        if (to === null) next.delete(card.id);
        else next.set(card.id, { to, card, since: Date.now() });
      }
      return next;
    });
  }, []);

  const pull = async (cards: Card[], confirmed = false) => {
    if (cards.length === 0) return;
    const figures = detail.value ? carryOverLoad(cards, { planned: detail.value.plannedPoints, capacity: detail.value.capacity.total }) : null;
    const over = figures?.after?.overCapacity === true;
    // Into a running iteration, going over capacity is a decision: ask first. While planning, say so after.
    if (over && iteration.state === 'active' && !confirmed && figures) {
      setAsking({ cards, figures });
      return;
    }
    mark(cards, 'iteration');
    try {
      await planningApi.addCards(iteration.id, cards.map((c) => c.id), newKey('plan'));
      announce(cards.length === 1 ? `Pulled '${cards[0]!.title}' into ${iteration.name}.` : `Pulled ${cards.length} cards into ${iteration.name}.`);
      if (over && figures?.after && !figures.before?.overCapacity && iteration.state === 'planned') {
        const { planned, capacity, over: by } = figures.after;
        const message = `${planned} of ${capacity} points planned, ${by} over. Starting it will ask you to confirm that, or take cards out.`;
        showToast({ tone: 'warning', title: `${iteration.name} is now over capacity`, message });
        announce(`${iteration.name} is now over capacity: ${message}`);
      }
      refresh();
    } catch (err) {
      mark(cards, null);
      showToast({ tone: 'error', title: `Couldn't pull ${cards.length === 1 ? `'${cards[0]!.title}'` : `${cards.length} cards`} in`, message: plainMessage(err) });
      announce(`Not pulled in: ${plainMessage(err)}`);
    }
  };

  const remove = async (card: Card) => {
    mark([card], 'backlog');
    try {
      await planningApi.removeCard(iteration.id, card.id, newKey('unplan'));
      announce(`Took '${card.title}' out of ${iteration.name}.`);
      refresh();
    } catch (err) {
      mark([card], null);
      showToast({ tone: 'error', title: `Couldn't take '${card.title}' out`, message: plainMessage(err) });
    }
  };

  const assign = async (card: Card, assigneeIds: string[]) => {
    setHolders((h) => new Map(h).set(card.id, { ids: assigneeIds, since: Date.now() }));
    try {
      await cardsApi.update(card.id, { version: card.version, assigneeIds }, newKey('assign'));
      refresh();
    } catch (err) {
      setHolders((h) => {
        const next = new Map(h);
        next.delete(card.id);
        return next;
      });
      showToast({ tone: 'error', title: `Couldn't change who holds '${card.title}'`, message: `${plainMessage(err)} The card shows its latest state now.` });
    }
  };

  if (!detail.value) {
    return detail.error ? <ErrorNote message={detail.error} onRetry={refresh} /> : <Spinner label={`Loading ${iteration.name}`} />;
  }

  const busy = new Set(pending.keys());
  const arriving = [...pending.values()].filter((m) => m.to === 'iteration' && !inIteration.some((c) => c.id === m.card.id)).map((m) => m.card);
  const withHolders = (card: Card): Card => {
    const chosen = holders.get(card.id);
    const same = chosen && chosen.ids.length === card.assigneeIds.length && chosen.ids.every((id) => card.assigneeIds.includes(id));
    return chosen && !same ? { ...card, assigneeIds: chosen.ids } : card;
  };
  const shownInIteration = [...inIteration.filter((c) => pending.get(c.id)?.to !== 'backlog'), ...arriving].map(withHolders);
  const hiddenFromBacklog = new Set([...pending].filter(([, m]) => m.to === 'iteration').map(([id]) => id));
  const room = detail.value.capacity.total - detail.value.plannedPoints;
  const planning = iteration.state !== 'closed';
  const today = teamToday(team.team.timezone);

  return (
    <PlanDnd
      iterationName={iteration.name}
      enabled={canPlan && planning}
      onDrop={(card, to) => void (to === 'iteration' ? pull([card]) : remove(card))}
      judge={(card, to) => planVerdict({ card, to, state: live.states.get(card.boardId), iterationName: iteration.name, room, names: (id) => team.members.get(id)?.name ?? 'someone' })}
      renderOverlay={(card) => <PlanCard card={card} people={team.members} featureName={card.featureId ? (features.get(card.featureId) ?? null) : null} dragging />}
    >
      {live.error && <ErrorNote message={live.error} />}
      <div className="planning">
        <BacklogPanel
          boards={planningBoards}
          states={live.states}
          iterationName={iteration.name}
          people={team.members}
          features={features}
          canPlan={canPlan && planning}
          room={room}
          busy={hiddenFromBacklog}
          onPull={(cards) => void pull(cards)}
        />
        <IterationPanel
          detail={detail.value}
          cards={shownInIteration}
          boards={boardsById}
          people={team.members}
          features={features}
          canPlan={canPlan}
          canWrite={canWrite}
          busy={busy}
          onRemove={(card) => void remove(card)}
          onAssign={(card, ids) => void assign(card, ids)}
          onSaveGoal={async (goal) => {
            await planningApi.updateIteration(iteration.id, { goal }, newKey('goal'));
            refresh();
          }}
          onChanged={refresh}
          today={today}
          footer={<StartFooter team={team} iteration={iteration} detail={detail.value} canPlan={canPlan} today={today} onStale={refresh} />}
        />
      </div>
      {asking && (
        <PullOverDialog
          iteration={iteration}
          cards={asking.cards}
          figures={asking.figures}
          onCancel={() => {
            announce(`Not pulled in: ${iteration.name} stays within capacity.`);
            setAsking(null);
          }}
          onPull={() => {
            setAsking(null);
            void pull(asking.cards, true);
          }}
        />
      )}
    </PlanDnd>
  );
}
