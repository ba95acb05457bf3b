// Posts every digest that is due, once. Each (schedule, due time) is claimed in the run
// ledger before posting, so restarts, overlapping instances and retries can't post twice.
// A claim left by a process that died before sending is taken again after its lease; one
// that died mid-send is not (it may have gone out), so a crash never causes a duplicate.
// Runs missed while the bot was down are caught up once, marked late, when less than 12
// hours late; older ones, and all but the latest missed run, are skipped and recorded.
// Schedules are delivered a few at a time; each one's outcome is its own.
import { AppError } from '../domain/errors.js';
import type { DigestRun, DigestSchedule } from '../domain/digests.js';
import type { MessageView } from '../views/message-view.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { runsBetween } from '../cron/next-runs.js';

export const CATCH_UP_LIMIT_MS = 12 * 3_600_000;
/** A run posted within this much of its time is on time, not late. */
export const ON_TIME_GRACE_MS = 2 * 60_000;
/** Minutes to wait before each retry of a failed send; then give up. */
export const RETRY_BACKOFF_MINUTES = [1, 5, 15, 60] as const;
/**
 * How long a claim is held while the digest is built. A process that dies before sending
 * leaves its claim behind; once the lease runs out another run takes it (at-least-once up
 * to the send). Far longer than a build and a send with all their retries take.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;
/**
 * Schedules delivered at once. Building a digest is synchronous database work, but posting
 * it waits on the network, and on Retry-After when Slack rate-limits a channel: a few at a
 * time overlap those waits, so one slow channel doesn't hold up the rest. Few, because the
 * builds share one CPU and Slack also limits messages per workspace (several hundred a
 * minute), which more parallel posts would only run into sooner.
 */
export const DELIVERY_CONCURRENCY = 6;

export interface DigestContext {
  now: Date;
  dueAt: Date;
  late: boolean;
}

export type DigestBuilder = (
  deps: CoreDeps,
  schedule: DigestSchedule,
  context: DigestContext,
) => Promise<MessageView>;

export interface DigestRunReport {
  posted: number;
  failed: number;
  skipped: number;
}

const conversationOf = (s: DigestSchedule) => ({
  platform: s.platform,
  tenantId: s.tenantId,
  channelId: s.channelId,
});

const lease = (now: Date): Date => new Date(now.getTime() + CLAIM_LEASE_MS);
const TOO_LATE = 'more than 12 hours late';

const nextAttempt = (attempts: number, now: Date): Date | null => {
  const minutes = RETRY_BACKOFF_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
};

/** Builds and posts one claimed run, and writes the outcome to the ledger. */
const deliver = async (
  deps: CoreDeps,
  build: DigestBuilder,
  s: DigestSchedule,
  dueAt: Date,
  attempts: number,
  report: DigestRunReport,
): Promise<void> => {
  const now = deps.clock.now();
  const late = now.getTime() - dueAt.getTime() > ON_TIME_GRACE_MS;
  let error: string;
  try {
    const view = await build(deps, s, { now, dueAt, late });
    // From here a crash could leave it posted or not: it is never taken again, so a
    // digest is never posted twice (at-most-once for the send itself).
    deps.repos.digestRuns.markSending(s.tenantId, s.id, dueAt);
    const result = await deps.gateway.post(conversationOf(s), view);
    if (result.ok) {
      deps.repos.digestRuns.markPosted(s.tenantId, s.id, dueAt, deps.clock.now());
      report.posted += 1;
      return;
    }
    error = result.error;
  } catch (e: unknown) {
    error = e instanceof Error ? e.message : String(e);
  }
  deps.repos.digestRuns.markFailed(s.tenantId, s.id, dueAt, error, nextAttempt(attempts, now));
  report.failed += 1;
};

