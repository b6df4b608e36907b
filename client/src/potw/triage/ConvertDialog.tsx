/** c: convert into a story on the planned or the SS&A board (linked both ways; the interrupt closes as converted). */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { TriageBody } from '@opsboard/shared';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import type { QueueItem } from './queue';
import { FormActions } from '../../ui/FormActions';

type Target = 'planned' | 'selfservice';
type StoryType = 'story' | 'task' | 'spike' | 'bug' | 'chore';

const TARGETS: { kind: Target; key: string; name: string; hint: string }[] = [
  { kind: 'planned', key: 'p', name: 'Planned work', hint: 'A feature or project the team plans into an iteration' },
  { kind: 'selfservice', key: 's', name: 'Self-service & automation', hint: 'Work that stops this kind of interrupt coming back' },
];

interface Props {
  item: QueueItem;
  onSubmit: (body: TriageBody, done: string) => void;
  onClose: () => void;
}

export function ConvertDialog({ item, onSubmit, onClose }: Props) {
  const [target, setTarget] = useState<Target>('selfservice');
  const [title, setTitle] = useState(item.card.title);
  const [type, setType] = useState<StoryType>('story');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const name = TARGETS.find((t) => t.kind === target)!.name;
    onSubmit(
      { action: 'convert', boardKind: target, type, ...(title.trim() && title.trim() !== item.card.title && { title: title.trim() }) },
      `Converted #${item.card.number} into a ${type} on ${name}; the interrupt is closed and linked to it.`,
    );
  };

  // On the choices, p and s pick and Enter converts, so the whole prompt works from the keyboard.
  const onChoiceKey = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const picked = TARGETS.find((t) => t.key === event.key);
    if (picked) {
      event.preventDefault();
      setTarget(picked.kind);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    }
  };

  return (
    <Dialog title={`Convert #${item.card.number} into a story`} description="The new card links back to this interrupt, which closes as converted." onClose={onClose}>
      <form className="form" onSubmit={submit} data-testid="convert-form">
        <fieldset className="choice-cards" onKeyDown={onChoiceKey}>
          <legend>Onto which board?</legend>
          {TARGETS.map((t) => (
            <label key={t.kind} className="choice-card">
              <input type="radio" name="convert-target" value={t.kind} checked={target === t.kind} onChange={() => setTarget(t.kind)} {...(target === t.kind && { 'data-autofocus': true })} />
              <span className="choice-card__name">
                {t.name} <kbd>{t.key}</kbd>
              </span>
              <span className="choice-card__hint">{t.hint}</span>
            </label>
          ))}
        </fieldset>
        <Field label="Title of the new card">{(p) => <input {...p} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />}</Field>
        <Field label="Type">
          {(p) => (
            <select {...p} value={type} onChange={(e) => setType(e.target.value === 'task' || e.target.value === 'spike' || e.target.value === 'bug' || e.target.value === 'chore' ? e.target.value : 'story')}>
              <option value="story">Story</option>
              <option value="task">Task</option>
              <option value="spike">Spike</option>
              <option value="bug">Bug</option>
              <option value="chore">Chore</option>
            </select>
          )}
        </Field>
        <FormActions submit="Convert" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
