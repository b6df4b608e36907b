import { useState, type FormEvent } from 'react';
import { DOD_REFUSAL_START } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import type { OverrideRequest } from './controller';
import { FormActions } from '../../ui/FormActions';

/** A soft WIP limit: the card may go over it, with a reason that is kept in the card's history. */
export function OverrideDialog({ request, onDone }: { request: OverrideRequest; onDone: (reason: string | null) => void }) {
  // The Definition of Done asks for a reason the same way; its refusal says "Not done yet".
  const dod = request.message.startsWith(DOD_REFUSAL_START);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say in a few words why this card cannot wait.');
      return;
    }
    onDone(reason.trim().slice(0, 500));
  };
  return (
    <Dialog title={dod ? `Definition of Done not met for ${request.destination}` : `Over the WIP limit of ${request.destination}`} onClose={() => onDone(null)} size="sm" description={<p>{request.message}</p>}>
      <form className="form" onSubmit={submit} noValidate data-testid="override-form">
        <Field label={`Why should '${request.card.title}' go in anyway?`} error={error} hint="The reason shows on the card and in its history.">
          {(p) => <textarea {...p} rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus placeholder="e.g. Customer outage, needs attention today" />}
        </Field>
        <FormActions submit={dod ? 'Move to done anyway' : 'Move over the limit'} onCancel={() => onDone(null)} />
      </form>
    </Dialog>
  );
}
