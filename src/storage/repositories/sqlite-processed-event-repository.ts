import type Database from 'better-sqlite3';
import type { ProcessedEventRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';

export class SqliteProcessedEventRepository implements ProcessedEventRepository {
  private readonly insert: Database.Statement<[string, string, number]>;
  private readonly deleteBefore: Database.Statement<[number]>;

  constructor(db: Db) {
    this.insert = db.$client.prepare(
      'INSERT OR IGNORE INTO processed_events (tenant_id, event_key, processed_at) VALUES (?, ?, ?)',
    );
    this.deleteBefore = db.$client.prepare('DELETE FROM processed_events WHERE processed_at < ?');
  }

  markProcessed(tenantId: string, eventKey: string, at: Date): boolean {
    // No row inserted means the key was already there: this delivery is a retry.
    return this.insert.run(tenantId, eventKey, at.getTime()).changes === 1;
  }

  /** Housekeeping across all tenants: retries arrive within minutes, so old keys are dead weight. */
  prune(before: Date): number {
    return this.deleteBefore.run(before.getTime()).changes;
  }
}
