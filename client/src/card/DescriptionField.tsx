import { useEffect, useRef, useState } from 'react';
import type { Card } from '@opsboard/shared';
import { useMarkdown } from './use-markdown';
import { useDraft } from './use-draft';

/** Markdown description: rendered when reading, a text area with a preview tab when editing. */
export function DescriptionField({ card, editable, onSave }: { card: Card; editable: boolean; onSave: (text: string) => void }) {
  const text = useDraft(card.description);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const preview = useMarkdown(editing ? text.draft : card.description);
  const editButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  useEffect(() => {
    // Back from the editor: focus goes to the Edit button, not to the page.
    if (!editing && returnFocus) editButton.current?.focus();
  }, [editing, returnFocus]);

  const save = () => {
    if (text.draft !== card.description) onSave(text.draft);
    text.reset();
    setEditing(false);
    setReturnFocus(true);
  };
  const cancel = () => {
    text.reset();
    setEditing(false);
    setReturnFocus(true);
  };

  if (!editing) {
    return (
      <section className="card-section" aria-labelledby="desc-heading">
        <div className="card-section__head">
          <h3 id="desc-heading">Description</h3>
          {editable && (
            <button ref={editButton} type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
        </div>
        {card.description.trim() ? (
          <div className="markdown" dangerouslySetInnerHTML={{ __html: preview ?? '' }} />
        ) : (
          <p className="muted">{editable ? 'No description yet. Use Edit to add what, why and how to check it is done.' : 'No description.'}</p>
        )}
      </section>
    );
  }

  return (
    <section className="card-section" aria-labelledby="desc-heading">
      <div className="card-section__head">
        <h3 id="desc-heading">Description</h3>
        <div className="tabs" role="tablist" aria-label="Description editor">
          <button type="button" role="tab" aria-selected={tab === 'write'} className="tabs__tab" onClick={() => setTab('write')}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={tab === 'preview'} className="tabs__tab" onClick={() => setTab('preview')}>
            Preview
          </button>
        </div>
      </div>
      {tab === 'write' ? (
        <textarea
          className="markdown-input"
          aria-label="Description (Markdown)"
          value={text.draft}
          rows={10}
          maxLength={20_000}
          onChange={(e) => text.set(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              cancel();
            }
          }}
          autoFocus
        />
      ) : (
        <div className="markdown markdown--preview" dangerouslySetInnerHTML={{ __html: preview ?? '' }} />
      )}
      {text.stale && <p className="field__hint">Someone changed the description while you were editing. Saving replaces their text with yours.</p>}
      <div className="form__actions">
        <button type="button" className="button button--primary button--small" onClick={save}>
          Save
        </button>
        <button type="button" className="button button--small" onClick={cancel}>
          Cancel
        </button>
        <span className="muted">Markdown: **bold**, - lists, [links](https://…). Ctrl+Enter saves.</span>
      </div>
    </section>
  );
}
