import { describe, expect, it } from 'vitest';
import {
  correlationPValue,
  logBeta,
  logGamma,
  regularizedIncompleteBeta,
  studentTTwoSidedP,
} from '../../../src/core/analytics/index.js';
import { readGoldenJson } from './golden-fixtures.js';

// `exact` is a 50-digit mpmath reference (null if mpmath was absent when the golden was made);
// `scipy` is what scipy itself returns, which near |r| = 1 is the less accurate of the two.
interface Reference {
  scipy: number;
  exact: number | null;
}
interface SpecialGolden {
  gammaln: Array<{ x: number } & Reference>;
  betainc: Array<{ a: number; b: number; x: number } & Reference>;
  tTwoSided: Array<{ t: number; df: number } & Reference>;
  correlationP: Array<{ r: number; n: number } & Reference>;
}

const golden = readGoldenJson<SpecialGolden>('special-functions.json');

/** Checks `actual` to 1e-12 of the truth and to 1e-10 of scipy (relative, or absolute near 0). */
function expectAccurate(actual: number, ref: Reference, label: string): void {
  const truth = ref.exact ?? ref.scipy;
  const error = Math.abs(actual - truth);
  const relative = error === 0 ? 0 : error / Math.abs(truth);
  expect(Math.min(error, relative), label).toBeLessThanOrEqual(1e-12);
  const offScipy = Math.abs(actual - ref.scipy);
  const offScipyRelative = offScipy === 0 ? 0 : offScipy / Math.abs(ref.scipy);
  expect(Math.min(offScipy, offScipyRelative), `${label} vs scipy`).toBeLessThanOrEqual(1e-10);
}

describe('special functions against mpmath and scipy', () => {
  it('logGamma', () => {
    for (const ref of golden.gammaln) expectAccurate(logGamma(ref.x), ref, `gammaln(${ref.x})`);
  });

  it('regularizedIncompleteBeta', () => {
    for (const ref of golden.betainc) {
      const actual = regularizedIncompleteBeta(ref.a, ref.b, ref.x);
      expectAccurate(actual, ref, `I_${ref.x}(${ref.a}, ${ref.b})`);
    }
  });

  it('studentTTwoSidedP = 2·t.sf(|t|, df)', () => {
    for (const ref of golden.tTwoSided) {
      const actual = studentTTwoSidedP(ref.t, ref.df) as number;
      expectAccurate(actual, ref, `t=${ref.t} df=${ref.df}`);
    }
  });

  it("correlationPValue = scipy pearsonr's p", () => {
    for (const ref of golden.correlationP) {
      const actual = correlationPValue(ref.r, ref.n) as number;
      expectAccurate(actual, ref, `r=${ref.r} n=${ref.n}`);
    }
  });

  it('logBeta agrees with the log-gamma identity where that is accurate', () => {
    for (const [a, b] of [
      [0.5, 0.5],
      [2, 3],
      [7.5, 0.5],
    ] as const) {
      const direct = logGamma(a) + logGamma(b) - logGamma(a + b);
      expect(logBeta(a, b)).toBeCloseTo(direct, 13);
    }
    expect(logBeta(0, 1)).toBeNaN();
  });

  it('handles the edges', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(regularizedIncompleteBeta(2, 3, 0)).toBe(0);
    expect(regularizedIncompleteBeta(2, 3, 1)).toBe(1);
    expect(regularizedIncompleteBeta(-1, 3, 0.5)).toBeNaN();
    expect(studentTTwoSidedP(Number.POSITIVE_INFINITY, 5)).toBe(0);
    expect(studentTTwoSidedP(0, 5)).toBe(1);
    expect(studentTTwoSidedP(1, 0)).toBeNull();
    expect(studentTTwoSidedP(Number.NaN, 5)).toBeNull();
    expect(correlationPValue(1, 10)).toBe(0);
    expect(correlationPValue(-1, 10)).toBe(0);
    expect(correlationPValue(0.5, 2)).toBeNull();
    expect(correlationPValue(0, 50)).toBe(1);
  });
});
