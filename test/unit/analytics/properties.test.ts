import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageRanks,
  nps,
  pareto,
  pearson,
  predictiveness,
  spearman,
  type CorrelationResult,
  type ParetoMeasure,
} from '../../../src/core/analytics/index.js';
import { theme } from './theme-totals.js';

// Ratings with many ties, wide doubles and missing values, so every path gets exercised.
const cell = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constant(Number.NaN),
);
const pairedColumns = fc
  .array(fc.tuple(cell, cell), { maxLength: 80 })
  .map((rows) => [rows.map((r) => r[0]), rows.map((r) => r[1])] as const);

function expectWellFormed(result: CorrelationResult): void {
  if (result.r === null) {
    expect(result.reason).not.toBeNull();
    expect(result.p).toBeNull();
    return;
  }
  expect(result.r).toBeGreaterThanOrEqual(-1);
  expect(result.r).toBeLessThanOrEqual(1);
  if (result.p !== null) {
    expect(result.p).toBeGreaterThanOrEqual(0);
    expect(result.p).toBeLessThanOrEqual(1);
  }
  if (result.ci95 !== null) {
    expect(result.ci95[0]).toBeLessThanOrEqual(result.r);
    expect(result.ci95[1]).toBeGreaterThanOrEqual(result.r);
  }
}

describe('correlation properties', () => {
  it('r and ρ lie in [−1, 1] or are null with a reason; p in [0, 1]; the CI contains r', () => {
    fc.assert(
      fc.property(pairedColumns, ([x, y]) => {
        expectWellFormed(pearson(x, y));
        expectWellFormed(spearman(x, y));
      }),
    );
  });

  it('is symmetric in its arguments', () => {
    fc.assert(
      fc.property(pairedColumns, ([x, y]) => {
        const [xy, yx] = [pearson(x, y), pearson(y, x)];
        expect(xy.n).toBe(yx.n);
        if (xy.r !== null && yx.r !== null) expect(Math.abs(xy.r - yx.r)).toBeLessThan(1e-12);
      }),
    );
  });

  it('average ranks sum to n(n+1)/2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 100 }), (values) => {
        const sum = averageRanks(values).reduce((a, b) => a + b, 0);
        expect(sum).toBeCloseTo((values.length * (values.length + 1)) / 2, 9);
      }),
    );
  });
});

const themesArb = fc
  .array(
    fc.record({
      name: fc.constantFrom('a', 'b', 'B', 'c', 'delta', 'Echo'),
      count: fc.integer({ min: 0, max: 50 }),
      customerCostCents: fc.integer({ min: 0, max: 10_000 }),
      companyCostCents: fc.integer({ min: 0, max: 10_000 }),
      affectedRevenueCents: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) => rows.map((r, i) => ({ ...theme(r.name, r.count, r), themeId: `t${i}` })));
const measureArb = fc.constantFrom<ParetoMeasure>(
  'count',
  'customer-cost',
  'company-cost',
  'revenue',
);
const thresholdArb = fc.double({ min: 0.05, max: 1, noNaN: true });

describe('pareto properties', () => {
  it('sorts by value, has a monotone cumulative share ending at 1, and a minimal vital few', () => {
    fc.assert(
      fc.property(themesArb, measureArb, thresholdArb, (totals, measure, threshold) => {
        const result = pareto(totals, measure, threshold);
        const { rows } = result;
        expect(rows).toHaveLength(totals.length);
        rows.forEach((row, i) => {
          const prev = rows[i - 1];
          if (prev) expect(row.value).toBeLessThanOrEqual(prev.value);
          if (prev) expect(row.cumulativeShare).toBeGreaterThanOrEqual(prev.cumulativeShare);
          expect(row.vital).toBe(i < result.vitalFewCount);
        });
        if (result.empty) {
          expect(result.vitalFewCount).toBe(0);
          return;
        }
        expect(rows.at(-1)?.cumulativeShare).toBe(1);
        // Reaches the threshold, and one row fewer would not.
        expect(result.vitalFewShare).toBeGreaterThanOrEqual(threshold - 1e-9);
        const before = rows[result.vitalFewCount - 2]?.cumulativeShare ?? 0;
        expect(before).toBeLessThan(threshold - 1e-9);
        expect(rows.filter((r) => r.vital).every((r) => r.value > 0)).toBe(true);
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(themesArb, measureArb, (totals, measure) => {
        const forward = pareto(totals, measure).rows.map((r) => r.themeId);
        const backward = pareto([...totals].reverse(), measure).rows.map((r) => r.themeId);
        expect(backward).toEqual(forward);
      }),
    );
  });
});

describe('nps and predictiveness properties', () => {
  it('NPS lies in [−100, 100] and its groups add up to n', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (values) => {
        const result = nps(values);
        expect(result.promoters + result.passives + result.detractors).toBe(result.n);
        if (result.n === 0) expect(result.nps).toBeNull();
        else {
          expect(result.nps).toBeGreaterThanOrEqual(-100);
          expect(result.nps).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('the best lag has the largest |r| among lags with enough weeks', () => {
    const series = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 8, maxLength: 30 });
    fc.assert(
      fc.property(series, series, (metric, issues) => {
        const result = predictiveness(metric, issues);
        const eligible = result.lags.filter((l) => !l.tooFew && l.r !== null);
        const best = Math.max(...eligible.map((l) => Math.abs(l.r ?? 0)));
        if (result.bestLag === null) expect(eligible).toHaveLength(0);
        else expect(Math.abs(result.bestLag.r ?? 0)).toBe(best);
      }),
    );
  });
});
