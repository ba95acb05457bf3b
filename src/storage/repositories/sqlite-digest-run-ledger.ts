import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { DigestRun, DigestRunStatus } from '../../core/domain/digests.js';
import type { DigestRunLedger } from '../../core/ports/digest-repositories.js';
import type { Db } from '../database.js';
import { digestRuns } from '../schema/index.js';

type Row = typeof digestRuns.$inferSelect;

const toRun = (row: Row): DigestRun => ({
  tenantId: row.tenantId,
  scheduleId: row.scheduleId,
  dueAt: row.dueAt,
  status: row.status as DigestRunStatus,
  attempts: row.attempts,
  late: row.late,
  postedAt: row.postedAt,
  error: row.error,
  nextAttemptAt: row.nextAttemptAt,
});

/** A failed run (at its retry time) and an abandoned claim (after its lease) are taken again. */
const RETRYABLE: string[] = ['failed', 'claimed'];

export class SqliteDigestRunLedger implements DigestRunLedger {
  constructor(private readonly db: Db) {}

  private where(tenantId: string, scheduleId: string, dueAt: Date) {
    return and(
      eq(digestRuns.tenantId, tenantId),
      eq(digestRuns.scheduleId, scheduleId),
      eq(digestRuns.dueAt, dueAt),
    );
  }

  /** The unique (schedule, due) index decides: a second claim inserts nothing. */
  claim(
    tenantId: string,
    scheduleId: string,
    dueAt: Date,
    late: boolean,
    leaseUntil: Date,
  ): boolean {
    const result = this.db
      .insert(digestRuns)
      .values({
        tenantId,
        scheduleId,
        dueAt,
        status: 'claimed',
        attempts: 1,
        late,
        nextAttemptAt: leaseUntil,
      })
      .onConflictDoNothing()
      .run();
    return result.changes === 1;
  }

  skip(tenantId: string, scheduleId: string, dueAt: Date, reason: string): void {
    this.db
      .insert(digestRuns)
      .values({
        tenantId,
        scheduleId,
        dueAt,
        status: 'skipped',
        attempts: 0,
        late: true,
        error: reason,
      })
      .onConflictDoNothing()
      .run();
  }

  markSending(tenantId: string, scheduleId: string, dueAt: Date): void {
    this.db
      .update(digestRuns)
      .set({ status: 'sending', nextAttemptAt: null })
      .where(this.where(tenantId, scheduleId, dueAt))
      .run();
  }

  markPosted(tenantId: string, scheduleId: string, dueAt: Date, at: Date): void {
    this.db
      .update(digestRuns)
      .set({ status: 'posted', postedAt: at, error: null, nextAttemptAt: null })
      .where(this.where(tenantId, scheduleId, dueAt))
      .run();
  }

  markFailed(
    tenantId: string,
    scheduleId: string,
    dueAt: Date,
    error: string,
    nextAttemptAt: Date | null,
  ): void {
    this.db
      .update(digestRuns)
      .set({ status: 'failed', error, nextAttemptAt })
      .where(this.where(tenantId, scheduleId, dueAt))
      .run();
  }

  /** A failed run whose retry is due, or a claim whose lease ran out; only by one caller. */
  reclaim(tenantId: string, scheduleId: string, dueAt: Date, now: Date, leaseUntil: Date): boolean {
    const run = this.db
      .select()
      .from(digestRuns)
      .where(this.where(tenantId, scheduleId, dueAt))
      .get();
    if (!run || !RETRYABLE.includes(run.status)) return false;
    const result = this.db
      .update(digestRuns)
      .set({ status: 'claimed', attempts: run.attempts + 1, nextAttemptAt: leaseUntil })
      .where(
        and(
          this.where(tenantId, scheduleId, dueAt),
          eq(digestRuns.status, run.status),
          eq(digestRuns.attempts, run.attempts),
          lte(digestRuns.nextAttemptAt, now),
        ),
      )
      .run();
    return result.changes === 1;
  }

  retriesDue(now: Date): DigestRun[] {
    return this.db
      .select()
      .from(digestRuns)
      .where(and(inArray(digestRuns.status, RETRYABLE), lte(digestRuns.nextAttemptAt, now)))
      .orderBy(asc(digestRuns.nextAttemptAt))
      .all()
      .map(toRun);
  }

  list(tenantId: string, scheduleId: string): DigestRun[] {
    return this.db
      .select()
      .from(digestRuns)
      .where(and(eq(digestRuns.tenantId, tenantId), eq(digestRuns.scheduleId, scheduleId)))
      .orderBy(asc(digestRuns.dueAt))
      .all()
      .map(toRun);
  }

  lastPosted(tenantId: string, scheduleId: string): Date | null {
    const row = this.db
      .select({ postedAt: digestRuns.postedAt })
      .from(digestRuns)
      .where(
        and(
          eq(digestRuns.tenantId, tenantId),
          eq(digestRuns.scheduleId, scheduleId),
          eq(digestRuns.status, 'posted'),
        ),
      )
      .orderBy(desc(digestRuns.postedAt))
      .limit(1)
      .get();
    return row?.postedAt ?? null;
  }
}
