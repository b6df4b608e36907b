/**
 * Add or edit a technology: description, runbook and repository links, the
 * owners along plan, build and run (people of the team), the share under
 * configuration management, environments, installations and lifecycle.
 */
import { useState, type FormEvent } from 'react';
import { EMPTY_OWNERS, LIFECYCLES, type Member, type Technology, type TechOwners } from '@opsboard/shared';
import { ApiError, plainMessage } from '../api/errors';
import { techApi } from '../api/tech';
import { includes, isNumber, isRecord } from '../lib/guards';
import { newKey } from '../lib/ids';
import { announce } from '../ui/announcer';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { LIFECYCLE_WORDS } from './model';

interface Props {
  teamId: string;
  technology: Technology | null;
  members: ReadonlyMap<string, Member>;
  onClose(): void;
  onSaved(technology: Technology): void;
}

const LINES = [
  { id: 'plan', label: 'Plan (architecture)' },
  { id: 'build', label: 'Build (engineering)' },
  { id: 'run', label: 'Run (operations)' },
] as const;
const FIELDS = ['name', 'description', 'links', 'owners', 'configManagedPct', 'environments', 'installations', 'lifecycle'] as const;
type FieldId = (typeof FIELDS)[number];

/** "Runbook | https://…" per line. */
function parseLinks(text: string): { title: string; url: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [title, ...rest] = l.split('|');
      const url = rest.join('|').trim();
      return url ? { title: title!.trim() || url, url } : { title: l, url: l };
    });
}

export function TechnologyDialog({ teamId, technology, members, onClose, onSaved }: Props) {
  const [name, setName] = useState(technology?.name ?? '');
  const [description, setDescription] = useState(technology?.description ?? '');
  const [links, setLinks] = useState((technology?.links ?? []).map((l) => `${l.title} | ${l.url}`).join('\n'));
  const [owners, setOwners] = useState<TechOwners>(technology?.owners ?? EMPTY_OWNERS);
  const [pct, setPct] = useState(String(technology?.configManagedPct ?? 0));
  const [environments, setEnvironments] = useState((technology?.environments ?? []).join(', '));
  const [installations, setInstallations] = useState(String(technology?.installations ?? 0));
  const [lifecycle, setLifecycle] = useState<Technology['lifecycle']>(technology?.lifecycle ?? 'adopting');
  const [version, setVersion] = useState(technology?.version ?? 0);
  const [errors, setErrors] = useState<Partial<Record<FieldId | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => newKey('tech'));
  const people = [...members.values()].filter((m) => m.role !== 'guest').sort((a, b) => a.name.localeCompare(b.name));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setErrors({ name: 'A technology needs a name.' });
    const share = Number(pct);
    if (!Number.isInteger(share) || share < 0 || share > 100) return setErrors({ configManagedPct: 'A whole percentage from 0 to 100.' });
    const count = Number(installations);
    if (!Number.isInteger(count) || count < 0) return setErrors({ installations: 'A whole number, 0 or more.' });
    const body = {
      name: name.trim(),
      description,
      links: parseLinks(links),
      owners,
      configManagedPct: share,
      environments: environments.split(',').map((e) => e.trim()).filter(Boolean),
      installations: count,
      lifecycle,
    };
    setBusy(true);
    try {
      const saved = technology ? await techApi.update(technology.id, { version, ...body }, key) : await techApi.create(teamId, body, key);
      announce(technology ? `Saved ${saved.name}.` : `Added ${saved.name} to the catalogue.`);
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const current = err.details.current;
        if (isRecord(current) && isNumber(current.version)) setVersion(current.version);
        setKey(newKey('tech'));
        return setErrors({ form: 'Someone else saved this technology while you were editing. Save again to put your version over theirs, or cancel.' });
      }
      const field = err instanceof ApiError ? (err.field?.split('/')[0] ?? null) : null;
      setErrors(includes(FIELDS, field) ? { [field]: plainMessage(err) } : { form: plainMessage(err) });
    }
  };

  return (
    <Dialog title={technology ? `Edit ${technology.name}` : 'Add a technology'} onClose={onClose} size="lg" description="Something the team runs: a database, a cluster, a monitoring system, the build farm.">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="technology-form">
        <div className="form__row">
          <Field label="Name" error={errors.name}>
            {(p) => <input {...p} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-autofocus />}
          </Field>
          <Field label="Lifecycle" error={errors.lifecycle}>
            {(p) => (
              <select {...p} value={lifecycle} onChange={(e) => includes(LIFECYCLES, e.target.value) && setLifecycle(e.target.value)}>
                {LIFECYCLES.map((l) => (
                  <option key={l} value={l}>
                    {LIFECYCLE_WORDS[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Description" hint="What it is and what depends on it. Markdown works." error={errors.description}>
          {(p) => <textarea {...p} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
        <Field label="Runbooks and repositories" hint="One per line: title | https://…" error={errors.links}>
          {(p) => <textarea {...p} rows={2} value={links} onChange={(e) => setLinks(e.target.value)} />}
        </Field>
        <div className="form__row">
          <Field label="Under configuration management (%)" hint="The seed's goal is 100%." error={errors.configManagedPct}>
            {(p) => <input {...p} type="number" min={0} max={100} value={pct} onChange={(e) => setPct(e.target.value)} />}
          </Field>
          <Field label="Installations" hint="How many, for ubiquity." error={errors.installations}>
            {(p) => <input {...p} type="number" min={0} value={installations} onChange={(e) => setInstallations(e.target.value)} />}
          </Field>
          <Field label="Environments" hint="Comma separated." error={errors.environments}>
            {(p) => <input {...p} value={environments} onChange={(e) => setEnvironments(e.target.value)} />}
          </Field>
        </div>
        <fieldset className="tech-owners" aria-describedby={errors.owners ? 'owners-error' : undefined}>
          <legend>Owners</legend>
          {LINES.map((line) => (
            <Field key={line.id} label={line.label}>
              {(p) => (
                <select
                  {...p}
                  multiple
                  size={Math.min(4, Math.max(2, people.length))}
                  value={owners[line.id].people}
                  onChange={(e) => {
                    const chosen = [...e.target.selectedOptions].map((o) => o.value);
                    setOwners((o) => ({ ...o, [line.id]: { ...o[line.id], people: chosen } }));
                  }}
                >
                  {people.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
          {errors.owners && (
            <p className="field__error" id="owners-error">
              {errors.owners}
            </p>
          )}
        </fieldset>
        <FormActions submit={technology ? 'Save' : 'Add technology'} onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
