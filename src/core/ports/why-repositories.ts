// Storage ports for the 5-why dialog. A session's state is written with optimistic
// versioning: two replies racing for the same step can never both land.
import type { Platform } from '../domain/types.js';
import type { ChainEntry, WhyState, WhyStatus } from '../why/why-types.js';

export interface WhySession {
  id: string;
  tenantId: string;
  themeId: string;
  issueId: string | null;
  platform: Platform;
  channelId: string;
  /** The root message's id: every question and answer lives under it. */
  threadId: string;
  startedBy: string;
  status: WhyStatus;
  state: WhyState;
  /** Bumped by every successful save. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
}

export type NewWhySession = Omit<WhySession, 'tenantId' | 'version'>;

export interface WhyThreadRef {
  platform: Platform;
  channelId: string;
  threadId: string;
}

export interface WhySessionRepository {
  /** Inserts at version 0. */
  create(tenantId: string, session: NewWhySession): WhySession;
  get(tenantId: string, id: string): WhySession | null;
  findByThread(tenantId: string, thread: WhyThreadRef): WhySession | null;
  /**
   * Writes state, status and times, and bumps the version, only if the stored version is
   * still `expectedVersion`. Returns false when another write got there first.
   */
  save(tenantId: string, session: WhySession, expectedVersion: number): boolean;
  /** Newest activity first. */
  list(tenantId: string, filter?: { status?: WhyStatus; limit?: number }): WhySession[];
  /**
   * Open sessions of every tenant with no activity since `before` and no reminder since
   * that activity, oldest first. The one cross-tenant read, for the scheduler's reminders;
   * each row carries its tenant id.
   */
  listIdle(before: Date, limit?: number): WhySession[];
}

/** What a 5-why found: linked to its theme and session, holding the whole transcript. */
export interface RootCause {
  id: string;
  tenantId: string;
  themeId: string;
  sessionId: string | null;
  text: string;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  chain: ChainEntry[];
  /** Metrics and plans made for this root cause (they point at it). */
  metricIds: string[];
  planIds: string[];
}

export type RootCauseInput = Omit<RootCause, 'tenantId' | 'metricIds' | 'planIds'>;

export interface RootCauseRepository {
  /** Inserts, or replaces the text and chain of an existing record with the same id. */
  save(tenantId: string, rootCause: RootCauseInput): void;
  get(tenantId: string, id: string): RootCause | null;
  findBySession(tenantId: string, sessionId: string): RootCause | null;
  listByTheme(tenantId: string, themeId: string): RootCause[];
  /** Every root cause of the tenant in listByTheme's order: all themes in one read. */
  list(tenantId: string): RootCause[];
}
