// Turns a ParetoResult into the bars the chart draws: at most MAX_PARETO_BARS, the tail
// folded into one "Other themes" bar, labels cut to fit under a rotated axis.
import type { ParetoMeasure, ParetoResult } from '../core/analytics/pareto.js';
import { formatCount, formatMoney } from '../core/views/format.js';
import { chartLabel } from './chart-labels.js';
import { FONT_SIZE } from './chart-theme.js';
import type { FontMetrics } from './font-metrics.js';

/** More bars than this are unreadable at chart width; the rest become one "other" bar. */
export const MAX_PARETO_BARS = 25;

/** Longest theme label, in pixels, under the 40° rotated axis. */
export const PARETO_LABEL_WIDTH = 220;

export type BarGroup = 'Vital few' | 'Useful many' | 'Other themes';

export interface ParetoBar {
  /** 1-based position on the axis; labels may repeat, positions never do. */
  position: number;
  label: string;
  /** Bar height in display units: issues, or dollars for money measures. */
  value: number;
  valueText: string;
  share: number;
  cumulativeShare: number;
  group: BarGroup;
}

export interface ParetoBars {
  bars: ParetoBar[];
  /** How many themes the "Other themes" bar stands for (0 when there is none). */
  otherCount: number;
  /** Themes with a zero measure, which have no bar. */
  zeroCount: number;
}

export const isMoneyMeasure = (measure: ParetoMeasure): boolean => measure !== 'count';

export const formatMeasure = (measure: ParetoMeasure, value: number): string =>
  isMoneyMeasure(measure) ? formatMoney(value) : formatCount(value);

/** Bar heights for money measures are dollars, so the axis reads $1,200 rather than cents. */
const displayValue = (measure: ParetoMeasure, value: number): number =>
  isMoneyMeasure(measure) ? value / 100 : value;

export function paretoBars(result: ParetoResult, font: FontMetrics): ParetoBars {
  const ranked = result.empty ? [] : result.rows.filter((r) => r.value > 0);
  const zeroCount = result.rows.length - ranked.length;
  const overflow = ranked.length > MAX_PARETO_BARS;
  const shown = overflow ? ranked.slice(0, MAX_PARETO_BARS - 1) : ranked;
  const bars = shown.map((r, i): ParetoBar => ({
    position: i + 1,
    label: chartLabel(
      [r.name, `#${r.slug}`],
      `Theme ${r.rank}`,
      PARETO_LABEL_WIDTH,
      FONT_SIZE.axisLabel,
      font,
    ),
    value: displayValue(result.measure, r.value),
    valueText: formatMeasure(result.measure, r.value),
    share: r.share,
    cumulativeShare: r.cumulativeShare,
    group: r.vital ? 'Vital few' : 'Useful many',
  }));
  const rest = ranked.slice(shown.length);
  const last = rest[rest.length - 1];
  if (last) {
    const total = rest.reduce((sum, r) => sum + r.value, 0);
    bars.push({
      position: bars.length + 1,
      label: `Other themes (${formatCount(rest.length)})`,
      value: displayValue(result.measure, total),
      valueText: formatMeasure(result.measure, total),
      share: rest.reduce((sum, r) => sum + r.share, 0),
      cumulativeShare: last.cumulativeShare,
      group: 'Other themes',
    });
  }
  return { bars, otherCount: rest.length, zeroCount };
}
