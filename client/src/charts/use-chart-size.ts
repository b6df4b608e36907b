/**
 * The chart's box: its container's width (followed with a ResizeObserver, so
 * charts reflow with the window and the card panel) and the root font size,
 * because every length is in rem and large mode scales the root.
 */
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useLargeMode } from '../ui/large-mode';

export interface ChartSize {
  width: number;
  /** Pixels per rem at the moment. */
  rem: number;
}

function rootRem(): number {
  const px = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(px) && px > 0 ? px : 16;
}

export function useChartSize<T extends HTMLElement>(): [RefObject<T | null>, ChartSize] {
  const ref = useRef<T>(null);
  const large = useLargeMode();
  const [size, setSize] = useState<ChartSize>({ width: 0, rem: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const width = Math.floor(el.getBoundingClientRect().width);
      const rem = rootRem();
      setSize((s) => (s.width === width && s.rem === rem ? s : { width, rem }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    // The wall-size media query changes the root size without resizing this box.
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [large]);
  return [ref, size];
}

let canvas: HTMLCanvasElement | null = null;

/** Width in px of a label at `px` font size, for margins and tick spacing (an estimate when canvas is unavailable). */
export function textWidth(text: string, px: number): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return text.length * px * 0.6;
  ctx.font = `600 ${px}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  return ctx.measureText(text).width;
}
