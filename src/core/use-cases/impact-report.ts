// The money at stake: for one theme, or for the vital few (by count) of a driver or of all.
import type { KeyDriver, Theme, TimeWindow } from '../domain/types.js';
import { pareto, themeImpact, vitalFewImpact, type ImpactSummary } from '../analytics/index.js';
import type { CoreDeps } from './core-deps.js';
import { requireDriver, requireTheme } from './catalog.js';

export interface ImpactReportInput {
  theme?: string | null;
  driver?: string | null;
  window?: TimeWindow;
  windowLabel?: string;
}

export interface ImpactReport {
  summary: ImpactSummary;
  theme: Theme | null;
  driver: KeyDriver | null;
  /** How many themes the vital few hold, and how many themes exist in the window. */
  vitalFewCount: number;
  themeCount: number;
  windowLabel: string;
}

export const impactReport = (
  deps: CoreDeps,
  tenantId: string,
  input: ImpactReportInput,
): ImpactReport => {
  const driver = input.driver ? requireDriver(deps, tenantId, input.driver) : null;
  const theme = input.theme ? requireTheme(deps, tenantId, input.theme) : null;
  const filter = { ...(input.window ?? {}), ...(driver ? { keyDriverId: driver.id } : {}) };
  const totals = deps.repos.issues.totalsByTheme(tenantId, filter);
  const windowLabel = input.windowLabel ?? 'all time';
  if (theme) {
    const found = totals.find((t) => t.themeId === theme.id);
    const themes = found ? [themeImpact(found)] : [];
    const sum = (
      key: 'count' | 'customerCostCents' | 'companyCostCents' | 'affectedRevenueCents',
    ): number => themes.reduce((s, t) => s + t[key], 0);
    const summary: ImpactSummary = {
      themes,
      totals: {
        count: sum('count'),
        customerCostCents: sum('customerCostCents'),
        companyCostCents: sum('companyCostCents'),
        affectedRevenueCents: sum('affectedRevenueCents'),
      },
      revenueTotalIsUpperBound: false,
    };
    return {
      summary,
      theme,
      driver,
      vitalFewCount: themes.length,
      themeCount: totals.length,
      windowLabel,
    };
  }
  const result = pareto(totals, 'count');
  const vitalIds = result.rows.filter((r) => r.vital).map((r) => r.themeId);
  const distinctRevenueCents = deps.repos.issues.affectedRevenue(tenantId, vitalIds, filter);
  return {
    summary: vitalFewImpact(result, { distinctRevenueCents }),
    theme: null,
    driver,
    vitalFewCount: result.vitalFewCount,
    themeCount: totals.length,
    windowLabel,
  };
};
