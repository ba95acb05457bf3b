// 5-why sessions: the state as JSON with a version column for optimistic locking, plus
// the transcript copied into why_steps so "who said what" can be queried directly.
import { and, asc, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Platform } from '../../core/domain/types.js';
import type {
  NewWhySession,
  WhySession,
  WhySessionRepository,
  WhyThreadRef,
} from '../../core/ports/why-repositories.js';
import { whyTranscript } from '../../core/why/why-chain.js';
import type { WhyState, WhyStatus } from '../../core/why/why-types.js';
import type { Db } from '../database.js';
import { whySessions, whySteps } from '../schema/index.js';

type SessionRow = typeof whySessions.$inferSelect;

const toSession = (row: SessionRow): WhySession => ({
  id: row.id,
  tenantId: row.tenantId,
  themeId: row.themeId,
  issueId: row.issueId,
  platform: row.platform as Platform,
  channelId: row.channelId,
  threadId: row.threadId ?? '',
  startedBy: row.startedBy,
  status: row.status as WhyStatus,
  state: row.state as WhyState,
  version: row.version,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  lastActivityAt: row.lastActivityAt,
});

export class SqliteWhySessionRepository implements WhySessionRepository {
  constructor(private readonly db: Db) {}

  create(tenantId: string, session: NewWhySession): WhySession {
    const row = { ...session, tenantId, version: 0 };
    this.db.$client
      .transaction(() => {
        this.db.insert(whySessions).values(row).run();
        this.writeSteps(tenantId, session.id, session.state);
      })
      .immediate();
    return { ...session, tenantId, version: 0 };
  }

  get(tenantId: string, id: string): WhySession | null {
    const row = this.db
      .select()
      .from(whySessions)
      .where(and(eq(whySessions.tenantId, tenantId), eq(whySessions.id, id)))
      .get();
    return row ? toSession(row) : null;
  }

  findByThread(tenantId: string, thread: WhyThreadRef): WhySession | null {
    const row = this.db
      .select()
      .from(whySessions)
      .where(
        and(
          eq(whySessions.tenantId, tenantId),
          eq(whySessions.platform, thread.platform),
          eq(whySessions.channelId, thread.channelId),
          eq(whySessions.threadId, thread.threadId),
        ),
      )
      .get();
    return row ? toSession(row) : null;
  }

  save(tenantId: string, session: WhySession, expectedVersion: number): boolean {
    return this.db.$client
      .transaction(() => {
        const { changes } = this.db
          .update(whySessions)
          .set({
            status: session.status,
            state: session.state,
            version: expectedVersion + 1,
            threadId: session.threadId,
            updatedAt: session.updatedAt,
            lastActivityAt: session.lastActivityAt,
          })
          .where(
            and(
              eq(whySessions.tenantId, tenantId),
              eq(whySessions.id, session.id),
              eq(whySessions.version, expectedVersion),
            ),
          )
          .run();
        if (changes !== 1) return false;
        this.writeSteps(tenantId, session.id, session.state);
        return true;
      })
      .immediate();
  }

  list(tenantId: string, filter: { status?: WhyStatus; limit?: number } = {}): WhySession[] {
    const byStatus =
      filter.status === undefined ? undefined : eq(whySessions.status, filter.status);
    return this.db
      .select()
      .from(whySessions)
      .where(and(eq(whySessions.tenantId, tenantId), byStatus))
      .orderBy(desc(whySessions.lastActivityAt), asc(whySessions.id))
      .limit(filter.limit ?? 200)
      .all()
      .map(toSession);
  }

  listIdle(before: Date, limit = 500): WhySession[] {
    return this.db
      .select()
      .from(whySessions)
      .where(
        and(
          eq(whySessions.status, 'open'),
          isNotNull(whySessions.threadId),
          lte(whySessions.lastActivityAt, before),
          // Skip sessions already reminded since their last activity, so a pile of abandoned
          // dialogs cannot crowd newly idle ones out of the limit. (ISO strings sort by time.)
          sql`coalesce(json_extract(${whySessions.state}, '$.remindedAt') < json_extract(${whySessions.state}, '$.lastActivityAt'), 1)`,
        ),
      )
      .orderBy(asc(whySessions.lastActivityAt))
      .limit(limit)
      .all()
      .map(toSession);
  }

  /** Replaces the session's why_steps rows with its transcript (a few dozen rows at most). */
  private writeSteps(tenantId: string, sessionId: string, state: WhyState): void {
    this.db.delete(whySteps).where(eq(whySteps.sessionId, sessionId)).run();
    const rows = whyTranscript(state).map((e) => ({
      sessionId,
      tenantId,
      stepIndex: e.seq,
      branchId: e.branchId,
      question: e.question,
      answer: e.text,
      answeredBy: e.userId,
      answeredAt: new Date(e.at),
      kind: e.kind,
    }));
    if (rows.length > 0) this.db.insert(whySteps).values(rows).run();
  }
}
