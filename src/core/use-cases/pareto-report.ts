// Pareto over themes, within one key driver or over all, for a time window.
import type { KeyDriver, TimeWindow } from '../domain/types.js';
import { pareto, type ParetoMeasure, type ParetoResult } from '../analytics/index.js';
import type { CoreDeps } from './core-deps.js';
import { requireDriver } from './catalog.js';

export interface ParetoReportInput {
  driver?: string | null;
  measure?: ParetoMeasure;
  window?: TimeWindow;
  windowLabel?: string;
}

export interface ParetoReport {
  result: ParetoResult;
  driver: KeyDriver | null;
  windowLabel: string;
}

export const paretoReport = (
  deps: CoreDeps,
  tenantId: string,
  input: ParetoReportInput,
): ParetoReport => {
  const driver = input.driver ? requireDriver(deps, tenantId, input.driver) : null;
  const totals = deps.repos.issues.totalsByTheme(tenantId, {
    ...(input.window ?? {}),
    ...(driver ? { keyDriverId: driver.id } : {}),
  });
  return {
    result: pareto(totals, input.measure ?? 'count'),
    driver,
    windowLabel: input.windowLabel ?? 'all time',
  };
};
