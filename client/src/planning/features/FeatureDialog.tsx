/**
 * Create or edit a feature (an IDD project): name, goal, customer, status and
 * the feature lead (any member, juniors included). Edits carry the version
 * they started from; if someone saved in between, their version is taken as
 * the new base and the person decides whether to save theirs over it.
 */
import { useState, type FormEvent } from 'react';
import { can, FEATURE_STATUSES, type Feature, type Member } from '@opsboard/shared';
import { ApiError, plainMessage } from '../../api/errors';
import { includes, isNumber, isRecord } from '../../lib/guards';
import { newKey } from '../../lib/ids';
import { announce } from '../../ui/announcer';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { planningApi } from '../../api/planning';
import { FEATURE_WORDS } from '../ui/StateBadge';
import { FormActions } from '../../ui/FormActions';

interface Props {
  teamId: string;
  /** The feature to edit; none to create one. */
  feature: Feature | null;
  members: ReadonlyMap<string, Member>;
  onClose(): void;
  onSaved(feature: Feature): void;
}

interface Draft {
  name: string;
  goal: string;
  customer: string;
  status: Feature['status'];
  leadId: string;
}

const FIELDS = ['name', 'goal', 'customer', 'status', 'leadId'] as const;

export function FeatureDialog({ teamId, feature, members, onClose, onSaved }: Props) {
  const [draft, setDraft] = useState<Draft>({
    name: feature?.name ?? '',
    goal: feature?.goal ?? '',
    customer: feature?.customer ?? '',
    status: feature?.status ?? 'proposed',
    leadId: feature?.leadId ?? '',
  });
  const [version, setVersion] = useState(feature?.version ?? 0);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number] | 'form', string>>>({});
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => newKey('feature'));
  // A lead works on the team (a guest may be paired, not lead).
  const workers = [...members.values()].filter((m) => can(m.role, 'write')).sort((a, b) => a.name.localeCompare(b.name));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.name.trim() === '') {
      setErrors({ name: 'A feature needs a name.' });
      return;
    }
    setBusy(true);
    const body = { name: draft.name.trim(), goal: draft.goal, customer: draft.customer.trim(), status: draft.status, leadId: draft.leadId || null };
    try {
      const saved = feature ? await planningApi.updateFeature(feature.id, { version, ...body }, key) : await planningApi.createFeature(teamId, body, key);
      announce(feature ? `Saved '${saved.name}'.` : `Created the feature '${saved.name}'.`);
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiError && err.code === 'version_conflict') {
        const current = err.details.current;
        if (isRecord(current) && isNumber(current.version)) setVersion(current.version);
        // A new attempt is a new request, not a retry of the refused one.
        setKey(newKey('feature'));
        setErrors({ form: 'Someone else saved this feature while you were editing. Save again to put your version over theirs, or cancel to keep theirs.' });
        return;
      }
      const field = err instanceof ApiError ? err.field : null;
      setErrors(includes(FIELDS, field) ? { [field]: plainMessage(err) } : { form: plainMessage(err) });
    }
  };

  return (
    <Dialog title={feature ? `Edit '${feature.name}'` : 'New feature'} onClose={onClose} size="md" description="An IDD project with a feature lead, who assembles the pairs for each iteration.">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="feature-form">
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} value={draft.name} maxLength={120} onChange={(e) => set('name', e.target.value)} data-autofocus />}
        </Field>
        <Field label="Goal" hint="Why it matters and what done looks like. Markdown works." error={errors.goal}>
          {(p) => <textarea {...p} rows={4} value={draft.goal} onChange={(e) => set('goal', e.target.value)} />}
        </Field>
        <div className="form__row">
          <Field label="Customer" hint="Who it is for: a team, the business, a dev group." error={errors.customer}>
            {(p) => <input {...p} value={draft.customer} maxLength={120} onChange={(e) => set('customer', e.target.value)} />}
          </Field>
          <Field label="Status" error={errors.status}>
            {(p) => (
              <select {...p} value={draft.status} onChange={(e) => includes(FEATURE_STATUSES, e.target.value) && set('status', e.target.value)}>
                {FEATURE_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {FEATURE_WORDS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Feature lead" hint="Any member can lead a feature, juniors included." error={errors.leadId}>
          {(p) => (
            <select {...p} value={draft.leadId} onChange={(e) => set('leadId', e.target.value)}>
              <option value="">Nobody yet</option>
              {workers.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormActions submit={feature ? 'Save' : 'Create feature'} onCancel={onClose} disabled={busy} error={errors.form} />
      </form>
    </Dialog>
  );
}
