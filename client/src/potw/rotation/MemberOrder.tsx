/**
 * The rotation's order: drag a person by the handle, or use the up and down
 * buttons (the keyboard path; the handle also works with Space and arrows).
 * Remove someone, or add a member who is not in the rotation yet.
 */
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { can, type Member } from '@opsboard/shared';
import { announce } from '../../ui/announcer';
import { Avatar } from '../../ui/Avatar';
import { PotwIcon } from '../icons';
import { moveItem } from './rotation-model';

interface Props {
  ids: readonly string[];
  members: readonly Member[];
  name: (userId: string) => string;
  onChange: (ids: string[]) => void;
}

export function MemberOrder({ ids, members, name, onChange }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const place = (id: unknown) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${name(String(active.id))}, number ${place(active.id)} of ${ids.length}.`,
    onDragOver: ({ active, over }) => (over ? `${name(String(active.id))} would be number ${place(over.id)}.` : undefined),
    onDragEnd: ({ active, over }) => (over ? `${name(String(active.id))} is now number ${place(over.id)} of ${ids.length}.` : `${name(String(active.id))} dropped.`),
    onDragCancel: ({ active }) => `Cancelled; ${name(String(active.id))} stays number ${place(active.id)}.`,
  };

  const move = (from: number, to: number) => {
    const next = moveItem(ids, from, to);
    onChange(next);
    announce(`${name(ids[from]!)} is now number ${Math.max(0, Math.min(ids.length - 1, to)) + 1} of ${ids.length}.`);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(moveItem(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  const outside = members.filter((m) => !ids.includes(m.userId) && can(m.role, 'write')).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div className="member-order">
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: 'Press Space to pick this person up, the arrow keys to move them, Space again to drop, Escape to cancel.' } }}
      >
        <SortableContext items={[...ids]} strategy={verticalListSortingStrategy}>
          <ol className="member-order__list" aria-label="Rotation order" data-testid="rotation-order">
            {ids.map((id, index) => (
              <OrderRow key={id} id={id} index={index} count={ids.length} label={name(id)} onMove={move} onRemove={() => onChange(ids.filter((x) => x !== id))} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {ids.length === 0 && <p className="note note--empty">Nobody is in the rotation: add people below.</p>}
      {outside.length > 0 && (
        <div className="member-order__add">
          <span className="field__label">Not in the rotation</span>
          <ul className="member-order__outside">
            {outside.map((m) => (
              <li key={m.userId}>
                <button type="button" className="button button--small" onClick={() => onChange([...ids, m.userId])}>
                  <PotwIcon name="person" /> Add {m.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

interface RowProps {
  id: string;
  index: number;
  count: number;
  label: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

function OrderRow({ id, index, count, label, onMove, onRemove }: RowProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li ref={setNodeRef} className={`member-order__row${isDragging ? ' member-order__row--dragging' : ''}`} style={{ transform: CSS.Transform.toString(transform), transition }}>
      <button type="button" ref={setActivatorNodeRef} className="icon-button member-order__handle" aria-label={`Drag ${label} to reorder`} {...attributes} {...listeners}>
        <PotwIcon name="grip" />
      </button>
      <span className="member-order__place">{index + 1}</span>
      <Avatar userId={id} name={label} size="sm" />
      <span className="member-order__name">{label}</span>
      <span className="member-order__buttons">
        {/* aria-disabled rather than disabled: a button that moves to the top keeps focus there. */}
        <button type="button" className="icon-button" aria-label={`Move ${label} up`} title="Move up" aria-disabled={index === 0} onClick={() => index > 0 && onMove(index, index - 1)}>
          <PotwIcon name="up" />
        </button>
        <button type="button" className="icon-button" aria-label={`Move ${label} down`} title="Move down" aria-disabled={index === count - 1} onClick={() => index < count - 1 && onMove(index, index + 1)}>
          <PotwIcon name="down" />
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onRemove}>
          Remove
        </button>
      </span>
    </li>
  );
}
