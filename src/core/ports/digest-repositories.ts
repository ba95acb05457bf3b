// Storage ports for digest schedules and their run ledger.
import type { DigestRun, DigestSchedule } from '../domain/digests.js';
import type { Platform } from '../domain/types.js';

export interface DigestScheduleRepository {
  /** Sets the channel's schedule, replacing any earlier one (one schedule per channel). */
  upsertForChannel(
    tenantId: string,
    schedule: Omit<DigestSchedule, 'tenantId' | 'active' | 'checkedUntil'>,
  ): DigestSchedule;
  getForChannel(tenantId: string, platform: Platform, channelId: string): DigestSchedule | null;
  get(tenantId: string, id: string): DigestSchedule | null;
  deactivate(tenantId: string, id: string): void;
  setCheckedUntil(tenantId: string, id: string, at: Date): void;
  /**
   * Every active schedule of every tenant. Only the scheduler calls this, to load its
   * work at start-up; everything it then does is scoped to each schedule's tenant.
   */
  listAllActive(): DigestSchedule[];
}

export interface DigestRunLedger {
  /**
   * Claims the run of `scheduleId` due at `dueAt` until `leaseUntil`. Only the first caller,
   * in any process on the same database, gets true: this is what makes delivery once-only.
   * A claim still held when its lease runs out belonged to a process that died before
   * sending; retriesDue offers it again.
   */
  claim(
    tenantId: string,
    scheduleId: string,
    dueAt: Date,
    late: boolean,
    leaseUntil: Date,
  ): boolean;
  /** Records that the run is being handed to the platform; from here it is never re-taken. */
  markSending(tenantId: string, scheduleId: string, dueAt: Date): void;
  /** Records a run that was skipped (e.g. too late to be useful) and never posts it. */
  skip(tenantId: string, scheduleId: string, dueAt: Date, reason: string): void;
  markPosted(tenantId: string, scheduleId: string, dueAt: Date, at: Date): void;
  markFailed(
    tenantId: string,
    scheduleId: string,
    dueAt: Date,
    error: string,
    nextAttemptAt: Date | null,
  ): void;
  /**
   * Takes back a failed run whose retry is due, or a claim whose lease ran out, for another
   * attempt held until `leaseUntil`; false if someone else took it first.
   */
  reclaim(tenantId: string, scheduleId: string, dueAt: Date, now: Date, leaseUntil: Date): boolean;
  /**
   * Failed runs whose next attempt is due and claims whose lease ran out, across tenants
   * (the scheduler's work list).
   */
  retriesDue(now: Date): DigestRun[];
  list(tenantId: string, scheduleId: string): DigestRun[];
  /** When the schedule last posted, for "what changed since the last digest". */
  lastPosted(tenantId: string, scheduleId: string): Date | null;
}
