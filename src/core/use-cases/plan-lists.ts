// Lists of action plans (mine, a theme's, overdue, due this week, all open) and how the
// listed work splits across the three levels.
import type { ActionLevel, ActionPlan } from '../domain/plans.js';
import { addDaysTo, dayStart } from '../domain/iso-weeks.js';
import type { ActionListFilter } from '../commands/command-types.js';
import type { ActionPlanFilter } from '../ports/plan-repositories.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { requireTheme } from './catalog.js';
import { todayOf } from './action-plans.js';

export interface ListedPlan extends ActionPlan {
  themeSlug: string;
  overdue: boolean;
}

export interface LevelSplit {
  resolve: number;
  recurrence: number;
  occurrence: number;
  /** Share of plans that prevent (recurrence + occurrence); null when there are none. */
  preventionShare: number | null;
}

export interface PlanList {
  filter: ActionListFilter;
  today: string;
  plans: ListedPlan[];
  split: LevelSplit;
}

export const levelSplit = (plans: ReadonlyArray<{ level: ActionLevel }>): LevelSplit => {
  const count = (level: ActionLevel): number => plans.filter((p) => p.level === level).length;
  const split = {
    resolve: count('resolve'),
    recurrence: count('recurrence'),
    occurrence: count('occurrence'),
  };
  const total = split.resolve + split.recurrence + split.occurrence;
  return {
    ...split,
    preventionShare: total === 0 ? null : (split.recurrence + split.occurrence) / total,
  };
};

/** The coming Sunday, or today when today is Sunday: the end of "this week". */
export const endOfWeek = (today: string): string =>
  addDaysTo(today, (7 - dayStart(today).getUTCDay()) % 7);

const queryFor = (
  deps: CoreDeps,
  actor: Actor,
  filter: ActionListFilter,
  today: string,
): ActionPlanFilter => {
  switch (filter.kind) {
    case 'mine':
      return { ownerId: actor.userId ?? '', open: true };
    case 'theme':
      // A theme's history includes finished plans: they show what was tried.
      return { themeId: requireTheme(deps, actor.tenantId, filter.slug).id };
    case 'overdue':
      return { open: true, dueTo: addDaysTo(today, -1) };
    case 'week':
      return { open: true, dueFrom: today, dueTo: endOfWeek(today) };
    case 'all':
      return { open: true };
  }
};

/** Open plans by due date (so overdue ones come first), finished plans last. */
const byUrgency = (a: ListedPlan, b: ListedPlan): number =>
  Number(a.status === 'done') - Number(b.status === 'done') ||
  a.dueDate.localeCompare(b.dueDate) ||
  a.number - b.number;

export const listActionPlans = (
  deps: CoreDeps,
  actor: Actor,
  filter: ActionListFilter,
): PlanList => {
  const today = todayOf(deps);
  const slugs = new Map<string, string>();
  const slugOf = (themeId: string): string => {
    if (!slugs.has(themeId))
      slugs.set(themeId, deps.repos.themes.get(actor.tenantId, themeId)?.slug ?? 'unknown');
    return slugs.get(themeId) ?? 'unknown';
  };
  const plans = deps.repos.actionPlans
    .list(actor.tenantId, queryFor(deps, actor, filter, today))
    .map((p) => ({
      ...p,
      themeSlug: slugOf(p.themeId),
      overdue: p.status !== 'done' && p.dueDate < today,
    }))
    .sort(byUrgency);
  return { filter, today, plans, split: levelSplit(plans) };
};
