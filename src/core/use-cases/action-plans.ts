// Action plans: add, change, complete, reopen and comment. Every change lands in one
// transaction with its history row (action_plan_updates) and its audit entry.
import { AppError } from '../domain/errors.js';
import type { ActionLevel, ActionPlan, ActionStatus, PlanUpdateKind } from '../domain/plans.js';
import { utcDay } from '../domain/iso-weeks.js';
import { parseIsoDate } from '../commands/calendar.js';
import type { ActionPlanPatch } from '../ports/plan-repositories.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';

export const MAX_PLAN_TITLE = 200;
export const MAX_PLAN_COMMENT = 2000;

export interface NewPlanInput {
  themeId: string;
  rootCauseId?: string | null;
  title: string;
  owner: { userId: string; name?: string | null };
  dueDate: string;
  level: ActionLevel;
}

/** One field a change moved, for the reply and the history. */
export interface PlanChange {
  kind: PlanUpdateKind;
  from: string | null;
  to: string | null;
}

export interface PlanChanges {
  status?: ActionStatus;
  owner?: { userId: string; name?: string | null };
  dueDate?: string;
  level?: ActionLevel;
}

/** Today as a UTC calendar day, from the injected clock. */
export const todayOf = (deps: CoreDeps): string => utcDay(deps.clock.now());

export const planRef = (number: number): string => `A-${number}`;

export const validatePlanTitle = (title: string): string => {
  const clean = title.trim();
  if (clean === '')
    throw new AppError('plan.title-missing', 'An action plan needs a title: what will be done.');
  if ([...clean].length > MAX_PLAN_TITLE)
    throw new AppError(
      'plan.title-too-long',
      `The title is ${[...clean].length} characters; keep it to ${MAX_PLAN_TITLE}.`,
    );
  return clean;
};

export const validateDueDate = (date: string, today: string): string => {
  const clean = date.trim();
  if (!parseIsoDate(clean))
    throw new AppError(
      'plan.due-invalid',
      `"${clean}" is not a real date. Write due dates as YYYY-MM-DD, e.g. 2026-12-01.`,
    );
  if (clean < today)
    throw new AppError(
      'plan.due-past',
      `The due date ${clean} is in the past; pick today (${today}) or later.`,
    );
  return clean;
};

export const requirePlan = (deps: CoreDeps, tenantId: string, number: number): ActionPlan => {
  const plan = deps.repos.actionPlans.getByNumber(tenantId, number);
  if (!plan)
    throw new AppError(
      'plan.not-found',
      `There is no action plan ${planRef(number)}. See them with \`/cx-action list\`.`,
    );
  return plan;
};

export const addActionPlan = (deps: CoreDeps, actor: Actor, input: NewPlanInput): ActionPlan => {
  const title = validatePlanTitle(input.title);
  const dueDate = validateDueDate(input.dueDate, todayOf(deps));
  return deps.repos.transaction(() => {
    if (!deps.repos.themes.get(actor.tenantId, input.themeId))
      throw new AppError('plan.theme-unknown', 'That theme no longer exists; pick another one.');
    deps.repos.users.ensure(actor.tenantId, input.owner.userId, input.owner.name ?? null);
    const now = deps.clock.now();
    const plan = deps.repos.actionPlans.create(actor.tenantId, {
      id: deps.ids.next(),
      themeId: input.themeId,
      rootCauseId: input.rootCauseId ?? null,
      title,
      ownerId: input.owner.userId,
      ownerName: input.owner.name ?? null,
      dueDate,
      level: input.level,
      createdBy: actor.userId,
      createdAt: now,
    });
    const detail = { number: plan.number, title, owner: plan.ownerId, due: dueDate };
    deps.repos.actionPlans.addUpdate(actor.tenantId, {
      planId: plan.id,
      kind: 'created',
      actorId: actor.userId,
      detail: { ...detail, level: plan.level },
      at: now,
    });
    audit(deps, actor, 'action-plan.create', 'action-plan', plan.id, {
      ...detail,
      level: plan.level,
      themeId: plan.themeId,
      rootCauseId: plan.rootCauseId,
    });
    return plan;
  });
};

/** Moving to or from done is completing or reopening, whichever command said it. */
const statusChange = (plan: ActionPlan, to: ActionStatus, now: Date) => {
  const kind: PlanUpdateKind =
    to === 'done' ? 'completed' : plan.status === 'done' ? 'reopened' : 'status';
  const patch: Partial<ActionPlanPatch> = { status: to };
  if (kind === 'completed') patch.completedAt = now;
  if (kind === 'reopened') patch.completedAt = null;
  return { change: { kind, from: plan.status, to }, patch };
};

