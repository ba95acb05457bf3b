// The key-driver frequency tables (survey_crosstabs, survey_outcome_counts; see
// schema/surveys.ts): the SQL of migration 0004 that fills them and keeps them following
// customers' flags, the statements the repository reads and writes them with, and the
// counting of a batch of new responses.
import type { SurveyImport, SurveyResponse } from '../../core/domain/types.js';

// 9e999 is +Infinity to SQLite: this keeps finite numbers and drops NULL and ±Infinity.
const finite = (value: string): string => `abs(${value}) < 9e999`;

// Each stored response with its segment (its own flag, else its customer's) and, when that
// came from the customer, the customer; the same rule SurveyRepository.columns reads by.
const RESPONSES = `FROM survey_responses r
JOIN survey_imports i ON i.id = r.import_id AND i.tenant_id = r.tenant_id
LEFT JOIN customers c ON r.core_growth IS NULL AND c.id = r.customer_id
  AND c.tenant_id = r.tenant_id`;
const SEGMENT = `COALESCE(r.core_growth, c.core_growth, -1)`;
// Ratings as json_extract gives them to columns(): numbers only, minus the import's "not
// applicable" value. Every key counts, as columns() reads any key that is an aspect of some
// import in scope; reads keep only the aspects of the imports asked for.
const PAIRS = `${RESPONSES}
JOIN json_each(r.ratings) j
WHERE ${finite('r.outcome')} AND j.type IN ('integer', 'real') AND ${finite('j.value')}
  AND (i.na_value IS NULL OR j.value <> i.na_value)`;

// `owner` is '' for the totals or c.id for the per-customer parts; `where` limits the rows.
const pairsBackfill = (owner: string, where: string): string =>
  `INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id, segment, aspect, rating,
  outcome, count)
SELECT r.tenant_id, ${owner}, r.import_id, ${SEGMENT}, j.key, j.value, r.outcome, COUNT(*)
${PAIRS}${where ? ` AND ${where}` : ''}
GROUP BY 1, 2, 3, 4, 5, 6, 7;`;

const outcomesBackfill = (owner: string, where: string): string =>
  `INSERT INTO survey_outcome_counts (tenant_id, customer_id, import_id, segment, has_outcome,
  outcome, count)
SELECT r.tenant_id, ${owner}, r.import_id, ${SEGMENT}, COALESCE(${finite('r.outcome')}, 0),
  CASE WHEN ${finite('r.outcome')} THEN r.outcome ELSE 0 END, COUNT(*)
${RESPONSES}${where ? `\nWHERE ${where}` : ''}
GROUP BY 1, 2, 3, 4, 5, 6;`;

const FROM_CUSTOMER = 'c.id IS NOT NULL';

/**
 * Fills both tables from every stored response, totals and per-customer parts. Migration 0004
 * runs these same statements (a test holds them equal) and the analytics benchmark seeds with
 * them. They expect empty tables.
 */
export const SURVEY_CROSSTABS_BACKFILL: readonly string[] = [
  pairsBackfill(`''`, ''),
  pairsBackfill('c.id', FROM_CUSTOMER),
  outcomesBackfill(`''`, ''),
  outcomesBackfill('c.id', FROM_CUSTOMER),
];

// Moves one customer's part of the totals from segment `from` to `to` (a + and a − upsert),
// then drops totals left at zero. `id` and `tenant` are the customer's.
const moveCustomer =
  (table: string, key: string, id: string, tenant: string) =>
  (
    from: string,
    to: string,
  ): string => `INSERT INTO ${table} (tenant_id, customer_id, import_id, segment, ${key}, count)
    SELECT tenant_id, '', import_id, m.segment, ${key}, m.sign * count
    FROM ${table}, (SELECT ${to} AS segment, 1 AS sign UNION ALL SELECT ${from}, -1) m
    WHERE tenant_id = ${tenant} AND customer_id = ${id}
    ON CONFLICT (tenant_id, customer_id, import_id, segment, ${key})
    DO UPDATE SET count = count + excluded.count;
  DELETE FROM ${table} WHERE tenant_id = ${tenant} AND customer_id = '' AND count = 0;`;

const PAIR_KEY = 'aspect, rating, outcome';
const OUTCOME_KEY = 'has_outcome, outcome';
const hasPart = (row: string) =>
  `EXISTS (SELECT 1 FROM survey_outcome_counts WHERE tenant_id = ${row}.tenant_id
    AND customer_id = ${row}.id)`;

/**
 * Keeps the totals right when a customer's core-growth flag changes or the customer is
 * deleted (its responses then have no customer, so no segment). Triggers rather than code in
 * the customer repository, so that every write path is covered. Deleting a whole tenant
 * removes these rows by cascade, so the delete trigger stands aside then.
 */
