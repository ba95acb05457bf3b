// Fills a database (after the real migrations) with a large tenant in plain SQL, so the
// analytics benchmark does not wait on the import: issues with a skewed theme mix, money,
// customers with revenue, action plans, root causes, metrics, and survey responses.
// Values come from a hash of the row number, so every run sees the same data.
import type Database from 'better-sqlite3';
import { addIssuesToThemeTotals } from '../src/storage/repositories/theme-totals-upkeep.js';
import { SURVEY_CROSSTABS_BACKFILL } from '../src/storage/repositories/survey-crosstabs.js';

export const TENANT = 'bench';
export const ASPECTS = Array.from({ length: 14 }, (_, i) => `aspect_${i + 1}`);

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
/** Issues occur on the 365 days from START; a digest due then sees full periods. */
export const ISSUES_UNTIL = START + 365 * 86_400_000;
// A deterministic pseudo-random integer in [0, m) from row number n and a salt.
const h = (salt: number, m: number): string => `(((n * 2654435761 + ${salt}) % 4294967291) % ${m})`;

export interface SeedSizes {
  issues: number;
  themes: number;
  plans: number;
  responses: number;
}

const catalog = (db: Database.Database, s: SeedSizes, now: number): void => {
  db.prepare('INSERT INTO tenants (id, platform, name, created_at) VALUES (?, ?, ?, ?)').run(
    TENANT,
    'slack',
    'Bench',
    now,
  );
  db.exec(`
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 5)
    INSERT INTO key_drivers SELECT 'kd' || n, '${TENANT}', 'Driver ' || n, 'driver ' || n, ${now} FROM k;
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < ${s.themes - 1})
    INSERT INTO themes (id, tenant_id, slug, name, key_driver_id, created_at)
      SELECT 'th' || n, '${TENANT}', 'theme-' || n, 'Theme ' || n, 'kd' || (n % 6), ${START} FROM k;
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 399)
    INSERT INTO customers (id, tenant_id, name, name_key, annual_revenue_cents, core_growth, created_at)
      SELECT 'c' || n, '${TENANT}', 'Company ' || n, 'company ' || n, ${h(7, 1000)} * 100000,
        n % 3 = 0, ${now} FROM k;`);
};

const issues = (db: Database.Database, s: SeedSizes): void => {
  // theme = floor(u³ · themes) with u uniform: a few themes hold most issues, as in real data.
  db.exec(`
    WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${s.issues}),
    r AS (SELECT n, CAST(((${h(1, 1000)} / 1000.0) * (${h(1, 1000)} / 1000.0) * (${h(1, 1000)} / 1000.0))
      * ${s.themes} AS INTEGER) AS theme FROM k)
    INSERT INTO issues (id, tenant_id, number, summary, description, theme_id, key_driver_id,
      customer_id, source, customer_cost_cents, company_cost_cents, external_id, occurred_at, created_at)
    SELECT printf('i%010d', n), '${TENANT}', n, 'Issue ' || n, NULL, 'th' || theme,
      'kd' || (theme % 6), 'c' || ${h(3, 400)}, 'complaint', ${h(4, 50000)}, ${h(5, 20000)},
      CAST(n AS TEXT), ${START} + ${h(6, 365)} * ${DAY}, ${START} FROM r;`);
  // Inserted behind the repository's back, so bring the theme totals up to date as it would.
  addIssuesToThemeTotals(db, TENANT, 1);
};

const plansAndCauses = (db: Database.Database, s: SeedSizes, now: number): void => {
  db.exec(`
    WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${s.plans})
    INSERT INTO action_plans (id, tenant_id, theme_id, title, owner_id, due_date, level, status,
      created_at, completed_at, number, updated_at)
    SELECT 'p' || n, '${TENANT}', 'th' || (n % ${Math.min(100, s.themes)}), 'Plan ' || n, 'U' || (n % 40),
      date(${now} / 1000 - 2592000 + ${h(8, 60)} * 86400, 'unixepoch'),
      CASE n % 3 WHEN 0 THEN 'resolve' WHEN 1 THEN 'recurrence' ELSE 'occurrence' END,
      CASE n % 4 WHEN 0 THEN 'done' WHEN 1 THEN 'in-progress' ELSE 'planned' END,
      ${now} - 40 * ${DAY}, CASE n % 4 WHEN 0 THEN ${now} - ${h(9, 30)} * ${DAY} END, n, ${now} FROM k;
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 49)
    INSERT INTO root_causes (id, tenant_id, theme_id, text, confirmed_by, confirmed_at, chain)
      SELECT 'rc' || n, '${TENANT}', 'th' || n, 'Root cause ' || n, 'U1', ${now} - n * ${DAY}, '[]' FROM k;
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 49)
    INSERT INTO metrics (id, tenant_id, theme_id, name, name_key, direction, created_at)
      SELECT 'm' || n, '${TENANT}', 'th' || n, 'Metric ' || n, 'metric ' || n, 'lower', ${now} FROM k;
    WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < 49 * 20)
    INSERT INTO metric_readings (tenant_id, metric_id, value, measured_at, recorded_at)
      SELECT '${TENANT}', 'm' || (n % 50), n % 17, ${START} + (n / 50) * 7 * ${DAY}, ${now} FROM k;`);
};

/**
 * Survey responses whose aspects correlate with the outcome to different degrees (half with a
 * segment flag of their own, half taking their customer's), then the key-driver tables filled
 * by the product's own backfill: the statements migration 0004 runs.
 */
const survey = (db: Database.Database, s: SeedSizes, now: number): void => {
  db.prepare(
    `INSERT INTO survey_imports (id, tenant_id, name, outcome_column, outcome_kind, aspects,
      row_count, created_at) VALUES ('s1', ?, 'Bench survey', 'NPS', 'numeric', ?, ?, ?)`,
  ).run(TENANT, JSON.stringify(ASPECTS), s.responses, now);
  // Aspect i = a share of the outcome plus noise, so each has its own r. The noise takes its
  // own multiplier per aspect: h() with another salt would be the outcome's hash shifted, so
  // each rating would be a function of the outcome (11 distinct pairs instead of 121).
  const noise = (i: number): string =>
    `(((n * ${2654435761 + 40503 * (i + 1)}) % 4294967291) % 11)`;
  const rating = (i: number): string =>
    `'${ASPECTS[i]}', MIN(10, (outcome * ${i + 1} + ${noise(i)} * ${14 - i}) / 14)`;
  db.exec(`
    WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < ${s.responses}),
    r AS (SELECT n, ${h(10, 11)} AS outcome FROM k)
    INSERT INTO survey_responses (import_id, tenant_id, row_number, customer_id, core_growth,
      outcome, ratings)
    SELECT 's1', '${TENANT}', n, CASE WHEN n % 2 = 1 THEN 'c' || (n % 400) END,
      CASE n % 4 WHEN 0 THEN 1 WHEN 2 THEN 0 END, outcome,
      json_object(${ASPECTS.map((_, i) => rating(i)).join(', ')}) FROM r;`);
  for (const statement of SURVEY_CROSSTABS_BACKFILL) db.exec(statement);
};

export const seedAnalytics = (db: Database.Database, sizes: SeedSizes, now: number): void => {
  db.transaction(() => {
    catalog(db, sizes, now);
    issues(db, sizes);
    plansAndCauses(db, sizes, now);
    survey(db, sizes, now);
  })();
};