const runSchedule = async (
  deps: CoreDeps,
  build: DigestBuilder,
  s: DigestSchedule,
  now: Date,
  report: DigestRunReport,
): Promise<void> => {
  const due = runsBetween(s.cron, s.tz, s.checkedUntil ?? s.createdAt, now);
  for (const [i, dueAt] of due.entries()) {
    const lateness = now.getTime() - dueAt.getTime();
    const superseded = i < due.length - 1 && lateness > ON_TIME_GRACE_MS;
    if (lateness > CATCH_UP_LIMIT_MS || superseded) {
      const reason = lateness > CATCH_UP_LIMIT_MS ? TOO_LATE : 'superseded by a later run';
      deps.repos.digestRuns.skip(s.tenantId, s.id, dueAt, reason);
      report.skipped += 1;
    } else if (
      // The lease runs from the claim, not from the start of a long tick.
      deps.repos.digestRuns.claim(
        s.tenantId,
        s.id,
        dueAt,
        lateness > ON_TIME_GRACE_MS,
        lease(deps.clock.now()),
      )
    ) {
      await deliver(deps, build, s, dueAt, 1, report);
    }
  }
  deps.repos.digestSchedules.setCheckedUntil(s.tenantId, s.id, now);
};

/**
 * Runs `task` for each item, at most `limit` at a time. A task that throws doesn't stop the
 * others; its error is collected and returned.
 */
const eachLimited = async <T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<unknown[]> => {
  const errors: unknown[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (e: unknown) {
        errors.push(e);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return errors;
};

/** Retries whose backoff or lease is over: abandoned ones are closed, the rest delivered. */
const runRetry = async (
  deps: CoreDeps,
  build: DigestBuilder,
  run: DigestRun,
  now: Date,
  report: DigestRunReport,
): Promise<void> => {
  if (now.getTime() - run.dueAt.getTime() > CATCH_UP_LIMIT_MS) {
    // An abandoned claim found after long downtime: too late to be useful.
    deps.repos.digestRuns.markFailed(run.tenantId, run.scheduleId, run.dueAt, TOO_LATE, null);
    return;
  }
  const schedule = deps.repos.digestSchedules.get(run.tenantId, run.scheduleId);
  if (
    !schedule?.active ||
    !deps.repos.digestRuns.reclaim(
      run.tenantId,
      run.scheduleId,
      run.dueAt,
      now,
      lease(deps.clock.now()),
    )
  )
    return;
  await deliver(deps, build, schedule, run.dueAt, run.attempts + 1, report);
};

/** The first few errors' messages: enough to act on, when the database is down for all. */
const summary = (errors: unknown[]): string => {
  const shown = errors.slice(0, 3).map((e) => (e instanceof Error ? e.message : String(e)));
  return `${shown.join('; ')}${errors.length > shown.length ? '; …' : ''}`;
};

/**
 * Called every minute by the scheduler (and at start-up, to catch up). Every schedule is
 * handled even when another one throws (a database error); those errors are thrown together
 * at the end, with the report, so the scheduler logs them.
 */
export const runDueDigests = async (
  deps: CoreDeps,
  build: DigestBuilder,
): Promise<DigestRunReport> => {
  const now = deps.clock.now();
  const report: DigestRunReport = { posted: 0, failed: 0, skipped: 0 };
  const errors = await eachLimited(
    deps.repos.digestSchedules.listAllActive(),
    DELIVERY_CONCURRENCY,
    (schedule) => runSchedule(deps, build, schedule, now, report),
  );
  // Then earlier runs whose retry time, or abandoned claim's lease, has come.
  errors.push(
    ...(await eachLimited(deps.repos.digestRuns.retriesDue(now), DELIVERY_CONCURRENCY, (run) =>
      runRetry(deps, build, run, now, report),
    )),
  );
  if (errors.length > 0)
    throw new AppError(
      'digest.tick-failed',
      `${errors.length} digest run(s) could not be handled (posted ${report.posted}, ` +
        `failed ${report.failed}, skipped ${report.skipped}): ${summary(errors)}`,
      { cause: errors.length === 1 ? errors[0] : new AggregateError(errors) },
    );
  return report;
};
