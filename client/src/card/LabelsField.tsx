import { useState } from 'react';
import { Icon } from '../ui/Icon';

/** Labels as chips; type and press Enter (or a comma) to add one. Suggestions come from the board's other labels. */
export function LabelsField({ labels, known, editable, onChange }: { labels: string[]; known: string[]; editable: boolean; onChange: (labels: string[]) => void }) {
  const [text, setText] = useState('');
  const add = () => {
    const label = text.trim().replace(/,$/, '').slice(0, 40);
    setText('');
    if (!label || labels.includes(label) || labels.length >= 20) return;
    onChange([...labels, label]);
  };
  return (
    <div className="labels-field">
      {labels.map((l) => (
        <span key={l} className="label-chip label-chip--removable">
          {l}
          {editable && (
            <button type="button" aria-label={`Remove label ${l}`} onClick={() => onChange(labels.filter((x) => x !== l))}>
              <Icon name="close" />
            </button>
          )}
        </span>
      ))}
      {labels.length === 0 && !editable && <span className="muted">None</span>}
      {editable && (
        <>
          <input
            className="labels-field__input"
            aria-label="Add a label"
            placeholder="Add label"
            list="board-labels"
            value={text}
            maxLength={41}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                add();
              }
            }}
            onBlur={() => text.trim() && add()}
          />
          <datalist id="board-labels">
            {known
              .filter((k) => !labels.includes(k))
              .map((k) => (
                <option key={k} value={k} />
              ))}
          </datalist>
        </>
      )}
    </div>
  );
}
