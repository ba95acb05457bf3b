// Does an internal metric predict its theme's symptom? Lagged Pearson r between the metric's
// weekly readings and the theme's weekly issue counts, with the metric leading.
import { pearson, type CorrelationNullReason } from './correlation.js';

export interface LagCorrelation {
  /** Weeks the metric leads: metric at week t against issues at week t + lag. */
  lag: number;
  r: number | null;
  /** Weeks where both the reading and the count are present. */
  n: number;
  p: number | null;
  /** Fewer paired weeks than `minWeeks`. */
  tooFew: boolean;
  reason: CorrelationNullReason | null;
}

export interface PredictivenessResult {
  lags: LagCorrelation[];
  /** The lag with the largest |r| among lags with enough weeks; ties go to the shorter lag. */
  bestLag: LagCorrelation | null;
  /** True when no lag has at least `minWeeks` paired weeks. */
  tooFewWeeks: boolean;
}

export interface PredictivenessOptions {
  /** Longest lag tried, in weeks. Default 4. */
  maxLag?: number;
  /** Paired weeks needed to trust a lag. Default 8. */
  minWeeks?: number;
}

export const DEFAULT_MAX_LAG = 4;
export const DEFAULT_MIN_WEEKS = 8;

/** r between metric[t] and issues[t + lag] over the weeks both series cover. */
function lagged(
  metric: ArrayLike<number>,
  issues: ArrayLike<number>,
  lag: number,
  minWeeks: number,
): LagCorrelation {
  const weeks = Math.max(0, Math.min(metric.length, issues.length - lag));
  const leading = new Float64Array(weeks);
  const following = new Float64Array(weeks);
  for (let t = 0; t < weeks; t++) {
    leading[t] = metric[t] as number;
    following[t] = issues[t + lag] as number;
  }
  const { r, n, p, reason } = pearson(leading, following);
  return { lag, r, n, p, tooFew: n < minWeeks, reason };
}

/**
 * Lagged correlations at lags 0 … maxLag. Both series are indexed by the same weeks
 * (index 0 = the first week); NaN marks a week with no reading.
 */
export function predictiveness(
  metricWeekly: ArrayLike<number>,
  issuesWeekly: ArrayLike<number>,
  options: PredictivenessOptions = {},
): PredictivenessResult {
  const maxLag = options.maxLag ?? DEFAULT_MAX_LAG;
  const minWeeks = options.minWeeks ?? DEFAULT_MIN_WEEKS;
  const lags: LagCorrelation[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    lags.push(lagged(metricWeekly, issuesWeekly, lag, minWeeks));
  }
  let bestLag: LagCorrelation | null = null;
  for (const candidate of lags) {
    if (candidate.tooFew || candidate.r === null) continue;
    // Strictly greater, so an equal |r| keeps the shorter (earlier-acting) lag.
    if (bestLag === null || Math.abs(candidate.r) > Math.abs(bestLag.r ?? 0)) bestLag = candidate;
  }
  return { lags, bestLag, tooFewWeeks: lags.every((l) => l.tooFew) };
}
