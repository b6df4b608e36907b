import { describe, expect, it } from 'vitest';
import type { BoardEvent, Comment } from '@opsboard/shared';
import { applyCommentEvent } from './comment-list';

const CARD = '00000000-0000-4000-8000-00000000ca01';
const comment = (id: string, at: string, cardId = CARD): Comment => ({ id, cardId, authorId: null, body: id, mentionIds: [], reactions: [], createdAt: at, editedAt: null });
const envelope = { streamId: 'b', seq: 1, actorId: null, clientMutationId: null, at: '2026-12-01T00:00:00.000Z' };

describe('applyCommentEvent', () => {
  it('adds in time order, replaces edits, removes deletions, and ignores other cards', () => {
    let list: readonly Comment[] = [comment('b', '2026-12-01T10:00:00.000Z')];
    list = applyCommentEvent(list, CARD, { ...envelope, type: 'comment.created', payload: { comment: comment('a', '2026-12-01T09:00:00.000Z') } } as BoardEvent);
    expect(list.map((c) => c.id)).toEqual(['a', 'b']);
    list = applyCommentEvent(list, CARD, { ...envelope, type: 'comment.edited', payload: { comment: { ...comment('a', '2026-12-01T09:00:00.000Z'), body: 'new' }, previousBody: 'a' } } as BoardEvent);
    expect(list[0]!.body).toBe('new');
    const same = applyCommentEvent(list, CARD, { ...envelope, type: 'comment.created', payload: { comment: comment('x', '2026-12-01T09:00:00.000Z', 'other') } } as BoardEvent);
    expect(same).toBe(list);
    list = applyCommentEvent(list, CARD, { ...envelope, type: 'comment.deleted', payload: { commentId: 'a', cardId: CARD, authorId: null } } as BoardEvent);
    expect(list.map((c) => c.id)).toEqual(['b']);
  });
});
