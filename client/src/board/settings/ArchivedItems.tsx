/** Archived columns or swimlanes, each with Restore (it comes back at the end). Listed again whenever the live set changes. */
import { useEffect, useState } from 'react';
import type { Column, Lane } from '@opsboard/shared';
import { plainMessage } from '../../api/errors';
import { AttemptKeys } from '../../lib/attempt-keys';
import { formatDateTime } from '../../lib/time';
import { announce } from '../../ui/announcer';
import { ErrorNote } from '../../ui/Feedback';
import { CATEGORY_INFO, isColumn, rowSelector } from './settings-model';
import type { StructureApi } from './structure-api';

interface Props<T extends Column | Lane> {
  api: StructureApi<T>;
  /** Changes when an item joins or leaves the live board. */
  structure: string;
  focusLater: (selector: string) => void;
}

type Loaded<T> = { status: 'loading' } | { status: 'ready'; items: T[] } | { status: 'error'; message: string };

export function ArchivedItems<T extends Column | Lane>({ api, structure, focusLater }: Props<T>) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const [keys] = useState(() => new AttemptKeys(`restore-${api.what}`));

  useEffect(() => {
    let alive = true;
    api.archived().then(
      (items) => alive && setLoaded({ status: 'ready', items }),
      (err: unknown) => alive && setLoaded({ status: 'error', message: plainMessage(err) }),
    );
    return () => {
      alive = false;
    };
  }, [api, structure, tick]);

  const restore = async (item: T) => {
    setBusy(item.id);
    setError(null);
    try {
      await keys.run(['restore', item.id], (key) => api.restore(item.id, key));
      focusLater(rowSelector(item.id));
      announce(`Restored the ${api.what} ${item.name}; it is back at the end.`);
    } catch (err) {
      setError({ id: item.id, message: plainMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  if (loaded.status === 'loading') return null;
  if (loaded.status === 'error') return <ErrorNote message={`Archived ${api.plural} could not be listed: ${loaded.message}`} onRetry={() => setTick((t) => t + 1)} />;
  if (loaded.items.length === 0) return null;
  return (
    <details className="settings-archived" data-testid={`archived-${api.what}s`}>
      <summary>
        Archived {api.plural} ({loaded.items.length})
      </summary>
      <ul className="plain-list">
        {loaded.items.map((item) => (
          <li key={item.id} className="plain-list__row">
            <span>
              <strong>{item.name}</strong>
              {isColumn(item) && <span className="muted"> · {CATEGORY_INFO[item.category].label}</span>}
              {item.archivedAt && <span className="muted"> · archived {formatDateTime(item.archivedAt)}</span>}
              {error?.id === item.id && (
                <span className="form__error settings-archived__error" role="alert">
                  {error.message}
                </span>
              )}
            </span>
            <button type="button" className="button button--small" aria-label={`Restore ${item.name}`} aria-disabled={busy !== null} onClick={() => busy === null && void restore(item)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
