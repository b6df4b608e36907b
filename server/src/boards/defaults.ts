import type { BoardKind, ColumnCategory, WipPolicy } from '@opsboard/shared';

export interface ColumnTemplate {
  name: string;
  category: ColumnCategory;
  wipLimit?: number | null | undefined;
  wipPolicy?: WipPolicy | undefined;
}

/**
 * Starting columns per board kind. Planned work is Scrum-ban with pairs, the
 * interrupts board starts at the PoTW's inbox, and SS&A keeps at least one
 * pair busy (limit 2 in progress holds a pair's focus).
 */
export const DEFAULT_COLUMNS: Record<BoardKind, ColumnTemplate[]> = {
  planned: [
    { name: 'Backlog', category: 'backlog' },
    { name: 'Ready', category: 'todo', wipLimit: 10, wipPolicy: 'warn' },
    { name: 'In progress', category: 'doing', wipLimit: 4, wipPolicy: 'block' },
    { name: 'Review', category: 'doing', wipLimit: 3, wipPolicy: 'warn' },
    { name: 'Done', category: 'done' },
  ],
  interrupts: [
    { name: 'Inbox', category: 'inbox' },
    { name: 'Accepted', category: 'todo', wipLimit: 8, wipPolicy: 'warn' },
    { name: 'In progress', category: 'doing', wipLimit: 3, wipPolicy: 'block' },
    { name: 'Waiting', category: 'doing', wipLimit: 5, wipPolicy: 'warn' },
    { name: 'Done', category: 'done' },
  ],
  selfservice: [
    { name: 'Backlog', category: 'backlog' },
    { name: 'Ready', category: 'todo', wipLimit: 6, wipPolicy: 'warn' },
    { name: 'In progress', category: 'doing', wipLimit: 2, wipPolicy: 'block' },
    { name: 'Review', category: 'doing', wipLimit: 2, wipPolicy: 'warn' },
    { name: 'Done', category: 'done' },
  ],
};

export const DEFAULT_BOARD_NAMES: Record<BoardKind, string> = {
  planned: 'Planned work',
  interrupts: 'Interrupts',
  selfservice: 'Self-service & automation',
};

export const BOARD_KIND_ORDER: readonly BoardKind[] = ['planned', 'interrupts', 'selfservice'];
