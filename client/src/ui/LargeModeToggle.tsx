import { Icon } from './Icon';
import { setLargeMode, useLargeMode } from './large-mode';

export function LargeModeToggle() {
  const large = useLargeMode();
  return (
    <button type="button" className="toggle-button" aria-pressed={large} onClick={() => setLargeMode(!large)} title="Bigger text and cards, for a wall display or projector">
      <Icon name="text" />
      <span>Large</span>
    </button>
  );
}
