/** x: close with a resolution note. Type it (or pick a common one) and press Enter. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TriageBody } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import type { QueueItem } from './queue';
import { FormActions } from '../../ui/FormActions';

const COMMON = ['Fixed', 'Answered the question', 'Resolved at the source', 'Not an issue', 'Will not do'];

interface Props {
  item: QueueItem;
  onSubmit: (body: TriageBody, done: string) => void;
  onClose: () => void;
}

export function CloseDialog({ item, onSubmit, onClose }: Props) {
  const [resolution, setResolution] = useState(item.interrupt.resolvedBySourceAt ? 'Resolved at the source' : '');
  const [error, setError] = useState<string | null>(null);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!resolution.trim()) {
      setError('Say how it was resolved, so the next person can learn from it.');
      return;
    }
    onSubmit({ action: 'close', resolution: resolution.trim() }, `Closed #${item.card.number}: ${resolution.trim()}.`);
  };

  // Enter closes; Shift+Enter starts a new line for a longer note.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Dialog title={`Close #${item.card.number}`} description={item.card.title} onClose={onClose} size="sm">
      <form className="form" onSubmit={submit} data-testid="close-form" noValidate>
        <Field label="Resolution" error={error} hint="Enter closes it; Shift+Enter for a new line.">
          {(p) => <textarea {...p} data-autofocus rows={3} value={resolution} maxLength={2000} onChange={(e) => setResolution(e.target.value)} onKeyDown={onKeyDown} />}
        </Field>
        <div className="quick-picks" role="group" aria-label="Common resolutions">
          {COMMON.map((text) => (
            <button key={text} type="button" className="chip-button" onClick={() => setResolution(text)}>
              {text}
            </button>
          ))}
        </div>
        <FormActions submit="Close interrupt" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
