import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { METRIC_DIRECTIONS } from '../../core/commands/command-types.js';
import { themes } from './catalog.js';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const metrics = sqliteTable(
  'metrics',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    // No foreign key: SQLite cannot add one with ON DELETE to an existing table, and a stale
    // id is harmless (views simply find no root cause).
    rootCauseId: text('root_cause_id'),
    name: text('name').notNull(),
    /**
     * Lowercased name: users refer to metrics by name, so it is unique per tenant. Always
     * written; the default only lets SQLite add the column to the existing table.
     */
    nameKey: text('name_key').notNull().default(''),
    unit: text('unit'),
    direction: text('direction', { enum: METRIC_DIRECTIONS }).notNull(),
    target: real('target'),
    createdBy: text('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    index('metrics_tenant_theme_idx').on(t.tenantId, t.themeId),
    uniqueIndex('metrics_tenant_name_key_uq').on(t.tenantId, t.nameKey),
  ],
);

export const metricReadings = sqliteTable(
  'metric_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: tenantIdColumn(),
    metricId: text('metric_id')
      .notNull()
      .references(() => metrics.id, { onDelete: 'cascade' }),
    value: real('value').notNull(),
    /** UTC midnight of the day measured: one reading per metric per day. */
    measuredAt: instant('measured_at').notNull(),
    recordedBy: text('recorded_by'),
    // Always written; the default only lets SQLite add the column to the existing table.
    recordedAt: instant('recorded_at')
      .notNull()
      .default(sql`0`),
  },
  (t) => [uniqueIndex('metric_readings_metric_day_uq').on(t.metricId, t.measuredAt)],
);
