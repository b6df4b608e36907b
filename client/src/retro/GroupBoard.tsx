/**
 * Grouping: notes are dragged onto themes (mouse or touch via dnd-kit; the
 * keyboard picks a note up with space on its grip and drops it with space on
 * the theme the arrow keys reach) — and every note also has a plain theme
 * menu, so nobody needs to drag at all.
 */
import { DndContext, KeyboardSensor, MouseSensor, TouchSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { useState, type FormEvent } from 'react';
import type { RetroNote, RetroView } from '@opsboard/shared';
import { retroApi } from './api';
import { QUADRANT_LABEL } from './labels';

type Run = (label: string, fn: () => Promise<unknown>) => Promise<unknown>;
const UNGROUPED = 'ungrouped';

export function GroupBoard({ view, run, name }: { view: RetroView; run: Run; name: (id: string | null) => string }) {
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 6 } }), useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 5 } }), useSensor(KeyboardSensor));
  const [title, setTitle] = useState('');
  const move = (noteId: string, themeId: string | null) => void run('Could not group the note', () => retroApi.group(noteId, themeId));
  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over) return;
    const target = String(e.over.id);
    const note = view.notes.find((n) => n.id === String(e.active.id));
    const themeId = target === UNGROUPED ? null : target;
    if (note && note.themeId !== themeId) move(note.id, themeId);
  };
  const addTheme = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    void run('Could not add the theme', async () => {
      await retroApi.theme(view.retro.id, title.trim());
      setTitle('');
    });
  };
  const zones = [{ id: UNGROUPED, title: 'Not grouped yet' }, ...view.themes.map((t) => ({ id: t.id, title: t.title }))];
  return (
    <section className="section" aria-labelledby="group-heading">
      <h2 id="group-heading">Group</h2>
      {!view.readOnly && (
        <form onSubmit={addTheme} className="retro-controls">
          <label className="field">
            New theme
            <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} data-testid="theme-title" />
          </label>
          <button type="submit" className="button" data-testid="theme-add">
            Add theme
          </button>
        </form>
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="retro-zones">
          {zones.map((z) => (
            <Zone key={z.id} id={z.id} title={z.title}>
              {view.notes
                .filter((n) => (n.themeId ?? UNGROUPED) === z.id)
                .map((n) => (
                  <NoteChip key={n.id} note={n} view={view} name={name} onMove={move} />
                ))}
            </Zone>
          ))}
        </div>
      </DndContext>
    </section>
  );
}

function Zone({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div ref={setNodeRef} className={`retro-zone${isOver ? ' retro-zone--over' : ''}`} data-testid={`zone-${id === UNGROUPED ? 'ungrouped' : title}`}>
      <h3>{title}</h3>
      <ul className="retro-notes">{children}</ul>
    </div>
  );
}

function NoteChip({ note, view, name, onMove }: { note: RetroNote; view: RetroView; name: (id: string | null) => string; onMove: (noteId: string, themeId: string | null) => void }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: note.id, disabled: view.readOnly });
  const style = transform ? { transform: `translate(${transform.x}px, ${transform.y}px)` } : undefined;
  return (
    <li ref={setNodeRef} style={style} className={`retro-note${isDragging ? ' retro-note--dragging' : ''}`} data-testid="group-note">
      <button type="button" className="button button--quiet retro-grip" aria-label={`Drag note: ${note.text}`} {...attributes} {...listeners}>
        ⠿
      </button>
      <span className="retro-chip">{QUADRANT_LABEL[note.quadrant]}</span> {note.text} <small>— {name(note.authorId)}</small>
      {!view.readOnly && (
        <select aria-label={`Theme of: ${note.text}`} value={note.themeId ?? ''} onChange={(e) => onMove(note.id, e.target.value || null)} data-testid="note-theme">
          <option value="">No theme</option>
          {view.themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.title}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}
