// The vega-lite spec of a metric trend: readings as a line with points, the target as a
// dashed rule. Dates are UTC instants, so the axis never depends on the host's time zone.
import type { TopLevelSpec } from 'vega-lite';
import type { MetricPoint } from '../core/ports/chart-renderer.js';
import { unitSuffix } from './chart-labels.js';
import { FONT_SIZE, PALETTE, SEMIBOLD, specFrame } from './chart-theme.js';

export interface TrendReading {
  /** Epoch milliseconds (UTC). */
  time: number;
  /** YYYY-MM-DD, for the alt text. */
  date: string;
  value: number;
}

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds for an ISO date or date-time; one without an offset is read as UTC. */
export function parseReadingDate(date: string): number {
  const text = date.trim();
  return Date.parse(DATE_ONLY.test(text) || HAS_ZONE.test(text) ? text : `${text}Z`);
}

/** Readings with a valid date and a finite value, oldest first (stable for equal dates). */
export function trendReadings(points: readonly MetricPoint[]): TrendReading[] {
  return points
    .map((p) => ({ time: parseReadingDate(p.date), value: p.value }))
    .filter((r) => Number.isFinite(r.time) && Number.isFinite(r.value))
    .map((r) => ({ ...r, date: new Date(r.time).toISOString().slice(0, 10) }))
    .sort((a, b) => a.time - b.time);
}

/** A time domain with room either side, so one reading (or one day) is not a zero-width scale. */
function timeDomain(readings: readonly TrendReading[]): [number, number] {
  const first = readings[0]?.time ?? 0;
  const last = readings[readings.length - 1]?.time ?? first;
  const pad = Math.max((last - first) * 0.03, 3 * DAY_MS);
  return [first - pad, last + pad];
}

/** Readings are daily at finest, so short spans tick by whole days and never show hours. */
function timeAxis(domain: [number, number]): Encoding {
  const days = (domain[1] - domain[0]) / DAY_MS;
  const base = { labelOverlap: true, grid: false, domainColor: PALETTE.domain };
  if (days > 120) return { ...base, tickCount: 8 };
  const step = Math.max(1, Math.ceil(days / 8));
  return { ...base, format: '%b %-d', tickCount: { interval: 'day', step } };
}

/**
 * Vega cannot scale a single value, so when every reading (and the target) is the same
 * the domain is widened by 10% (at least 1) either side; otherwise vega picks it.
 */
function flatDomain(readings: readonly TrendReading[], target: number | null): object {
  const values = readings.map((r) => r.value).concat(target ?? []);
  const first = values[0] ?? 0;
  if (values.some((v) => v !== first)) return {};
  const pad = Math.max(Math.abs(first) * 0.1, 1);
  return { domain: [first - pad, first + pad] };
}

export interface TrendSpecInput {
  readings: TrendReading[];
  target: number | null;
  title: string;
  subtitle: string;
  unit: string;
}

type Encoding = Record<string, unknown>;

/**
 * The target as a dashed rule under the readings, and its label over them with a white
 * halo, so a line crossing the label can't hide it.
 */
function targetLayers(target: number, unit: string, y: Encoding): [object, object] {
  const data = { values: [{ value: target, label: `Target ${formatTarget(target, unit)}` }] };
  const label = {
    type: 'text',
    align: 'right',
    baseline: 'bottom',
    dx: -2,
    dy: -5,
    x: 'width',
    fontSize: FONT_SIZE.annotation,
    fontWeight: SEMIBOLD,
  } as const;
  const text = { y, text: { field: 'label' } };
  const rule = {
    data,
    mark: { type: 'rule', strokeDash: [6, 4], color: PALETTE.target, strokeWidth: 1.5 },
    encoding: { y },
  };
  const labels = {
    data,
    layer: [
      {
        mark: { ...label, stroke: '#ffffff', strokeWidth: 4, strokeJoin: 'round' },
        encoding: text,
      },
      { mark: { ...label, color: PALETTE.target }, encoding: text },
    ],
  };
  return [rule, labels];
}

function valueAxis(unit: string, flat: object): Encoding {
  // "%" reads better on every tick than as an axis title.
  const percent = unit === '%';
  return {
    field: 'value',
    type: 'quantitative',
    title: percent ? null : unit || null,
    scale: { zero: false, padding: 16, ...flat },
    axis: {
      domain: false,
      ticks: false,
      labelPadding: 6,
      tickCount: 6,
      ...(percent ? { labelExpr: "datum.label + '%'" } : {}),
    },
  };
}

export function trendSpec(input: TrendSpecInput): TopLevelSpec {
  const { readings, target, title, subtitle, unit } = input;
  const domain = timeDomain(readings);
  const x = {
    field: 'time',
    type: 'temporal',
    title: null,
    scale: { type: 'utc', domain, nice: false },
    axis: timeAxis(domain),
  };
  const y = valueAxis(unit, flatDomain(readings, target));
  const readingsLayer = {
    data: { values: readings },
    encoding: { x, y },
    layer: [
      { mark: { type: 'line', color: PALETTE.trend, strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 40, color: PALETTE.trend, opacity: 1 } },
    ],
  };
  let layer: object[] = [readingsLayer];
  if (target !== null) {
    const [rule, labels] = targetLayers(target, unit, y);
    layer = [rule, readingsLayer, labels];
  }
  // Built as plain objects: vega-lite's layer types are too deep to spell out here; the
  // tests render every variant, and compile() warns about anything it doesn't understand.
  return {
    ...specFrame(title, subtitle),
    layer,
  } as TopLevelSpec;
}

const formatTarget = (target: number, unit: string): string =>
  `${Number(target.toFixed(2))}${unitSuffix(unit)}`;
