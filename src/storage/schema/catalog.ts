// The vocabulary issues are filed under: key drivers, themes and customers.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { flag, instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const keyDrivers = sqliteTable(
  'key_drivers',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    /** Lowercased name: makes uniqueness and lookups case-insensitive. */
    nameKey: text('name_key').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('key_drivers_tenant_name_key_uq').on(t.tenantId, t.nameKey)],
);

export const themes = sqliteTable(
  'themes',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    keyDriverId: text('key_driver_id').references(() => keyDrivers.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('themes_tenant_slug_uq').on(t.tenantId, t.slug),
    index('themes_tenant_key_driver_idx').on(t.tenantId, t.keyDriverId),
  ],
);

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    annualRevenueCents: integer('annual_revenue_cents'),
    coreGrowth: flag('core_growth').notNull().default(false),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('customers_tenant_name_key_uq').on(t.tenantId, t.nameKey)],
);
