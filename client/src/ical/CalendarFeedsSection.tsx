import { useState } from 'react';
import { http } from '../api/http';
import { plainMessage } from '../api/errors';
import { formatDate } from '../lib/time';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { showToast } from '../ui/toasts';
import { useAsync } from '../ui/use-async';

interface FeedStatus {
  exists: boolean;
  createdAt: string | null;
}
interface CreatedFeed {
  url: string;
  urls: { potw: string; mine: string; iterations: string };
}

const calendarApi = {
  status: () => http.get<FeedStatus>('/api/account/calendar'),
  create: () => http.post<CreatedFeed>('/api/account/calendar'),
  revoke: () => http.del<{ ok: true }>('/api/account/calendar'),
};

const LABELS: Record<keyof CreatedFeed['urls'], string> = {
  potw: 'PoTW rotation of all my teams',
  mine: 'My own PoTW shifts',
  iterations: 'Iteration dates of my teams',
};

/** Secret iCal feed URLs (account page): create/regenerate, revoke, copy once. */
export function CalendarFeedsSection() {
  const status = useAsync(() => calendarApi.status(), []);
  const [created, setCreated] = useState<CreatedFeed | null>(null);

  const create = async () => {
    if (status.status === 'ready' && status.value.exists && !window.confirm('Make new feed URLs? The old ones stop working at once.')) return;
    try {
      setCreated(await calendarApi.create());
      status.reload();
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not create the calendar feed', message: plainMessage(err) });
    }
  };
  const revoke = async () => {
    if (!window.confirm('Revoke your calendar feeds? Calendars subscribed to them stop updating.')) return;
    try {
      await calendarApi.revoke();
      setCreated(null);
      status.reload();
      showToast({ tone: 'success', title: 'Calendar feeds revoked.' });
    } catch (err) {
      showToast({ tone: 'error', title: 'Could not revoke the calendar feeds', message: plainMessage(err) });
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      showToast({ tone: 'success', title: 'Copied.' });
    } catch {
      showToast({ tone: 'warning', title: 'Copy it by hand', message: 'The browser did not allow copying to the clipboard.' });
    }
  };

  return (
    <section className="section" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar feeds</h2>
      <p className="muted">Subscribe in your calendar app to the PoTW rotation and iteration dates. The URLs are secret: anyone with them can read the feeds.</p>
      {created && (
        <div className="note note--success" role="status" data-testid="calendar-urls">
          <p>
            <strong>Copy the URLs now.</strong> They are shown only this once.
          </p>
          {(Object.keys(LABELS) as (keyof CreatedFeed['urls'])[]).map((k) => (
            <p key={k} className="secret">
              {LABELS[k]}: <code>{created.urls[k]}</code>
              <button type="button" className="button button--small" onClick={() => void copy(created.urls[k])}>
                Copy
              </button>
            </p>
          ))}
        </div>
      )}
      {status.status === 'loading' && <Spinner label="Loading calendar feeds" />}
      {status.status === 'error' && <ErrorNote message={status.message} onRetry={status.reload} />}
      {status.status === 'ready' && (
        <p>
          {status.value.exists && status.value.createdAt ? `Feeds active since ${formatDate(status.value.createdAt)}. ` : 'No calendar feeds yet. '}
          <button type="button" className="button button--primary" onClick={() => void create()}>
            {status.value.exists ? 'Regenerate URLs' : 'Create feed URLs'}
          </button>{' '}
          {status.value.exists && (
            <button type="button" className="button button--quiet" onClick={() => void revoke()}>
              Revoke
            </button>
          )}
        </p>
      )}
    </section>
  );
}
