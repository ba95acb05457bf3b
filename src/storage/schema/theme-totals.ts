// All-time totals per theme, kept up to date as issues change, so Pareto, impact and the
// digest read a row per theme instead of grouping a million issues (bench/README.md).
//
// Who keeps them exact (migration 0005 holds the triggers):
// - new issues: the issue repository, one set-based statement per table per batch
//   (repositories/theme-totals-upkeep.ts). An INSERT trigger on issues would be simpler, but
//   its mere presence makes SQLite keep a statement journal for every row inserted, which
//   more than doubled the import's insert time (bench/README.md);
// - any UPDATE or DELETE of issues (theme merges, ON DELETE SET NULL of a key driver or
//   customer, tenant deletion): triggers on issues;
// - distinct customers and their revenue: triggers on theme_customer_issues (a pair appears
//   or goes) and on customers (revenue changes, deletion).
//
// A missing key driver is stored as '' so it can be part of the primary key. The migration
// creates these tables WITHOUT ROWID (drizzle cannot declare it): one B-tree each.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tenantIdColumn } from './tenants.js';

const counts = {
  issueCount: integer('issue_count').notNull(),
  customerCostCents: integer('customer_cost_cents').notNull(),
  companyCostCents: integer('company_cost_cents').notNull(),
  /** Distinct customers of the theme's issues, and the sum of their annual revenue. */
  affectedCustomers: integer('affected_customers').notNull(),
  affectedRevenueCents: integer('affected_revenue_cents').notNull(),
};

/** One row per theme with issues. */
export const themeTotals = sqliteTable(
  'theme_totals',
  { tenantId: tenantIdColumn(), themeId: text('theme_id').notNull(), ...counts },
  (t) => [primaryKey({ columns: [t.tenantId, t.themeId] })],
);

/** One row per (theme, the issues' own key driver): Pareto within a driver. */
export const themeDriverTotals = sqliteTable(
  'theme_driver_totals',
  {
    tenantId: tenantIdColumn(),
    themeId: text('theme_id').notNull(),
    keyDriverId: text('key_driver_id').notNull(),
    ...counts,
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.themeId, t.keyDriverId] })],
);

/**
 * Issue counts per (theme, customer, key driver), issues with a customer only: tells when a
 * customer starts or stops being affected by a theme, and which themes a customer is in.
 */
export const themeCustomerIssues = sqliteTable(
  'theme_customer_issues',
  {
    tenantId: tenantIdColumn(),
    themeId: text('theme_id').notNull(),
    customerId: text('customer_id').notNull(),
    keyDriverId: text('key_driver_id').notNull(),
    issueCount: integer('issue_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.themeId, t.customerId, t.keyDriverId] })],
);
