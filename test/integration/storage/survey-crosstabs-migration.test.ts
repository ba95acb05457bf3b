// Migration 0004 fills the key-driver tables from responses stored before it existed, and
// what it fills equals what the repository writes response by response.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyDrivers, keyDriversFromCrosstabs } from '../../../src/core/analytics/index.js';
import type { SurveyResponse } from '../../../src/core/domain/types.js';
import { createRepositories } from '../../../src/storage/create-repositories.js';
import { findMigrationsFolder, openDatabase } from '../../../src/storage/database.js';
import {
  SURVEY_CROSSTABS_BACKFILL,
  SURVEY_CROSSTABS_TRIGGERS,
} from '../../../src/storage/repositories/survey-crosstabs.js';
import { expectSameReport } from '../../unit/analytics/key-driver-match.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-crosstabs-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MIGRATION = join(findMigrationsFolder(), '0004_survey_crosstabs.sql');

/** The migrations folder as it was before 0004. */
function migrationsBefore0004(): string {
  const folder = join(dir, 'migrations-0003');
  cpSync(findMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 4);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

const T0 = Date.UTC(2024, 0, 1);
const IMPORTS = [
  { id: 'first', tenant: 'A', aspects: ['speed', 'price'], na: 0 },
  { id: 'second', tenant: 'A', aspects: ['price', 'support'], na: null },
  { id: 'theirs', tenant: 'B', aspects: ['speed'], na: null },
];
const CUSTOMERS = [
  { id: 'core', tenant: 'A', coreGrowth: true },
  { id: 'rest', tenant: 'A', coreGrowth: false },
  { id: 'b-core', tenant: 'B', coreGrowth: true },
];

type Row = Omit<SurveyResponse, 'tenantId'>;

/** Deterministic responses with gaps, n/a, non-integers, extra keys and both kinds of segment. */
function responses(): Array<Row & { tenantId: string }> {
  let seed = 11;
  const next = (m: number) => (seed = (seed * 48271) % 2147483647) % m;
  const value = (): number | null => {
    const k = next(14);
    return k === 13 ? null : k === 12 ? 2.5 : k === 11 ? 0.1 : k;
  };
  return Array.from({ length: 400 }, (_, i) => {
    const survey = IMPORTS[i % 3] as (typeof IMPORTS)[number];
    const customers = CUSTOMERS.filter((c) => c.tenant === survey.tenant).map((c) => c.id);
    const ratings: Record<string, number | null> = {};
    for (const aspect of ['speed', 'price', 'support', 'extra'])
      if (next(4) > 0) ratings[aspect] = value();
    return {
      tenantId: survey.tenant,
      importId: survey.id,
      rowNumber: i + 1,
      customerId: next(3) === 0 ? null : (customers[next(customers.length)] ?? null),
      coreGrowth: [true, false, null, null][next(4)] ?? null,
      outcome: value(),
      ratings,
    };
  });
}

function insertTheOldWay(sqlite: import('better-sqlite3').Database): void {
  const insert = (sql: string, ...values: unknown[]) => sqlite.prepare(sql).run(...values);
  for (const t of ['A', 'B'])
    insert('INSERT INTO tenants (id, platform, created_at) VALUES (?, ?, ?)', t, 'cli', T0);
  for (const c of CUSTOMERS)
    insert(
      `INSERT INTO customers (id, tenant_id, name, name_key, core_growth, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
      c.id,
      c.tenant,
      c.id,
      c.id,
      c.coreGrowth ? 1 : 0,
      T0,
    );
  IMPORTS.forEach((s, i) =>
    insert(
      `INSERT INTO survey_imports (id, tenant_id, name, outcome_column, outcome_kind, aspects,
        na_value, row_count, created_at) VALUES (?, ?, ?, 'nps', 'numeric', ?, ?, 0, ?)`,
      s.id,
      s.tenant,
      s.id,
      JSON.stringify(s.aspects),
      s.na,
      T0 + i,
    ),
  );
  for (const r of responses())
    insert(
      `INSERT INTO survey_responses (tenant_id, import_id, row_number, customer_id, core_growth,
        outcome, ratings) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      r.tenantId,
      r.importId,
      r.rowNumber,
      r.customerId,
      r.coreGrowth === null ? null : r.coreGrowth ? 1 : 0,
      r.outcome,
      JSON.stringify(r.ratings),
    );
}

function insertThroughRepository(path: string): void {
  const database = openDatabase(path);
  const repos = createRepositories(database.db);
  for (const t of ['A', 'B']) repos.tenants.ensure(t, 'cli', null);
  for (const c of CUSTOMERS)
    repos.customers.create(c.tenant, {
      ...c,
      name: c.id,
      annualRevenueCents: null,
      createdAt: new Date(T0),
    });
  IMPORTS.forEach((s, i) =>
    repos.surveys.createImport(s.tenant, {
      id: s.id,
      name: s.id,
      outcomeColumn: 'nps',
      outcomeKind: 'numeric',
      positiveValue: null,
      aspects: s.aspects,
      naValue: s.na,
      createdBy: null,
      createdAt: new Date(T0 + i),
    }),
  );
  for (const { tenantId, importId, ...row } of responses())
    repos.surveys.addResponses(tenantId, importId, [row]);
  database.close();
}

const tableRows = (sqlite: import('better-sqlite3').Database) =>
  ['survey_crosstabs', 'survey_outcome_counts'].map((t) =>
    sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4, 5, 6, 7`).all(),
  );

describe('migration 0004', () => {
  it('runs exactly the backfill and triggers the repository module exports', () => {
    const text = readFileSync(MIGRATION, 'utf8');
    for (const statement of [...SURVEY_CROSSTABS_BACKFILL, ...SURVEY_CROSSTABS_TRIGGERS])
      expect(text).toContain(statement);
  });

  it('fills the tables from existing responses, as the repository would have', () => {
    const path = join(dir, 'old.db');
    const old = openDatabase(path, { migrationsFolder: migrationsBefore0004() });
    insertTheOldWay(old.sqlite);
    old.close();

    const migrated = openDatabase(path);
    try {
      const repos = createRepositories(migrated.db);
      for (const [tenant, scopes] of [
        ['A', [undefined, 'first', 'second']],
        ['B', [undefined, 'theirs']],
      ] as const)
        for (const importId of scopes) {
          const tables = repos.surveys.crosstabs(tenant, importId);
          expect(tables.pairs.length).toBeGreaterThan(0);
          const options = { naValue: null, minN: 3 };
          expectSameReport(
            keyDriversFromCrosstabs(tables, options),
            keyDrivers(repos.surveys.columns(tenant, importId), options),
          );
        }

      const fresh = join(dir, 'fresh.db');
      insertThroughRepository(fresh);
      const viaRepository = openDatabase(fresh);
      try {
        expect(tableRows(migrated.sqlite)).toEqual(tableRows(viaRepository.sqlite));
      } finally {
        viaRepository.close();
      }
    } finally {
      migrated.close();
    }
  });
});
