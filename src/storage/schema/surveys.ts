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

// Key-driver frequency tables, kept in step with survey_responses (SqliteSurveyRepository
// writes them in the transaction that inserts responses), so a drivers report reads a few
// thousand counts instead of every response. Rows with customer_id '' are the totals of an
// import, by segment. A response with no segment flag of its own is in its customer's segment,
// which can change later, so such responses are also counted per customer (customer_id set,
// segment = that customer's flag); triggers from migration 0004 move those counts between the
// totals' segments when the customer's flag changes or the customer goes. The migration creates
// both tables WITHOUT ROWID (drizzle cannot declare it): one B-tree each, keyed as below.
const crosstabKey = () => ({
  tenantId: tenantIdColumn(),
  /** '' for the import's totals; else the part of them from this customer's flagless responses. */
  customerId: text('customer_id').notNull(),
  importId: text('import_id')
    .notNull()
    .references(() => surveyImports.id, { onDelete: 'cascade' }),
  /** 1 core-growth, 0 the rest, -1 unknown. */
  segment: integer('segment').notNull(),
});

/** Responses counted by (aspect, rating, outcome), over pairs where both are present. */
export const surveyCrosstabs = sqliteTable(
  'survey_crosstabs',
  {
    ...crosstabKey(),
    aspect: text('aspect').notNull(),
    rating: real('rating').notNull(),
    outcome: real('outcome').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.tenantId, t.customerId, t.importId, t.segment, t.aspect, t.rating, t.outcome],
    }),
  ],
);

/** Every response counted by outcome; has_outcome 0 (with outcome 0) counts missing ones. */
export const surveyOutcomeCounts = sqliteTable(
  'survey_outcome_counts',
  {
    ...crosstabKey(),
    hasOutcome: integer('has_outcome').notNull(),
    outcome: real('outcome').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.tenantId, t.customerId, t.importId, t.segment, t.hasOutcome, t.outcome],
    }),
  ],
);
