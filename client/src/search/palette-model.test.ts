import { describe, expect, it } from 'vitest';
import { localScore, moveActive, paletteResults, type PaletteEntry } from './palette-model';

const e = (id: string, kind: PaletteEntry['kind'], label: string, detail = '', keywords?: string): PaletteEntry => ({ id, kind, label, detail, ...(keywords && { keywords }) });
const local = [
  e('a1', 'action', 'Raise an interrupt', 'Platform'),
  e('a2', 'action', 'Go to Person of the Week', 'Platform'),
  e('b1', 'board', 'Interrupts', 'Platform'),
  e('t1', 'team', 'Platform'),
  e('p1', 'person', 'Priya Raman', 'Platform', 'priya@example.test'),
];

describe('palette results', () => {
  it('shows only actions before anything is typed', () => {
    expect(paletteResults(local, [], '  ').map((x) => x.id)).toEqual(['a1', 'a2']);
  });
  it('groups actions, cards, boards, teams and people, in that order', () => {
    const card = e('c1', 'card', '#4 Interrupt storm', 'Platform · Interrupts');
    expect(paletteResults(local, [card], 'interrupt').map((x) => x.id)).toEqual(['a1', 'c1', 'b1']);
  });
  it('needs every word, finds people by e-mail, and ranks a label start first', () => {
    expect(paletteResults(local, [], 'go week').map((x) => x.id)).toEqual(['a2']);
    expect(paletteResults(local, [], 'priya@').map((x) => x.id)).toEqual(['p1']);
    expect(localScore(local[2]!, ['int'])! > localScore(local[0]!, ['int'])!).toBe(true);
  });
});

describe('moving the active option', () => {
  it('wraps with the arrows and jumps with Home and End', () => {
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(1, 3, 'End')).toBe(2);
    expect(moveActive(1, 0, 'ArrowDown')).toBe(-1);
  });
});
