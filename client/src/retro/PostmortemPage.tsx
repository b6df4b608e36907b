/**
 * /postmortems/:id — one blameless postmortem: summary, impact, the timeline
 * (pre-filled from the card's history and its alert, editable), contributing
 * factors (naming what happened, never who), what went well, the time from
 * firing to resolution, action items that become linked cards, sharing and a
 * Markdown export. Another team reads a published one, read-only.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { can, TIMELINE_KINDS, type CardDetail, type Member, type Postmortem, type TimelineKind } from '@opsboard/shared';
import { cardsApi } from '../api/cards';
import { ApiError, plainMessage } from '../api/errors';
import { Link } from '../app/Link';
import { useDocumentTitle } from '../app/page-title';
import { paths } from '../app/routes';
import { useServices } from '../app/services';
import { formatDateTime } from '../lib/time';
import { useFresh } from '../planning/use-fresh';
import { roleIn, useTeamLive } from '../team/use-team-live';
import { ErrorNote, Spinner } from '../ui/Feedback';
import { showToast } from '../ui/toasts';
import { ActionForm } from './ActionForm';
import { postmortemApi } from './api';
import { downloadMarkdown } from './markdown';
import { draftBody, fromLocalInput, postmortemMarkdown, resolveWords, TIMELINE_LABEL, toLocalInput, type PostmortemDraft } from './postmortem-words';
import './retro.css';

export function PostmortemPage({ postmortemId }: { postmortemId: string }) {
  const pm = useFresh(() => postmortemApi.get(postmortemId), postmortemId);
  useDocumentTitle(['Postmortem', pm.value?.title]);
  if (!pm.value) {
    return pm.error ? (
      <main className="page" id="main">
        <ErrorNote message={pm.error} onRetry={pm.refresh} />
      </main>
    ) : (
      <Spinner label="Loading the postmortem" />
    );
  }
  return pm.value.readOnly ? <PostmortemBody pm={pm.value} members={new Map()} canWrite={false} refresh={pm.refresh} /> : <LivePostmortem pm={pm.value} refresh={pm.refresh} />;
}

function LivePostmortem({ pm, refresh }: { pm: Postmortem; refresh: () => void }) {
  const { user } = useServices();
  const team = useTeamLive(pm.teamId, {
    onEvent: (event) => {
      if (event.type === 'postmortem.changed' && event.payload.postmortemId === pm.id) refresh();
    },
    onReload: refresh,
  });
  const canWrite = can(roleIn(team.state, user.id), 'write');
  return <PostmortemBody pm={pm} members={team.state?.members ?? new Map()} teamName={team.state?.team.name} canWrite={canWrite} refresh={refresh} />;
}

interface BodyProps {
  pm: Postmortem;
  members: ReadonlyMap<string, Member>;
  teamName?: string | undefined;
  canWrite: boolean;
  refresh: () => void;
}

function PostmortemBody({ pm, members, teamName, canWrite, refresh }: BodyProps) {
  const [draft, setDraft] = useState<PostmortemDraft>({});
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [incident, setIncident] = useState<CardDetail['card'] | null>(null);
  useEffect(() => {
    // Another team's reader may not open the card: the title alone says what it was.
    if (pm.readOnly) return;
    let alive = true;
    cardsApi.detail(pm.cardId).then(
      (d) => alive && setIncident(d.card),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [pm.cardId, pm.readOnly]);
  const name = (id: string) => members.get(id)?.name ?? 'Someone';
  const value = <K extends keyof PostmortemDraft>(key: K): Postmortem[K] => (draft[key] !== undefined ? (draft[key] as Postmortem[K]) : pm[key]);
  const edit = (changes: PostmortemDraft) => {
    setDraft((d) => ({ ...d, ...changes }));
    setFieldError(null);
  };
  const body = draftBody(pm, draft);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!body) return;
    setSaving(true);
    try {
      await postmortemApi.update(pm.id, body);
      setDraft({});
      refresh();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        // Someone saved meanwhile: load theirs, keep this person's edits on top, let them save again.
        refresh();
        showToast({ tone: 'error', title: 'Saved by someone else meanwhile', message: 'Their version is loaded; your edits are kept. Check them and save again.' });
      } else if (err instanceof ApiError && err.field) {
        setFieldError({ field: err.field.replace(/^\//, '').split(/[/.[]/)[0]!, message: err.message });
      } else {
        showToast({ tone: 'error', title: 'Could not save the postmortem', message: plainMessage(err) });
      }
    } finally {
      setSaving(false);
    }
  };
  const run = async (label: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      refresh();
      return true;
    } catch (err) {
      showToast({ tone: 'error', title: label, message: plainMessage(err) });
      return false;
    }
  };
  const errorFor = (field: string) =>
    fieldError?.field === field ? (
      <p className="field__error" role="alert">
        {fieldError.message}
      </p>
    ) : null;
  const editable = canWrite && !pm.readOnly;
  return (
    <main className="page page--wide postmortem" id="main" data-testid="postmortem-page">
      <p className="breadcrumbs">
        <Link to={paths.teams()}>Teams</Link> › {teamName ? <Link to={paths.retros(pm.teamId)}>{teamName}</Link> : 'Shared postmortem'}
      </p>
      <h1>{pm.title}</h1>
      <p className="retro-meta">
        Blameless postmortem
        {incident && (
          <>
            {' '}
            of{' '}
            {pm.readOnly ? (
              <span>
                #{incident.number} {incident.title}
              </span>
            ) : (
              <Link to={paths.board(incident.boardId, `?card=${incident.id}`)}>
                #{incident.number} {incident.title}
              </Link>
            )}
          </>
        )}
        {' · '}opened {formatDateTime(pm.createdAt)}
        {pm.publishedAt && <span className="retro-chip">published</span>}
        {pm.readOnly && ' · read-only (shared by another team)'}
      </p>
      <section className="section postmortem-resolve" aria-labelledby="pm-resolve-heading" data-testid="pm-resolve">
        <h2 id="pm-resolve-heading">Firing to resolution</h2>
        <dl className="retro-facts__grid">
          <div>
            <dt>Alert fired</dt>
            <dd>{pm.firingAt ? formatDateTime(pm.firingAt) : 'No alert'}</dd>
          </div>
          <div>
            <dt>Resolved</dt>
            <dd>
              {editable ? (
                <input
                  type="datetime-local"
                  aria-label="Resolved at"
                  value={toLocalInput(value('resolvedAt'))}
                  onChange={(e) => edit({ resolvedAt: fromLocalInput(e.target.value) })}
                  data-testid="pm-resolved-at"
                />
              ) : pm.resolvedAt ? (
                formatDateTime(pm.resolvedAt)
              ) : (
                'Not yet'
              )}
            </dd>
          </div>
          <div>
            <dt>Time to resolve (for MTTR)</dt>
            <dd data-testid="pm-ttr">{resolveWords(pm)}</dd>
          </div>
        </dl>
        {errorFor('resolvedAt')}
      </section>
      <form onSubmit={(e) => void save(e)} aria-label="Postmortem" className="postmortem-form">
        {editable && (
          <label className="field">
            Title
            <input value={value('title')} onChange={(e) => edit({ title: e.target.value })} maxLength={300} required />
            {errorFor('title')}
          </label>
        )}
        <TextSection id="summary" title="Summary" hint="What happened, in two or three sentences." editable={editable} text={value('summary')} onChange={(summary) => edit({ summary })} error={errorFor('summary')} />
        <TextSection id="impact" title="Impact" hint="Who and what was affected, and for how long." editable={editable} text={value('impact')} onChange={(impact) => edit({ impact })} error={errorFor('impact')} />
        <Timeline editable={editable} entries={value('timeline')} onChange={(timeline) => edit({ timeline })} error={errorFor('timeline')} />
        <TextSection
          id="factors"
          title="Contributing factors"
          hint="Blameless: name what happened and what made it possible, not who. A teammate’s name here is refused."
          editable={editable}
          text={value('contributingFactors')}
          onChange={(contributingFactors) => edit({ contributingFactors })}
          error={errorFor('contributingFactors')}
        />
        <TextSection id="went-well" title="What went well" editable={editable} text={value('wentWell')} onChange={(wentWell) => edit({ wentWell })} error={errorFor('wentWell')} />
        {editable && (
          <div className="postmortem-save" role="group" aria-label="Save">
            <button type="submit" className="button button--primary" disabled={!body || saving} data-testid="pm-save">
              {saving ? 'Saving…' : 'Save'}
            </button>
            {body ? <span className="muted">Unsaved changes</span> : <span className="muted">All changes saved</span>}
            {body && (
              <button type="button" className="button button--quiet" onClick={() => setDraft({})}>
                Discard changes
              </button>
            )}
          </div>
        )}
      </form>
      <Actions pm={pm} name={name} members={members} editable={editable} run={run} />
      <Sharing pm={pm} name={name} canWrite={editable} run={run} />
    </main>
  );
}

function TextSection(props: { id: string; title: string; hint?: string; editable: boolean; text: string; onChange: (text: string) => void; error: ReactNode }) {
  const headingId = `pm-${props.id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.editable ? (
        <>
          {props.hint && <p className="muted">{props.hint}</p>}
          <textarea aria-labelledby={headingId} value={props.text} rows={4} maxLength={20_000} onChange={(e) => props.onChange(e.target.value)} data-testid={`pm-${props.id}`} />
          {props.error}
        </>
      ) : props.text.trim() === '' ? (
        <p className="muted">Nothing written.</p>
      ) : (
        <p className="postmortem-text">{props.text}</p>
      )}
    </section>
  );
}

type Entry = Postmortem['timeline'][number];

function Timeline({ editable, entries, onChange, error }: { editable: boolean; entries: Entry[]; onChange: (entries: Entry[]) => void; error: ReactNode }) {
  const set = (i: number, changes: Partial<Entry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...changes } : e)));
  const add = () => {
    const last = entries.at(-1);
    onChange([...entries, { at: last?.at ?? new Date().toISOString(), kind: 'note', text: '' }]);
  };
  return (
    <section className="section" aria-labelledby="pm-timeline-heading">
      <h2 id="pm-timeline-heading">Timeline</h2>
      {editable && <p className="muted">Pre-filled from the alert and the card’s history; correct it and add what happened in between. It is kept in time order.</p>}
      {entries.length === 0 && <p className="muted">No entries. {editable && 'Add what happened, with times.'}</p>}
      {entries.length > 0 && (
        <table className="postmortem-timeline" data-testid="pm-timeline">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              {editable && <th scope="col"><span className="visually-hidden">Remove</span></th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) =>
              editable ? (
                <tr key={i}>
                  <td>
                    <input type="datetime-local" aria-label={`Entry ${i + 1}: when`} value={toLocalInput(e.at)} onChange={(ev) => { const at = fromLocalInput(ev.target.value); if (at) set(i, { at }); }} required />
                  </td>
                  <td>
                    <select aria-label={`Entry ${i + 1}: what`} value={e.kind} onChange={(ev) => set(i, { kind: ev.target.value as TimelineKind })}>
                      {TIMELINE_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {TIMELINE_LABEL[k]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`Entry ${i + 1}: details`} value={e.text} maxLength={1000} onChange={(ev) => set(i, { text: ev.target.value })} />
                  </td>
                  <td>
                    <button type="button" className="button button--small button--quiet" aria-label={`Remove entry ${i + 1}`} onClick={() => onChange(entries.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={i}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{TIMELINE_LABEL[e.kind]}</td>
                  <td>{e.text}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {editable && (
        <button type="button" className="button button--small" onClick={add} data-testid="pm-timeline-add">
          Add an entry
        </button>
      )}
      {error}
    </section>
  );
}

type Run = (label: string, fn: () => Promise<unknown>) => Promise<boolean>;

function Actions({ pm, name, members, editable, run }: { pm: Postmortem; name: (id: string) => string; members: ReadonlyMap<string, Member>; editable: boolean; run: Run }) {
  return (
    <section className="section" aria-labelledby="pm-actions-heading">
      <h2 id="pm-actions-heading">Action items</h2>
      {pm.actions.length === 0 ? (
        <p className="muted">No action items yet.</p>
      ) : (
        <ul className="retro-list" data-testid="pm-actions">
          {pm.actions.map((a) => (
            <li key={a.id}>
              {pm.readOnly ? `#${a.cardNumber}` : <Link to={paths.board(a.boardId, `?card=${a.cardId}`)}>#{a.cardNumber}</Link>} {a.title} — {name(a.ownerId)}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <ActionForm
          members={members}
          heading="New action item"
          submitLabel="Add action as a linked card"
          defaultBoard="selfservice"
          testIds="pm-action"
          onAdd={(action) => run('Could not add the action', () => postmortemApi.action(pm.id, action))}
        />
      )}
    </section>
  );
}

function Sharing({ pm, name, canWrite, run }: { pm: Postmortem; name: (id: string) => string; canWrite: boolean; run: Run }) {
  const download = () => downloadMarkdown(pm.title, postmortemMarkdown(pm, name, formatDateTime));
  return (
    <section className="section" aria-labelledby="pm-share-heading">
      <h2 id="pm-share-heading">Share</h2>
      <div className="retro-controls">
        <button type="button" className="button" onClick={download} data-testid="pm-export">
          Export Markdown
        </button>
        {pm.publishedAt ? (
          <span className="retro-chip">Published to the other teams {formatDateTime(pm.publishedAt)}</span>
        ) : (
          canWrite && (
            <button type="button" className="button" onClick={() => void run('Could not publish', () => postmortemApi.publish(pm.id))} data-testid="pm-publish">
              Publish read-only to other teams
            </button>
          )
        )}
      </div>
    </section>
  );
}
