/** The rotation: the coming weeks, covers and swaps, and (for admins) the settings. */
import { useState } from 'react';
import type { Shift } from '@opsboard/shared';
import type { PotwEnv } from '../potw-env';
import { CoverDialog } from './CoverDialog';
import { OverridesList } from './OverridesList';
import { RotationSettingsForm } from './RotationSettingsForm';
import { handoffSentence } from './shift-words';
import { SwapDialog } from './SwapDialog';
import { UpcomingShifts } from './UpcomingShifts';
import '../../styles/potw-forms.css';

type Editing = { kind: 'cover'; shift: Shift | null } | { kind: 'swap'; shift: Shift } | null;

export function RotationSection({ env, now }: { env: PotwEnv; now: number }) {
  const [editing, setEditing] = useState<Editing>(null);
  const info = env.rotation.info;
  const settings = info?.settings ?? null;
  return (
    <section className="rotation" aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">Rotation</h2>
      {settings ? (
        <p className="rotation__summary">
          {handoffSentence(settings)} · {settings.memberIds.length} {settings.memberIds.length === 1 ? 'person takes' : 'people take'} turns:{' '}
          {settings.memberIds.map(env.name).join(', ')}.{' '}
          <span data-testid="ack-timeout-summary">
            {settings.ackTimeoutMinutes
              ? `An untriaged critical interrupt escalates after ${settings.ackTimeoutMinutes} min to the next person, then to the admins.`
              : 'Escalation of untriaged critical interrupts is off.'}
          </span>
        </p>
      ) : (
        <p className="rotation__summary">No rotation yet.</p>
      )}

      <div className="rotation__grid">
        <div>
          <h3>Coming weeks</h3>
          <UpcomingShifts env={env} shifts={info?.upcoming ?? []} now={now} onCover={(shift) => setEditing({ kind: 'cover', shift })} onSwap={(shift) => setEditing({ kind: 'swap', shift })} />
          <div className="rotation__overrides">
            <h3>Covers and swaps</h3>
            <OverridesList env={env} now={now} />
            {env.isAdmin && settings && (
              <button type="button" className="button button--small" onClick={() => setEditing({ kind: 'cover', shift: null })}>
                Add a cover…
              </button>
            )}
          </div>
        </div>
        {env.isAdmin ? (
          <RotationSettingsForm key={JSON.stringify(settings)} env={env} />
        ) : (
          <p className="note note--info">A team admin sets the rotation, covers and swaps.</p>
        )}
      </div>
      {editing?.kind === 'cover' && <CoverDialog env={env} shift={editing.shift} onClose={() => setEditing(null)} />}
      {editing?.kind === 'swap' && <SwapDialog env={env} week={editing.shift} weeks={info?.upcoming ?? []} onClose={() => setEditing(null)} />}
    </section>
  );
}
