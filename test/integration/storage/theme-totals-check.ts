// The maintained theme totals recomputed from scratch, to compare the tables against.
import type Database from 'better-sqlite3';
import { expect } from 'vitest';

/** Each table of totals, and the same figures recomputed from the issues. */
const RECOMPUTED = {
  theme_totals: `
    SELECT i.tenant_id, i.theme_id, COUNT(*) AS issue_count,
      COALESCE(SUM(customer_cost_cents), 0) AS customer_cost_cents,
      COALESCE(SUM(company_cost_cents), 0) AS company_cost_cents,
      COUNT(DISTINCT customer_id) AS affected_customers,
      (SELECT COALESCE(SUM(c.annual_revenue_cents), 0) FROM customers c
        WHERE c.tenant_id = i.tenant_id AND c.id IN (SELECT customer_id FROM issues j
          WHERE j.tenant_id = i.tenant_id AND j.theme_id = i.theme_id)) AS affected_revenue_cents
    FROM issues i GROUP BY i.tenant_id, i.theme_id`,
  theme_driver_totals: `
    SELECT i.tenant_id, i.theme_id, COALESCE(i.key_driver_id, '') AS key_driver_id,
      COUNT(*) AS issue_count,
      COALESCE(SUM(customer_cost_cents), 0) AS customer_cost_cents,
      COALESCE(SUM(company_cost_cents), 0) AS company_cost_cents,
      COUNT(DISTINCT customer_id) AS affected_customers,
      (SELECT COALESCE(SUM(c.annual_revenue_cents), 0) FROM customers c
        WHERE c.tenant_id = i.tenant_id AND c.id IN (SELECT customer_id FROM issues j
          WHERE j.tenant_id = i.tenant_id AND j.theme_id = i.theme_id
            AND j.key_driver_id IS i.key_driver_id)) AS affected_revenue_cents
    FROM issues i GROUP BY i.tenant_id, i.theme_id, COALESCE(i.key_driver_id, '')`,
  theme_customer_issues: `
    SELECT tenant_id, theme_id, customer_id, COALESCE(key_driver_id, '') AS key_driver_id,
      COUNT(*) AS issue_count
    FROM issues WHERE customer_id IS NOT NULL
    GROUP BY tenant_id, theme_id, customer_id, COALESCE(key_driver_id, '')`,
};

/** The three tables hold exactly what a recomputation from the issues gives. */
export function expectThemeTotalsExact(sqlite: Database.Database): void {
  for (const [table, recompute] of Object.entries(RECOMPUTED)) {
    const sorted = (sql: string) =>
      sqlite.prepare(`SELECT * FROM (${sql}) ORDER BY 1, 2, 3, 4`).all();
    expect(sorted(`SELECT * FROM ${table}`), table).toEqual(sorted(recompute));
  }
}
