// Gathers what a staff-meeting digest shows: the vital few with their trend, money,
// root-cause status, metric and plans; what changed since the last digest; overdue
// plans; quick wins; and the habit scorecard. Pure reads through the ports.
import type { ActionPlan, Metric, MetricReading } from '../domain/plans.js';
import type { KeyDriver, Theme, ThemeTotals } from '../domain/types.js';
import type { RootCause } from '../ports/why-repositories.js';
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

/** Per theme, the first confirmed root cause (listByTheme's order), from one read. */
const firstConfirmedByTheme = (causes: RootCause[]): Map<string, RootCause> => {
  const byTheme = new Map<string, RootCause>();
  for (const cause of causes)
    if (cause.confirmedAt && !byTheme.has(cause.themeId)) byTheme.set(cause.themeId, cause);
  return byTheme;
};

/** Per theme, its first metric by name and that metric's newest reading: two reads in all. */
const metricsByTheme = (deps: CoreDeps, tenantId: string): Map<string, DigestTheme['metric']> => {
  const first = new Map<string, Metric>();
  for (const metric of deps.repos.metrics.list(tenantId))
    if (!first.has(metric.themeId)) first.set(metric.themeId, metric);
  const ids = [...first.values()].map((m) => m.id);
  const latest = new Map(
    deps.repos.metrics.latestReadings(tenantId, ids).map((r) => [r.metricId, r]),
  );
  return new Map(
    [...first].map(([themeId, metric]) => [
      themeId,
      { metric, latest: latest.get(metric.id) ?? null },
    ]),
  );
};

const groupBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};

const scorecard = (
  themes: Theme[],
  found: Map<string, RootCause>,
  plans: ActionPlan[],
): DigestContent['scorecard'] => {
  const done = plans.filter((p) => p.status === 'done' && p.completedAt);
  const onTime = done.filter((p) => isoDay(p.completedAt as Date) <= p.dueDate).length;
  const prevention = plans.filter((p) => p.level !== 'resolve').length;
  // From a theme's first appearance to its root cause being confirmed, in days.
  const days = themes.flatMap((theme) => {
    const confirmedAt = found.get(theme.id)?.confirmedAt;
    return confirmedAt ? [(confirmedAt.getTime() - theme.createdAt.getTime()) / DAY_MS] : [];
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

/** What the digest needs about every theme, read once for all themes, not per theme. */
interface ThemeFacts {
  themes: Theme[];
  plans: ActionPlan[];
  openPlans: Map<string, ActionPlan[]>;
  openWhys: Set<string>;
  /** Root causes of existing themes, in listByTheme's order. */
  causes: RootCause[];
  found: Map<string, RootCause>;
  metrics: Map<string, DigestTheme['metric']>;
}

const gatherThemeFacts = (deps: CoreDeps, tenantId: string): ThemeFacts => {
  const themes = deps.repos.themes.list(tenantId);
  const themeIds = new Set(themes.map((t) => t.id));
  const plans = deps.repos.actionPlans.list(tenantId);
  const causes = deps.repos.rootCauses.list(tenantId).filter((r) => themeIds.has(r.themeId));
  return {
    themes,
    plans,
    openPlans: groupBy(
      plans.filter((p) => p.status !== 'done'),
      (p) => p.themeId,
    ),
    openWhys: new Set(
      deps.repos.whySessions.list(tenantId, { status: 'open' }).map((s) => s.themeId),
    ),
    causes,
    found: firstConfirmedByTheme(causes),
    metrics: metricsByTheme(deps, tenantId),
  };
};

const rootCauseOf = (facts: ThemeFacts, themeId: string): DigestTheme['rootCause'] => {
  const found = facts.found.get(themeId);
  if (found) return { status: 'found', text: found.text };
  return { status: facts.openWhys.has(themeId) ? 'open' : 'none', text: null };
};

/** Issue counts per theme in [since, until); countsByTheme reads just the period's rows. */
const periodCounts = (
  deps: CoreDeps,
  tenantId: string,
  filter: { keyDriverId?: string; since: Date; until: Date },
): Map<string, number> =>
  new Map(deps.repos.issues.countsByTheme(tenantId, filter).map((t) => [t.themeId, t.count]));

export const buildDigestContent = (deps: CoreDeps, scope: DigestScope): DigestContent => {
  const { tenantId, now } = scope;
  const periodStart = scope.since ?? new Date(now.getTime() - DEFAULT_DIGEST_PERIOD_DAYS * DAY_MS);
  const previousStart = new Date(periodStart.getTime() - (now.getTime() - periodStart.getTime()));
  const driverFilter = scope.keyDriverId ? { keyDriverId: scope.keyDriverId } : {};
  const ranking = pareto(deps.repos.issues.totalsByTheme(tenantId, driverFilter), 'count');
  const previous = periodCounts(deps, tenantId, {
    ...driverFilter,
    since: previousStart,
    until: periodStart,
  });
  const current = periodCounts(deps, tenantId, { ...driverFilter, since: periodStart, until: now });
  const facts = gatherThemeFacts(deps, tenantId);
  const { plans } = facts;
  const today = isoDay(now);
  return {
    driver: scope.keyDriverId ? deps.repos.keyDrivers.get(tenantId, scope.keyDriverId) : null,
    periodStart,
    now,
    late: scope.late,
    pareto: ranking,
    vitalFew: ranking.rows
      .filter((r) => r.vital)
      .map((r) => ({
        totals: { ...r.totals, count: current.get(r.themeId) ?? 0 },
        share: r.share,
        previousCount: previous.get(r.themeId) ?? 0,
        rootCause: rootCauseOf(facts, r.themeId),
        metric: facts.metrics.get(r.themeId) ?? null,
        plans: facts.openPlans.get(r.themeId) ?? [],
      })),
    quickWins: ranking.rows
      .filter((r) => !r.vital)
      .slice(0, MAX_QUICK_WINS)
      .map((r) => r.totals),
    changes: {
      newIssues: [...current.values()].reduce((a, b) => a + b, 0),
      newRootCauses: facts.causes.filter((r) => r.confirmedAt && r.confirmedAt >= periodStart)
        .length,
      plansCompleted: plans.filter((p) => p.completedAt && p.completedAt >= periodStart).length,
    },
    overdue: plans.filter((p) => p.status !== 'done' && p.dueDate < today),
    scorecard: scorecard(facts.themes, facts.found, plans),
  };
};
