// Gathers what a staff-meeting digest shows: the vital few with their trend, money,
// root-cause status, metric and plans; what changed since the last digest; overdue
// plans; quick wins; and the habit scorecard. Pure reads through the ports.
import type { ActionPlan, Metric, MetricReading } from '../domain/plans.js';
import type { KeyDriver, ThemeTotals } from '../domain/types.js';
import { pareto, type ParetoResult } from '../analytics/index.js';
import type { CoreDeps } from '../use-cases/core-deps.js';

const DAY_MS = 86_400_000;
export const DEFAULT_DIGEST_PERIOD_DAYS = 7;
export const MAX_QUICK_WINS = 5;

export type RootCauseStatus = 'none' | 'open' | 'found';

export interface DigestTheme {
  totals: ThemeTotals;
  share: number;
  previousCount: number;
  rootCause: { status: RootCauseStatus; text: string | null };
  metric: { metric: Metric; latest: MetricReading | null } | null;
  plans: ActionPlan[];
}

export interface DigestContent {
  driver: KeyDriver | null;
  periodStart: Date;
  now: Date;
  late: boolean;
  pareto: ParetoResult;
  vitalFew: DigestTheme[];
  quickWins: ThemeTotals[];
  changes: { newIssues: number; newRootCauses: number; plansCompleted: number };
  overdue: ActionPlan[];
  scorecard: {
    doneOnTime: number | null;
    doneCount: number;
    preventionShare: number | null;
    medianDaysToRootCause: number | null;
  };
}

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const rootCauseOf = (
  deps: CoreDeps,
  tenantId: string,
  themeId: string,
  openThemes: Set<string>,
): DigestTheme['rootCause'] => {
  const found = deps.repos.rootCauses
    .listByTheme(tenantId, themeId)
    .find((r) => r.confirmedAt !== null);
  if (found) return { status: 'found', text: found.text };
  return { status: openThemes.has(themeId) ? 'open' : 'none', text: null };
};

const metricOf = (deps: CoreDeps, tenantId: string, themeId: string): DigestTheme['metric'] => {
  const metric = deps.repos.metrics.list(tenantId, { themeId })[0];
  if (!metric) return null;
  return {
    metric,
    latest: deps.repos.metrics.readings(tenantId, metric.id, { last: 1 })[0] ?? null,
  };
};

const scorecard = (
  deps: CoreDeps,
  tenantId: string,
  plans: ActionPlan[],
): DigestContent['scorecard'] => {
  const done = plans.filter((p) => p.status === 'done' && p.completedAt);
  const onTime = done.filter((p) => isoDay(p.completedAt as Date) <= p.dueDate).length;
  const prevention = plans.filter((p) => p.level !== 'resolve').length;
  // From a theme's first appearance to its root cause being confirmed, in days.
  const days = deps.repos.themes.list(tenantId).flatMap((theme) => {
    const found = deps.repos.rootCauses.listByTheme(tenantId, theme.id).find((r) => r.confirmedAt);
    return found?.confirmedAt
      ? [(found.confirmedAt.getTime() - theme.createdAt.getTime()) / DAY_MS]
      : [];
  });
  return {
    doneOnTime: done.length ? onTime / done.length : null,
    doneCount: done.length,
    preventionShare: plans.length ? prevention / plans.length : null,
    medianDaysToRootCause: median(days),
  };
};

export interface DigestScope {
  tenantId: string;
  keyDriverId: string | null;
  /** The last time this digest posted; the period is since then (or the default week). */
  since: Date | null;
  now: Date;
  late: boolean;
}

export const buildDigestContent = (deps: CoreDeps, scope: DigestScope): DigestContent => {
  const { tenantId, now } = scope;
  const periodStart = scope.since ?? new Date(now.getTime() - DEFAULT_DIGEST_PERIOD_DAYS * DAY_MS);
  const previousStart = new Date(periodStart.getTime() - (now.getTime() - periodStart.getTime()));
  const driverFilter = scope.keyDriverId ? { keyDriverId: scope.keyDriverId } : {};
  const ranking = pareto(deps.repos.issues.totalsByTheme(tenantId, driverFilter), 'count');
  // Only counts are needed for the periods: countsByTheme reads just the period's rows.
  const previous = new Map(
    deps.repos.issues
      .countsByTheme(tenantId, { ...driverFilter, since: previousStart, until: periodStart })
      .map((t) => [t.themeId, t.count]),
  );
  const current = new Map(
    deps.repos.issues
      .countsByTheme(tenantId, { ...driverFilter, since: periodStart, until: now })
      .map((t) => [t.themeId, t.count]),
  );
  const openThemes = new Set(
    deps.repos.whySessions.list(tenantId, { status: 'open' }).map((s) => s.themeId),
  );
  const plans = deps.repos.actionPlans.list(tenantId);
  const today = isoDay(now);
  const vitalFew = ranking.rows
    .filter((r) => r.vital)
    .map((r) => ({
      totals: { ...r.totals, count: current.get(r.themeId) ?? 0 },
      share: r.share,
      previousCount: previous.get(r.themeId) ?? 0,
      rootCause: rootCauseOf(deps, tenantId, r.themeId, openThemes),
      metric: metricOf(deps, tenantId, r.themeId),
      plans: plans.filter((p) => p.themeId === r.themeId && p.status !== 'done'),
    }));
  const newRootCauses = deps.repos.themes
    .list(tenantId)
    .flatMap((t) => deps.repos.rootCauses.listByTheme(tenantId, t.id))
    .filter((r) => r.confirmedAt && r.confirmedAt >= periodStart).length;
  return {
    driver: scope.keyDriverId ? deps.repos.keyDrivers.get(tenantId, scope.keyDriverId) : null,
    periodStart,
    now,
    late: scope.late,
    pareto: ranking,
    vitalFew,
    quickWins: ranking.rows
      .filter((r) => !r.vital)
      .slice(0, MAX_QUICK_WINS)
      .map((r) => r.totals),
    changes: {
      newIssues: [...current.values()].reduce((a, b) => a + b, 0),
      newRootCauses,
      plansCompleted: plans.filter((p) => p.completedAt && p.completedAt >= periodStart).length,
    },
    overdue: plans.filter((p) => p.status !== 'done' && p.dueDate < today),
    scorecard: scorecard(deps, tenantId, plans),
  };
};
