import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { flag, instant } from './columns.js';

export const tenants = sqliteTable('tenants', {
  id: text('id').primaryKey(),
  platform: text('platform', { enum: ['slack', 'teams', 'local', 'cli'] }).notNull(),
  name: text('name'),
  createdAt: instant('created_at').notNull(),
});

/** The owning tenant; deleting a tenant removes all of its rows. */
export const tenantIdColumn = () =>
  text('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

export const users = sqliteTable(
  'users',
  {
    tenantId: tenantIdColumn(),
    userId: text('user_id').notNull(),
    name: text('name'),
    isAdmin: flag('is_admin').notNull().default(false),
    nudges: flag('nudges').notNull().default(true),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
