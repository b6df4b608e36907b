import { Dialog } from '../../ui/Dialog';

const KEYS: [string, string][] = [
  ['Tab', 'Move into the board; the last card you were on keeps focus'],
  ['Arrow keys', 'Move between cards: up and down a column, left and right across columns'],
  ['Enter', 'Open the card'],
  ['Space', 'Pick the card up; then arrow keys move it, Space or Enter drops it, Escape cancels'],
  ['M', 'Move the card with a menu (column, swimlane, top or bottom)'],
  ['/', 'Search cards'],
  ['?', 'This list'],
  ['Escape', 'Close the card panel or a dialog'],
];

export function HelpDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="sm">
      <dl className="shortcuts">
        {KEYS.map(([key, what]) => (
          <div key={key} className="shortcuts__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
