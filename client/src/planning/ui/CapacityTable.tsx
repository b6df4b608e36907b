/** Capacity per person: available days, planned absence (editable by the PO), PoTW days, points; and points per person. */
import { useState } from 'react';
import type { IterationDetail } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { showToast } from '../../ui/toasts';
import { planningApi } from '../../api/planning';
import { withAbsence } from '../model/capacity';

interface Props {
  detail: IterationDetail;
  editable: boolean;
  onChanged(): void;
}

export function CapacityTable({ detail, editable, onChanged }: Props) {
  const [saving, setSaving] = useState(false);
  const { perPerson } = detail.capacity;
  const id = detail.iteration.id;

  const save = async (body: Parameters<typeof planningApi.updateIteration>[1], what: string) => {
    setSaving(true);
    try {
      await planningApi.updateIteration(id, body, newKey('iteration'));
      onChanged();
    } catch (err) {
      showToast({ tone: 'error', title: `Couldn't save ${what}`, message: plainMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  const setAbsence = (userId: string, text: string) => {
    const days = text.trim() === '' ? 0 : Number(text.replace(',', '.'));
    const current = perPerson.find((p) => p.userId === userId)?.absenceDays ?? 0;
    if (!Number.isFinite(days) || days < 0 || days > detail.workingDays || days === current) return;
    void save({ absences: withAbsence(perPerson, userId, days) }, 'the absence');
  };

  const setPoints = (text: string) => {
    const points = Number(text.replace(',', '.'));
    if (!Number.isFinite(points) || points < 0 || points > 200 || points === detail.iteration.pointsPerPerson) return;
    void save({ pointsPerPerson: points }, 'points per person');
  };

  return (
    <div className="capacity-table" aria-busy={saving}>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Away (days)</th>
            <th scope="col">PoTW (days)</th>
            <th scope="col">Available</th>
            <th scope="col">Points</th>
          </tr>
        </thead>
        <tbody>
          {perPerson.map((p) => (
            <tr key={p.userId}>
              <th scope="row">{p.name}</th>
              <td>
                {editable ? (
                  <input
                    key={`${p.userId}-${p.absenceDays}`}
                    className="input--tiny"
                    type="number"
                    min={0}
                    max={detail.workingDays}
                    step={0.5}
                    defaultValue={p.absenceDays}
                    aria-label={`Days ${p.name} is away`}
                    onBlur={(e) => setAbsence(p.userId, e.currentTarget.value)}
                    onKeyDown={(e) => e.key === 'Enter' && setAbsence(p.userId, e.currentTarget.value)}
                  />
                ) : (
                  p.absenceDays
                )}
              </td>
              <td title={p.potwDays > 0 ? 'Person of the Week: on interrupts, not planned work' : undefined}>{p.potwDays}</td>
              <td>
                {p.availableDays} / {detail.workingDays}
              </td>
              <td className="num">{p.points}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              Capacity
            </th>
            <td className="num">{detail.capacity.total}</td>
          </tr>
        </tfoot>
      </table>
      <p className="capacity-table__foot">
        {editable ? (
          <label className="inline-field">
            Points per person for the whole iteration
            <input
              key={detail.iteration.pointsPerPerson}
              className="input--tiny"
              type="number"
              min={0}
              max={200}
              step={0.5}
              defaultValue={detail.iteration.pointsPerPerson}
              onBlur={(e) => setPoints(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Enter' && setPoints(e.currentTarget.value)}
            />
          </label>
        ) : (
          <span className="muted">{detail.iteration.pointsPerPerson} points per person for the whole iteration.</span>
        )}{' '}
        <span className="muted">PoTW days come from the rotation: the Person of the Week works on interrupts.</span>
      </p>
    </div>
  );
}
