import type { Card } from '@opsboard/shared';
import { useDraft } from './use-draft';

export function TitleField({ card, editable, onSave, labelId }: { card: Card; editable: boolean; onSave: (title: string) => void; labelId: string }) {
  const title = useDraft(card.title);
  const commit = () => {
    const text = title.draft.trim();
    if (text && text !== card.title) onSave(text.slice(0, 300));
    title.reset();
  };
  if (!editable) {
    return (
      <h2 id={labelId} className="card-panel__title">
        {card.title}
      </h2>
    );
  }
  return (
    <div className="card-panel__title-field">
      <h2 id={labelId} className="visually-hidden">
        {card.title}
      </h2>
      <textarea
        className="card-panel__title-input"
        aria-label="Title"
        value={title.draft}
        rows={2}
        maxLength={300}
        onChange={(e) => title.set(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
            e.currentTarget.blur();
          } else if (e.key === 'Escape' && title.dirty) {
            e.preventDefault();
            e.stopPropagation();
            title.reset();
          }
        }}
      />
      {title.stale && <p className="field__hint">Someone changed the title meanwhile: “{card.title}”. Saving keeps yours.</p>}
    </div>
  );
}
