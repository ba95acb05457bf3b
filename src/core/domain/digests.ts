import type { Platform } from './types.js';

/** A channel's staff-meeting digest: when it posts and what it covers. */
export interface DigestSchedule {
  id: string;
  tenantId: string;
  platform: Platform;
  channelId: string;
  cron: string;
  tz: string;
  label: string;
  /** The key driver the digest covers; null for everything. */
  keyDriverId: string | null;
  createdBy: string | null;
  active: boolean;
  createdAt: Date;
  /** Runs due before this instant were already considered (posted, skipped or failed). */
  checkedUntil: Date | null;
}

/**
 * claimed: taken by one process, which is building it (until its lease runs out);
 * sending: handed to the platform. A process that dies while `sending` leaves the run there
 * for good: it may or may not have been posted, and a retry could post it twice.
 */
export type DigestRunStatus = 'claimed' | 'sending' | 'posted' | 'failed' | 'skipped';

/** One entry in the run ledger: one per (schedule, due time), so a digest posts once. */
export interface DigestRun {
  tenantId: string;
  scheduleId: string;
  dueAt: Date;
  status: DigestRunStatus;
  attempts: number;
  late: boolean;
  postedAt: Date | null;
  error: string | null;
  nextAttemptAt: Date | null;
}