export const SURVEY_CROSSTABS_TRIGGERS: readonly string[] = [
  `CREATE TRIGGER survey_crosstabs_customer_flag AFTER UPDATE OF core_growth ON customers
WHEN OLD.core_growth IS NOT NEW.core_growth AND ${hasPart('NEW')}
BEGIN
  ${moveCustomer('survey_crosstabs', PAIR_KEY, 'NEW.id', 'NEW.tenant_id')('OLD.core_growth', 'NEW.core_growth')}
  ${moveCustomer('survey_outcome_counts', OUTCOME_KEY, 'NEW.id', 'NEW.tenant_id')('OLD.core_growth', 'NEW.core_growth')}
  UPDATE survey_crosstabs SET segment = NEW.core_growth
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
  UPDATE survey_outcome_counts SET segment = NEW.core_growth
    WHERE tenant_id = NEW.tenant_id AND customer_id = NEW.id;
END;`,
  `CREATE TRIGGER survey_crosstabs_customer_gone AFTER DELETE ON customers
WHEN EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id) AND ${hasPart('OLD')}
BEGIN
  ${moveCustomer('survey_crosstabs', PAIR_KEY, 'OLD.id', 'OLD.tenant_id')('OLD.core_growth', '-1')}
  ${moveCustomer('survey_outcome_counts', OUTCOME_KEY, 'OLD.id', 'OLD.tenant_id')('OLD.core_growth', '-1')}
  DELETE FROM survey_crosstabs WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id;
  DELETE FROM survey_outcome_counts WHERE tenant_id = OLD.tenant_id AND customer_id = OLD.id;
END;`,
];

export const UPSERT_PAIR = `INSERT INTO survey_crosstabs (tenant_id, customer_id, import_id,
  segment, aspect, rating, outcome, count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (tenant_id, customer_id, import_id, segment, aspect, rating, outcome)
  DO UPDATE SET count = count + excluded.count`;

export const UPSERT_OUTCOME = `INSERT INTO survey_outcome_counts (tenant_id, customer_id,
  import_id, segment, has_outcome, outcome, count) VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (tenant_id, customer_id, import_id, segment, has_outcome, outcome)
  DO UPDATE SET count = count + excluded.count`;

export const CUSTOMER_FLAG = `SELECT core_growth FROM customers WHERE tenant_id = ? AND id = ?`;

// The totals only (customer_id ''), of one import or all: a range of the primary key.
const TOTALS = `WHERE tenant_id = ? AND customer_id = '' AND (? IS NULL OR import_id = ?)`;

// Not summed over imports: the analysis adds up repeated cells itself, and a plain range scan
// of the index is about twice as fast as grouping.
/** [segment, aspect, rating, outcome, count], a row per import and cell. */
export const SELECT_PAIRS = `SELECT segment, aspect, rating, outcome, count
  FROM survey_crosstabs ${TOTALS}`;

/** [segment, outcome or null, count], a row per import and cell. */
export const SELECT_OUTCOMES = `SELECT segment, CASE WHEN has_outcome THEN outcome END, count
  FROM survey_outcome_counts ${TOTALS}`;

export type PairRow = [string, string, string, number, string, number, number, number];
export type OutcomeRow = [string, string, string, number, number, number, number];

type NewResponse = Omit<SurveyResponse, 'tenantId' | 'importId'>;

const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The responses of one batch that share an owner, a segment and an outcome. */
interface Group {
  owner: string;
  segment: number;
  outcome: number | null;
  rows: number;
  /** Aspect → rating → responses. */
  ratings: Map<string, Map<number, number>>;
}

function groupOf(
  groups: Map<string, Group>,
  owner: string,
  segment: number,
  outcome: number | null,
) {
  const key = `${owner}\u0000${segment}\u0000${outcome}`;
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { owner, segment, outcome, rows: 0, ratings: new Map() }));
  return group;
}

function countRatings(group: Group, ratings: Record<string, number | null>, na: number | null) {
  group.rows += 1;
  if (group.outcome === null) return;
  for (const aspect in ratings) {
    const rating = ratings[aspect];
    if (!isFiniteNumber(rating) || rating === na || !Object.hasOwn(ratings, aspect)) continue;
    let counts = group.ratings.get(aspect);
    if (!counts) group.ratings.set(aspect, (counts = new Map()));
    counts.set(rating, (counts.get(rating) ?? 0) + 1);
  }
}

/**
 * The batch's rows for both tables, counted in memory first so each distinct cell is written
 * once: grouped by owner, segment and outcome per response, then by aspect and rating through
 * maps of numbers, which is several times faster than a string key per rating. A rating counts
 * as columns() reads it back: a number other than the import's "not applicable" value, beside
 * a present outcome, under any key (see PAIRS). `customerFlag` gives a customer's core-growth
 * flag, or null when it is not the tenant's.
 */
export function crosstabRows(
  survey: SurveyImport,
  responses: readonly NewResponse[],
  customerFlag: (customerId: string) => boolean | null,
): { pairs: PairRow[]; outcomes: OutcomeRow[] } {
  const groups = new Map<string, Group>();
  for (const response of responses) {
    const { customerId, ratings } = response;
    const inherited = response.coreGrowth === null && customerId !== null;
    const flag = inherited ? customerFlag(customerId) : response.coreGrowth;
    const segment = flag === null ? -1 : flag ? 1 : 0;
    const outcome = isFiniteNumber(response.outcome) ? response.outcome : null;
    countRatings(groupOf(groups, '', segment, outcome), ratings, survey.naValue);
    // The customer's own part of the totals, when the segment came from the customer.
    if (inherited && flag !== null)
      countRatings(groupOf(groups, customerId, segment, outcome), ratings, survey.naValue);
  }
  const { tenantId, id } = survey;
  const pairs: PairRow[] = [];
  const outcomes: OutcomeRow[] = [];
  for (const { owner, segment, outcome, rows, ratings } of groups.values()) {
    outcomes.push([tenantId, owner, id, segment, outcome === null ? 0 : 1, outcome ?? 0, rows]);
    for (const [aspect, counts] of ratings)
      for (const [rating, count] of counts)
        pairs.push([tenantId, owner, id, segment, aspect, rating, outcome ?? 0, count]);
  }
  return { pairs, outcomes };
}
