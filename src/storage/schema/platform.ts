// Bookkeeping for the chat platforms: retries, audit trail, installs and conversation refs.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const processedEvents = sqliteTable(
  'processed_events',
  {
    tenantId: tenantIdColumn(),
    eventKey: text('event_key').notNull(),
    processedAt: instant('processed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.eventKey] }),
    index('processed_events_processed_at_idx').on(t.processedAt),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenantId: tenantIdColumn(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    at: instant('at').notNull(),
  },
  (t) => [
    index('audit_log_tenant_entity_idx').on(t.tenantId, t.entityType, t.entityId),
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
  ],
);

/** One installation per tenant (a workspace, or an enterprise for org-wide installs). */
export const slackInstallations = sqliteTable('slack_installations', {
  tenantId: tenantIdColumn().primaryKey(),
  teamId: text('team_id'),
  enterpriseId: text('enterprise_id'),
  /** Encrypted before it reaches storage; never the plain token. */
  botToken: text('bot_token').notNull(),
  botUserId: text('bot_user_id'),
  installation: text('installation', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  installedAt: instant('installed_at').notNull(),
});

export const teamsConversationRefs = sqliteTable(
  'teams_conversation_refs',
  {
    tenantId: tenantIdColumn(),
    conversationId: text('conversation_id').notNull(),
    reference: text('reference', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.conversationId] })],
);
