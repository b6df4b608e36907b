/**
 * Series colours. Each reaches at least 3:1 against white (WCAG 1.4.11 for
 * graphics), and neighbours differ in lightness too, so lines and bars stay
 * apart for people who do not see every hue; dashes and fills add a second cue.
 */
export const SERIES_COLORS = {
  blue: '#1d4ed8',
  green: '#15803d',
  orange: '#c2410c',
  purple: '#7e22ce',
  slate: '#475569',
  teal: '#0f766e',
  pink: '#be185d',
  amber: '#a16207',
} as const;

export type SeriesColor = keyof typeof SERIES_COLORS;

const ORDER: readonly SeriesColor[] = ['blue', 'orange', 'green', 'purple', 'teal', 'pink', 'slate', 'amber'];

/** The colour for a series: its own when named, else the next in a fixed order. */
export function seriesColor(color: SeriesColor | undefined, index: number): string {
  return SERIES_COLORS[color ?? ORDER[index % ORDER.length]!];
}
