import { Icon } from './Icon';

export type Direction = 'up' | 'down';

const WORDS = {
  // Rows of a list that runs down the page (columns and swimlanes in board settings).
  vertical: { up: ['up', 'Move up', 'arrowUp'], down: ['down', 'Move down', 'arrowDown'] },
  // Items laid out across the page (the team's boards).
  horizontal: { up: ['earlier', 'Earlier in the list', 'arrowLeft'], down: ['later', 'Later in the list', 'arrowRight'] },
} as const;

/**
 * "Move up / down" buttons for the item at `index` of `count`. aria-disabled rather than
 * disabled at the ends: the button that has just moved an item to the end keeps focus.
 */
export function MoveButtons({ name, index, count, busy, axis, onMove }: { name: string; index: number; count: number; busy: boolean; axis: keyof typeof WORDS; onMove: (direction: Direction) => void }) {
  return (['up', 'down'] as const).map((direction) => {
    const [word, title, icon] = WORDS[axis][direction];
    const atEnd = direction === 'up' ? index === 0 : index === count - 1;
    return (
      <button key={direction} type="button" className="icon-button" data-move={direction} aria-label={`Move ${name} ${word}`} title={title} aria-disabled={atEnd || busy} onClick={() => onMove(direction)}>
        <Icon name={icon} />
      </button>
    );
  });
}
