/** A strip under the interrupts board's header: the inbox waiting for triage, and this week's figures. */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { InterruptFigures } from '@opsboard/shared';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { useBoardEnv } from '../board/ui/board-env';
import { potwApi } from '../api/potw';
import { WeekFiguresLine } from './figures/WeekFiguresLine';
import { ageMs, shortAge } from './interrupt-words';
import { triageQueue } from './triage/queue';
import '../styles/potw-strip.css';

// Figures are sums over the week: a few seconds late is fine, and a burst of alerts makes one request.
const REFRESH_DELAY_MS = 2_000;

export function InterruptsStrip({ teamId }: { teamId: string }) {
  const { model, now } = useBoardEnv();
  const state = useSyncExternalStore(model.subscribe, () => model.getSnapshot()?.state ?? null);
  const interrupts = state?.interrupts ?? null;
  const [week, setWeek] = useState<InterruptFigures | null>(null);
  const [failed, setFailed] = useState(false);
  const loaded = useRef(false);

  useEffect(() => {
    let alive = true;
    const timer = window.setTimeout(() => {
      potwApi.figures(teamId, 'week', 1).then(
        (buckets) => {
          if (!alive) return;
          loaded.current = true;
          setWeek(buckets.at(-1) ?? null);
          setFailed(false);
        },
        () => alive && setFailed(true),
      );
    }, loaded.current ? REFRESH_DELAY_MS : 0);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [teamId, interrupts]);

  const queue = state ? triageQueue(state) : [];
  const oldest = queue[0];
  return (
    <section className="irq-strip" aria-label="Interrupts inbox and this week's figures" data-testid="interrupts-strip">
      <div className="irq-strip__inbox">
        <strong className={`irq-strip__count${queue.length > 0 ? ' irq-strip__count--waiting' : ''}`}>
          {queue.length === 0 ? 'Inbox clear' : `${queue.length} untriaged`}
        </strong>
        {oldest && <span className="irq-strip__oldest">oldest {shortAge(ageMs(oldest.interrupt, now))}</span>}
        <Link to={`${paths.potw(teamId)}?view=triage`} className="button button--small">
          Open triage
        </Link>
      </div>
      <div className="irq-strip__week">
        {week ? <WeekFiguresLine figures={week} /> : <span className="muted">{failed ? 'This week’s figures are not available right now.' : 'Loading this week’s figures…'}</span>}
        <Link to={`${paths.potw(teamId)}?view=figures`} className="irq-strip__more">
          All figures
        </Link>
      </div>
    </section>
  );
}
