// Storage ports for action plans and internal metrics. Every call takes the tenant id first.
import type { ActionPlan, ActionPlanUpdate, Metric, MetricReading } from '../domain/plans.js';

/** A plan as the core hands it to storage; the repository assigns the number. */
export type NewActionPlan = Omit<
  ActionPlan,
  'tenantId' | 'number' | 'status' | 'updatedAt' | 'completedAt'
>;

export type ActionPlanPatch = Partial<
  Pick<ActionPlan, 'status' | 'ownerId' | 'ownerName' | 'dueDate' | 'level' | 'completedAt'>
> & { updatedAt: Date };

export interface ActionPlanFilter {
  ownerId?: string;
  themeId?: string;
  /** Only plans that are not done. */
  open?: boolean;
  /** Due on or after this date (YYYY-MM-DD). */
  dueFrom?: string;
  /** Due on or before this date (YYYY-MM-DD). */
  dueTo?: string;
}

export interface ActionPlanRepository {
  /** Inserts with the next per-tenant number and status `planned`. */
  create(tenantId: string, plan: NewActionPlan): ActionPlan;
  get(tenantId: string, id: string): ActionPlan | null;
  getByNumber(tenantId: string, number: number): ActionPlan | null;
  /** Ordered by due date, then number. */
  list(tenantId: string, filter?: ActionPlanFilter): ActionPlan[];
  /** Applies the patch and returns the plan as stored; throws if the plan does not exist. */
  update(tenantId: string, id: string, patch: ActionPlanPatch): ActionPlan;
  addUpdate(tenantId: string, update: ActionPlanUpdate): void;
  /** A plan's history, oldest first. */
  history(tenantId: string, planId: string): ActionPlanUpdate[];
}

export interface MetricRepository {
  /** Throws AppError('conflict') if the tenant already has a metric of that name. */
  create(tenantId: string, metric: Omit<Metric, 'tenantId'>): Metric;
  get(tenantId: string, id: string): Metric | null;
  /** Case-insensitive match on the name. */
  findByName(tenantId: string, name: string): Metric | null;
  /** Ordered by name. */
  list(tenantId: string, filter?: { themeId?: string }): Metric[];
  /**
   * Stores the reading for its day, replacing any reading already stored for that metric and
   * day; returns the replaced reading, or null.
   */
  recordReading(tenantId: string, reading: MetricReading): MetricReading | null;
  /** Readings oldest first, optionally within [from, to] (YYYY-MM-DD) or only the last n. */
  readings(
    tenantId: string,
    metricId: string,
    filter?: { from?: string; to?: string; last?: number },
  ): MetricReading[];
  /** The newest reading of each of `metricIds` that has one, in one read. */
  latestReadings(tenantId: string, metricIds: string[]): MetricReading[];
}
