// Pearson and Spearman correlation with pairwise deletion, their t-test p-values and, for
// Pearson, Fisher's 95% confidence interval. Results match scipy.stats to ~1e-12.
import { correlationPValue, fisherCi95 } from './distributions.js';
import { completePairs } from './pairs.js';
import { averageRanks } from './ranking.js';

/** Why r could not be computed. */
export type CorrelationNullReason = 'too-few-pairs' | 'zero-variance' | 'overflow';

export interface CorrelationResult {
  /** The coefficient in [−1, 1], or null (see `reason`). */
  r: number | null;
  /** Pairs where both values were present. */
  n: number;
  /** Two-sided p-value (t distribution, n − 2 df); null when r is null or n < 3. */
  p: number | null;
  /** 95% CI from Fisher's z; null when n < 4, when r is null, and always for Spearman. */
  ci95: readonly [number, number] | null;
  reason: CorrelationNullReason | null;
}

// scipy's threshold for "this column is constant up to rounding" (pearsonr, ConstantInputWarning):
// a centred norm this small next to the mean is rounding noise, not variation.
const CONSTANT_INPUT_RATIO = 1e-13;

const mean = (v: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] as number;
  return sum / v.length;
};

/**
 * r over complete pairs. Two passes (means first, then centred sums) rather than the
 * one-pass Σxy − n·x̄ȳ formula, which cancels catastrophically when values are large.
 */
export function pearsonCoefficient(
  x: Float64Array,
  y: Float64Array,
): { r: number | null; reason: CorrelationNullReason | null } {
  const n = Math.min(x.length, y.length);
  if (n < 2) return { r: null, reason: 'too-few-pairs' };
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return coefficientFromSums(sxx, syy, sxy, mx, my);
}

/**
 * r from centred sums (Σdx², Σdy², Σdx·dy) and the means, shared by the raw-column and the
 * weighted (cross-tab) paths so both flag constant columns and round the same way.
 */
export function coefficientFromSums(
  sxx: number,
  syy: number,
  sxy: number,
  mx: number,
  my: number,
): { r: number | null; reason: CorrelationNullReason | null } {
  const normX = Math.sqrt(sxx);
  const normY = Math.sqrt(syy);
  const flatX = normX === 0 || normX < CONSTANT_INPUT_RATIO * Math.abs(mx);
  const flatY = normY === 0 || normY < CONSTANT_INPUT_RATIO * Math.abs(my);
  if (flatX || flatY) return { r: null, reason: 'zero-variance' };
  // One square root and one division round once, so exactly linear data gives exactly ±1;
  // separate norms are the fallback only when sxx·syy overflows or underflows. Rounding can still leave
  // |r| a hair above 1, so clamp as scipy does.
  const product = sxx * syy;
  const usable = Number.isFinite(product) && product > 0;
  const r = usable ? sxy / Math.sqrt(product) : sxy / normX / normY;
  // Values near ±1e154 overflow the sums; say so rather than return NaN.
  if (Number.isNaN(r)) return { r: null, reason: 'overflow' };
  return { r: Math.max(-1, Math.min(1, r)), reason: null };
}

function summarise(
  coefficient: { r: number | null; reason: CorrelationNullReason | null },
  n: number,
  withCi: boolean,
): CorrelationResult {
  const { r, reason } = coefficient;
  if (r === null) return { r, n, p: null, ci95: null, reason };
  return {
    r,
    n,
    p: correlationPValue(r, n),
    ci95: withCi ? fisherCi95(r, n) : null,
    reason: null,
  };
}

/** Pearson's r between x and y, using only pairs where both are finite (NaN = missing). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationResult {
  const pairs = completePairs(x, y);
  return summarise(pearsonCoefficient(pairs.x, pairs.y), pairs.x.length, true);
}

/**
 * Spearman's ρ: Pearson's r of the average ranks (ties share their mean rank), ranked after
 * pairwise deletion as scipy does when given the complete pairs. The p-value uses the same
 * t approximation as scipy.stats.spearmanr; no CI is given, since Fisher's se = 1/√(n−3)
 * does not hold for ρ.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): CorrelationResult {
  const pairs = completePairs(x, y);
  const n = pairs.x.length;
  if (n < 2) return summarise({ r: null, reason: 'too-few-pairs' }, n, false);
  const coefficient = pearsonCoefficient(averageRanks(pairs.x), averageRanks(pairs.y));
  return summarise(coefficient, n, false);
}
