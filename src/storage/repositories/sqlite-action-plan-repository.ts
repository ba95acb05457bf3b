import { and, asc, eq, gte, lte, ne, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { ActionPlan, ActionPlanUpdate, PlanUpdateKind } from '../../core/domain/plans.js';
import type {
  ActionPlanFilter,
  ActionPlanPatch,
  ActionPlanRepository,
  NewActionPlan,
} from '../../core/ports/plan-repositories.js';
import type { Db } from '../database.js';
import { actionPlanUpdates, actionPlans } from '../schema/index.js';
import { notFound, withConflict } from '../storage-errors.js';

type PlanRow = typeof actionPlans.$inferSelect;
type UpdateRow = typeof actionPlanUpdates.$inferSelect;

const toPlan = (row: PlanRow): ActionPlan => ({
  id: row.id,
  tenantId: row.tenantId,
  number: row.number,
  themeId: row.themeId,
  rootCauseId: row.rootCauseId,
  title: row.title,
  ownerId: row.ownerId,
  ownerName: row.ownerName,
  dueDate: row.dueDate,
  level: row.level,
  status: row.status,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  completedAt: row.completedAt,
});

const toUpdate = (row: UpdateRow): ActionPlanUpdate => ({
  planId: row.planId,
  // Only the core writes this column, always with a PlanUpdateKind.
  kind: row.kind as PlanUpdateKind,
  actorId: row.actorId,
  detail: row.detail,
  at: row.at,
});

export class SqliteActionPlanRepository implements ActionPlanRepository {
  constructor(private readonly db: Db) {}

  create(tenantId: string, plan: NewActionPlan): ActionPlan {
    // IMMEDIATE takes the write lock before reading MAX(number), so two writers never
    // compute the same number. Inside an outer transaction this is a savepoint.
    return this.db.$client
      .transaction(() => {
        const next = this.db
          .select({ next: sql<number>`COALESCE(MAX(${actionPlans.number}), 0) + 1` })
          .from(actionPlans)
          .where(eq(actionPlans.tenantId, tenantId))
          .get();
        const row = {
          ...plan,
          tenantId,
          number: next?.next ?? 1,
          status: 'planned' as const,
          updatedAt: plan.createdAt,
          completedAt: null,
        };
        withConflict(`Action plan ${plan.id}`, () => this.db.insert(actionPlans).values(row).run());
        return toPlan(row);
      })
      .immediate();
  }

  get(tenantId: string, id: string): ActionPlan | null {
    return this.one(tenantId, eq(actionPlans.id, id));
  }

  getByNumber(tenantId: string, number: number): ActionPlan | null {
    return this.one(tenantId, eq(actionPlans.number, number));
  }

  list(tenantId: string, filter: ActionPlanFilter = {}): ActionPlan[] {
    const where = and(
      eq(actionPlans.tenantId, tenantId),
      filter.ownerId === undefined ? undefined : eq(actionPlans.ownerId, filter.ownerId),
      filter.themeId === undefined ? undefined : eq(actionPlans.themeId, filter.themeId),
      filter.open ? ne(actionPlans.status, 'done') : undefined,
      filter.dueFrom === undefined ? undefined : gte(actionPlans.dueDate, filter.dueFrom),
      filter.dueTo === undefined ? undefined : lte(actionPlans.dueDate, filter.dueTo),
    );
    return this.db
      .select()
      .from(actionPlans)
      .where(where)
      .orderBy(asc(actionPlans.dueDate), asc(actionPlans.number))
      .all()
      .map(toPlan);
  }

  update(tenantId: string, id: string, patch: ActionPlanPatch): ActionPlan {
    const { changes } = this.db
      .update(actionPlans)
      .set(patch)
      .where(and(eq(actionPlans.tenantId, tenantId), eq(actionPlans.id, id)))
      .run();
    const plan = changes === 0 ? null : this.get(tenantId, id);
    if (!plan) throw notFound('Action plan', id);
    return plan;
  }

  addUpdate(tenantId: string, update: ActionPlanUpdate): void {
    this.db
      .insert(actionPlanUpdates)
      .values({ ...update, tenantId })
      .run();
  }

  history(tenantId: string, planId: string): ActionPlanUpdate[] {
    return this.db
      .select()
      .from(actionPlanUpdates)
      .where(and(eq(actionPlanUpdates.tenantId, tenantId), eq(actionPlanUpdates.planId, planId)))
      .orderBy(asc(actionPlanUpdates.at), asc(actionPlanUpdates.id))
      .all()
      .map(toUpdate);
  }

  private one(tenantId: string, where: SQL): ActionPlan | null {
    const row = this.db
      .select()
      .from(actionPlans)
      .where(and(eq(actionPlans.tenantId, tenantId), where))
      .get();
    return row ? toPlan(row) : null;
  }
}
