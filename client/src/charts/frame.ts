/**
 * The plot area inside a chart's box: margins sized to the tick labels that
 * will actually be drawn (measured, not guessed), so long numbers or large
 * mode never clip. Pure apart from the injected `measure`.
 */
import { durationTickLabel, durationTicks, formatValue, labelIndices, niceTicks, type Ticks } from './scale';

export interface FrameInput {
  width: number;
  height: number;
  /** Pixels per rem. */
  rem: number;
  /** The largest and smallest values the y axis must show. */
  yMin: number;
  yMax: number;
  formatY?: (value: number) => string;
  /**
   * `duration`: y values are milliseconds, ticked at round durations and
   * labelled in one unit ("12 h, 24 h"); formatY still words the exact values.
   */
  yScale?: YScale;
  /** Every x label (only those that fit get drawn). */
  xLabels: readonly string[];
  yTitle: boolean;
  xTitle: boolean;
  /** Room above the plot for marker labels. */
  topLabels: boolean;
  measure(text: string, px: number): number;
}

export type YScale = 'linear' | 'duration';

export interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Font size of tick labels (px): 0.8125rem, as in charts.css. */
  fontPx: number;
  yTicks: Ticks;
  /** The label of a y tick. */
  yTickLabel(value: number): string;
  y(value: number): number;
}

export const TICK_REM = 0.8125;

export function chartFrame(input: FrameInput): Frame {
  const { width, height, rem, measure } = input;
  const fontPx = rem * TICK_REM;
  const top = input.topLabels ? fontPx * 2 : fontPx * 0.75;
  const bottom = fontPx * 1.9 + (input.xTitle ? fontPx * 1.6 : 0);
  const plotHeight = Math.max(rem * 4, height - top - bottom);
  // About one gridline per 2.5rem of height: enough to read values, few enough to stay calm.
  const tickCount = Math.max(2, Math.round(plotHeight / (rem * 2.5)));
  const duration = input.yScale === 'duration';
  const yTicks = duration ? durationTicks(Math.min(0, input.yMin), input.yMax, tickCount) : niceTicks(Math.min(0, input.yMin), input.yMax, tickCount);
  const format = input.formatY ?? formatValue;
  const yTickLabel = duration ? (v: number) => durationTickLabel(v, yTicks.step) : format;
  const yLabelWidth = Math.max(...yTicks.values.map((v) => measure(yTickLabel(v), fontPx)));
  const left = Math.ceil(yLabelWidth + fontPx * 0.75 + (input.yTitle ? fontPx * 1.8 : 0));
  const lastLabel = input.xLabels.at(-1);
  const right = width - Math.max(rem * 0.75, lastLabel ? measure(lastLabel, fontPx) / 2 + 2 : 0);
  const plotBottom = top + plotHeight;
  const span = yTicks.max - yTicks.min;
  return {
    left,
    right: Math.max(left + rem * 4, right),
    top,
    bottom: plotBottom,
    fontPx,
    yTicks,
    yTickLabel,
    y: (value) => (span === 0 ? plotBottom : plotBottom - ((value - yTicks.min) / span) * plotHeight),
  };
}

/** Indices of the x labels that fit side by side at these positions. */
export function fittingLabels(positions: readonly number[], labels: readonly string[], fontPx: number, measure: (text: string, px: number) => number): number[] {
  const widest = Math.max(0, ...labels.map((l) => measure(l, fontPx)));
  return labelIndices(positions, widest, fontPx);
}
