/**
 * SVG charts for opsboard pages: axes with ticks and titles, legends,
 * tooltips under the pointer or the arrow keys, a role="img" summary and a
 * table of every value for screen readers. They fill their container's width
 * and scale with large mode (every length is in rem). Styles: styles/charts.css.
 */
import '../styles/charts.css';

export { LineChart, type LineChartProps, type LineSeries, type ChartMarker } from './LineChart';
export { BarChart, type BarChartProps, type BarSeries, type ReferenceLine } from './BarChart';
export type { BarVariant } from './ChartParts';
export { SERIES_COLORS, type SeriesColor } from './palette';
export { shortDate, longDate } from './format';
export { formatValue } from './scale';
export { ScatterChart, type ScatterChartProps, type ScatterPoint } from './ScatterChart';
