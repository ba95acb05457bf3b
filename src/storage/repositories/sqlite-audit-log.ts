import { and, desc, eq } from 'drizzle-orm';
import type { AuditEntry } from '../../core/domain/types.js';
import type { AuditLog } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { auditLog } from '../schema/index.js';

type AuditRow = typeof auditLog.$inferSelect;
type AuditFilter = { entityType?: string; entityId?: string; limit?: number };

const DEFAULT_LIMIT = 100;

const toEntry = (row: AuditRow): AuditEntry => ({
  tenantId: row.tenantId,
  actorId: row.actorId,
  action: row.action,
  entityType: row.entityType,
  entityId: row.entityId,
  detail: row.detail,
  at: row.at,
});

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry): void {
    this.db.insert(auditLog).values(entry).run();
  }

  /** Newest first. */
  list(tenantId: string, filter: AuditFilter = {}): AuditEntry[] {
    const where = and(
      eq(auditLog.tenantId, tenantId),
      filter.entityType === undefined ? undefined : eq(auditLog.entityType, filter.entityType),
      filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
    );
    return this.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.limit ?? DEFAULT_LIMIT)
      .all()
      .map(toEntry);
  }
}
