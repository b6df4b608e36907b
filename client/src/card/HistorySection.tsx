import { useEffect, useState } from 'react';
import type { HistoryEntry } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { plainMessage } from '../api/errors';
import { formatDateTime } from '../lib/time';
import { historyLines } from './history-text';

/** Everything that happened to the card, newest first, reloaded when the card changes. */
export function HistorySection({ cardId, version, talk = 0 }: { cardId: string; version: number; /** Grows with each comment event on the card. */ talk?: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    // A short pause lets a burst of changes (a drag, then an edit) load once.
    const timer = window.setTimeout(() => {
      cardsApi.history(cardId).then(
        (list) => {
          if (!alive) return;
          setEntries(list);
          setError(null);
        },
        (err: unknown) => alive && setError(plainMessage(err)),
      );
    }, 250);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [cardId, version, talk]);

  return (
    <section className="card-section" aria-labelledby="history-heading">
      <h3 id="history-heading">History</h3>
      {error && <p className="field__error">{error}</p>}
      {!entries && !error && <p className="muted">Loading history…</p>}
      {entries && (
        <ol className="history" data-testid="history">
          {historyLines(entries)
            .reverse()
            .map((line) => (
              <li key={line.key} className="history__item">
                <p>
                  <strong>{line.who}</strong> {line.what}
                </p>
                {line.reason && <p className="history__reason">Over the WIP limit because: “{line.reason}”</p>}
                <time dateTime={line.at} className="muted">
                  {formatDateTime(line.at)}
                </time>
              </li>
            ))}
        </ol>
      )}
    </section>
  );
}
