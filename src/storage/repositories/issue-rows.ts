// Raw-SQL helpers for issues. The issue repository uses prepared better-sqlite3 statements
// instead of the query builder because imports insert a million rows and exports stream them.
import type { Issue, IssueSource, NewIssue, TimeWindow } from '../../core/domain/types.js';
import type { IssueQuery } from '../../core/ports/repositories.js';

export type IssueInput = NewIssue & { id: string; createdAt: Date };
export type SqlValue = string | number | null;

/** An `issues` row as better-sqlite3 returns it. */
export interface IssueRow {
  id: string;
  tenant_id: string;
  number: number;
  summary: string;
  description: string | null;
  theme_id: string;
  key_driver_id: string | null;
  customer_id: string | null;
  source: IssueSource;
  customer_cost_cents: number | null;
  company_cost_cents: number | null;
  reporter_id: string | null;
  reporter_name: string | null;
  external_id: string | null;
  occurred_at: number;
  created_at: number;
}

export const toIssue = (row: IssueRow): Issue => ({
  id: row.id,
  tenantId: row.tenant_id,
  number: row.number,
  summary: row.summary,
  description: row.description,
  themeId: row.theme_id,
  keyDriverId: row.key_driver_id,
  customerId: row.customer_id,
  source: row.source,
  customerCostCents: row.customer_cost_cents,
  companyCostCents: row.company_cost_cents,
  reporterId: row.reporter_id,
  reporterName: row.reporter_name,
  externalId: row.external_id,
  occurredAt: new Date(row.occurred_at),
  createdAt: new Date(row.created_at),
});

export const INSERT_ISSUE_SQL = `INSERT INTO issues (id, tenant_id, number, summary, description,
  theme_id, key_driver_id, customer_id, source, customer_cost_cents, company_cost_cents,
  reporter_id, reporter_name, external_id, occurred_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Positional parameters for INSERT_ISSUE_SQL; the tenant always comes from the caller. */
export const insertParams = (tenantId: string, number: number, issue: IssueInput): SqlValue[] => [
  issue.id,
  tenantId,
  number,
  issue.summary,
  issue.description ?? null,
  issue.themeId,
  issue.keyDriverId ?? null,
  issue.customerId ?? null,
  issue.source,
  issue.customerCostCents ?? null,
  issue.companyCostCents ?? null,
  issue.reporterId ?? null,
  issue.reporterName ?? null,
  issue.externalId ?? null,
  issue.occurredAt.getTime(),
  issue.createdAt.getTime(),
];

/** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface WhereClause {
  sql: string;
  params: SqlValue[];
}

/** The time window on occurred_at: since inclusive, until exclusive. */
export function windowConditions(window: TimeWindow, column: string, out: WhereClause): void {
  if (window.since) {
    out.sql += ` AND ${column} >= ?`;
    out.params.push(window.since.getTime());
  }
  if (window.until) {
    out.sql += ` AND ${column} < ?`;
    out.params.push(window.until.getTime());
  }
}

/** Builds the WHERE clause for an issue query; the tenant filter is always first. */
export function issueWhere(tenantId: string, query: IssueQuery): WhereClause {
  const where: WhereClause = { sql: 'tenant_id = ?', params: [tenantId] };
  const equals: Array<[string, string | undefined]> = [
    ['theme_id', query.themeId],
    ['key_driver_id', query.keyDriverId],
    ['customer_id', query.customerId],
    ['source', query.source],
  ];
  for (const [column, value] of equals) {
    if (value === undefined) continue;
    where.sql += ` AND ${column} = ?`;
    where.params.push(value);
  }
  windowConditions(query, 'occurred_at', where);
  if (query.text !== undefined && query.text.trim() !== '') {
    const pattern = `%${escapeLike(query.text.trim())}%`;
    where.sql += ` AND (summary LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\')`;
    where.params.push(pattern, pattern);
  }
  return where;
}

/** LIMIT/OFFSET for a query; SQLite needs a LIMIT before an OFFSET, and -1 means none. */
export function pageClause(query: IssueQuery, defaultLimit: number | null): WhereClause {
  const limit = query.limit ?? defaultLimit;
  const offset = query.offset ?? 0;
  if (limit === null && offset === 0) return { sql: '', params: [] };
  return { sql: ' LIMIT ? OFFSET ?', params: [limit === null ? -1 : Math.max(0, limit), offset] };
}
