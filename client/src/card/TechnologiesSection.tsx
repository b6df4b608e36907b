/**
 * Which technologies a card or interrupt concerns (seed 001: which
 * technologies generate the interrupts). An Alertmanager rule may have named
 * one on arrival; the PoTW confirms or changes it while triaging.
 */
import { useEffect, useRef, useState } from 'react';
import type { CardTechnologies, Technology } from '@opsboard/shared';
import { plainMessage } from '../api/errors';
import { techApi } from '../api/tech';
import { Link } from '../app/Link';
import { paths } from '../app/routes';
import { newKey } from '../lib/ids';
import { useTeamLive } from '../team/use-team-live';
import { Icon } from '../ui/Icon';

export function TechnologiesSection({ cardId, teamId, editable }: { cardId: string; teamId: string; editable: boolean }) {
  const [linked, setLinked] = useState<CardTechnologies['technologies'] | null>(null);
  const [choices, setChoices] = useState<Technology[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  useTeamLive(teamId, {
    onEvent: (event) => {
      if (event.type === 'card.technologies_set' && event.payload.cardId === cardId) setRevision((r) => r + 1);
    },
  });
  /** The set the person last chose while it is on its way (ahead of the server), else null. */
  const choosing = useRef<string[] | null>(null);
  /** Each choice is sent as the whole set, so they go one after the other, in the order made. */
  const sending = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    let alive = true;
    // A reload while choices are on their way would show an older set for a moment: the last answer brings the truth.
    techApi.cardTechnologies(cardId).then(
      (r) => alive && choosing.current === null && setLinked(r.technologies),
      () => alive && choosing.current === null && setLinked([]),
    );
    return () => {
      alive = false;
    };
  }, [cardId, revision]);
  useEffect(() => {
    if (!editing || choices) return;
    techApi.list(teamId).then(setChoices, (err: unknown) => setError(plainMessage(err)));
  }, [editing, choices, teamId]);

  const toggle = (id: string, on: boolean) => {
    const current = choosing.current ?? (linked ?? []).map((t) => t.id);
    const next = on ? [...current.filter((x) => x !== id), id] : current.filter((x) => x !== id);
    choosing.current = next;
    // Shown at once: the box stays as ticked while the change travels.
    const named = new Map([...(choices ?? []).map((t) => ({ id: t.id, name: t.name, origin: 'person' as const })), ...(linked ?? [])].map((t) => [t.id, t]));
    setLinked(next.flatMap((x) => named.get(x) ?? []));
    const key = newKey('card-tech');
    sending.current = sending.current.then(async () => {
      try {
        const r = await techApi.setCardTechnologies(cardId, next, key);
        if (choosing.current === next) {
          choosing.current = null;
          setLinked(r.technologies);
        }
        setError(null);
      } catch (err) {
        // Refused: what the server holds is shown again, with the reason.
        if (choosing.current === next) choosing.current = null;
        setError(plainMessage(err));
        setRevision((r) => r + 1);
      }
    });
  };

  return (
    <section className="card-section" aria-labelledby="tech-heading" data-testid="card-technologies">
      <div className="card-section__head">
        <h3 id="tech-heading">Technologies</h3>
        {editable && (
          <button type="button" className="button button--small button--quiet" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
            <Icon name="edit" /> {editing ? 'Done' : 'Choose'}
          </button>
        )}
      </div>
      {linked === null ? null : linked.length === 0 && !editing ? (
        <p className="muted">No technology named.</p>
      ) : (
        <ul className="chips">
          {linked.map((t) => (
            <li key={t.id} className="chip">
              <Link to={paths.technology(t.id)}>{t.name}</Link>
              {t.origin === 'rule' && <span className="muted"> · by alert rule</span>}
            </li>
          ))}
        </ul>
      )}
      {editing && choices && (
        <fieldset className="plain-list">
          <legend className="visually-hidden">Technologies this card concerns</legend>
          {choices.length === 0 && <p className="muted">The team has no technologies yet; add them on the Technologies page.</p>}
          {choices.map((t) => (
            <label key={t.id} className="checkbox">
              <input type="checkbox" checked={(linked ?? []).some((l) => l.id === t.id)} onChange={(e) => toggle(t.id, e.target.checked)} /> {t.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
