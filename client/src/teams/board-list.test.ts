import type { Board } from '@opsboard/shared';
import { describe, expect, it } from 'vitest';
import { board } from '../board/store/testing/fixtures';
import { splitBoards, upsertBoard } from './board-list';

const b = (id: string, rank: string, archivedAt: string | null = null): Board => ({ ...board(), id, name: id, rank, archivedAt });

describe('team board list', () => {
  it('splits live boards in rank order from archived ones, newest archived first', () => {
    const list = [b('ssa', 'a2'), b('old', 'a0', '2025-01-01T00:00:00.000Z'), b('planned', 'a1'), b('older', 'a3', '2024-06-01T00:00:00.000Z'), b('interrupts', 'a0V')];
    const { live, archived } = splitBoards(list);
    expect(live.map((x) => x.id)).toEqual(['interrupts', 'planned', 'ssa']);
    expect(archived.map((x) => x.id)).toEqual(['old', 'older']);
  });

  it('replaces a board with its newer copy from the stream, or adds it', () => {
    const list = [b('planned', 'a1'), b('ssa', 'a2')];
    const archived = upsertBoard(list, b('ssa', 'a2', '2025-01-01T00:00:00.000Z'));
    expect(splitBoards(archived).archived.map((x) => x.id)).toEqual(['ssa']);
    expect(upsertBoard(list, b('new', 'a3')).map((x) => x.id)).toEqual(['planned', 'ssa', 'new']);
    expect(list.map((x) => x.archivedAt)).toEqual([null, null]);
  });
});
