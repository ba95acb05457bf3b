import { describe, expect, it } from 'vitest';
import { measureValue, pareto, type ParetoResult } from '../../../src/core/analytics/index.js';
import { readGoldenJson, type CfpbGolden } from './golden-fixtures.js';
import { theme } from './theme-totals.js';

const names = (result: ParetoResult): string[] => result.rows.map((r) => r.name);

describe('pareto on the CFPB sample (pandas value_counts of Issue)', () => {
  const golden = readGoldenJson<CfpbGolden>('cfpb-issue-counts.json');
  const result = pareto(
    golden.counts.map((c) => theme(c.name, c.count)),
    'count',
  );

  it('finds 86 themes, 11 of them vital, covering 80.07%', () => {
    expect(result.rows).toHaveLength(86);
    expect(result.grandTotal).toBe(golden.total);
    expect(result.vitalFewCount).toBe(11);
    expect(result.usefulManyCount).toBe(75);
    expect((result.vitalFewShare * 100).toFixed(2)).toBe('80.07');
    expect(result.vitalFewShare).toBeCloseTo(golden.vitalFewShare, 12);
    expect(result.vitalFewCount).toBe(golden.vitalFewCount);
  });

  it('orders rows by count like value_counts, with monotone cumulative share ending at 1', () => {
    expect(result.rows.map((r) => r.value)).toEqual(golden.counts.map((c) => c.count));
    expect(result.rows.at(-1)?.cumulativeShare).toBe(1);
    expect(result.rows.map((r) => r.rank)).toEqual(result.rows.map((_, i) => i + 1));
    expect(result.rows.slice(0, 11).every((r) => r.vital)).toBe(true);
    expect(result.rows.slice(11).some((r) => r.vital)).toBe(false);
  });
});

describe('pareto rules', () => {
  it('breaks ties by money total, then by name in code-unit order', () => {
    const result = pareto(
      [
        theme('beta', 5),
        theme('alpha', 5),
        theme('rich', 5, { customerCostCents: 100, companyCostCents: 1 }),
        theme('Zeta', 5),
        theme('big', 9),
      ],
      'count',
    );
    // 'Zeta' < 'alpha' in code units (uppercase first), whatever the host locale says.
    expect(names(result)).toEqual(['big', 'rich', 'Zeta', 'alpha', 'beta']);
  });

  it('includes the theme that crosses the threshold', () => {
    const result = pareto(
      [theme('a', 40), theme('b', 30), theme('c', 20), theme('d', 10)],
      'count',
    );
    expect(result.rows.map((r) => r.cumulativeShare)).toEqual([0.4, 0.7, 0.9, 1]);
    expect(result.vitalFewCount).toBe(3);
    expect(result.vitalFewShare).toBe(0.9);
  });

  it('stops at a prefix of exactly 80%', () => {
    const result = pareto([theme('a', 60), theme('b', 20), theme('c', 20)], 'count');
    expect(result.rows[1]?.cumulativeShare).toBe(0.8);
    expect(result.vitalFewCount).toBe(2);
  });

  it('counts a share that is 80% but rounds to 0.7999999999999999', () => {
    const costs = [0.1, 0.06, 0.04].map((c, i) => theme(`t${i}`, 1, { customerCostCents: c }));
    const result = pareto(costs, 'customer-cost');
    expect(result.rows[1]?.cumulativeShare).toBeLessThan(0.8);
    expect(result.vitalFewCount).toBe(2);
  });

  it('handles a custom threshold and rejects a bad one', () => {
    const totals = [theme('a', 50), theme('b', 30), theme('c', 20)];
    expect(pareto(totals, 'count', 0.5).vitalFewCount).toBe(1);
    expect(pareto(totals, 'count', 1).vitalFewCount).toBe(3);
    expect(() => pareto(totals, 'count', 0)).toThrow(RangeError);
    expect(() => pareto(totals, 'count', 1.5)).toThrow(RangeError);
  });

  it('never marks a zero theme vital, even at threshold 1', () => {
    const result = pareto([theme('a', 5), theme('none', 0)], 'count', 1);
    expect(result.rows.map((r) => r.vital)).toEqual([true, false]);
    expect(result.usefulManyCount).toBe(1);
  });

  it('flags zero totals as empty, with no vital few', () => {
    const result = pareto([theme('a', 0), theme('b', 0)], 'count');
    expect(result).toMatchObject({
      empty: true,
      grandTotal: 0,
      vitalFewCount: 0,
      vitalFewShare: 0,
    });
    expect(result.rows.every((r) => !r.vital && r.share === 0 && r.cumulativeShare === 0)).toBe(
      true,
    );
    expect(pareto([], 'count')).toMatchObject({ empty: true, rows: [], usefulManyCount: 0 });
  });

  it('makes a single theme the whole vital few', () => {
    const result = pareto([theme('only', 3)], 'count');
    expect(result.rows[0]).toMatchObject({ share: 1, cumulativeShare: 1, vital: true, rank: 1 });
    expect(result).toMatchObject({
      vitalFewCount: 1,
      vitalFewShare: 1,
      usefulManyCount: 0,
      empty: false,
    });
  });

  it('ranks by the chosen measure and keeps the raw totals', () => {
    const a = theme('a', 10, {
      customerCostCents: 1,
      companyCostCents: 50,
      affectedRevenueCents: 7,
    });
    const b = theme('b', 1, {
      customerCostCents: 9,
      companyCostCents: 5,
      affectedRevenueCents: 70,
    });
    expect(names(pareto([a, b], 'count'))).toEqual(['a', 'b']);
    expect(names(pareto([a, b], 'customer-cost'))).toEqual(['b', 'a']);
    expect(names(pareto([a, b], 'company-cost'))).toEqual(['a', 'b']);
    expect(names(pareto([a, b], 'revenue'))).toEqual(['b', 'a']);
    expect(pareto([a, b], 'revenue').rows[0]?.totals).toBe(b);
  });

  it('counts negative or non-finite measures as 0', () => {
    expect(measureValue(theme('x', 1, { customerCostCents: -5 }), 'customer-cost')).toBe(0);
    expect(measureValue(theme('x', Number.NaN), 'count')).toBe(0);
  });
});
