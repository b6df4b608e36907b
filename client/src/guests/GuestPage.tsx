/**
 * Where a guest of a team (a customer developer or requester) lands: raise an
 * interrupt, propose a story, follow both, and move the feature cards they
 * are paired on. Live over the guest's own channel; no board links, because
 * the boards are the team's.
 */
import { useState } from 'react';
import type { MyRequests } from '@opsboard/shared';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { RaiseInterruptDialog } from '../potw/RaiseInterruptDialog';
import { EmptyNote, ErrorNote, Spinner } from '../ui/Feedback';
import { ProposeDialog } from './ProposeDialog';
import { RequestList } from './RequestList';
import { useMyRequests } from './use-my-requests';
import { WorkList } from './WorkList';
import '../styles/guests.css';

export function GuestPage({ teamId }: { teamId: string }) {
  const { state, reload, live, lost } = useMyRequests(teamId);
  const [dialog, setDialog] = useState<'raise' | 'propose' | null>(null);

  if (state.status === 'loading') return <Spinner label="Loading your requests" />;
  if (state.status === 'error') {
    return (
      <main className="page" id="main">
        <ErrorNote message={state.message} onRetry={reload} />
        <p>
          <Link to={paths.teams()}>Back to your teams</Link>
        </p>
      </main>
    );
  }
  const data: MyRequests = state.value;
  const guest = data.role === 'guest';

  return (
    <main className="page guest-page" id="main" data-testid="guest-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link>
        {!guest && (
          <>
            {' / '}
            <Link to={paths.team(teamId)}>{data.teamName}</Link>
          </>
        )}
      </p>
      <h1>{guest ? data.teamName : `Your requests in ${data.teamName}`}</h1>
      <p className="muted">
        {guest
          ? `You are a guest of ${data.teamName}: raise interrupts and propose stories here, and follow what the team does with them.`
          : 'What you raised or proposed, and the feature cards you are paired on.'}{' '}
        <span className="guest-page__live" data-testid="requests-live" data-live={live}>
          {live ? 'Updates live.' : 'Reconnecting; the list may be behind.'}
        </span>
      </p>
      {lost && <ErrorNote message={lost} />}

      <div className="guest-page__actions">
        <button type="button" className="button button--primary" onClick={() => setDialog('raise')}>
          Raise an interrupt
        </button>
        <button type="button" className="button" onClick={() => setDialog('propose')}>
          Propose a story
        </button>
      </div>

      <section className="section" aria-labelledby="requests-heading">
        <h2 id="requests-heading">Your requests ({data.requests.length})</h2>
        {data.requests.length === 0 ? (
          <EmptyNote>Nothing yet. Raise an interrupt when something is broken or needed now; propose a story for what the team could build.</EmptyNote>
        ) : (
          <RequestList items={data.requests} />
        )}
      </section>

      {data.work.length > 0 && (
        <section className="section" aria-labelledby="work-heading">
          <h2 id="work-heading">Cards you are paired on ({data.work.length})</h2>
          <p className="muted">Move a card along as you work on it with your pair; the team sees it on its board at once.</p>
          <WorkList teamId={teamId} items={data.work} onMoved={reload} />
        </section>
      )}

      {dialog === 'raise' && <RaiseInterruptDialog teamId={teamId} potw={null} onClose={() => setDialog(null)} onRaised={reload} />}
      {dialog === 'propose' && <ProposeDialog teamId={teamId} onClose={() => setDialog(null)} onProposed={reload} />}
    </main>
  );
}
