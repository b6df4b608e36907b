import { useEffect, useState } from 'react';
import { REACTIONS, type Comment, type Member, type Reaction } from '@opsboard/shared';
import { conversationApi } from '../api/conversation';
import { plainMessage } from '../api/errors';
import type { BoardStore } from '../board/store/board-store';
import { useMarkdown } from '../card/use-markdown';
import { newKey } from '../lib/ids';
import { formatDateTime } from '../lib/time';
import { applyCommentEvent, upsertComment } from './comment-list';
import { MentionTextarea } from './MentionTextarea';
import { WatchButton } from './WatchButton';
import '../styles/conversation.css';

interface Props {
  cardId: string;
  store: BoardStore;
  selfId: string;
  people: ReadonlyMap<string, Member>;
  /** May comment and react (member, po, admin). */
  canWrite: boolean;
  /** A team admin edits and deletes any comment. */
  isAdmin: boolean;
}

/** A card's comments, live: new, edited and deleted comments and reactions arrive through the board stream. */
export function CommentsSection({ cardId, store, selfId, people, canWrite, isAdmin }: Props) {
  const [comments, setComments] = useState<readonly Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const members = [...people.values()];

  useEffect(() => {
    let alive = true;
    // Subscribe first: an event that lands while the list loads is folded in afterwards.
    const missed: Parameters<typeof applyCommentEvent>[2][] = [];
    const off = store.onEvent((event) => {
      if (!alive) return;
      setComments((list) => {
        if (list === null) {
          missed.push(event);
          return list;
        }
        return applyCommentEvent(list, cardId, event);
      });
    });
    conversationApi.comments(cardId).then(
      (list) => alive && setComments(missed.reduce<readonly Comment[]>((l, e) => applyCommentEvent(l, cardId, e), list)),
      (err: unknown) => alive && setError(plainMessage(err)),
    );
    return () => {
      alive = false;
      off();
    };
  }, [cardId, store]);

  const send = async () => {
    if (draft.trim() === '' || sending) return;
    setSending(true);
    try {
      const created = await conversationApi.create(cardId, draft, newKey('comment'));
      setComments((list) => upsertComment(list ?? [], created));
      setDraft('');
      setError(null);
    } catch (err) {
      setError(plainMessage(err));
    } finally {
      setSending(false);
    }
  };
  const act = async (work: () => Promise<Comment | null>, removeId?: string) => {
    try {
      const changed = await work();
      setComments((list) => (changed ? upsertComment(list ?? [], changed) : (list ?? []).filter((c) => c.id !== removeId)));
      setError(null);
    } catch (err) {
      setError(plainMessage(err));
    }
  };
  const name = (id: string | null) => (id === null ? 'a former member' : (people.get(id)?.name ?? (people.size === 0 ? '…' : 'a former member')));

  return (
    <section className="card-section" aria-labelledby="comments-heading" data-testid="comments">
      <div className="card-section__head">
        <h3 id="comments-heading">Comments{comments && comments.length > 0 ? ` (${comments.length})` : ''}</h3>
        <WatchButton cardId={cardId} />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {!comments && !error && <p className="muted">Loading comments…</p>}
      {comments && (
        <ol className="comments">
          {comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              author={name(c.authorId)}
              selfId={selfId}
              members={members}
              canReact={canWrite}
              canChange={canWrite && (c.authorId === selfId || isAdmin)}
              onEdit={(body) => act(() => conversationApi.edit(cardId, c.id, body, newKey('comment-edit')))}
              onDelete={() => act(async () => (await conversationApi.remove(cardId, c.id, newKey('comment-delete')), null), c.id)}
              onReact={(emoji) => act(() => conversationApi.react(cardId, c.id, emoji, newKey('react')))}
            />
          ))}
        </ol>
      )}
      {canWrite && (
        <div className="comment-composer">
          <MentionTextarea value={draft} onChange={setDraft} members={members} label="Add a comment (Markdown, @ to mention)" onSubmit={() => void send()} testId="comment-input" />
          <div className="form__actions">
            <button type="button" className="button button--primary button--small" disabled={sending || draft.trim() === ''} onClick={() => void send()}>
              Comment
            </button>
            <span className="muted">Markdown; type @ to mention someone. Ctrl+Enter sends.</span>
          </div>
        </div>
      )}
    </section>
  );
}

interface ItemProps {
  comment: Comment;
  author: string;
  selfId: string;
  members: readonly Member[];
  canReact: boolean;
  canChange: boolean;
  onEdit: (body: string) => Promise<void>;
  onDelete: () => Promise<void>;
  onReact: (emoji: Reaction) => Promise<void>;
}

function CommentItem({ comment, author, selfId, members, canReact, canChange, onEdit, onDelete, onReact }: ItemProps) {
  const html = useMarkdown(comment.body);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [picking, setPicking] = useState(false);
  const save = async () => {
    if (draft.trim() === '') return;
    await onEdit(draft);
    setEditing(false);
  };
  const shown = canReact ? REACTIONS.filter((e) => picking || comment.reactions.some((r) => r.emoji === e)) : comment.reactions.map((r) => r.emoji);
  return (
    <li className="comment" data-testid="comment">
      <p className="comment__meta">
        <strong>{author}</strong>{' '}
        <time dateTime={comment.createdAt} className="muted">
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.editedAt && <span className="muted"> · edited</span>}
      </p>
      {editing ? (
        <>
          <MentionTextarea
            value={draft}
            onChange={setDraft}
            members={members}
            label="Edit the comment"
            onSubmit={() => void save()}
            onCancel={() => {
              setDraft(comment.body);
              setEditing(false);
            }}
            autoFocus
          />
          <div className="form__actions">
            <button type="button" className="button button--primary button--small" onClick={() => void save()}>
              Save
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setDraft(comment.body);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </>
      ) : (
        <div className="markdown comment__body" dangerouslySetInnerHTML={{ __html: html ?? '' }} />
      )}
      <div className="comment__actions">
        <span className="reactions" role="group" aria-label="Reactions">
          {shown.map((emoji) => {
            const userIds = comment.reactions.find((r) => r.emoji === emoji)?.userIds ?? [];
            const mine = userIds.includes(selfId);
            return (
              <button
                key={emoji}
                type="button"
                className="reaction"
                aria-pressed={mine}
                disabled={!canReact}
                aria-label={`${emoji} ${userIds.length}${mine ? ', yours' : ''}`}
                onClick={() => {
                  setPicking(false);
                  void onReact(emoji);
                }}
              >
                {emoji}
                {userIds.length > 0 && <span className="reaction__count">{userIds.length}</span>}
              </button>
            );
          })}
          {canReact && !picking && (
            <button type="button" className="reaction reaction--add" aria-label="Add a reaction" onClick={() => setPicking(true)}>
              +☺
            </button>
          )}
        </span>
        {canChange && !editing && (
          <>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                setDraft(comment.body);
                setEditing(true);
              }}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => {
                if (window.confirm('Delete this comment? It stays in the card history as deleted.')) void onDelete();
              }}
            >
              Delete
            </button>
          </>
        )}
      </div>
    </li>
  );
}
