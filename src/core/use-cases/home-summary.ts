// What a person sees on their home surface (Slack's App Home tab): their open action
// plans (overdue first), the vital few of their workspace and the 5-whys in progress.
import type { ParetoRow } from '../analytics/index.js';
import type { UserRef } from '../domain/types.js';
import type { CoreDeps } from './core-deps.js';
import { paretoReport } from './pareto-report.js';
import { listActionPlans, type ListedPlan } from './plan-lists.js';

export const HOME_WINDOW_DAYS = 90;
export const HOME_LIST_LIMIT = 10;

export interface OpenWhy {
  themeSlug: string;
  channelId: string;
  startedBy: string;
  lastActivityAt: Date;
}

export interface HomeSummary {
  /** Open plans the person owns, overdue first, then by due date. */
  myPlans: ListedPlan[];
  vitalFew: ParetoRow[];
  /** Cumulative share of the vital few; 0 when nothing was logged. */
  vitalFewShare: number;
  themeCount: number;
  issueCount: number;
  openWhys: OpenWhy[];
}

const openWhys = (deps: CoreDeps, tenantId: string): OpenWhy[] =>
  deps.repos.whySessions.list(tenantId, { status: 'open', limit: HOME_LIST_LIMIT }).map((s) => ({
    themeSlug: deps.repos.themes.get(tenantId, s.themeId)?.slug ?? 'unknown',
    channelId: s.channelId,
    startedBy: s.startedBy,
    lastActivityAt: s.lastActivityAt,
  }));

export const homeSummary = (deps: CoreDeps, user: UserRef): HomeSummary => {
  const { tenantId } = user;
  const since = new Date(deps.clock.now().getTime() - HOME_WINDOW_DAYS * 86_400_000);
  const { result } = paretoReport(deps, tenantId, { window: { since }, measure: 'count' });
  const actor = { tenantId, userId: user.userId, name: user.name ?? null };
  return {
    myPlans: listActionPlans(deps, actor, { kind: 'mine' }).plans,
    vitalFew: result.rows.filter((r) => r.vital),
    vitalFewShare: result.vitalFewShare,
    themeCount: result.rows.length,
    issueCount: result.grandTotal,
    openWhys: openWhys(deps, tenantId),
  };
};
