import type Database from 'better-sqlite3';
import type { Issue, ThemeTotals } from '../../core/domain/types.js';
import {
  MS_PER_DAY,
  addDaysTo,
  dayStart,
  utcDay,
  weekStartsBetween,
} from '../../core/domain/iso-weeks.js';
import type { IssueQuery, IssueRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { withConflict } from '../storage-errors.js';
import {
  INSERT_ISSUE_SQL,
  insertParams,
  issueWhere,
  pageClause,
  toIssue,
  type IssueInput,
  type IssueRow,
  type SqlValue,
} from './issue-rows.js';
import {
  affectedRevenueQuery,
  themeCountsQuery,
  themeTotalsQuery,
  toThemeTotals,
  type ThemeTotalsRow,
  type TotalsFilter,
} from './issue-totals.js';
import { addIssuesToThemeTotals } from './theme-totals-upkeep.js';

const DEFAULT_SEARCH_LIMIT = 50;
const BY_THEME = 'INDEXED BY issues_tenant_theme_number_idx';

// Day 0 of the epoch was a Thursday, so (day + 3) % 7 counts days since Monday. The theme
// index covers occurred_at, so this reads one theme's index entries and never the table;
// without the hint the planner, lacking statistics, walks the date index and looks up
// every row in the window to check its theme (0.4 s at a million issues).
const WEEKLY_COUNTS_SQL = `
  SELECT occurred_at / 86400000 - (occurred_at / 86400000 + 3) % 7 AS week_day, COUNT(*) AS n
  FROM issues ${BY_THEME}
  WHERE tenant_id = ? AND theme_id = ? AND occurred_at >= ? AND occurred_at < ?
  GROUP BY week_day`;

export class SqliteIssueRepository implements IssueRepository {
  private readonly sqlite: Database.Database;
  private readonly insert: Database.Statement<SqlValue[]>;
  // Skips rows whose external id (or id) already exists instead of failing the batch.
  private readonly insertIfNew: Database.Statement<SqlValue[]>;
  private readonly nextNumber: Database.Statement<[string], { next: number }>;
  private readonly byNumber: Database.Statement<[string, number], IssueRow>;
  /** Filtered queries come in a handful of shapes; reuse their prepared statements. */
  private readonly statements = new Map<string, Database.Statement<SqlValue[], unknown>>();

  constructor(db: Db) {
    this.sqlite = db.$client;
    this.insert = this.sqlite.prepare<SqlValue[]>(INSERT_ISSUE_SQL);
    this.insertIfNew = this.sqlite.prepare<SqlValue[]>(
      `${INSERT_ISSUE_SQL} ON CONFLICT DO NOTHING`,
    );
    this.nextNumber = this.sqlite.prepare(
      'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM issues WHERE tenant_id = ?',
    );
    this.byNumber = this.sqlite.prepare('SELECT * FROM issues WHERE tenant_id = ? AND number = ?');
  }

  create(tenantId: string, issue: IssueInput): Issue {
    // IMMEDIATE takes the write lock before reading MAX(number), so two writers never
    // compute the same number.
    return this.sqlite
      .transaction(() => {
        const number = this.next(tenantId);
        withConflict(`Issue ${issue.externalId ?? issue.id}`, () =>
          this.insert.run(...insertParams(tenantId, number, issue)),
        );
        addIssuesToThemeTotals(this.sqlite, tenantId, number);
        const created = this.getByNumber(tenantId, number);
        if (!created) throw new Error(`Issue ${number} vanished after insert`);
        return created;
      })
      .immediate();
  }

  createMany(tenantId: string, issues: IssueInput[]): number {
    return this.sqlite
      .transaction(() => {
        const first = this.next(tenantId);
        let number = first;
        for (const issue of issues) {
          // A skipped duplicate does not use up a number, so numbers stay consecutive.
          if (this.insertIfNew.run(...insertParams(tenantId, number, issue)).changes === 1) {
            number += 1;
          }
        }
        // Once per batch: per-row upkeep (an INSERT trigger) cost more than the inserts.
        if (number > first) addIssuesToThemeTotals(this.sqlite, tenantId, first);
        return number - first;
      })
      .immediate();
  }

  getByNumber(tenantId: string, number: number): Issue | null {
    const row = this.byNumber.get(tenantId, number);
    return row ? toIssue(row) : null;
  }

  search(tenantId: string, query: IssueQuery): { total: number; issues: Issue[] } {
    const where = issueWhere(tenantId, query);
    const page = pageClause(query, DEFAULT_SEARCH_LIMIT);
    // Within one theme, pick the page from the theme index (it holds occurred_at and number)
    // and read only its rows. Left to itself the planner walks the date index of the whole
    // tenant looking for the theme, which takes seconds for a rare theme.
    const source = query.themeId === undefined ? 'issues' : `issues ${BY_THEME}`;
    const order = 'ORDER BY occurred_at DESC, number DESC';
    const count = this.prepared<{ total: number }>(
      `SELECT COUNT(*) AS total FROM ${source} WHERE ${where.sql}`,
    ).get(...where.params);
    const rows = this.prepared<IssueRow>(
      query.themeId === undefined
        ? `SELECT * FROM issues WHERE ${where.sql} ${order}${page.sql}`
        : `SELECT * FROM issues WHERE rowid IN (SELECT rowid FROM ${source} WHERE ${where.sql}
            ${order}${page.sql}) ${order}`,
    ).all(...where.params, ...page.params);
    return { total: count?.total ?? 0, issues: rows.map(toIssue) };
  }

  /**
   * Streams rows straight from SQLite. While the iterator is open this connection cannot run
   * other statements, so finish (or `return()`) it before writing.
   */
  *iterate(tenantId: string, query: IssueQuery): IterableIterator<Issue> {
    const where = issueWhere(tenantId, query);
    const page = pageClause(query, null);
    const statement = this.prepared<IssueRow>(
      `SELECT * FROM issues WHERE ${where.sql} ORDER BY number ASC${page.sql}`,
    );
    for (const row of statement.iterate(...where.params, ...page.params)) yield toIssue(row);
  }

  totalsByTheme(tenantId: string, filter: TotalsFilter): ThemeTotals[] {
    const query = themeTotalsQuery(tenantId, filter);
    return this.prepared<ThemeTotalsRow>(query.sql)
      .all(...query.params)
      .map(toThemeTotals);
  }

  countsByTheme(tenantId: string, filter: TotalsFilter): Array<{ themeId: string; count: number }> {
    const query = themeCountsQuery(tenantId, filter);
    return this.prepared<{ theme_id: string; n: number }>(query.sql)
      .all(...query.params)
      .map((r) => ({ themeId: r.theme_id, count: r.n }));
  }

  affectedRevenue(tenantId: string, themeIds: string[], filter: TotalsFilter): number {
    if (themeIds.length === 0) return 0;
    const query = affectedRevenueQuery(tenantId, themeIds, filter);
    return this.prepared<{ revenue: number }>(query.sql).get(...query.params)?.revenue ?? 0;
  }

  weeklyCounts(
    tenantId: string,
    themeId: string,
    from: Date,
    to: Date,
  ): Array<{ weekStart: string; count: number }> {
    const weeks = weekStartsBetween(utcDay(from), utcDay(to));
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    if (first === undefined || last === undefined) return [];
    const rows = this.prepared<{ week_day: number; n: number }>(WEEKLY_COUNTS_SQL).all(
      tenantId,
      themeId,
      dayStart(first).getTime(),
      dayStart(addDaysTo(last, 7)).getTime(),
    );
    const counts = new Map(rows.map((r) => [utcDay(new Date(r.week_day * MS_PER_DAY)), r.n]));
    return weeks.map((weekStart) => ({ weekStart, count: counts.get(weekStart) ?? 0 }));
  }

  private next(tenantId: string): number {
    return this.nextNumber.get(tenantId)?.next ?? 1;
  }

  private prepared<Row>(sql: string): Database.Statement<SqlValue[], Row> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare<SqlValue[], unknown>(sql);
      this.statements.set(sql, statement);
    }
    return statement as Database.Statement<SqlValue[], Row>;
  }
}
