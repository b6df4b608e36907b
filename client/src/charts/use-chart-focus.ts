/**
 * Which x index a person is reading: under the pointer, or stepped to with the
 * arrow keys once the chart has focus. The keyboard path is announced (a
 * screen reader user hears each value); the pointer path is not, so moving a
 * mouse across a chart does not flood them.
 */
import { useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { nearestIndex } from './scale';

export interface ChartFocus {
  index: number | null;
  /** True when the index came from the keyboard: the tooltip text is then spoken. */
  spoken: boolean;
  handlers: {
    tabIndex: number;
    onPointerMove(event: PointerEvent<SVGSVGElement>): void;
    onPointerLeave(): void;
    onKeyDown(event: KeyboardEvent<SVGSVGElement>): void;
    onFocus(event: FocusEvent<SVGSVGElement>): void;
    onBlur(): void;
  };
}

/** `positions` are the x centres (px, in the svg's coordinates) of each index. */
export function useChartFocus(positions: readonly number[]): ChartFocus {
  const [state, setState] = useState<{ index: number; spoken: boolean } | null>(null);
  const count = positions.length;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  const index = state && count > 0 ? clamp(state.index) : null;

  return {
    index,
    spoken: state?.spoken ?? false,
    handlers: {
      tabIndex: count > 0 ? 0 : -1,
      onPointerMove(event) {
        if (count === 0) return;
        const box = event.currentTarget.getBoundingClientRect();
        const scale = box.width > 0 ? event.currentTarget.viewBox.baseVal.width / box.width || 1 : 1;
        const x = (event.clientX - box.left) * scale;
        const next = nearestIndex(positions, x);
        if (state?.index !== next || state.spoken) setState({ index: next, spoken: false });
      },
      onPointerLeave() {
        if (state && !state.spoken) setState(null);
      },
      onKeyDown(event) {
        if (count === 0) return;
        const from = index ?? (event.key === 'ArrowLeft' ? count : -1);
        let next: number | null = null;
        if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = clamp(from + 1);
        else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = clamp(from - 1);
        else if (event.key === 'Home') next = 0;
        else if (event.key === 'End') next = last;
        else if (event.key === 'Escape' && state) {
          setState(null);
          event.preventDefault();
          return;
        }
        if (next === null) return;
        event.preventDefault();
        setState({ index: next, spoken: true });
      },
      onFocus(event) {
        // Focus by keyboard starts at the latest value, the one people usually want.
        if (event.currentTarget.matches(':focus-visible') && count > 0) setState({ index: last, spoken: true });
      },
      onBlur() {
        setState(null);
      },
    },
  };
}
