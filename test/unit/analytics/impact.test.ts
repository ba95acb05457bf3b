import { describe, expect, it } from 'vitest';
import {
  impactFor,
  impactTotals,
  pareto,
  vitalFewImpact,
} from '../../../src/core/analytics/index.js';
import { theme } from './theme-totals.js';

const totals = [
  theme('late', 60, {
    customerCostCents: 1_000,
    companyCostCents: 5_000,
    affectedRevenueCents: 900_000,
    affectedCustomers: 3,
  }),
  theme('broken', 30, {
    customerCostCents: 2_000,
    companyCostCents: 100,
    affectedRevenueCents: 500_000,
    affectedCustomers: 2,
  }),
  theme('rude', 10, { customerCostCents: 7, companyCostCents: 3, affectedRevenueCents: 100 }),
];

describe('impact', () => {
  it('sums the vital few and marks the revenue sum as an upper bound', () => {
    const summary = vitalFewImpact(pareto(totals, 'count'));
    expect(summary.themes.map((t) => t.name)).toEqual(['late', 'broken']);
    expect(summary.totals).toEqual({
      count: 90,
      customerCostCents: 3_000,
      companyCostCents: 5_100,
      affectedRevenueCents: 1_400_000,
    });
    expect(summary.revenueTotalIsUpperBound).toBe(true);
  });

  it('uses a distinct revenue figure from the caller when given', () => {
    const summary = vitalFewImpact(pareto(totals, 'count'), { distinctRevenueCents: 1_100_000 });
    expect(summary.totals.affectedRevenueCents).toBe(1_100_000);
    expect(summary.revenueTotalIsUpperBound).toBe(false);
  });

  it('is exact for a single theme and zero for none', () => {
    expect(impactTotals(totals.slice(0, 1)).revenueTotalIsUpperBound).toBe(false);
    const none = impactTotals([]);
    expect(none.totals).toEqual({
      count: 0,
      customerCostCents: 0,
      companyCostCents: 0,
      affectedRevenueCents: 0,
    });
    expect(vitalFewImpact(pareto([theme('z', 0)], 'count')).themes).toEqual([]);
  });

  it('finds one theme by id', () => {
    expect(impactFor(totals, 'id-broken')).toEqual({
      themeId: 'id-broken',
      slug: 'broken',
      name: 'broken',
      count: 30,
      customerCostCents: 2_000,
      companyCostCents: 100,
      affectedRevenueCents: 500_000,
      affectedCustomers: 2,
    });
    expect(impactFor(totals, 'missing')).toBeNull();
  });
});
