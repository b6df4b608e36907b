/**
 * One line over the standup: the iteration's goal, days left and a mini
 * burndown; the Person of the Week with interrupts received, open and the
 * oldest untriaged; the timers. It never wraps: long goals are cut with an ellipsis.
 */
import { useEffect, useState } from 'react';
import { formatSeconds, type InterruptItem, type Iteration, type IterationDetail } from '@opsboard/shared';
import { planningApi } from '../api/planning';
import { potwApi } from '../api/potw';
import { activeIteration, teamToday, timing } from '../planning/model/timing';
import type { TeamState } from '../team/team-state';
import { useRotation } from '../potw/use-rotation';

const OPEN = new Set(['untriaged', 'accepted', 'escalated']);
const DAY_MS = 86_400_000;

function MiniBurndown({ detail }: { detail: IterationDetail | null }) {
  const burn = detail?.burn ?? [];
  if (burn.length < 2) return null;
  const max = Math.max(1, ...burn.map((p) => Math.max(p.remaining, p.ideal ?? 0)));
  const x = (i: number) => (i / (burn.length - 1)) * 96 + 2;
  const y = (v: number) => 22 - (v / max) * 20;
  const ideal = burn.map((p, i) => (p.ideal === null ? null : `${x(i)},${y(p.ideal)}`)).filter(Boolean);
  return (
    <svg className="standup-burn" width="100" height="24" viewBox="0 0 100 24" role="img" aria-label={`Burndown: ${burn[burn.length - 1]!.remaining} points remaining`} data-testid="standup-burndown">
      {ideal.length > 1 && <polyline points={ideal.join(' ')} className="standup-burn__ideal" />}
      <polyline points={burn.map((p, i) => `${x(i)},${y(p.remaining)}`).join(' ')} className="standup-burn__actual" />
    </svg>
  );
}

function useIteration(team: TeamState | null): { running: Iteration | null; detail: IterationDetail | null } {
  const running = team ? activeIteration(team.iterations.values()) : null;
  const [detail, setDetail] = useState<IterationDetail | null>(null);
  const id = running?.id ?? null;
  useEffect(() => {
    if (!id) return;
    let alive = true;
    planningApi.iteration(id).then(
      (d) => alive && setDetail(d),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [id]);
  return { running, detail: id && detail?.iteration.id === id ? detail : null };
}

function useInterrupts(teamId: string, rev: number): InterruptItem[] {
  const [items, setItems] = useState<InterruptItem[]>([]);
  useEffect(() => {
    let alive = true;
    potwApi.interrupts(teamId).then(
      (list) => alive && setItems(list),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [teamId, rev]);
  return items;
}

interface Props {
  teamId: string;
  team: TeamState | null;
  now: number;
  rev: number;
  title: string;
  speakerName: string | null;
  speakerSeconds: number;
  totalSeconds: number;
  limitSeconds: number;
  paused: boolean;
}

export function StandupHeader({ teamId, team, now, rev, title, speakerName, speakerSeconds, totalSeconds, limitSeconds, paused }: Props) {
  const { running, detail } = useIteration(team);
  const rotation = useRotation(teamId, rev);
  const items = useInterrupts(teamId, rev);
  const potw = rotation.info?.current?.userId ?? null;
  const potwName = potw ? (team?.members.get(potw)?.name ?? 'Former member') : null;
  const week = items.filter((i) => now - Date.parse(i.interrupt.receivedAt) < 7 * DAY_MS).length;
  const open = items.filter((i) => OPEN.has(i.interrupt.status)).length;
  const untriaged = items.filter((i) => i.interrupt.status === 'untriaged').map((i) => Date.parse(i.interrupt.receivedAt));
  const oldest = untriaged.length > 0 ? Math.min(...untriaged) : null;
  const t = running && team ? timing(running, teamToday(team.team.timezone, new Date(now))) : null;
  const over = speakerSeconds > limitSeconds;
  return (
    <header className="standup-header" data-testid="standup-header">
      <strong className="standup-header__title">{title}</strong>
      <span className="standup-header__iteration" data-testid="standup-iteration" title={running?.goal ?? ''}>
        {running ? (
          <>
            <span className="standup-header__goal">{running.goal || running.name}</span>
            {t?.words && <span className="standup-header__days">· {t.words}</span>}
          </>
        ) : (
          <span className="muted">No running iteration</span>
        )}
      </span>
      <MiniBurndown detail={detail} />
      <span className="standup-header__potw" data-testid="standup-potw">
        PoTW <strong>{potwName ?? 'nobody'}</strong> · {week} received this week · {open} open
        {oldest !== null && <> · oldest untriaged {Math.max(1, Math.round((now - oldest) / 3_600_000))}h</>}
      </span>
      <span className={`standup-header__timer${over ? ' standup-header__timer--over' : ''}`} data-testid="standup-timer" data-paused={paused || undefined}>
        {speakerName && (
          <>
            {speakerName} {formatSeconds(speakerSeconds)}
            <span className="muted">/{formatSeconds(limitSeconds)}</span> ·{' '}
          </>
        )}
        total {formatSeconds(totalSeconds)}
        {paused && <span className="standup-header__paused"> · paused</span>}
      </span>
    </header>
  );
}
