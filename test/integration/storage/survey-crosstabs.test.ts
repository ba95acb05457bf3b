// The stored key-driver tables must always give the report the raw responses give: after
// several imports, per import and for all, with n/a values, missing aspects and outcomes,
// segments from the response or from its customer, and after customers change or go.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyDrivers, keyDriversFromCrosstabs } from '../../../src/core/analytics/index.js';
import type { SurveyResponse } from '../../../src/core/domain/types.js';
import { SURVEY_CROSSTABS_BACKFILL } from '../../../src/storage/repositories/survey-crosstabs.js';
import { directKeyDrivers, expectSameReport } from '../../unit/analytics/key-driver-match.js';
import { T0, TENANT_A, TENANT_B, days, openFixture, type Fixture } from './storage-fixture.js';

type NewResponse = Omit<SurveyResponse, 'tenantId' | 'importId'>;

let fx: Fixture;
beforeEach(() => {
  fx = openFixture();
});
afterEach(() => fx.database.close());

const surveyImport = (id: string, aspects: string[], day: number, naValue: number | null) => ({
  id,
  name: `${id}.csv`,
  outcomeColumn: 'nps',
  outcomeKind: 'numeric' as const,
  positiveValue: null,
  aspects,
  naValue,
  createdBy: 'U1',
  createdAt: days(day),
});

const addCustomer = (f: Fixture, tenantId: string, id: string, coreGrowth: boolean) =>
  f.repos.customers.create(tenantId, {
    id,
    name: id,
    annualRevenueCents: null,
    coreGrowth,
    createdAt: T0,
  });

/** Tables and columns of tenant A (one import or all) give the same report. */
function expectTablesMatch(f: Fixture, importId?: string, naValue: number | null = null): void {
  const { surveys } = f.repos;
  const columns = surveys.columns(TENANT_A, importId);
  const fromTables = keyDriversFromCrosstabs(surveys.crosstabs(TENANT_A, importId), {
    naValue,
    minN: 3,
  });
  expectSameReport(fromTables, keyDrivers(columns, { naValue, minN: 3 }));
  expectSameReport(fromTables, directKeyDrivers(columns, { naValue, minN: 3 }));
}

