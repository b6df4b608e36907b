/**
 * The hand-off note to the next PoTW. Until it is saved it is a draft the
 * server writes from the board (open interrupts, what waits on whom) and it
 * follows the board live; the outgoing PoTW (or an admin) edits and saves it.
 */
import { useEffect, useState } from 'react';
import type { Handoff } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { timeAgo } from '../../lib/time';
import { Avatar } from '../../ui/Avatar';
import { ErrorNote, Spinner } from '../../ui/Feedback';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import type { PotwEnv } from '../potw-env';
import { formatInZone, relative } from '../rotation/shift-words';

interface Props {
  env: PotwEnv;
  /** Changes when the note or the board may have changed (team and board events). */
  refreshKey: string;
  now: number;
}

export function HandoffSection({ env, refreshKey, now }: Props) {
  const [handoff, setHandoff] = useState<Handoff | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The person's own text while they edit; null means "show the latest from the server".
  const [edit, setEdit] = useState<{ text: string; base: string | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    potwApi.handoff(env.teamId).then(
      (value) => {
        if (!alive) return;
        setHandoff(value);
        setError(null);
      },
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [env.teamId, refreshKey, tick]);

  if (error && !handoff) return <ErrorNote message={error} onRetry={() => setTick((t) => t + 1)} />;
  if (!handoff) return <Spinner label="Loading the hand-off" />;

  const current = env.rotation.info?.current ?? null;
  const canEdit = current !== null && (current.userId === env.selfId || env.isAdmin);
  const text = edit?.text ?? handoff.summary;
  const dirty = edit !== null && edit.text !== handoff.summary;
  const changedMeanwhile = edit !== null && edit.base !== handoff.updatedAt;

  const save = async () => {
    if (!text.trim()) return;
    setSaving(true);
    try {
      const saved = await potwApi.saveHandoff(env.teamId, text.trim(), newKey('handoff'));
      setHandoff(saved);
      setEdit(null);
      showToast({ tone: 'success', title: 'Hand-off saved', message: handoff.toUserId ? `${env.name(handoff.toUserId)} will find it here.` : undefined });
    } catch (err) {
      showToast({ tone: 'error', title: 'The hand-off was not saved', message: plainMessage(err) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="handoff" aria-labelledby="handoff-heading">
      <h2 id="handoff-heading">Hand-off</h2>
      <div className="handoff__route">
        {handoff.fromUserId && <Avatar userId={handoff.fromUserId} name={env.name(handoff.fromUserId)} />}
        <span>{handoff.fromUserId ? env.name(handoff.fromUserId) : 'Nobody'}</span>
        <span aria-hidden="true">→</span>
        <span className="visually-hidden">hands over to</span>
        {handoff.toUserId && <Avatar userId={handoff.toUserId} name={env.name(handoff.toUserId)} />}
        <span>{handoff.toUserId ? env.name(handoff.toUserId) : 'nobody yet'}</span>
        <span className="muted">
          · {formatInZone(handoff.handoffAt, env.timezone, now)} ({relative(handoff.handoffAt, now)})
        </span>
      </div>
      <p className="handoff__status" data-testid="handoff-status">
        {handoff.saved
          ? `Saved${handoff.updatedBy ? ` by ${env.name(handoff.updatedBy)}` : ''}${handoff.updatedAt ? ` ${timeAgo(handoff.updatedAt, now)}` : ''}.`
          : 'Draft written from the board: open interrupts and what waits on whom. It follows the board until someone saves it.'}
      </p>
      {canEdit ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field__label" htmlFor="handoff-text">
            Note for {handoff.toUserId ? env.name(handoff.toUserId) : 'the next Person of the Week'}
          </label>
          <textarea
            id="handoff-text"
            className="handoff__text"
            rows={Math.min(24, Math.max(8, text.split('\n').length + 2))}
            value={text}
            maxLength={10_000}
            onChange={(e) => setEdit({ text: e.target.value, base: edit?.base ?? handoff.updatedAt })}
          />
          {changedMeanwhile && <p className="field__hint">The note was saved by someone else while you were editing; saving replaces it with yours.</p>}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={saving || !text.trim() || (handoff.saved && !dirty)}>
              {saving ? 'Saving…' : handoff.saved ? 'Save changes' : 'Save the hand-off'}
            </button>
            {dirty && (
              <button type="button" className="button" onClick={() => setEdit(null)}>
                Discard my changes
              </button>
            )}
          </div>
        </form>
      ) : (
        <>
          <pre className="handoff__text handoff__text--read" data-testid="handoff-text">
            {handoff.summary}
          </pre>
          <p className="muted">Only the outgoing Person of the Week (or a team admin) edits the hand-off.</p>
        </>
      )}
    </section>
  );
}
