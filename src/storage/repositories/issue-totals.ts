// Per-theme totals: counts, money and the revenue of the distinct customers affected (each
// customer's revenue counts once per theme, however many issues). All-time figures are read
// from the maintained theme totals (schema/theme-totals.ts), a row per theme; a time window
// still aggregates the window's issues.
import type { ThemeTotals, TimeWindow } from '../../core/domain/types.js';
import { windowConditions, type WhereClause } from './issue-rows.js';

export type TotalsFilter = TimeWindow & { keyDriverId?: string };

export interface ThemeTotalsRow {
  theme_id: string;
  slug: string;
  name: string;
  key_driver_id: string | null;
  issue_count: number;
  customer_cost_cents: number;
  company_cost_cents: number;
  affected_customers: number;
  affected_revenue_cents: number;
}

function totalsWhere(tenantId: string, filter: TotalsFilter): WhereClause {
  const where: WhereClause = { sql: 'tenant_id = ?', params: [tenantId] };
  if (filter.keyDriverId !== undefined) {
    where.sql += ' AND key_driver_id = ?';
    where.params.push(filter.keyDriverId);
  }
  windowConditions(filter, 'occurred_at', where);
  return where;
}

const isAllTime = (filter: TotalsFilter): boolean => !filter.since && !filter.until;

const TOTALS_COLUMNS = `t.id AS theme_id, t.slug, t.name, t.key_driver_id, r.issue_count,
  r.customer_cost_cents, r.company_cost_cents, r.affected_customers, r.affected_revenue_cents`;

/** All-time totals: the theme rows, or the (theme, driver) rows of one key driver. */
function allTimeTotalsQuery(tenantId: string, keyDriverId: string | undefined): WhereClause {
  const [table, byDriver] =
    keyDriverId === undefined
      ? ['theme_totals', '']
      : ['theme_driver_totals', ' AND r.key_driver_id = ?'];
  const sql = `
    SELECT ${TOTALS_COLUMNS}
    FROM ${table} r JOIN themes t ON t.id = r.theme_id AND t.tenant_id = ?
    WHERE r.tenant_id = ?${byDriver}
    ORDER BY r.issue_count DESC, t.slug ASC`;
  const params =
    keyDriverId === undefined ? [tenantId, tenantId] : [tenantId, tenantId, keyDriverId];
  return { sql, params };
}

export function themeTotalsQuery(tenantId: string, filter: TotalsFilter): WhereClause {
  if (isAllTime(filter)) return allTimeTotalsQuery(tenantId, filter.keyDriverId);
  const where = totalsWhere(tenantId, filter);
  // One row per distinct (theme, customer) pair, so summing the pairs counts each
  // customer's revenue once per theme. The covering index keeps this to an index scan.
  const sql = `
    WITH pairs AS (
      SELECT theme_id, customer_id, COUNT(*) AS issue_count,
        SUM(customer_cost_cents) AS customer_cost_cents,
        SUM(company_cost_cents) AS company_cost_cents
      FROM issues WHERE ${where.sql}
      GROUP BY theme_id, customer_id
    ),
    per_theme AS (
      SELECT p.theme_id, SUM(p.issue_count) AS issue_count,
        COALESCE(SUM(p.customer_cost_cents), 0) AS customer_cost_cents,
        COALESCE(SUM(p.company_cost_cents), 0) AS company_cost_cents,
        COUNT(p.customer_id) AS affected_customers,
        COALESCE(SUM(c.annual_revenue_cents), 0) AS affected_revenue_cents
      FROM pairs p
      LEFT JOIN customers c ON c.id = p.customer_id AND c.tenant_id = ?
      GROUP BY p.theme_id
    )
    SELECT t.id AS theme_id, t.slug, t.name, t.key_driver_id, p.issue_count,
      p.customer_cost_cents, p.company_cost_cents, p.affected_customers, p.affected_revenue_cents
    FROM per_theme p
    JOIN themes t ON t.id = p.theme_id AND t.tenant_id = ?
    ORDER BY p.issue_count DESC, t.slug ASC`;
  return { sql, params: [...where.params, tenantId, tenantId] };
}

/**
 * Counts per theme in a window. With a lower bound the rows are found through the
 * (tenant, occurred_at) index, so a week costs a week's rows, not a scan of the tenant;
 * the planner, without statistics, would otherwise pick the covering theme index.
 */
export function themeCountsQuery(tenantId: string, filter: TotalsFilter): WhereClause {
  const where = totalsWhere(tenantId, filter);
  const hint = filter.since ? 'INDEXED BY issues_tenant_occurred_at_idx' : '';
  return {
    sql: `SELECT theme_id, COUNT(*) AS n FROM issues ${hint} WHERE ${where.sql} GROUP BY theme_id`,
    params: where.params,
  };
}

export const toThemeTotals = (row: ThemeTotalsRow): ThemeTotals => ({
  themeId: row.theme_id,
  slug: row.slug,
  name: row.name,
  keyDriverId: row.key_driver_id,
  count: row.issue_count,
  customerCostCents: row.customer_cost_cents,
  companyCostCents: row.company_cost_cents,
  affectedRevenueCents: row.affected_revenue_cents,
  affectedCustomers: row.affected_customers,
});

/**
 * Revenue of the distinct customers hit by any of `themeIds`: a customer affected by two
 * themes counts once. The ids travel as one JSON array so the statement shape never changes.
 */
export function affectedRevenueQuery(
  tenantId: string,
  themeIds: string[],
  filter: TotalsFilter,
): WhereClause {
  const ids = JSON.stringify(themeIds);
  if (isAllTime(filter)) return allTimeRevenueQuery(tenantId, ids, filter.keyDriverId);
  const where = totalsWhere(tenantId, filter);
  const sql = `
    SELECT COALESCE(SUM(c.annual_revenue_cents), 0) AS revenue
    FROM customers c
    WHERE c.tenant_id = ? AND c.id IN (
      SELECT customer_id FROM issues
      WHERE ${where.sql} AND customer_id IS NOT NULL
        AND theme_id IN (SELECT value FROM json_each(?)))`;
  return { sql, params: [tenantId, ...where.params, ids] };
}

/** All time, the customers come from the maintained (theme, customer, driver) pairs. */
function allTimeRevenueQuery(
  tenantId: string,
  ids: string,
  keyDriverId: string | undefined,
): WhereClause {
  const sql = `
    SELECT COALESCE(SUM(c.annual_revenue_cents), 0) AS revenue
    FROM customers c
    WHERE c.tenant_id = ? AND c.id IN (
      SELECT customer_id FROM theme_customer_issues
      WHERE tenant_id = ? AND theme_id IN (SELECT value FROM json_each(?))
        ${keyDriverId === undefined ? '' : 'AND key_driver_id = ?'})`;
  const params = [tenantId, tenantId, ids];
  return { sql, params: keyDriverId === undefined ? params : [...params, keyDriverId] };
}
