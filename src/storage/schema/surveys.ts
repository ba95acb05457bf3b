import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { customers } from './catalog.js';
import { flag, instant } from './columns.js';
import { tenantIdColumn } from './tenants.js';

export const surveyImports = sqliteTable(
  'survey_imports',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    name: text('name').notNull(),
    outcomeColumn: text('outcome_column').notNull(),
    outcomeKind: text('outcome_kind', { enum: ['numeric', 'categorical'] }).notNull(),
    positiveValue: text('positive_value'),
    aspects: text('aspects', { mode: 'json' }).$type<string[]>().notNull(),
    naValue: real('na_value'),
    rowCount: integer('row_count').notNull().default(0),
    createdBy: text('created_by'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('survey_imports_tenant_idx').on(t.tenantId, t.createdAt)],
);

export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    importId: text('import_id')
      .notNull()
      .references(() => surveyImports.id, { onDelete: 'cascade' }),
    tenantId: tenantIdColumn(),
    rowNumber: integer('row_number').notNull(),
    customerId: text('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** 1 core-growth, 0 the rest, null unknown. */
    coreGrowth: flag('core_growth'),
    outcome: real('outcome'),
    /** Aspect name to rating, kept as one JSON object so imports of any width fit one row. */
    ratings: text('ratings', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNumber] }),
    index('survey_responses_tenant_idx').on(t.tenantId),
  ],
);
