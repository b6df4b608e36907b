/**
 * Planned points against capacity as a bar with a capacity mark, the words
 * beside it, and per person (on hover as a tooltip, or expanded as a table
 * where the PO edits planned absence; PoTW days come from the rotation).
 */
import type { IterationDetail } from '@opsboard/shared';
import { loadView } from '../model/capacity';
import { CapacityTable } from './CapacityTable';
import '../../styles/plan-widgets.css';

interface Props {
  detail: IterationDetail;
  /** PO/admin while the iteration is not closed: absence and points per person are editable. */
  editable: boolean;
  onChanged(): void;
}

export function CapacityBar({ detail, editable, onChanged }: Props) {
  const view = loadView(detail.plannedPoints, detail.capacity.total);
  const scale = Math.max(view.capacity, view.planned, 1);
  const fill = Math.min(100, (view.planned / scale) * 100);
  const mark = (view.capacity / scale) * 100;
  const perPerson = detail.capacity.perPerson.map((p) => `${p.name}: ${p.points} pts (${p.availableDays} of ${detail.workingDays} days${p.potwDays > 0 ? `, ${p.potwDays} PoTW` : ''}${p.absenceDays > 0 ? `, ${p.absenceDays} away` : ''})`).join('\n');
  return (
    <div className="capacity" data-testid="capacity" data-level={view.level}>
      <div className="capacity__head">
        <span className="capacity__label">Capacity</span>
        <span className={`capacity__words capacity__words--${view.level}`}>{view.words}</span>
      </div>
      <div className="capacity__bar" title={perPerson} role="meter" aria-label="Planned points against capacity" aria-valuemin={0} aria-valuemax={Math.max(view.capacity, view.planned)} aria-valuenow={view.planned} aria-valuetext={view.words}>
        <div className={`capacity__fill capacity__fill--${view.level}`} style={{ width: `${fill}%` }} />
        {view.planned > view.capacity && <div className="capacity__overflow" style={{ left: `${mark}%`, width: `${fill - mark}%` }} />}
        <div className="capacity__mark" style={{ left: `${mark}%` }} aria-hidden="true" />
      </div>
      <details className="capacity__details">
        <summary>
          Per person · {detail.workingDays} working days · {detail.iteration.pointsPerPerson} points per person
        </summary>
        <CapacityTable detail={detail} editable={editable} onChanged={onChanged} />
      </details>
    </div>
  );
}
