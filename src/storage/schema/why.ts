// The 5-why dialog: a persisted state machine plus its transcript and the root causes it finds.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { themes } from './catalog.js';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';
import { issues } from './issues.js';

export const whySessions = sqliteTable(
  'why_sessions',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    issueId: text('issue_id').references(() => issues.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    state: text('state', { mode: 'json' }).$type<unknown>().notNull(),
    /** Bumped on every write; updates check it so two replies never overwrite each other. */
    version: integer('version').notNull().default(0),
    platform: text('platform').notNull(),
    channelId: text('channel_id').notNull(),
    threadId: text('thread_id'),
    startedBy: text('started_by').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    lastActivityAt: instant('last_activity_at').notNull(),
  },
  (t) => [
    index('why_sessions_thread_idx').on(t.tenantId, t.platform, t.channelId, t.threadId),
    index('why_sessions_tenant_status_idx').on(t.tenantId, t.status, t.lastActivityAt),
    index('why_sessions_theme_idx').on(t.themeId),
  ],
);

export const whySteps = sqliteTable(
  'why_steps',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => whySessions.id, { onDelete: 'cascade' }),
    tenantId: tenantIdColumn(),
    stepIndex: integer('step_index').notNull(),
    branchId: text('branch_id').notNull(),
    question: text('question').notNull(),
    answer: text('answer'),
    answeredBy: text('answered_by'),
    answeredAt: instant('answered_at'),
    kind: text('kind', { enum: ['answer', 'note', 'back', 'branch'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.stepIndex] })],
);

export const rootCauses = sqliteTable(
  'root_causes',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    themeId: text('theme_id')
      .notNull()
      .references(() => themes.id),
    sessionId: text('session_id').references(() => whySessions.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    confirmedBy: text('confirmed_by'),
    confirmedAt: instant('confirmed_at'),
    /** The why-chain that led here, question and answer per step. */
    chain: text('chain', { mode: 'json' }).$type<unknown[]>().notNull(),
  },
  (t) => [index('root_causes_tenant_theme_idx').on(t.tenantId, t.themeId)],
);
