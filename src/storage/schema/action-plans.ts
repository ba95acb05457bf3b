import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { themes } from './catalog.js';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';
import { rootCauses } from './why.js';

export const actionPlans = sqliteTable(
  'action_plans',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    rootCauseId: text('root_cause_id').references(() => rootCauses.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').notNull(),
    /** A calendar date (YYYY-MM-DD): due dates have no time of day or zone. */
    dueDate: text('due_date').notNull(),
    level: text('level', { enum: ['resolve', 'recurrence', 'occurrence'] }).notNull(),
    status: text('status', { enum: ['planned', 'in_progress', 'blocked', 'done'] })
      .notNull()
      .default('planned'),
    createdBy: text('created_by'),
    createdAt: instant('created_at').notNull(),
    completedAt: instant('completed_at'),
  },
  (t) => [
    index('action_plans_tenant_status_due_idx').on(t.tenantId, t.status, t.dueDate),
    index('action_plans_tenant_theme_idx').on(t.tenantId, t.themeId),
    index('action_plans_tenant_owner_idx').on(t.tenantId, t.ownerId),
  ],
);

export const actionPlanUpdates = sqliteTable(
  'action_plan_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: tenantIdColumn(),
    planId: text('plan_id')
      .notNull()
      .references(() => actionPlans.id, { onDelete: 'cascade' }),
    actorId: text('actor_id'),
    kind: text('kind').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: instant('at').notNull(),
  },
  (t) => [index('action_plan_updates_plan_idx').on(t.planId, t.at)],
);
