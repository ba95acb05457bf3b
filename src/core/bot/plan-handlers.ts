// cx-action: add, list, update, complete, reopen and comment on action plans.
import { parseIsoDate } from '../commands/calendar.js';
import { resolveDateSpec, type ActionCommand, type DateSpec } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import {
  planAddedView,
  planChangedView,
  planCommentView,
  planDoneView,
  planListView,
  planReopenedView,
} from '../views/plan-views.js';
import {
  addActionPlan,
  commentOnActionPlan,
  completeActionPlan,
  reopenActionPlan,
  todayOf,
  updateActionPlan,
  type PlanChanges,
} from '../use-cases/action-plans.js';
import { listActionPlans } from '../use-cases/plan-lists.js';
import { resolveOwner } from '../use-cases/owners.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { AppError } from '../domain/errors.js';
import type { Theme } from '../domain/types.js';
import { actorOf, type CommandContext } from './command-context.js';
import { themeHint } from './theme-hint.js';

/** The theme a plan or metric is for; plans are made for themes that issues already use. */
export const knownTheme = (deps: CoreDeps, tenantId: string, slug: string): Theme => {
  const theme = deps.repos.themes.findBySlug(tenantId, slug);
  if (!theme)
    throw new AppError(
      'theme.not-found',
      `There is no theme #${slug} yet. ${themeHint(deps, tenantId)}`,
    );
  return theme;
};

/** A typed due date (friday, +3d, 2026-12-01) as YYYY-MM-DD, against the core's clock. */
const dueDateOf = (deps: CoreDeps, spec: DateSpec): string => {
  const today = parseIsoDate(todayOf(deps));
  if (!today) throw new Error(`The clock gave an impossible date: ${todayOf(deps)}`);
  return resolveDateSpec(spec, today);
};

const addPlan = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: Extract<ActionCommand, { kind: 'action.add' }>,
): MessageView => {
  const actor = actorOf(ctx);
  // One transaction, so a failed add never leaves a half-made owner behind.
  const { plan, theme } = deps.repos.transaction(() => {
    const theme = knownTheme(deps, actor.tenantId, command.themeSlug);
    const owner = resolveOwner(deps, actor.tenantId, command.owner, ctx.user);
    const plan = addActionPlan(deps, actor, {
      themeId: theme.id,
      title: command.title,
      owner,
      dueDate: dueDateOf(deps, command.due),
      level: command.level,
    });
    return { plan, theme };
  });
  return planAddedView(plan, theme, todayOf(deps));
};

const updatePlan = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: Extract<ActionCommand, { kind: 'action.update' }>,
): MessageView => {
  const actor = actorOf(ctx);
  const { plan, changes } = deps.repos.transaction(() => {
    const patch: PlanChanges = {};
    if (command.status !== undefined) patch.status = command.status;
    if (command.level !== undefined) patch.level = command.level;
    if (command.due !== undefined) patch.dueDate = dueDateOf(deps, command.due);
    if (command.owner !== undefined)
      patch.owner = resolveOwner(deps, actor.tenantId, command.owner, ctx.user);
    return updateActionPlan(deps, actor, command.id, patch);
  });
  return planChangedView(plan, changes);
};

export const handleActionCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: ActionCommand,
): MessageView => {
  const actor = actorOf(ctx);
  switch (command.kind) {
    case 'action.add':
      return addPlan(deps, ctx, command);
    case 'action.list':
      return planListView(listActionPlans(deps, actor, command.filter));
    case 'action.update':
      return updatePlan(deps, ctx, command);
    case 'action.done':
      return planDoneView(completeActionPlan(deps, actor, command.id), ctx.user.userId);
    case 'action.reopen':
      return planReopenedView(reopenActionPlan(deps, actor, command.id));
    case 'action.comment': {
      const { plan, text } = commentOnActionPlan(deps, actor, command.id, command.text);
      return planCommentView(plan, ctx.user.userId, text);
    }
  }
};
