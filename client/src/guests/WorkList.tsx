/**
 * "Cards you are paired on": the feature cards a guest holds, with their pair,
 * and a way to move each along its board (not into the backlog). The move
 * goes through the same WIP limits as a move on the board; a warn-policy
 * limit asks for a reason, as it would there.
 */
import { useState, type FormEvent } from 'react';
import type { MyWorkItem } from '@opsboard/shared';
import { ApiError, plainMessage } from '../api/errors';
import { requestsApi } from '../api/requests';
import { newKey } from '../lib/ids';
import { announce } from '../ui/announcer';
import { Field } from '../ui/Field';
import { showToast } from '../ui/toasts';
import { peopleText } from './request-words';

export function WorkList({ teamId, items, onMoved }: { teamId: string; items: readonly MyWorkItem[]; onMoved: (item: MyWorkItem) => void }) {
  return (
    <ul className="request-list" data-testid="work-list">
      {items.map((item) => (
        <WorkRow key={item.card.cardId} teamId={teamId} item={item} onMoved={onMoved} />
      ))}
    </ul>
  );
}

function WorkRow({ teamId, item, onMoved }: { teamId: string; item: MyWorkItem; onMoved: (item: MyWorkItem) => void }) {
  const targets = item.columns.filter((c) => c.columnId !== item.card.columnId);
  const [target, setTarget] = useState(targets[0]?.columnId ?? '');
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => newKey('work'));
  const chosen = targets.find((c) => c.columnId === target) ?? targets[0];

  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    if (reason !== null && !reason.trim()) {
      setError('Say why the card may go over the limit.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const moved = await requestsApi.moveWork(teamId, item.card.cardId, { toColumnId: chosen.columnId, version: item.version, ...(reason !== null && { overrideReason: reason.trim() }) }, key);
      setKey(newKey('work'));
      setReason(null);
      showToast({ tone: 'success', title: `Moved #${item.card.number} to ${moved.card.columnName}` });
      announce(`#${item.card.number} is now in ${moved.card.columnName}.`);
      onMoved(moved);
    } catch (err) {
      if (err instanceof ApiError) setKey(newKey('work'));
      if (err instanceof ApiError && err.code === 'wip_override_required') setReason('');
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="request" data-testid="work" data-card-id={item.card.cardId}>
      <div className="request__head">
        <span className="request__kind">{item.featureName}</span>
        <h3 className="request__title">
          <span className="request__number">#{item.card.number}</span> {item.card.title}
        </h3>
      </div>
      <p className="request__status request__status--active" data-testid="work-status">
        <strong>{item.card.columnName}</strong>
        <span className="request__detail">on {item.card.boardName}</span>
      </p>
      {item.blocked && <p className="note note--warning">Blocked{item.blockedReason ? `: ${item.blockedReason}` : ''}</p>}
      <dl className="request__facts">
        <div>
          <dt>Pair</dt>
          <dd>{peopleText(item.card)}</dd>
        </div>
      </dl>
      {item.description && <p className="request__description">{item.description}</p>}
      {targets.length > 0 && (
        <form className="form form--inline request__move" onSubmit={(e) => void move(e)} noValidate>
          <Field label={`Move #${item.card.number} to`}>
            {(p) => (
              <select {...p} value={chosen?.columnId ?? ''} onChange={(e) => setTarget(e.target.value)} disabled={busy}>
                {targets.map((c) => (
                  <option key={c.columnId} value={c.columnId}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {reason !== null && (
            <Field label="Why may it go over the limit?">{(p) => <input {...p} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />}</Field>
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Moving…' : reason !== null ? 'Move anyway' : 'Move'}
          </button>
        </form>
      )}
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
