// Monetary impact of themes: what they cost customers, what they cost the company, and the
// annual revenue of the distinct customers they affect.
import type { ThemeTotals } from '../domain/types.js';
import type { ParetoResult } from './pareto.js';

export interface ThemeImpact {
  themeId: string;
  slug: string;
  name: string;
  count: number;
  customerCostCents: number;
  companyCostCents: number;
  /** Annual revenue of the distinct customers this theme affects. */
  affectedRevenueCents: number;
  affectedCustomers: number;
}

export interface ImpactSummary {
  themes: ThemeImpact[];
  totals: {
    count: number;
    customerCostCents: number;
    companyCostCents: number;
    affectedRevenueCents: number;
  };
  /**
   * True when affectedRevenueCents is the plain sum over themes: a customer hit by two
   * themes is then counted twice, so the figure is an upper bound, not the exact revenue.
   */
  revenueTotalIsUpperBound: boolean;
}

export interface ImpactOptions {
  /** Revenue of the distinct customers across all the themes, computed by the caller. */
  distinctRevenueCents?: number;
}

/** One theme's impact figures. */
export function themeImpact(t: ThemeTotals): ThemeImpact {
  return {
    themeId: t.themeId,
    slug: t.slug,
    name: t.name,
    count: t.count,
    customerCostCents: t.customerCostCents,
    companyCostCents: t.companyCostCents,
    affectedRevenueCents: t.affectedRevenueCents,
    affectedCustomers: t.affectedCustomers,
  };
}

/** The impact of the theme with `themeId`, or null when it is not among `totals`. */
export function impactFor(totals: readonly ThemeTotals[], themeId: string): ThemeImpact | null {
  const found = totals.find((t) => t.themeId === themeId);
  return found ? themeImpact(found) : null;
}

/**
 * Per-theme impact and totals over `themes`. Costs add up exactly (each issue belongs to one
 * theme); revenue does not, so supply `distinctRevenueCents` for an exact total.
 */
export function impactTotals(
  themes: readonly ThemeTotals[],
  options: ImpactOptions = {},
): ImpactSummary {
  const rows = themes.map(themeImpact);
  const sum = (pick: (t: ThemeImpact) => number): number =>
    rows.reduce((acc, t) => acc + pick(t), 0);
  const exactRevenue = options.distinctRevenueCents;
  // With a single theme its own figure is already over distinct customers, so it is exact.
  const upperBound = exactRevenue === undefined && rows.length > 1;
  return {
    themes: rows,
    totals: {
      count: sum((t) => t.count),
      customerCostCents: sum((t) => t.customerCostCents),
      companyCostCents: sum((t) => t.companyCostCents),
      affectedRevenueCents: exactRevenue ?? sum((t) => t.affectedRevenueCents),
    },
    revenueTotalIsUpperBound: upperBound,
  };
}

/** Impact of the vital few of a Pareto result, in its rank order. */
export function vitalFewImpact(result: ParetoResult, options: ImpactOptions = {}): ImpactSummary {
  return impactTotals(
    result.rows.filter((row) => row.vital).map((row) => row.totals),
    options,
  );
}
