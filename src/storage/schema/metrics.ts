import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
    name: text('name').notNull(),
    unit: text('unit'),
    direction: text('direction', { enum: ['lower', 'higher'] }).notNull(),
    target: real('target'),
    createdBy: text('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('metrics_tenant_theme_idx').on(t.tenantId, t.themeId)],
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
    measuredAt: instant('measured_at').notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('metric_readings_metric_time_idx').on(t.metricId, t.measuredAt)],
);
