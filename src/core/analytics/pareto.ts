// Pareto analysis of themes: rank by a measure, accumulate shares, and mark the vital few
// (the smallest prefix reaching the threshold, 80% by default) and the useful many.
import type { ThemeTotals } from '../domain/types.js';

export type ParetoMeasure = 'count' | 'customer-cost' | 'company-cost' | 'revenue';

export const PARETO_MEASURES: readonly ParetoMeasure[] = [
  'count',
  'customer-cost',
  'company-cost',
  'revenue',
];

export interface ParetoRow {
  themeId: string;
  slug: string;
  name: string;
  /** The theme's measure (count or cents). */
  value: number;
  /** value / grandTotal; 0 when the grand total is 0. */
  share: number;
  /** Running total up to and including this row / grandTotal. */
  cumulativeShare: number;
  /** 1-based position after sorting. */
  rank: number;
  vital: boolean;
  totals: ThemeTotals;
}

export interface ParetoResult {
  measure: ParetoMeasure;
  threshold: number;
  rows: ParetoRow[];
  grandTotal: number;
  vitalFewCount: number;
  /** Cumulative share of the last vital theme; 0 when there is none. */
  vitalFewShare: number;
  usefulManyCount: number;
  /** True when the grand total is 0: nothing to rank, so nothing is vital. */
  empty: boolean;
}

// Shares are ratios of sums, so a prefix that is "exactly 80%" can land a few ulps below
// 0.8; this slack lets it count without admitting any share a user could tell apart.
const SHARE_EPSILON = 1e-9;

/**
 * The theme's value for a measure. Negative or non-finite values count as 0: shares of
 * a total only make sense for non-negative amounts.
 */
export function measureValue(totals: ThemeTotals, measure: ParetoMeasure): number {
  const raw =
    measure === 'count'
      ? totals.count
      : measure === 'customer-cost'
        ? totals.customerCostCents
        : measure === 'company-cost'
          ? totals.companyCostCents
          : totals.affectedRevenueCents;
  return Number.isFinite(raw) && raw > 0 ? raw : 0;
}

const moneyTotal = (t: ThemeTotals): number => t.customerCostCents + t.companyCostCents;

// Plain code-unit comparison, not localeCompare, so the order never depends on the host's locale.
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sort order: measure desc, then money total desc, then name asc (then id, for a total order). */
export function paretoComparator(
  measure: ParetoMeasure,
): (a: ThemeTotals, b: ThemeTotals) => number {
  return (a, b) =>
    measureValue(b, measure) - measureValue(a, measure) ||
    moneyTotal(b) - moneyTotal(a) ||
    compareText(a.name, b.name) ||
    compareText(a.themeId, b.themeId);
}

/** Ranks themes by `measure` and marks the vital few reaching `threshold` (0 < threshold ≤ 1). */
export function pareto(
  totals: readonly ThemeTotals[],
  measure: ParetoMeasure,
  threshold = 0.8,
): ParetoResult {
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`Pareto threshold must be in (0, 1], got ${threshold}.`);
  }
  const sorted = [...totals].sort(paretoComparator(measure));
  const values = sorted.map((t) => measureValue(t, measure));
  // Summed in the same order as the running total, so the last cumulative share is exactly 1.
  const grandTotal = values.reduce((sum, v) => sum + v, 0);
  const empty = grandTotal === 0;
  let running = 0;
  let reached = false;
  const rows = sorted.map((t, i): ParetoRow => {
    const value = values[i] as number;
    running += value;
    const cumulativeShare = empty ? 0 : running / grandTotal;
    // Vital while the threshold had not yet been reached before this row; zeros never are.
    const vital = !empty && !reached && value > 0;
    if (vital && cumulativeShare >= threshold - SHARE_EPSILON) reached = true;
    const { themeId, slug, name } = t;
    const share = empty ? 0 : value / grandTotal;
    return { themeId, slug, name, value, share, cumulativeShare, rank: i + 1, vital, totals: t };
  });
  const vitalFewCount = rows.filter((r) => r.vital).length;
  const lastVital = vitalFewCount > 0 ? rows[vitalFewCount - 1] : undefined;
  return {
    measure,
    threshold,
    rows,
    grandTotal,
    vitalFewCount,
    vitalFewShare: lastVital?.cumulativeShare ?? 0,
    usefulManyCount: rows.length - vitalFewCount,
    empty,
  };
}
