/** "New action": a title, an owner (a member, po or admin) and the board its card goes on; shared by retros and postmortems. */
import { useState, type FormEvent } from 'react';
import type { Member } from '@opsboard/shared';

export type ActionBoard = 'planned' | 'selfservice';

interface Props {
  members: ReadonlyMap<string, Member>;
  /** Adds the action; resolves true when it was added (the title is then cleared). */
  onAdd: (action: { title: string; ownerId: string; board: ActionBoard }) => Promise<boolean>;
  heading: string;
  submitLabel: string;
  defaultBoard: ActionBoard;
  /** Prefix of the fields' test ids ("action" gives action-title, action-owner, action-board, action-add). */
  testIds: string;
}

export function ActionForm({ members, onAdd, heading, submitLabel, defaultBoard, testIds }: Props) {
  const people = [...members.values()].filter((m) => m.role === 'admin' || m.role === 'po' || m.role === 'member');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [board, setBoard] = useState<ActionBoard>(defaultBoard);
  const headingId = `${testIds}-form-heading`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const owner = ownerId || people[0]?.userId;
    if (!title.trim() || !owner) return;
    void onAdd({ title: title.trim(), ownerId: owner, board }).then((added) => added && setTitle(''));
  };
  return (
    <form className="section retro-action-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <label className="field">
        Action
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} required data-testid={`${testIds}-title`} />
      </label>
      <label className="field">
        Owner
        <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)} data-testid={`${testIds}-owner`}>
          {people.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Board
        <select value={board} onChange={(e) => setBoard(e.target.value as ActionBoard)} data-testid={`${testIds}-board`}>
          <option value="planned">Planned</option>
          <option value="selfservice">SS&amp;A</option>
        </select>
      </label>
      <button type="submit" className="button button--primary" data-testid={`${testIds}-add`}>
        {submitLabel}
      </button>
    </form>
  );
}