const diff = (deps: CoreDeps, plan: ActionPlan, changes: PlanChanges) => {
  const now = deps.clock.now();
  const patch: ActionPlanPatch = { updatedAt: now };
  const list: PlanChange[] = [];
  if (changes.status !== undefined && changes.status !== plan.status) {
    const status = statusChange(plan, changes.status, now);
    Object.assign(patch, status.patch);
    list.push(status.change);
  }
  if (changes.owner !== undefined && changes.owner.userId !== plan.ownerId) {
    patch.ownerId = changes.owner.userId;
    patch.ownerName = changes.owner.name ?? null;
    list.push({ kind: 'owner', from: plan.ownerId, to: changes.owner.userId });
  }
  if (changes.dueDate !== undefined && changes.dueDate !== plan.dueDate) {
    patch.dueDate = validateDueDate(changes.dueDate, todayOf(deps));
    list.push({ kind: 'due', from: plan.dueDate, to: patch.dueDate });
  }
  if (changes.level !== undefined && changes.level !== plan.level) {
    patch.level = changes.level;
    list.push({ kind: 'level', from: plan.level, to: changes.level });
  }
  return { patch, list, now };
};

const auditAction = (changes: PlanChange[]): string => {
  const [only, more] = changes;
  if (more === undefined && only?.kind === 'completed') return 'action-plan.complete';
  if (more === undefined && only?.kind === 'reopened') return 'action-plan.reopen';
  return 'action-plan.update';
};

/**
 * Applies whatever differs from the plan as stored. Returns the plan and what moved; an empty
 * list means the plan already looked like that and nothing was written.
 */
export const updateActionPlan = (
  deps: CoreDeps,
  actor: Actor,
  number: number,
  changes: PlanChanges,
): { plan: ActionPlan; changes: PlanChange[] } =>
  deps.repos.transaction(() => {
    const plan = requirePlan(deps, actor.tenantId, number);
    const { patch, list, now } = diff(deps, plan, changes);
    if (list.length === 0) return { plan, changes: list };
    if (patch.ownerId !== undefined)
      deps.repos.users.ensure(actor.tenantId, patch.ownerId, patch.ownerName ?? null);
    const updated = deps.repos.actionPlans.update(actor.tenantId, plan.id, patch);
    for (const change of list) {
      deps.repos.actionPlans.addUpdate(actor.tenantId, {
        planId: plan.id,
        kind: change.kind,
        actorId: actor.userId,
        detail: { from: change.from, to: change.to },
        at: now,
      });
    }
    audit(deps, actor, auditAction(list), 'action-plan', plan.id, {
      number: plan.number,
      changes: list.map((c) => ({ ...c })),
    });
    return { plan: updated, changes: list };
  });

export const completeActionPlan = (deps: CoreDeps, actor: Actor, number: number): ActionPlan =>
  deps.repos.transaction(() => {
    const plan = requirePlan(deps, actor.tenantId, number);
    if (plan.status === 'done')
      throw new AppError(
        'plan.already-done',
        `${planRef(number)} is already done. Reopen it with \`/cx-action reopen ${planRef(number)}\`.`,
      );
    return updateActionPlan(deps, actor, number, { status: 'done' }).plan;
  });

/** Reopened work goes back to in progress: someone is picking it up again. */
export const reopenActionPlan = (deps: CoreDeps, actor: Actor, number: number): ActionPlan =>
  deps.repos.transaction(() => {
    const plan = requirePlan(deps, actor.tenantId, number);
    if (plan.status !== 'done')
      throw new AppError(
        'plan.not-done',
        `${planRef(number)} is not done (it is ${plan.status}), so there is nothing to reopen.`,
      );
    return updateActionPlan(deps, actor, number, { status: 'in-progress' }).plan;
  });

export const commentOnActionPlan = (
  deps: CoreDeps,
  actor: Actor,
  number: number,
  text: string,
): { plan: ActionPlan; text: string } => {
  const clean = text.trim();
  if (clean === '')
    throw new AppError('plan.comment-missing', 'Write your comment after the plan id.');
  if ([...clean].length > MAX_PLAN_COMMENT)
    throw new AppError(
      'plan.comment-too-long',
      `The comment is ${[...clean].length} characters; keep it to ${MAX_PLAN_COMMENT}.`,
    );
  return deps.repos.transaction(() => {
    const plan = requirePlan(deps, actor.tenantId, number);
    const at = deps.clock.now();
    deps.repos.actionPlans.addUpdate(actor.tenantId, {
      planId: plan.id,
      kind: 'comment',
      actorId: actor.userId,
      detail: { text: clean },
      at,
    });
    deps.repos.actionPlans.update(actor.tenantId, plan.id, { updatedAt: at });
    audit(deps, actor, 'action-plan.comment', 'action-plan', plan.id, {
      number: plan.number,
      text: clean,
    });
    return { plan, text: clean };
  });
};
