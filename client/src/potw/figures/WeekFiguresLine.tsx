/** One week's figures in a line: received and from where, time-to-triage, share of finished work. */
import type { InterruptFigures } from '@opsboard/shared';
import { shareSentence, sourceBreakdown, triageTimes } from './figures-words';

export function WeekFiguresLine({ figures }: { figures: InterruptFigures }) {
  const sources = sourceBreakdown(figures);
  const times = triageTimes(figures);
  const share = shareSentence(figures);
  const critical = figures.bySeverity.critical ?? 0;
  return (
    <dl className="week-line">
      <div className="week-line__item">
        <dt>This week</dt>
        <dd>
          <strong>{figures.received}</strong> received{sources && <span className="week-line__detail"> ({sources})</span>}
          {critical > 0 && <span className="week-line__critical"> · {critical} critical</span>}
        </dd>
      </div>
      <div className="week-line__item">
        <dt>Time to triage</dt>
        <dd>{times ?? 'nothing triaged yet'}</dd>
      </div>
      <div className="week-line__item">
        <dt>Interrupts</dt>
        <dd>{share ?? 'no finished work yet'}</dd>
      </div>
    </dl>
  );
}
