import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  T0,
  TENANT_A,
  TENANT_B,
  addCustomer,
  days,
  openFixture,
  type Fixture,
} from './storage-fixture.js';

let fx: Fixture;
beforeEach(() => {
  fx = openFixture();
});
afterEach(() => fx.database.close());

const surveyImport = (
  id: string,
  aspects: string[],
  createdAt: Date,
  naValue: number | null = null,
) => ({
  id,
  name: `${id}.csv`,
  outcomeColumn: 'nps',
  outcomeKind: 'numeric' as const,
  positiveValue: null,
  aspects,
  naValue,
  createdBy: 'U1',
  createdAt,
});

describe('survey imports', () => {
  it('stores imports, bumps the row count and deletes responses with the import', () => {
    const { surveys } = fx.repos;
    const created = surveys.createImport(TENANT_A, surveyImport('s1', ['speed', 'price'], T0));
    expect(created.rowCount).toBe(0);
    const acme = addCustomer(fx.repos, TENANT_A, 'Acme', 1);
    surveys.addResponses(TENANT_A, 's1', [
      {
        rowNumber: 1,
        customerId: acme.id,
        coreGrowth: true,
        outcome: 9,
        ratings: { speed: 4, price: null },
      },
    ]);
    surveys.addResponses(TENANT_A, 's1', [
      { rowNumber: 2, customerId: null, coreGrowth: null, outcome: null, ratings: { speed: 2 } },
    ]);
    expect(surveys.getImport(TENANT_A, 's1')).toEqual({ ...created, rowCount: 2 });
    expect(surveys.listImports(TENANT_A).map((s) => s.id)).toEqual(['s1']);
    surveys.deleteImport(TENANT_A, 's1');
    expect(surveys.getImport(TENANT_A, 's1')).toBeNull();
    const left = fx.database.sqlite.prepare('SELECT COUNT(*) FROM survey_responses').pluck().get();
    expect(left).toBe(0);
  });

  it('rejects responses for an import of another tenant, writing nothing', () => {
    fx.repos.surveys.createImport(TENANT_B, surveyImport('theirs', ['speed'], T0));
    const row = { rowNumber: 1, customerId: null, coreGrowth: null, outcome: 1, ratings: {} };
    expect(() => fx.repos.surveys.addResponses(TENANT_A, 'theirs', [row])).toThrow(/not found/);
    expect(fx.repos.surveys.getImport(TENANT_B, 'theirs')?.rowCount).toBe(0);
  });
});

describe('columns', () => {
  beforeEach(() => {
    const { surveys } = fx.repos;
    surveys.createImport(TENANT_A, surveyImport('first', ['speed', 'price'], T0, 0));
    surveys.createImport(TENANT_A, surveyImport('second', ['price', 'support'], days(1)));
    surveys.addResponses(TENANT_A, 'first', [
      {
        rowNumber: 2,
        customerId: null,
        coreGrowth: false,
        outcome: 7,
        ratings: { speed: 0, price: 3 },
      },
      {
        rowNumber: 1,
        customerId: null,
        coreGrowth: true,
        outcome: 10,
        ratings: { speed: 5, price: null },
      },
    ]);
    surveys.addResponses(TENANT_A, 'second', [
      {
        rowNumber: 1,
        customerId: null,
        coreGrowth: null,
        outcome: null,
        ratings: { price: 1, support: 0 },
      },
    ]);
  });

  it('unions aspects in first-seen order and marks missing and n/a values as NaN', () => {
    const columns = fx.repos.surveys.columns(TENANT_A);
    expect(columns.aspects).toEqual(['speed', 'price', 'support']);
    expect([...columns.outcome]).toEqual([10, 7, NaN]);
    expect([...columns.coreGrowth]).toEqual([1, 0, -1]);
    // 0 is "not applicable" in the first import only.
    expect([...(columns.ratings.speed ?? [])]).toEqual([5, NaN, NaN]);
    expect([...(columns.ratings.price ?? [])]).toEqual([NaN, 3, 1]);
    expect([...(columns.ratings.support ?? [])]).toEqual([NaN, NaN, 0]);
    expect(columns.outcome).toBeInstanceOf(Float64Array);
    expect(columns.coreGrowth).toBeInstanceOf(Int8Array);
  });

  it('limits to one import when asked, and to the tenant always', () => {
    const one = fx.repos.surveys.columns(TENANT_A, 'second');
    expect(one.aspects).toEqual(['price', 'support']);
    expect([...(one.ratings.price ?? [])]).toEqual([1]);
    const none = fx.repos.surveys.columns(TENANT_B);
    expect(none.aspects).toEqual([]);
    expect(none.outcome).toHaveLength(0);
    expect(fx.repos.surveys.columns(TENANT_B, 'first').outcome).toHaveLength(0);
  });
});
