import { describe, expect, it } from 'vitest';
import { pearson, predictiveness } from '../../../src/core/analytics/index.js';

// Issues follow the metric two weeks later: issues[t + 2] = 3·metric[t] + 1.
const metric = [5, 2, 8, 3, 9, 1, 7, 4, 6, 2, 8, 5, 3, 9];
const issues = [0, 0, ...metric.map((m) => 3 * m + 1)].slice(0, metric.length);

describe('predictiveness', () => {
  it('finds the lag at which the metric leads the issues', () => {
    const result = predictiveness(metric, issues);
    expect(result.lags.map((l) => l.lag)).toEqual([0, 1, 2, 3, 4]);
    expect(result.bestLag?.lag).toBe(2);
    expect(result.bestLag?.r).toBeCloseTo(1, 12);
    expect(result.lags[2]?.n).toBe(12);
    expect(result.tooFewWeeks).toBe(false);
  });

  it('pairs metric[t] with issues[t + lag]', () => {
    const result = predictiveness(metric, issues, { maxLag: 1 });
    expect(result.lags[1]?.r).toBe(pearson(metric.slice(0, -1), issues.slice(1)).r);
    expect(result.lags[1]?.n).toBe(metric.length - 1);
  });

  it('skips missing weeks and picks the largest |r|, negative included', () => {
    const inverse = issues.map((v, i) => (i === 5 ? Number.NaN : -v));
    const result = predictiveness(metric, inverse);
    expect(result.bestLag?.lag).toBe(2);
    expect(result.bestLag?.r).toBeCloseTo(-1, 12);
    expect(result.lags[2]?.n).toBe(11);
  });

  it('flags fewer than 8 paired weeks and then names no best lag', () => {
    const result = predictiveness([1, 2, 3, 4, 5, 6, 7], [2, 1, 4, 3, 6, 5, 8]);
    expect(result.tooFewWeeks).toBe(true);
    expect(result.bestLag).toBeNull();
    expect(result.lags.every((l) => l.tooFew)).toBe(true);
    expect(result.lags[0]?.r).not.toBeNull();
  });

  it('copes with series too short for a lag', () => {
    const result = predictiveness([1, 2], [1, 2]);
    expect(result.lags[4]).toMatchObject({ n: 0, r: null, reason: 'too-few-pairs' });
  });
});
