import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ISSUE_SOURCES } from '../../core/domain/types.js';
import { customers, keyDrivers, themes } from './catalog.js';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const issues = sqliteTable(
  'issues',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    number: integer('number').notNull(),
    summary: text('summary').notNull(),
    description: text('description'),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    keyDriverId: text('key_driver_id').references(() => keyDrivers.id, { onDelete: 'set null' }),
    customerId: text('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    source: text('source', { enum: ISSUE_SOURCES }).notNull(),
    customerCostCents: integer('customer_cost_cents'),
    companyCostCents: integer('company_cost_cents'),
    reporterId: text('reporter_id'),
    reporterName: text('reporter_name'),
    externalId: text('external_id'),
    occurredAt: instant('occurred_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('issues_tenant_number_uq').on(t.tenantId, t.number),
    uniqueIndex('issues_tenant_external_id_uq')
      .on(t.tenantId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    // Covers every column totalsByTheme and weeklyCounts read, so Pareto over a million
    // issues never touches the table. The key is (tenant, theme, number): numbers only grow,
    // so an import appends at the end of each theme's range and a batch dirties a few
    // hundred pages. Keyed on occurred_at instead, every row of a file in random date order
    // landed on a random page, and a million-row import took 3x as long (bench/README.md).
    // (No index on customer_id alone for the same reason: it made bulk imports 2-3x slower.)
    index('issues_tenant_theme_number_idx').on(
      t.tenantId,
      t.themeId,
      t.number,
      t.occurredAt,
      t.customerId,
      t.keyDriverId,
      t.customerCostCents,
      t.companyCostCents,
    ),
    index('issues_tenant_occurred_at_idx').on(t.tenantId, t.occurredAt),
    index('issues_tenant_key_driver_idx').on(t.tenantId, t.keyDriverId),
  ],
);
