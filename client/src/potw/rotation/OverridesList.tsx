/** Covers and swaps still ahead (or running); admins cancel them (a swap's two halves go together). */
import { useState } from 'react';
import { plainMessage } from '../../api/errors';
import { newKey } from '../../lib/ids';
import { showToast } from '../../ui/toasts';
import { potwApi } from '../../api/potw';
import type { PotwEnv } from '../potw-env';
import { groupOverrides, type OverrideEntry } from './rotation-model';
import { formatInZone } from './shift-words';

export function OverridesList({ env, now }: { env: PotwEnv; now: number }) {
  const [busy, setBusy] = useState<string | null>(null);
  const entries = groupOverrides(env.rotation.info?.overrides ?? []);
  const tz = env.timezone;
  const when = (start: string, end: string) => `${formatInZone(start, tz, now)} – ${formatInZone(end, tz, now)}`;

  const describe = (e: OverrideEntry): string => {
    if (e.kind === 'cover') return `${env.name(e.override.userId)} covers ${when(e.override.start, e.override.end)}`;
    const b = e.b;
    return b
      ? `Swap: ${env.name(e.a.userId)} takes ${formatInZone(e.a.start, tz, now)}, ${env.name(b.userId)} takes ${formatInZone(b.start, tz, now)}`
      : `Swap: ${env.name(e.a.userId)} takes ${when(e.a.start, e.a.end)}`;
  };

  const cancel = async (e: OverrideEntry) => {
    const ids = e.kind === 'cover' ? [e.override.id] : [e.a.id, ...(e.b ? [e.b.id] : [])];
    if (!window.confirm(`Cancel this ${e.kind}? ${describe(e)}.`)) return;
    setBusy(ids[0]!);
    try {
      let info = null;
      for (const id of ids) info = await potwApi.removeOverride(env.teamId, id, newKey('uncover'));
      if (info) env.rotation.set(info);
      showToast({ tone: 'success', title: e.kind === 'cover' ? 'Cover cancelled' : 'Swap cancelled' });
    } catch (err) {
      showToast({ tone: 'error', title: 'Not cancelled', message: plainMessage(err) });
      env.rotation.reload();
    } finally {
      setBusy(null);
    }
  };

  if (entries.length === 0) return <p className="note note--empty">No covers or swaps ahead.</p>;
  return (
    <ul className="overrides" data-testid="overrides">
      {entries.map((e) => {
        const first = e.kind === 'cover' ? e.override : e.a;
        const reason = first.reason;
        return (
          <li key={first.id} className="overrides__item">
            <span className={`overrides__kind overrides__kind--${e.kind}`}>{e.kind === 'cover' ? 'Cover' : 'Swap'}</span>
            <span className="overrides__text">
              {describe(e).replace(/^Swap: /, '')}
              {reason && <span className="muted"> · {reason}</span>}
            </span>
            {env.isAdmin && (
              <button type="button" className="button button--small button--quiet" disabled={busy === first.id} onClick={() => void cancel(e)}>
                Cancel {e.kind}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
