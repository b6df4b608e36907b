/** How a request's state reads to the person who raised or proposed it: one label, one line of detail. */
import type { CardPlace, MyRequest } from '@opsboard/shared';

export type RequestTone = 'waiting' | 'active' | 'done' | 'archived';

export interface RequestStatus {
  tone: RequestTone;
  label: string;
  detail: string;
}

/** "In progress on Planned work". */
export function placeText(p: CardPlace): string {
  return `${p.columnName} on ${p.boardName}`;
}

/** "Dana", "Dana and Casey", "Dana, Alex and Casey", or "Nobody yet". */
export function peopleText(p: CardPlace): string {
  const names = p.assignees.map((a) => a.name);
  if (names.length === 0) return 'Nobody yet';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** Where the work now happens: the story an interrupt became, else the card itself. */
export function currentPlace(r: MyRequest): CardPlace {
  return r.followUp ?? r.card;
}

function byColumn(p: CardPlace, proposed: string): RequestStatus {
  switch (p.columnCategory) {
    case 'backlog':
    case 'inbox':
      return { tone: 'waiting', label: proposed, detail: `In the ${p.boardName} backlog; the product owner ranks it.` };
    case 'todo':
      return { tone: 'active', label: 'Planned', detail: placeText(p) };
    case 'doing':
      return { tone: 'active', label: 'In progress', detail: placeText(p) };
    case 'done':
      return { tone: 'done', label: 'Done', detail: placeText(p) };
  }
}

export function requestStatus(r: MyRequest): RequestStatus {
  const t = r.triage;
  if (t === null) {
    if (r.card.archived) return { tone: 'archived', label: 'Archived', detail: `The team archived it from ${placeText(r.card)}.` };
    return byColumn(r.card, 'Proposed');
  }
  switch (t.status) {
    case 'untriaged':
      return { tone: 'waiting', label: 'Waiting for triage', detail: "In the Person of the Week's inbox." };
    case 'accepted':
      if (r.card.columnCategory === 'done') return { tone: 'done', label: 'Done', detail: placeText(r.card) };
      return { tone: 'active', label: 'Accepted', detail: placeText(r.card) };
    case 'escalated':
      if (r.card.columnCategory === 'done') return { tone: 'done', label: 'Done', detail: placeText(r.card) };
      return { tone: 'active', label: `Escalated to ${t.escalatedTo?.name ?? 'a team member'}`, detail: placeText(r.card) };
    case 'converted': {
      const story = r.followUp;
      if (!story) return { tone: 'active', label: 'Turned into a story', detail: 'The story is on the team’s boards.' };
      const state = byColumn(story, 'Turned into a story');
      return { ...state, label: `Story #${story.number}: ${state.label === 'Turned into a story' ? 'in the backlog' : state.label.toLowerCase()}` };
    }
    case 'duplicate':
      return {
        tone: 'done',
        label: t.duplicateOfNumber !== null ? `Duplicate of #${t.duplicateOfNumber}` : 'Marked a duplicate',
        detail: 'The team works on it under the earlier card.',
      };
    case 'closed':
      return { tone: 'done', label: 'Closed', detail: t.resolution ?? 'Closed by the Person of the Week.' };
  }
}
