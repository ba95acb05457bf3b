// Root causes found by 5-why dialogs. Metrics and plans point at their root cause, so the
// links are read back from those tables rather than stored twice.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type {
  RootCause,
  RootCauseInput,
  RootCauseRepository,
} from '../../core/ports/why-repositories.js';
import type { ChainEntry } from '../../core/why/why-types.js';
import type { Db } from '../database.js';
import { actionPlans, metrics, rootCauses } from '../schema/index.js';

export class SqliteRootCauseRepository implements RootCauseRepository {
  constructor(private readonly db: Db) {}

  save(tenantId: string, rootCause: RootCauseInput): void {
    const row = { ...rootCause, tenantId };
    this.db
      .insert(rootCauses)
      .values(row)
      .onConflictDoUpdate({
        target: rootCauses.id,
        set: {
          text: row.text,
          chain: row.chain,
          confirmedBy: row.confirmedBy,
          confirmedAt: row.confirmedAt,
        },
        // Never let an id from another tenant be overwritten.
        setWhere: eq(rootCauses.tenantId, tenantId),
      })
      .run();
  }

  get(tenantId: string, id: string): RootCause | null {
    return this.all(tenantId, eq(rootCauses.id, id))[0] ?? null;
  }

  findBySession(tenantId: string, sessionId: string): RootCause | null {
    return this.all(tenantId, eq(rootCauses.sessionId, sessionId))[0] ?? null;
  }

  listByTheme(tenantId: string, themeId: string): RootCause[] {
    return this.all(tenantId, eq(rootCauses.themeId, themeId));
  }

  list(tenantId: string): RootCause[] {
    return this.all(tenantId);
  }

  private all(tenantId: string, where?: SQL): RootCause[] {
    const rows = this.db
      .select()
      .from(rootCauses)
      .where(and(eq(rootCauses.tenantId, tenantId), where))
      .orderBy(asc(rootCauses.confirmedAt), asc(rootCauses.id))
      .all();
    if (rows.length === 0) return [];
    // One read per linked table for all the rows, not two per root cause.
    const ids = JSON.stringify(rows.map((r) => r.id));
    const metricIds = this.linked(metrics, tenantId, ids);
    const planIds = this.linked(actionPlans, tenantId, ids);
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      themeId: row.themeId,
      sessionId: row.sessionId,
      text: row.text,
      confirmedBy: row.confirmedBy,
      confirmedAt: row.confirmedAt,
      chain: row.chain as ChainEntry[],
      metricIds: metricIds.get(row.id) ?? [],
      planIds: planIds.get(row.id) ?? [],
    }));
  }

  /** Ids of the rows of `table` pointing at each of the root causes in `ids`, oldest first. */
  private linked(
    table: typeof metrics | typeof actionPlans,
    tenantId: string,
    ids: string,
  ): Map<string, string[]> {
    const rows = this.db
      .select({ id: table.id, rootCauseId: table.rootCauseId })
      .from(table)
      .where(
        and(
          eq(table.tenantId, tenantId),
          sql`${table.rootCauseId} IN (SELECT value FROM json_each(${ids}))`,
        ),
      )
      .orderBy(asc(table.createdAt), asc(table.id))
      .all();
    const byCause = new Map<string, string[]>();
    for (const { id, rootCauseId } of rows) {
      if (rootCauseId === null) continue;
      const list = byCause.get(rootCauseId);
      if (list) list.push(id);
      else byCause.set(rootCauseId, [id]);
    }
    return byCause;
  }
}
