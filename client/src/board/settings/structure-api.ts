/** Columns and swimlanes behind one shape, so one list, row and add form serve both. */
import type { Column, Lane, UpdateColumnBody, WipPolicy } from '@opsboard/shared';
import { boardsApi } from '../../api/boards';

/** A new column or swimlane as the add form reads it; `category` only for columns. */
export type NewItem = UpdateColumnBody & { name: string; wipLimit: number | null; wipPolicy: WipPolicy };

export interface StructureApi<T extends Column | Lane> {
  what: 'column' | 'swimlane';
  /** "Column" / "Swimlane", for labels that start a sentence. */
  title: string;
  plural: string;
  create(item: NewItem, key: string): Promise<T>;
  update(id: string, body: UpdateColumnBody, key: string): Promise<T>;
  position(id: string, afterId: string | null, key: string): Promise<T>;
  archive(id: string, key: string): Promise<T>;
  restore(id: string, key: string): Promise<T>;
  archived(): Promise<T[]>;
}

export function columnApi(boardId: string): StructureApi<Column> {
  return {
    what: 'column',
    title: 'Column',
    plural: 'columns',
    create: ({ category, ...rest }, key) => boardsApi.createColumn(boardId, { ...rest, category: category ?? 'doing' }, key),
    update: (id, body, key) => boardsApi.updateColumn(id, body, key),
    position: (id, afterId, key) => boardsApi.positionColumn(id, afterId, key),
    archive: (id, key) => boardsApi.archiveColumn(id, key),
    restore: (id, key) => boardsApi.restoreColumn(id, key),
    archived: () => boardsApi.archivedColumns(boardId),
  };
}

export function laneApi(boardId: string): StructureApi<Lane> {
  return {
    what: 'swimlane',
    title: 'Swimlane',
    plural: 'swimlanes',
    // Swimlanes have no category; the forms never set one for them.
    create: ({ category: _category, ...rest }, key) => boardsApi.createLane(boardId, rest, key),
    update: (id, { category: _category, ...rest }, key) => boardsApi.updateLane(id, rest, key),
    position: (id, afterId, key) => boardsApi.positionLane(id, afterId, key),
    archive: (id, key) => boardsApi.archiveLane(id, key),
    restore: (id, key) => boardsApi.restoreLane(id, key),
    archived: () => boardsApi.archivedLanes(boardId),
  };
}
