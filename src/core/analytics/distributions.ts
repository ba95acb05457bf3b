// Sampling distributions used to judge a correlation coefficient: the t test for its
// p-value and Fisher's z for its confidence interval.
import { regularizedIncompleteBeta } from './special-functions.js';

/** norm.ppf(0.975): the two-sided 95% critical value of the standard normal. */
export const Z_CRITICAL_95 = 1.959963984540054;

const clampProbability = (p: number): number => Math.min(1, Math.max(0, p));

/**
 * Two-sided p-value of Student's t with `df` degrees of freedom:
 * P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2). Null when df is not positive or t is NaN.
 */
export function studentTTwoSidedP(t: number, df: number): number | null {
  if (!(df > 0) || Number.isNaN(t)) return null;
  if (!Number.isFinite(t)) return 0;
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  return clampProbability(regularizedIncompleteBeta(df / 2, 0.5, x, y));
}

/**
 * Two-sided p-value for a correlation r over n pairs, from t = r·√((n−2)/(1−r²)) with
 * n − 2 degrees of freedom (the test scipy's pearsonr and spearmanr use). Null when n < 3.
 */
export function correlationPValue(r: number, n: number): number | null {
  if (n < 3 || !Number.isFinite(r)) return null;
  const a = Math.abs(r);
  if (a >= 1) return 0;
  // Since t² = r²·df/(1−r²), df/(df+t²) is exactly 1 − r²: going through t would lose
  // digits near r = 0 and |r| = 1, so feed the beta function 1 − r² and r² directly.
  const x = (1 - a) * (1 + a);
  const y = a * a;
  return clampProbability(regularizedIncompleteBeta((n - 2) / 2, 0.5, x, y));
}

/** 95% confidence interval for r from Fisher's z = atanh(r), se = 1/√(n−3). Null when n < 4. */
export function fisherCi95(r: number, n: number): readonly [number, number] | null {
  if (n < 4 || !Number.isFinite(r)) return null;
  const z = Math.atanh(r);
  const halfWidth = Z_CRITICAL_95 / Math.sqrt(n - 3);
  // At |r| = 1, z is ±Infinity and tanh brings both ends back to r itself.
  return [Math.tanh(z - halfWidth), Math.tanh(z + halfWidth)];
}
