import { describe, expect, it } from 'vitest';
import { interrupt, interruptsState } from '../testing/fixtures';
import { KeyGuard } from '../../ui/shortcuts';
import { typeInto } from '../../ui/testing/keys';
import { cardMatches, commandAllowed, moveSelection, selectionAfter, triageCommand, triageQueue, type CommandContext } from './queue';

const none = { ctrl: false, alt: false, meta: false };

describe('triageQueue', () => {
  it('lists only untriaged interrupts, oldest first, without the ones this tab just triaged', () => {
    const state = interruptsState([
      interrupt('new', { receivedAt: '2026-11-22T09:00:00.000Z' }),
      interrupt('old', { receivedAt: '2026-11-20T09:00:00.000Z' }),
      interrupt('done', { status: 'accepted' }),
      interrupt('mine', { receivedAt: '2026-11-21T09:00:00.000Z' }),
    ]);
    expect(triageQueue(state).map((q) => q.card.id)).toEqual(['old', 'mine', 'new']);
    expect(triageQueue(state, new Set(['mine'])).map((q) => q.card.id)).toEqual(['old', 'new']);
  });

  it('leaves out interrupts whose card has left the board', () => {
    const state = interruptsState([interrupt('a'), interrupt('b')]);
    const cards = new Map(state.cards);
    cards.delete('b');
    expect(triageQueue({ ...state, cards }).map((q) => q.card.id)).toEqual(['a']);
  });
});

describe('selection', () => {
  it('stays on its item while it is there', () => {
    expect(selectionAfter(['a', 'b', 'c'], ['z', 'a', 'b', 'c'], 'b')).toBe('b');
  });

  it('moves to the next item when its own leaves, and to the previous one at the end', () => {
    expect(selectionAfter(['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('c');
    expect(selectionAfter(['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('b');
    expect(selectionAfter(['a', 'b', 'c', 'd'], ['a', 'd'], 'b')).toBe('d');
  });

  it('starts at the first item, and is empty with an empty list', () => {
    expect(selectionAfter([], ['a', 'b'], null)).toBe('a');
    expect(selectionAfter(['a'], [], 'a')).toBeNull();
  });

  it('moves by steps, clamped at both ends, and jumps to first or last', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
    expect(moveSelection(ids, 'b', 'last')).toBe('c');
    expect(moveSelection(ids, null, 1)).toBe('a');
    expect(moveSelection([], 'a', 1)).toBeNull();
  });
});

describe('triage keys', () => {
  it('maps single keys to moves, actions and severities', () => {
    expect(triageCommand('j', none)).toEqual({ kind: 'move', delta: 1 });
    expect(triageCommand('ArrowUp', none)).toEqual({ kind: 'move', delta: -1 });
    expect(triageCommand('a', none)).toEqual({ kind: 'action', action: 'accept' });
    expect(triageCommand('e', none)).toEqual({ kind: 'action', action: 'escalate' });
    expect(triageCommand('c', none)).toEqual({ kind: 'action', action: 'convert' });
    expect(triageCommand('d', none)).toEqual({ kind: 'action', action: 'duplicate' });
    expect(triageCommand('x', none)).toEqual({ kind: 'action', action: 'close' });
    expect(triageCommand('2', none)).toEqual({ kind: 'severity', severity: 'high' });
    expect(triageCommand('q', none)).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser (copy, reload, tab switching)', () => {
    expect(triageCommand('c', { ...none, ctrl: true })).toBeNull();
    expect(triageCommand('a', { ...none, meta: true })).toBeNull();
    expect(triageCommand('1', { ...none, alt: true })).toBeNull();
  });
});

describe('card search', () => {
  const card = { number: 128, title: 'VPN flapping in the Berlin office' };
  it('finds a card by number with or without #, or by every word of the title', () => {
    expect(cardMatches(card, '#12')).toBe(true);
    expect(cardMatches(card, '128')).toBe(true);
    expect(cardMatches(card, '#13')).toBe(false);
    expect(cardMatches(card, 'berlin vpn')).toBe(true);
    expect(cardMatches(card, 'berlin dns')).toBe(false);
    expect(cardMatches(card, '  ')).toBe(true);
  });
});

describe('triage keys on an empty or full inbox', () => {
  const run = (text: string, ctx: CommandContext) => {
    const opened: string[] = [];
    const result = typeInto(new KeyGuard(), text, (key) => {
      const command = triageCommand(key, { ctrl: false, alt: false, meta: false });
      if (!command || !commandAllowed(command, ctx)) return 'none';
      opened.push(command.kind);
      return command.kind === 'raise' || (command.kind === 'action' && command.action !== 'accept') ? 'opened' : 'done';
    });
    return { ...result, opened };
  };
  const empty: CommandContext = { selected: false, canTriage: true, canWrite: true, onList: true, count: 0 };

  it('does nothing when a sentence is typed on the empty page (the issue: Raise opened on "n" and took "swered in chat")', () => {
    expect(run('I answered in chat\n', empty)).toEqual({ acted: [], swallowed: [], opened: [] });
  });

  it('opens Raise on a first "n", and swallows the rest of the sentence and its Enter', () => {
    const { acted, swallowed } = run('needs a restart\n', empty);
    expect(acted).toEqual(['n']);
    expect(swallowed.join('')).toBe('eeds a restartEnter');
  });

  it('has no action key act without a selected interrupt, or for someone who may not triage', () => {
    for (const key of ['a', 'e', 'c', 'd', 'x', '1', 'o']) {
      const command = triageCommand(key, { ctrl: false, alt: false, meta: false })!;
      expect(commandAllowed(command, empty)).toBe(false);
      expect(commandAllowed(command, { ...empty, selected: true, count: 1, canTriage: key === 'o' })).toBe(key === 'o');
      expect(commandAllowed(command, { ...empty, selected: true, count: 1 })).toBe(true);
    }
    expect(commandAllowed({ kind: 'move', delta: 1 }, { ...empty, count: 2, onList: false })).toBe(false);
    expect(commandAllowed({ kind: 'raise' }, { ...empty, canWrite: false })).toBe(false);
  });
});
