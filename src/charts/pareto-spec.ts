// The vega-lite spec of a Pareto chart: bars by theme on the left axis, the cumulative
// share on the right axis (0–100%) and a dashed guide at the vital-few threshold.
import type { TopLevelSpec } from 'vega-lite';
import type { ParetoResult } from '../core/analytics/pareto.js';
import { MEASURE_LABELS } from '../core/views/pareto-view.js';
import { FONT_SIZE, PALETTE, SEMIBOLD, specFrame } from './chart-theme.js';
import { isMoneyMeasure, type BarGroup, type ParetoBar } from './pareto-bars.js';

const GROUP_ORDER: BarGroup[] = ['Vital few', 'Useful many', 'Other themes'];
const GROUP_COLOURS: Record<BarGroup, string> = {
  'Vital few': PALETTE.vital,
  'Useful many': PALETTE.useful,
  'Other themes': PALETTE.other,
};

/** Headroom above the tallest bar for its value label and the legend. */
const HEADROOM = 1.12;

type Encoding = Record<string, unknown>;

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Axis positions are numbers, so two themes whose labels truncate alike still get their
 * own bars; this expression maps a position back to its label.
 */
const labelLookup = (bars: readonly ParetoBar[]): string =>
  `${JSON.stringify(bars.map((b) => b.label))}[datum.value - 1]`;

/** 0–100% in steps of 20, with the threshold's own tick replacing any too close to it. */
const shareTicks = (threshold: number): number[] =>
  [0, 0.2, 0.4, 0.6, 0.8, 1]
    .filter((t) => Math.abs(t - threshold) >= 0.06)
    .concat(threshold)
    .sort((a, b) => a - b);

function themeAxis(bars: readonly ParetoBar[]): Encoding {
  return {
    field: 'position',
    type: 'ordinal',
    title: null,
    axis: {
      labelExpr: labelLookup(bars),
      labelAngle: -40,
      labelAlign: 'right',
      labelBaseline: 'top',
      labelPadding: 4,
      labelLimit: 0,
      ticks: false,
      domainColor: PALETTE.domain,
    },
  };
}

function barLayer(result: ParetoResult, bars: readonly ParetoBar[], x: Encoding, top: number) {
  const money = isMoneyMeasure(result.measure);
  // Only the groups present get a legend entry.
  const groups = GROUP_ORDER.filter((g) => bars.some((b) => b.group === g));
  const y = {
    field: 'value',
    type: 'quantitative',
    title: capitalise(MEASURE_LABELS[result.measure]),
    // One bar per position: no stacking, which would also wrap each bar in a clip group.
    stack: null,
    scale: { domain: [0, top], nice: false },
    axis: {
      format: money ? '$,.2~f' : ',d',
      tickMinStep: money ? 0.01 : 1,
      domain: false,
      ticks: false,
      labelPadding: 6,
      tickCount: 6,
    },
  };
  const color = {
    field: 'group',
    type: 'nominal',
    scale: { domain: groups, range: groups.map((g) => GROUP_COLOURS[g]) },
    legend: {
      title: null,
      orient: 'top',
      direction: 'horizontal',
      symbolType: 'square',
      offset: 10,
    },
  };
  return {
    mark: { type: 'bar', cornerRadiusTopLeft: 2, cornerRadiusTopRight: 2 },
    encoding: { x, y, color },
  };
}

function cumulativeLayer(threshold: number, x: Encoding) {
  const y = {
    field: 'cumulativeShare',
    type: 'quantitative',
    scale: { domain: [0, 1], nice: false },
    title: 'Cumulative share',
    axis: {
      format: '.0%',
      orient: 'right',
      values: shareTicks(threshold),
      grid: false,
      domain: false,
      ticks: false,
      labelPadding: 6,
      // The guide's own tick stands out, so the dashed line needs no label of its own.
      labelFontWeight: { expr: `datum.value === ${threshold} ? ${SEMIBOLD} : 400` },
      labelColor: {
        expr: `datum.value === ${threshold} ? '${PALETTE.text}' : '${PALETTE.muted}'`,
      },
    },
  };
  const point = { type: 'point', filled: true, size: 36, color: PALETTE.cumulative, opacity: 1 };
  return {
    encoding: { y },
    layer: [
      {
        data: { values: [{ cumulativeShare: threshold }] },
        mark: { type: 'rule', strokeDash: [5, 4], color: PALETTE.guide, strokeWidth: 1.25 },
      },
      { mark: { type: 'line', color: PALETTE.cumulative, strokeWidth: 2 }, encoding: { x } },
      { mark: { ...point, stroke: '#ffffff', strokeWidth: 1 }, encoding: { x } },
    ],
  };
}

/**
 * Value labels above the bars, drawn last with a white halo so the cumulative line can't
 * cross them out. Their scale repeats the bars' (fixed domain, no axis) to line up.
 */
function valueLabelLayer(x: Encoding, top: number) {
  const y = {
    field: 'value',
    type: 'quantitative',
    scale: { domain: [0, top], nice: false },
    axis: null,
  };
  const text = {
    type: 'text',
    dy: -6,
    baseline: 'bottom',
    fontSize: FONT_SIZE.annotation - 1,
  };
  const encoding = { x, y, text: { field: 'valueText' } };
  return {
    layer: [
      { mark: { ...text, stroke: '#ffffff', strokeWidth: 3, strokeJoin: 'round' }, encoding },
      { mark: { ...text, color: PALETTE.muted }, encoding },
    ],
  };
}

export interface ParetoSpecInput {
  result: ParetoResult;
  bars: ParetoBar[];
  title: string;
  subtitle: string;
}

export function paretoSpec({ result, bars, title, subtitle }: ParetoSpecInput): TopLevelSpec {
  const x = themeAxis(bars);
  const top = bars.reduce((max, b) => Math.max(max, b.value), 0) * HEADROOM;
  // Plain objects, as in trend-spec: the tests render every shape of input.
  return {
    ...specFrame(title, subtitle),
    data: { values: bars },
    layer: [
      barLayer(result, bars, x, top),
      cumulativeLayer(result.threshold, x),
      valueLabelLayer(x, top),
    ],
    resolve: { scale: { y: 'independent' } },
  } as TopLevelSpec;
}
