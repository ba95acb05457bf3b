// Alt text: what a reader of the chart would take away, in a sentence or two, for screen
// readers and for clients that don't show images. Full theme names here, not cut labels.
import type { ParetoResult } from '../core/analytics/pareto.js';
import { formatCount, formatPercent, truncate } from '../core/views/format.js';
import { MEASURE_LABELS } from '../core/views/pareto-view.js';
import type { ParetoBars } from './pareto-bars.js';
import { unitSuffix } from './chart-labels.js';
import type { TrendReading } from './trend-spec.js';

const TOP_NAMED = 3;
const NAME_CHARS = 80;

/** "issues" or "the cost to customers": what the shares are shares of. */
const paretoWhat = (result: ParetoResult): string =>
  result.measure === 'count' ? 'issues' : `the ${MEASURE_LABELS[result.measure]}`;

const plural = (n: number, one: string, many: string): string =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/** "11 of 86 themes cause 80.1% of issues", also the chart's subtitle. */
export function paretoHeadline(result: ParetoResult): string {
  if (result.empty) {
    return result.rows.length === 0
      ? 'No issues to rank yet'
      : `No ${MEASURE_LABELS[result.measure]} recorded for ${plural(result.rows.length, 'theme', 'themes')} yet`;
  }
  const verb = result.vitalFewCount === 1 ? 'causes' : 'cause';
  return `${formatCount(result.vitalFewCount)} of ${plural(result.rows.length, 'theme', 'themes')} ${verb} ${formatPercent(result.vitalFewShare)} of ${paretoWhat(result)}`;
}

export function paretoAltText(result: ParetoResult, bars: ParetoBars): string {
  const headline = paretoHeadline(result);
  if (result.empty) return `Pareto chart: ${headline.charAt(0).toLowerCase()}${headline.slice(1)}.`;
  const parts = [`Pareto chart: ${headline}.`];
  const top = result.rows
    .slice(0, TOP_NAMED)
    .filter((r) => r.value > 0)
    .map((r) => `${truncate(r.name, NAME_CHARS)} (${formatPercent(r.share)})`);
  parts.push(`Top: ${top.join('; ')}.`);
  if (bars.otherCount > 0) {
    parts.push(
      `The smallest ${plural(bars.otherCount, 'theme is', 'themes are')} grouped as “Other themes”.`,
    );
  }
  if (bars.zeroCount > 0) {
    const none = result.measure === 'count' ? 'no issues' : `no ${MEASURE_LABELS[result.measure]}`;
    parts.push(
      `${plural(bars.zeroCount, 'theme with', 'themes with')} ${none} ${bars.zeroCount === 1 ? 'has' : 'have'} no bar.`,
    );
  }
  return parts.join(' ');
}

const withUnit = (value: number, unit: string): string => {
  const text = Number.isInteger(value) ? formatCount(value) : String(Number(value.toFixed(2)));
  return `${text}${unitSuffix(unit)}`;
};

const versus = (value: number, target: number): string =>
  value > target ? 'above target' : value < target ? 'below target' : 'on target';

export function trendAltText(
  readings: readonly TrendReading[],
  target: number | null,
  unit: string,
): string {
  const targetText = target === null ? '' : `target ${withUnit(target, unit)}`;
  const first = readings[0];
  const last = readings[readings.length - 1];
  if (!first || !last) {
    return `Metric trend chart: no readings yet${targetText ? ` (${targetText})` : ''}.`;
  }
  const values = readings.map((r) => r.value);
  const span =
    readings.length === 1
      ? `1 reading on ${first.date}`
      : `${formatCount(readings.length)} readings from ${first.date} to ${last.date}`;
  const latest = `latest ${withUnit(last.value, unit)}${target === null ? '' : ` (${targetText}, ${versus(last.value, target)})`}`;
  const range =
    readings.length > 1
      ? `; lowest ${withUnit(
          values.reduce((a, b) => Math.min(a, b)),
          unit,
        )}, highest ${withUnit(
          values.reduce((a, b) => Math.max(a, b)),
          unit,
        )}`
      : '';
  return `Metric trend chart: ${span}; ${latest}${range}.`;
}
