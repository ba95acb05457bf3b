import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTION_LEVELS, ACTION_STATUSES } from '../../core/commands/command-types.js';
import { themes } from './catalog.js';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';
import { rootCauses } from './why.js';

export const actionPlans = sqliteTable(
  'action_plans',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    /**
     * Per-tenant sequence number, shown to users as A-<number>. The repository always assigns
     * it; the default exists only so SQLite can add the column to the existing table.
     */
    number: integer('number').notNull().default(0),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    rootCauseId: text('root_cause_id').references(() => rootCauses.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: text('owner_id').notNull(),
    /** The owner's display name when the plan was assigned, for views outside chat. */
    ownerName: text('owner_name'),
    /** A calendar date (YYYY-MM-DD): due dates have no time of day or zone. */
    dueDate: text('due_date').notNull(),
    level: text('level', { enum: ACTION_LEVELS }).notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('planned'),
    createdBy: text('created_by'),
    createdAt: instant('created_at').notNull(),
    // Always written; the default only lets SQLite add the column (see `number`).
    updatedAt: instant('updated_at')
      .notNull()
      .default(sql`0`),
    completedAt: instant('completed_at'),
  },
  (t) => [
    uniqueIndex('action_plans_tenant_number_uq').on(t.tenantId, t.number),
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
