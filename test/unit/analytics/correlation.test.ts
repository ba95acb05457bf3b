import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  completePairs,
  fisherCi95,
  pearson,
  spearman,
} from '../../../src/core/analytics/index.js';

describe('completePairs', () => {
  it('keeps a pair only when both values are finite', () => {
    const x = [1, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 6];
    const y = [10, 20, Number.NaN, 40, 50, 60];
    const pairs = completePairs(x, y);
    expect([...pairs.x]).toEqual([1, 4, 6]);
    expect([...pairs.y]).toEqual([10, 40, 60]);
  });

  it('refuses series of different lengths', () => {
    expect(() => completePairs([1, 2], [1])).toThrow(RangeError);
  });
});

describe('averageRanks', () => {
  it('averages tied positions like scipy rankdata', () => {
    // rankdata([10, 20, 10, 30, 20, 20]) = [1.5, 4, 1.5, 6, 4, 4]
    expect([...averageRanks([10, 20, 10, 30, 20, 20])]).toEqual([1.5, 4, 1.5, 6, 4, 4]);
    expect([...averageRanks(new Float64Array([3, 1, 2]))]).toEqual([3, 1, 2]);
    expect([...averageRanks([])]).toEqual([]);
  });
});

describe('pearson', () => {
  it('matches a hand-checked value', () => {
    // numpy.corrcoef([1,2,3,4,5],[2,4,5,4,5])[0,1] = 0.7745966692414834
    const result = pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
    expect(result.r).toBeCloseTo(0.7745966692414834, 14);
    expect(result.n).toBe(5);
    // scipy.stats.pearsonr p-value for the same data
    expect(result.p).toBeCloseTo(0.12402706265755462, 12);
    expect(result.reason).toBeNull();
  });

  it('is exact on perfectly linear data, with p = 0 and a degenerate CI', () => {
    const result = pearson([1, 2, 3, 4, 5], [-2, -4, -6, -8, -10]);
    expect(result.r).toBe(-1);
    expect(result.p).toBe(0);
    expect(result.ci95).toEqual([-1, -1]);
  });

  it('stays accurate when values sit on a huge offset (two-pass centring)', () => {
    const offset = 1e9;
    const x = [1, 2, 3, 4, 5].map((v) => v + offset);
    const result = pearson(x, [2, 4, 5, 4, 5]);
    expect(result.r).toBeCloseTo(0.7745966692414834, 12);
  });

  it('reports zero variance instead of dividing by zero', () => {
    const result = pearson([3, 3, 3, 3], [1, 2, 3, 4]);
    expect(result).toEqual({ r: null, n: 4, p: null, ci95: null, reason: 'zero-variance' });
    // A column that is constant up to rounding counts as constant too.
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3]).reason).toBe('zero-variance');
  });

  it('needs two pairs for r, three for p and four for the CI', () => {
    expect(pearson([1], [2]).reason).toBe('too-few-pairs');
    expect(pearson([], []).r).toBeNull();
    const two = pearson([1, 2], [1, 3]);
    expect(two.r).toBe(1);
    expect(two.p).toBeNull();
    const three = pearson([1, 2, 3], [1, 3, 2]);
    expect(three.p).not.toBeNull();
    expect(three.ci95).toBeNull();
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4]).ci95).not.toBeNull();
  });

  it('accepts Float64Array input with NaN as missing', () => {
    const x = Float64Array.from([1, 2, Number.NaN, 4, 5, 6]);
    const y = Float64Array.from([2, 4, 9, Number.NaN, 5, 7]);
    expect(pearson(x, y).n).toBe(4);
  });
});

describe('spearman', () => {
  it('is 1 for any monotone relation', () => {
    expect(spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125]).r).toBeCloseTo(1, 15);
  });

  it('uses average ranks for ties', () => {
    // scipy.stats.spearmanr([1,2,2,3,4],[1,3,2,2,5]).statistic = 0.7631578947368421
    const result = spearman([1, 2, 2, 3, 4], [1, 3, 2, 2, 5]);
    expect(result.r).toBeCloseTo(0.7631578947368421, 14);
    expect(result.ci95).toBeNull();
  });

  it('reports zero variance and too few pairs', () => {
    expect(spearman([1, 1, 1], [1, 2, 3]).reason).toBe('zero-variance');
    expect(spearman([1], [1]).reason).toBe('too-few-pairs');
  });
});

describe('fisherCi95', () => {
  it('is tanh(atanh(r) ± 1.96/√(n−3))', () => {
    const [lo, hi] = fisherCi95(0.5, 28) ?? [Number.NaN, Number.NaN];
    const half = 1.959963984540054 / 5;
    expect(lo).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 15);
    expect(hi).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 15);
    expect(fisherCi95(0.5, 3)).toBeNull();
  });
});
