import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { keyDrivers } from './catalog.js';
import { flag, instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const digestSchedules = sqliteTable(
  'digest_schedules',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    platform: text('platform').notNull(),
    channelId: text('channel_id').notNull(),
    cron: text('cron').notNull(),
    /** IANA zone name, e.g. Europe/Amsterdam. */
    tz: text('tz').notNull(),
    keyDriverId: text('key_driver_id').references(() => keyDrivers.id, { onDelete: 'set null' }),
    createdBy: text('created_by'),
    active: flag('active').notNull().default(true),
    createdAt: instant('created_at').notNull(),
    /** The schedule in plain words, as the user set it ("Every Monday at 09:00"). */
    label: text('label'),
    /** Runs due before this instant have been considered; catch-up starts here. */
    checkedUntil: instant('checked_until'),
  },
  (t) => [
    index('digest_schedules_channel_idx').on(t.tenantId, t.platform, t.channelId),
    index('digest_schedules_active_idx').on(t.active),
  ],
);

export const digestRuns = sqliteTable(
  'digest_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: tenantIdColumn(),
    scheduleId: text('schedule_id')
      .notNull()
      .references(() => digestSchedules.id, { onDelete: 'cascade' }),
    dueAt: instant('due_at').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** True when the run was caught up after downtime rather than posted on time. */
    late: flag('late').notNull().default(false),
    postedAt: instant('posted_at'),
    error: text('error'),
    /** When a failed send may be tried again (backoff). */
    nextAttemptAt: instant('next_attempt_at'),
  },
  // One row per (schedule, due time): two processes can never both claim the same run.
  (t) => [
    uniqueIndex('digest_runs_schedule_due_uq').on(t.scheduleId, t.dueAt),
    index('digest_runs_retry_idx').on(t.status, t.nextAttemptAt),
  ],
);
