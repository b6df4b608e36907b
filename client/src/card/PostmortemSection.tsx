/**
 * The card's blameless postmortem: a link to the one it has, or, for a
 * critical/high interrupt or an incident card, a button that opens one with
 * its timeline pre-filled. Nothing shows for cards that cannot have one.
 */
import { useEffect, useState } from 'react';
import type { CardPostmortem } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { navigate } from '../app/router';
import { postmortemApi } from '../retro/api';
import { useTeamLive } from '../team/use-team-live';

export function PostmortemSection({ cardId, teamId, version, editable }: { cardId: string; teamId: string; version: number; editable: boolean }) {
  const [state, setState] = useState<CardPostmortem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);
  useTeamLive(teamId, {
    onEvent: (event) => {
      if ((event.type === 'postmortem.created' || event.type === 'postmortem.changed') && event.payload.cardId === cardId) setRevision((r) => r + 1);
    },
  });
  useEffect(() => {
    let alive = true;
    postmortemApi.ofCard(cardId).then(
      (r) => alive && setState(r),
      () => alive && setState(null),
    );
    return () => {
      alive = false;
    };
    // The card's version: a severity or label change may make it eligible.
  }, [cardId, version, revision]);
  if (!state || (!state.postmortem && (!state.allowed || !editable))) return null;
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const pm = await postmortemApi.open(cardId);
      navigate(paths.postmortem(pm.id));
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card-section" aria-labelledby="postmortem-heading" data-testid="card-postmortem">
      <div className="card-section__head">
        <h3 id="postmortem-heading">Postmortem</h3>
      </div>
      {state.postmortem ? (
        <p>
          <Link to={paths.postmortem(state.postmortem.id)}>{state.postmortem.title}</Link>
          {state.postmortem.publishedAt && <span className="muted"> · published</span>}
        </p>
      ) : (
        <button type="button" className="button button--small" onClick={() => void open()} disabled={busy} data-testid="open-postmortem">
          Start a blameless postmortem
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
