// Machine-readable report shapes for `--json`. Money is in currency units with cents;
// shares are fractions (0.8007), with a rounded percent beside them for people.
import type { ParetoReport } from '../core/use-cases/pareto-report.js';
import type { ImpactReport } from '../core/use-cases/impact-report.js';

const units = (cents: number): number => cents / 100;
const percent = (share: number): number => Math.round(share * 10_000) / 100;

export const paretoJson = ({ result, driver, windowLabel }: ParetoReport): unknown => ({
  driver: driver?.name ?? null,
  measure: result.measure,
  window: windowLabel,
  threshold: result.threshold,
  grandTotal: result.measure === 'count' ? result.grandTotal : units(result.grandTotal),
  themeCount: result.rows.length,
  vitalFewCount: result.vitalFewCount,
  vitalFewShare: result.vitalFewShare,
  vitalFewPercent: percent(result.vitalFewShare),
  usefulManyCount: result.usefulManyCount,
  themes: result.rows.map((r) => ({
    rank: r.rank,
    theme: r.slug,
    name: r.name,
    value: result.measure === 'count' ? r.value : units(r.value),
    share: r.share,
    cumulativeShare: r.cumulativeShare,
    vital: r.vital,
    count: r.totals.count,
    customerCost: units(r.totals.customerCostCents),
    companyCost: units(r.totals.companyCostCents),
    affectedRevenue: units(r.totals.affectedRevenueCents),
    affectedCustomers: r.totals.affectedCustomers,
  })),
});

export const impactJson = (report: ImpactReport): unknown => ({
  theme: report.theme?.slug ?? null,
  driver: report.driver?.name ?? null,
  window: report.windowLabel,
  vitalFewCount: report.vitalFewCount,
  themeCount: report.themeCount,
  totals: {
    count: report.summary.totals.count,
    customerCost: units(report.summary.totals.customerCostCents),
    companyCost: units(report.summary.totals.companyCostCents),
    affectedRevenue: units(report.summary.totals.affectedRevenueCents),
    affectedRevenueIsUpperBound: report.summary.revenueTotalIsUpperBound,
  },
  themes: report.summary.themes.map((t) => ({
    theme: t.slug,
    name: t.name,
    count: t.count,
    customerCost: units(t.customerCostCents),
    companyCost: units(t.companyCostCents),
    affectedRevenue: units(t.affectedRevenueCents),
    affectedCustomers: t.affectedCustomers,
  })),
});
