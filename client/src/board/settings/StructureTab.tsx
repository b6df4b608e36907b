/** The columns (or swimlanes) tab: the live ones in board order, a form to add one, and the archived ones to restore. */
import { useRef, type ReactNode } from 'react';
import type { Column, Lane } from '@opsboard/shared';
import { usePendingFocus } from '../../ui/use-pending-focus';
import { AddItemForm } from './AddItemForm';
import { ArchivedItems } from './ArchivedItems';
import { ItemRow } from './ItemRow';
import { rowSelector } from './settings-model';
import type { StructureApi } from './structure-api';

interface Props<T extends Column | Lane> {
  items: readonly T[];
  /** Live cards per item id. */
  cards: ReadonlyMap<string, number>;
  api: StructureApi<T>;
  structure: string;
  intro: ReactNode;
}

export function StructureTab<T extends Column | Lane>({ items, cards, api, structure, intro }: Props<T>) {
  const root = useRef<HTMLDivElement>(null);
  const focusLater = usePendingFocus(root);
  const ids = items.map((i) => i.id);
  return (
    <div ref={root} className="settings-structure">
      {intro}
      {items.length > 0 && (
        <div className={`settings-items--${api.what === 'column' ? 'columns' : 'lanes'}`}>
          <div className="settings-items__head" aria-hidden="true">
            <span>#</span>
            <span>Name</span>
            {api.what === 'column' && <span>Category</span>}
            <span>WIP limit</span>
            <span>Policy</span>
            <span />
          </div>
          <ol className="settings-items" aria-label={`${api.title}s in board order`} data-testid={`${api.what}-list`}>
            {items.map((item, index) => {
              const neighbour = ids[index + 1] ?? ids[index - 1];
              return (
                <ItemRow
                  key={item.id}
                  item={item}
                  index={index}
                  ids={ids}
                  cards={cards.get(item.id) ?? 0}
                  api={api}
                  afterArchiveFocus={neighbour ? rowSelector(neighbour) : '[data-add-name]'}
                  focusLater={focusLater}
                />
              );
            })}
          </ol>
        </div>
      )}
      <AddItemForm api={api} />
      <ArchivedItems api={api} structure={structure} focusLater={focusLater} />
    </div>
  );
}
