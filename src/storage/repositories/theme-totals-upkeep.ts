// Adds newly inserted issues to the all-time theme totals (schema/theme-totals.ts). Inserts
// are the one write to issues with no trigger, for speed, so every INSERT INTO issues must be
// followed by this in the same transaction. Updates and deletes are covered by triggers.
import type Database from 'better-sqlite3';

// The batch is read through (tenant, number): left to itself the planner groups by theme
// through the covering theme index, which walks every issue of the tenant.
const BATCH = `FROM issues INDEXED BY issues_tenant_number_uq WHERE tenant_id = ? AND number >= ?`;
const ADD_COSTS = `issue_count = issue_count + excluded.issue_count,
  customer_cost_cents = customer_cost_cents + excluded.customer_cost_cents,
  company_cost_cents = company_cost_cents + excluded.company_cost_cents`;

// Theme and driver rows first: a new pair row's trigger counts its customer into them.
const STATEMENTS = [
  `INSERT INTO theme_totals (tenant_id, theme_id, issue_count, customer_cost_cents,
    company_cost_cents, affected_customers, affected_revenue_cents)
  SELECT tenant_id, theme_id, COUNT(*), COALESCE(SUM(customer_cost_cents), 0),
    COALESCE(SUM(company_cost_cents), 0), 0, 0
  ${BATCH} GROUP BY theme_id
  ON CONFLICT DO UPDATE SET ${ADD_COSTS}`,
  `INSERT INTO theme_driver_totals (tenant_id, theme_id, key_driver_id, issue_count,
    customer_cost_cents, company_cost_cents, affected_customers, affected_revenue_cents)
  SELECT tenant_id, theme_id, COALESCE(key_driver_id, ''), COUNT(*),
    COALESCE(SUM(customer_cost_cents), 0), COALESCE(SUM(company_cost_cents), 0), 0, 0
  ${BATCH} GROUP BY theme_id, COALESCE(key_driver_id, '')
  ON CONFLICT DO UPDATE SET ${ADD_COSTS}`,
  `INSERT INTO theme_customer_issues (tenant_id, theme_id, customer_id, key_driver_id,
    issue_count)
  SELECT tenant_id, theme_id, customer_id, COALESCE(key_driver_id, ''), COUNT(*)
  ${BATCH} AND customer_id IS NOT NULL
  GROUP BY theme_id, customer_id, COALESCE(key_driver_id, '')
  ON CONFLICT DO UPDATE SET issue_count = issue_count + excluded.issue_count`,
];

const prepared = new WeakMap<Database.Database, Database.Statement<[string, number]>[]>();

/**
 * Adds the tenant's issues numbered `fromNumber` and above, which must be exactly the ones
 * inserted since the totals were last brought up to date, to the theme totals. Call it in
 * the transaction that inserted them (numbers are taken under its write lock).
 */
export function addIssuesToThemeTotals(
  sqlite: Database.Database,
  tenantId: string,
  fromNumber: number,
): void {
  let statements = prepared.get(sqlite);
  if (!statements) {
    statements = STATEMENTS.map((sql) => sqlite.prepare<[string, number]>(sql));
    prepared.set(sqlite, statements);
  }
  for (const statement of statements) statement.run(tenantId, fromNumber);
}
