import { AppError } from '../domain/errors.js';
import type { Issue, Theme, TimeWindow } from '../domain/types.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { requireCustomer, requireDriver, requireTheme } from './catalog.js';

export interface IssueListInput extends TimeWindow {
  theme?: string;
  driver?: string;
  customer?: string;
  text?: string;
  limit?: number;
  offset?: number;
}

export interface IssueList {
  total: number;
  issues: Array<Issue & { themeSlug: string }>;
  offset: number;
}

export const listIssues = (deps: CoreDeps, actor: Actor, input: IssueListInput): IssueList => {
  const { tenantId } = actor;
  const query = {
    ...(input.theme ? { themeId: requireTheme(deps, tenantId, input.theme).id } : {}),
    ...(input.driver ? { keyDriverId: requireDriver(deps, tenantId, input.driver).id } : {}),
    ...(input.customer ? { customerId: requireCustomer(deps, tenantId, input.customer).id } : {}),
    ...(input.text ? { text: input.text } : {}),
    ...(input.since ? { since: input.since } : {}),
    ...(input.until ? { until: input.until } : {}),
    limit: Math.min(Math.max(input.limit ?? 20, 1), 200),
    offset: Math.max(input.offset ?? 0, 0),
  };
  const { total, issues } = deps.repos.issues.search(tenantId, query);
  const themes = new Map<string, Theme | null>();
  const slugOf = (id: string): string => {
    if (!themes.has(id)) themes.set(id, deps.repos.themes.get(tenantId, id));
    return themes.get(id)?.slug ?? 'unknown';
  };
  return {
    total,
    offset: query.offset,
    issues: issues.map((i) => ({ ...i, themeSlug: slugOf(i.themeId) })),
  };
};

export const getIssue = (deps: CoreDeps, actor: Actor, number: number): Issue => {
  const issue = deps.repos.issues.getByNumber(actor.tenantId, number);
  if (!issue) throw new AppError('issue.not-found', `There is no issue CX-${number}.`);
  return issue;
};
