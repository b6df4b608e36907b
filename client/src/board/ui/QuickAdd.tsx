import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { BoardKind, CardTemplate, CardType } from '@opsboard/shared';
import { templatesApi } from '../../api/templates';
import { useBoardEnv } from './board-env';

/** The team's card templates, loaded once when a quick-add opens (empty until then, or when there are none). */
function useTemplates(teamId: string | undefined): CardTemplate[] {
  const [list, setList] = useState<CardTemplate[]>([]);
  useEffect(() => {
    if (!teamId) return;
    let alive = true;
    templatesApi.list(teamId).then(
      (l) => alive && setList(l),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [teamId]);
  return list;
}

/** A title field at the top of a column: Enter adds the card and keeps the field open for the next one. */
export function QuickAdd({ columnId, laneId, columnName, boardKind, onClose }: { columnId: string; laneId: string | null; columnName: string; boardKind: BoardKind; onClose: () => void }) {
  const { controller, team } = useBoardEnv();
  const [title, setTitle] = useState('');
  const templates = useTemplates(team?.team.id);
  const [templateId, setTemplateId] = useState('');
  const template = templates.find((t) => t.id === templateId) ?? null;
  const type: CardType = template?.type ?? (boardKind === 'interrupts' ? 'interrupt' : 'story');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = title.trim();
    if (!text) return;
    const prefill = template ? { description: template.description, labels: template.labels, checklist: template.checklist } : {};
    const added = controller.create(columnId, laneId, text.slice(0, 300), type, prefill);
    setTitle('');
    // Not added (refused, or no reason given for a soft limit): the words come back to try again.
    void added.then((ok) => ok || setTitle((current) => current || text));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <form className="quick-add" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`quick-add-${columnId}`}>
        New card in {columnName}
      </label>
      <textarea
        id={`quick-add-${columnId}`}
        className="quick-add__input"
        value={title}
        rows={2}
        maxLength={300}
        placeholder={`New ${type} title…`}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          onKeyDown(e);
          if (e.key === 'Enter' && !e.shiftKey) submit(e);
        }}
        autoFocus
        data-testid="quick-add-input"
      />
      {templates.length > 0 && (
        <label className="quick-add__template">
          <span>Template</span>
          <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="quick-add-template">
            <option value="">None</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="quick-add__actions">
        <button type="submit" className="button button--primary button--small" disabled={!title.trim()}>
          Add card
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Done
        </button>
      </div>
    </form>
  );
}
