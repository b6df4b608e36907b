/** e: escalate to a named person. Pick them (type, arrows, Enter), add a note if it helps, Enter again. */
import { useState, type FormEvent } from 'react';
import { can, type Member, type TriageBody } from '@opsboard/shared';
import { Avatar } from '../../ui/Avatar';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { PickList } from './PickList';
import type { QueueItem } from './queue';

interface Props {
  item: QueueItem;
  members: readonly Member[];
  selfId: string;
  onSubmit: (body: TriageBody, done: string) => void;
  onClose: () => void;
}

export function EscalateDialog({ item, members, selfId, onSubmit, onClose }: Props) {
  const [person, setPerson] = useState<Member | null>(null);
  const [note, setNote] = useState('');
  // Viewers cannot work on cards, and escalating to yourself is just accepting.
  const people = members.filter((m) => m.userId !== selfId && can(m.role, 'write')).sort((a, b) => a.name.localeCompare(b.name));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!person) return;
    onSubmit({ action: 'escalate', userId: person.userId, ...(note.trim() && { note: note.trim() }) }, `Escalated #${item.card.number} to ${person.name}; they have been notified.`);
  };

  return (
    <Dialog title={`Escalate #${item.card.number}`} description={item.card.title} onClose={onClose} size="sm">
      {person === null ? (
        <PickList
          label="Escalate to"
          items={people}
          keyOf={(m) => m.userId}
          textOf={(m) => `${m.name}, ${m.role}`}
          match={(m, q) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q)}
          render={(m) => (
            <span className="person">
              <Avatar userId={m.userId} name={m.name} size="sm" />
              {m.name}
              <span className="muted">{m.role}</span>
            </span>
          )}
          onPick={setPerson}
          placeholder="Type a name"
          empty="Nobody matches. Only members who can work on cards are listed."
        />
      ) : (
        <form className="form" onSubmit={submit} data-testid="escalate-form">
          <p className="person">
            <Avatar userId={person.userId} name={person.name} />
            <strong>{person.name}</strong>
            <button type="button" className="button button--small button--quiet" onClick={() => setPerson(null)}>
              Change
            </button>
          </p>
          {/* The note takes focus as this step appears, so a second Enter confirms the person. */}
          <Field label="Note for them (optional)" hint="Enter escalates; they are notified in opsboard.">
            {(p) => <input {...p} autoFocus value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. You set up this VPN; can you look today?" />}
          </Field>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              Escalate to {person.name}
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