const ALL_TABLES = ['survey_crosstabs', 'survey_outcome_counts'];
const tableRows = (f: Fixture) =>
  ALL_TABLES.map((t) =>
    f.database.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3, 4, 5, 6, 7`).all(),
  );

const value = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 20 }).map((k) => k / 4 + 0.1) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const response = fc.record({
  outcome: value,
  coreGrowth: fc.constantFrom(true, false, null, null),
  customer: fc.constantFrom(null, 'core', 'rest', 'theirs'),
  ratings: fc.dictionary(fc.constantFrom('speed', 'price', 'support', 'extra'), value),
});
const batches = fc.array(fc.array(response, { maxLength: 25 }), { minLength: 1, maxLength: 4 });
type Batches = typeof batches extends fc.Arbitrary<infer T> ? T : never;

/** Three imports (the first with 0 as n/a), filled in batches, on top of a customer per segment. */
function seed(f: Fixture, data: Batches): void {
  addCustomer(f, TENANT_A, 'core', true);
  addCustomer(f, TENANT_A, 'rest', false);
  addCustomer(f, TENANT_B, 'theirs', true); // another tenant's customer: no segment for A
  const { surveys } = f.repos;
  surveys.createImport(TENANT_A, surveyImport('first', ['speed', 'price'], 0, 0));
  surveys.createImport(TENANT_A, surveyImport('second', ['price', 'support'], 1, null));
  surveys.createImport(TENANT_A, surveyImport('third', ['support', 'speed', 'speed'], 2, 5));
  let row = 0;
  data.forEach((batch, b) => {
    const importId = ['first', 'second', 'third'][b % 3] as string;
    const responses: NewResponse[] = batch.map((r) => ({
      rowNumber: ++row,
      customerId: r.customer,
      coreGrowth: r.coreGrowth,
      outcome: r.outcome,
      ratings: r.ratings,
    }));
    surveys.addResponses(TENANT_A, importId, responses);
  });
}

describe('survey crosstabs', () => {
  it('give the same report as the raw responses, for all imports and for each', () => {
    fc.assert(
      fc.property(batches, (data) => {
        const f = openFixture();
        try {
          seed(f, data);
          expectTablesMatch(f);
          for (const id of ['first', 'second', 'third']) expectTablesMatch(f, id);
          expectTablesMatch(f, undefined, 5); // an n/a value given at analysis time too
        } finally {
          f.database.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('follow a customer whose flag changes or who is deleted, as the backfill would', () => {
    fc.assert(
      fc.property(batches, (data) => {
        const f = openFixture();
        try {
          seed(f, data);
          f.repos.customers.update(TENANT_A, 'core', { coreGrowth: false });
          f.repos.customers.update(TENANT_A, 'rest', { coreGrowth: true, name: 'Rest Co' });
          f.repos.customers.update(TENANT_B, 'theirs', { coreGrowth: false });
          expectTablesMatch(f);
          expectTablesMatch(f, 'second');
          // No customer repository deletes; this is what a deletion would do to responses.
          f.database.sqlite.prepare("DELETE FROM customers WHERE id = 'rest'").run();
          expectTablesMatch(f);
          const maintained = tableRows(f);
          const { sqlite } = f.database;
          for (const t of ALL_TABLES) sqlite.prepare(`DELETE FROM ${t}`).run();
          for (const statement of SURVEY_CROSSTABS_BACKFILL) sqlite.exec(statement);
          expect(tableRows(f)).toEqual(maintained);
        } finally {
          f.database.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lose an import with its responses and keep nothing at zero', () => {
    fc.assert(
      fc.property(batches, (data) => {
        const f = openFixture();
        try {
          seed(f, data);
          f.repos.surveys.deleteImport(TENANT_A, 'second');
          expectTablesMatch(f);
          f.repos.customers.update(TENANT_A, 'core', { coreGrowth: false });
          const zero = f.database.sqlite
            .prepare('SELECT COUNT(*) FROM survey_crosstabs WHERE count <= 0')
            .pluck()
            .get();
          expect(zero).toBe(0);
        } finally {
          f.database.close();
        }
      }),
      { numRuns: 20 },
    );
  });

  it('count a response once per aspect, skipping n/a, gaps and non-aspects', () => {
    const { surveys } = fx.repos;
    surveys.createImport(TENANT_A, surveyImport('s', ['speed', 'price'], 0, 0));
    surveys.addResponses(TENANT_A, 's', [
      { rowNumber: 1, customerId: null, coreGrowth: true, outcome: 9, ratings: { speed: 4 } },
      {
        rowNumber: 2,
        customerId: null,
        coreGrowth: true,
        outcome: 9,
        ratings: { speed: 4, price: 0, other: 3 },
      },
      { rowNumber: 3, customerId: null, coreGrowth: null, outcome: null, ratings: { speed: 1 } },
    ]);
    const tables = surveys.crosstabs(TENANT_A);
    expect(tables.aspects).toEqual(['speed', 'price']);
    expect(tables.pairs).toEqual([
      { segment: 1, aspect: 'speed', rating: 4, outcome: 9, count: 2 },
    ]);
    expect(tables.outcomes).toEqual(
      expect.arrayContaining([
        { segment: 1, outcome: 9, count: 2 },
        { segment: -1, outcome: null, count: 1 },
      ]),
    );
    expect(tables.outcomes).toHaveLength(2);
  });
});

describe('survey crosstabs and tenants', () => {
  beforeEach(() => {
    for (const tenant of [TENANT_A, TENANT_B]) {
      fx.repos.surveys.createImport(tenant, surveyImport(`${tenant}-s`, ['speed'], 0, null));
      addCustomer(fx, tenant, `${tenant}-c`, true);
      fx.repos.surveys.addResponses(tenant, `${tenant}-s`, [
        {
          rowNumber: 1,
          customerId: `${tenant}-c`,
          coreGrowth: null,
          outcome: 9,
          ratings: { speed: 4 },
        },
      ]);
    }
  });

  it('reads only the tenant’s own counts', () => {
    const { surveys } = fx.repos;
    expect(surveys.crosstabs(TENANT_A).pairs).toEqual([
      { segment: 1, aspect: 'speed', rating: 4, outcome: 9, count: 1 },
    ]);
    expect(surveys.crosstabs(TENANT_A, `${TENANT_B}-s`)).toEqual({
      aspects: [],
      pairs: [],
      outcomes: [],
    });
    // Another tenant's customer flag leaves A's counts alone.
    fx.repos.customers.update(TENANT_B, `${TENANT_B}-c`, { coreGrowth: false });
    expect(surveys.crosstabs(TENANT_A).pairs[0]?.segment).toBe(1);
    expect(surveys.crosstabs(TENANT_B).pairs[0]?.segment).toBe(0);
  });

  it('go with their tenant', () => {
    const { sqlite } = fx.database;
    sqlite.prepare('DELETE FROM tenants WHERE id = ?').run(TENANT_A);
    for (const t of ALL_TABLES) {
      const left = sqlite.prepare(`SELECT DISTINCT tenant_id FROM ${t}`).pluck().all();
      expect(left).toEqual([TENANT_B]);
    }
  });

  it('has both triggers that keep customer segments current', () => {
    const triggers = fx.database.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
      .pluck()
      .all();
    expect(triggers).toEqual(
      expect.arrayContaining(['survey_crosstabs_customer_flag', 'survey_crosstabs_customer_gone']),
    );
  });
});
