import { describe, expect, it } from 'vitest';
import type { CardPlace, MyRequest, RequestTriage } from '@opsboard/shared';
import { currentPlace, peopleText, requestStatus } from './request-words';

const place = (over: Partial<CardPlace> = {}): CardPlace => ({
  cardId: 'c1',
  number: 7,
  title: 'VPN drops',
  boardKind: 'interrupts',
  boardName: 'Interrupts',
  columnId: 'col',
  columnName: 'Inbox',
  columnCategory: 'inbox',
  assignees: [],
  archived: false,
  updatedAt: '2026-11-25T09:00:00.000Z',
  ...over,
});
const triage = (over: Partial<RequestTriage>): RequestTriage => ({
  status: 'untriaged',
  severity: 'medium',
  triagedAt: null,
  escalatedTo: null,
  resolution: null,
  duplicateOfNumber: null,
  resolvedBySourceAt: null,
  ...over,
});
const interrupt = (t: Partial<RequestTriage>, card: Partial<CardPlace> = {}, followUp: CardPlace | null = null): MyRequest => ({
  kind: 'interrupt',
  card: place(card),
  createdAt: '2026-11-25T09:00:00.000Z',
  triage: triage(t),
  followUp,
});
const proposal = (card: Partial<CardPlace>): MyRequest => ({
  kind: 'proposal',
  card: place({ boardKind: 'planned', boardName: 'Planned work', columnName: 'Backlog', columnCategory: 'backlog', ...card }),
  createdAt: '2026-11-25T09:00:00.000Z',
  triage: null,
  followUp: null,
});

describe('request words', () => {
  it('an interrupt through triage: waiting, accepted where it is, escalated to whom, closed with the resolution', () => {
    expect(requestStatus(interrupt({}))).toMatchObject({ tone: 'waiting', label: 'Waiting for triage' });
    expect(requestStatus(interrupt({ status: 'accepted' }, { columnName: 'Accepted', columnCategory: 'todo' }))).toEqual({ tone: 'active', label: 'Accepted', detail: 'Accepted on Interrupts' });
    expect(requestStatus(interrupt({ status: 'accepted' }, { columnName: 'Done', columnCategory: 'done' })).label).toBe('Done');
    expect(requestStatus(interrupt({ status: 'escalated', escalatedTo: { userId: 'u', name: 'Dana' } }, { columnName: 'Accepted', columnCategory: 'todo' })).label).toBe('Escalated to Dana');
    expect(requestStatus(interrupt({ status: 'closed', resolution: 'Certificate renewed' }))).toEqual({ tone: 'done', label: 'Closed', detail: 'Certificate renewed' });
    expect(requestStatus(interrupt({ status: 'duplicate', duplicateOfNumber: 3 })).label).toBe('Duplicate of #3');
  });

  it('a converted interrupt follows its story', () => {
    const story = place({ number: 12, boardKind: 'selfservice', boardName: 'SS&A', columnName: 'Backlog', columnCategory: 'backlog', assignees: [{ userId: 'a', name: 'Alex' }] });
    const item = interrupt({ status: 'converted' }, { columnCategory: 'done', columnName: 'Done' }, story);
    expect(requestStatus(item)).toMatchObject({ tone: 'waiting', label: 'Story #12: in the backlog' });
    expect(requestStatus({ ...item, followUp: { ...story, columnName: 'In progress', columnCategory: 'doing' } })).toMatchObject({ tone: 'active', label: 'Story #12: in progress', detail: 'In progress on SS&A' });
    expect(currentPlace(item)).toBe(story);
  });

  it('a proposal reads by its column; archived says so', () => {
    expect(requestStatus(proposal({}))).toEqual({ tone: 'waiting', label: 'Proposed', detail: 'In the Planned work backlog; the product owner ranks it.' });
    expect(requestStatus(proposal({ columnName: 'Ready', columnCategory: 'todo' })).label).toBe('Planned');
    expect(requestStatus(proposal({ columnName: 'Review', columnCategory: 'doing' })).label).toBe('In progress');
    expect(requestStatus(proposal({ columnName: 'Done', columnCategory: 'done' })).tone).toBe('done');
    expect(requestStatus(proposal({ archived: true })).label).toBe('Archived');
  });

  it('names who is on it', () => {
    expect(peopleText(place())).toBe('Nobody yet');
    expect(peopleText(place({ assignees: [{ userId: 'a', name: 'Dana' }] }))).toBe('Dana');
    expect(peopleText(place({ assignees: ['Dana', 'Alex', 'Casey'].map((name) => ({ userId: name, name })) }))).toBe('Dana, Alex and Casey');
  });
});
