// Root causes found by 5-why dialogs. Metrics and plans point at their root cause, so the
// links are read back from those tables rather than stored twice.
import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type {
  RootCause,
  RootCauseInput,
  RootCauseRepository,
} from '../../core/ports/why-repositories.js';
import type { ChainEntry } from '../../core/why/why-types.js';
import type { Db } from '../database.js';
import { actionPlans, metrics, rootCauses } from '../schema/index.js';

type RootCauseRow = typeof rootCauses.$inferSelect;

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

  private all(tenantId: string, where: SQL): RootCause[] {
    return this.db
      .select()
      .from(rootCauses)
      .where(and(eq(rootCauses.tenantId, tenantId), where))
      .orderBy(asc(rootCauses.confirmedAt), asc(rootCauses.id))
      .all()
      .map((row) => this.toRootCause(row));
  }

  private toRootCause(row: RootCauseRow): RootCause {
    const ids = (table: typeof metrics | typeof actionPlans): string[] =>
      this.db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.tenantId, row.tenantId), eq(table.rootCauseId, row.id)))
        .orderBy(asc(table.createdAt))
        .all()
        .map((r) => r.id);
    return {
      id: row.id,
      tenantId: row.tenantId,
      themeId: row.themeId,
      sessionId: row.sessionId,
      text: row.text,
      confirmedBy: row.confirmedBy,
      confirmedAt: row.confirmedAt,
      chain: row.chain as ChainEntry[],
      metricIds: ids(metrics),
      planIds: ids(actionPlans),
    };
  }
}
