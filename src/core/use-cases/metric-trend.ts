// A metric's trend (latest against target, change since the previous reading, the recent
// readings for a sparkline) and whether it predicts its theme's issues.
import type { Metric, MetricReading } from '../domain/plans.js';
import type { Theme } from '../domain/types.js';
import { addDaysTo, dayStart, weekStartOf, weekStartsBetween } from '../domain/iso-weeks.js';
import {
  DEFAULT_MIN_WEEKS,
  predictiveness,
  type PredictivenessResult,
} from '../analytics/predictiveness.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { todayOf } from './action-plans.js';
import { meetsTarget, requireMetric } from './metrics.js';

/** How many recent readings the sparkline shows. */
export const TREND_READINGS = 12;

export interface MetricPredictiveness {
  result: PredictivenessResult;
  /** Complete weeks with at least one reading. */
  weeksWithReadings: number;
  minWeeks: number;
}

export interface MetricTrend {
  metric: Metric;
  theme: Theme | null;
  /** The most recent readings, oldest first. */
  recent: MetricReading[];
  latest: MetricReading | null;
  previous: MetricReading | null;
  /** latest − previous, or null with fewer than two readings. */
  change: number | null;
  /** Whether the change went the better way; null when there is no change to judge. */
  improved: boolean | null;
  /** Whether the latest reading meets the target; null with no readings. */
  met: boolean | null;
  predictiveness: MetricPredictiveness;
}

/** The mean reading of each week in `weeks` (Monday starts); NaN for a week with none. */
export const weeklyAverages = (readings: MetricReading[], weeks: string[]): Float64Array => {
  const sums = new Map<string, { total: number; n: number }>();
  for (const r of readings) {
    const week = weekStartOf(r.measuredOn);
    const sum = sums.get(week) ?? { total: 0, n: 0 };
    sums.set(week, { total: sum.total + r.value, n: sum.n + 1 });
  }
  return Float64Array.from(weeks, (w) => {
    const sum = sums.get(w);
    return sum ? sum.total / sum.n : Number.NaN;
  });
};

/**
 * Weekly readings against the theme's weekly issue counts, from the first reading's week
 * through the last complete week: the current week's count is still growing, so it would
 * bias the comparison.
 */
export const metricPredictiveness = (
  deps: CoreDeps,
  tenantId: string,
  metric: Metric,
  today: string,
): MetricPredictiveness => {
  const readings = deps.repos.metrics.readings(tenantId, metric.id);
  const lastComplete = addDaysTo(weekStartOf(today), -1);
  const first = readings[0]?.measuredOn;
  const weeks =
    first !== undefined && first <= lastComplete ? weekStartsBetween(first, lastComplete) : [];
  const counts =
    first === undefined || weeks.length === 0
      ? []
      : deps.repos.issues.weeklyCounts(
          tenantId,
          metric.themeId,
          dayStart(first),
          dayStart(lastComplete),
        );
  const metricWeekly = weeklyAverages(readings, weeks);
  const issueWeekly = Float64Array.from(counts, (c) => c.count);
  return {
    result: predictiveness(metricWeekly, issueWeekly, { minWeeks: DEFAULT_MIN_WEEKS }),
    weeksWithReadings: metricWeekly.filter(Number.isFinite).length,
    minWeeks: DEFAULT_MIN_WEEKS,
  };
};

export const metricTrend = (deps: CoreDeps, actor: Actor, name: string): MetricTrend => {
  const metric = requireMetric(deps, actor.tenantId, name);
  const recent = deps.repos.metrics.readings(actor.tenantId, metric.id, { last: TREND_READINGS });
  const latest = recent[recent.length - 1] ?? null;
  const previous = recent[recent.length - 2] ?? null;
  const change = latest && previous ? latest.value - previous.value : null;
  return {
    metric,
    theme: deps.repos.themes.get(actor.tenantId, metric.themeId),
    recent,
    latest,
    previous,
    change,
    improved:
      change === null || change === 0 ? null : (metric.direction === 'lower') === change < 0,
    met: latest ? meetsTarget(metric, latest.value) : null,
    predictiveness: metricPredictiveness(deps, actor.tenantId, metric, todayOf(deps)),
  };
};
