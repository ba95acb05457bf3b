import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../src/core/domain/errors.js';
import type { Theme } from '../../../src/core/domain/types.js';
import {
  TENANT_A,
  TENANT_B,
  addCustomer,
  addTheme,
  days,
  newIssue,
  numbers,
  openFixture,
  type Fixture,
} from './storage-fixture.js';

let fx: Fixture;
let billing: Theme;
let delivery: Theme;
beforeEach(() => {
  fx = openFixture();
  billing = addTheme(fx.repos, TENANT_A, 'billing');
  delivery = addTheme(fx.repos, TENANT_A, 'delivery');
});
afterEach(() => fx.database.close());

describe('create and getByNumber', () => {
  it('numbers issues per tenant and maps every field back', () => {
    const { issues } = fx.repos;
    const input = newIssue(billing.id, {
      description: 'Charged twice',
      source: 'return',
      customerCostCents: 1250,
      companyCostCents: 300,
      reporterId: 'U1',
      reporterName: 'Ann',
      externalId: 'EXT-1',
      occurredAt: days(3),
    });
    const first = issues.create(TENANT_A, input);
    const second = issues.create(TENANT_A, newIssue(billing.id));
    const otherTenant = issues.create(TENANT_B, newIssue(addTheme(fx.repos, TENANT_B, 'x').id));
    expect([first.number, second.number, otherTenant.number]).toEqual([1, 2, 1]);
    expect(issues.getByNumber(TENANT_A, 1)).toEqual({ ...input, tenantId: TENANT_A, number: 1 });
    expect(issues.getByNumber(TENANT_A, 99)).toBeNull();
  });

  it('rejects a second issue with the same external id as a conflict', () => {
    fx.repos.issues.create(TENANT_A, newIssue(billing.id, { externalId: 'E' }));
    expect(() =>
      fx.repos.issues.create(TENANT_A, newIssue(billing.id, { externalId: 'E' })),
    ).toThrow(expect.objectContaining({ code: 'conflict' }) as AppError);
  });

  it('rejects an unknown theme (foreign key)', () => {
    expect(() => fx.repos.issues.create(TENANT_A, newIssue('no-such-theme'))).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('createMany', () => {
  it('skips existing and repeated external ids and keeps numbers consecutive', () => {
    const { issues } = fx.repos;
    issues.create(TENANT_A, newIssue(billing.id, { externalId: 'A' }));
    const inserted = issues.createMany(TENANT_A, [
      newIssue(billing.id, { externalId: 'A' }), // already stored
      newIssue(billing.id, { externalId: 'B' }),
      newIssue(billing.id, { externalId: 'B' }), // repeated in the batch
      newIssue(billing.id, { externalId: null }),
      newIssue(billing.id, { externalId: null }), // nulls never collide
      newIssue(billing.id, { externalId: 'C' }),
    ]);
    expect(inserted).toBe(4);
    const all = [...issues.iterate(TENANT_A, {})];
    expect(numbers(all)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((i) => i.externalId)).toEqual(['A', 'B', null, null, 'C']);
  });

  it('allows the same external id in another tenant', () => {
    const theirs = addTheme(fx.repos, TENANT_B, 'billing');
    fx.repos.issues.create(TENANT_A, newIssue(billing.id, { externalId: 'X' }));
    expect(fx.repos.issues.createMany(TENANT_B, [newIssue(theirs.id, { externalId: 'X' })])).toBe(
      1,
    );
  });

  it('rolls the whole batch back when one row is invalid', () => {
    const batch = [newIssue(billing.id), newIssue('no-such-theme'), newIssue(billing.id)];
    expect(() => fx.repos.issues.createMany(TENANT_A, batch)).toThrow(/FOREIGN KEY/);
    expect(fx.repos.issues.search(TENANT_A, {}).total).toBe(0);
  });

  it('inserts 20,000 rows in batches', () => {
    for (let batch = 0; batch < 10; batch += 1) {
      const rows = Array.from({ length: 2000 }, (_, i) =>
        newIssue(i % 2 ? billing.id : delivery.id, { externalId: `bulk-${batch}-${i}` }),
      );
      expect(fx.repos.issues.createMany(TENANT_A, rows)).toBe(2000);
    }
    expect(fx.repos.issues.search(TENANT_A, {}).total).toBe(20_000);
  });
});

describe('search', () => {
  beforeEach(() => {
    const acme = addCustomer(fx.repos, TENANT_A, 'Acme', 100);
    fx.repos.issues.createMany(TENANT_A, [
      newIssue(billing.id, {
        summary: 'Charged 100% twice',
        occurredAt: days(1),
        customerId: acme.id,
      }),
      newIssue(billing.id, {
        summary: 'Refund late',
        description: 'My_REFUND never came',
        occurredAt: days(2),
      }),
      newIssue(delivery.id, { summary: 'Box damaged', source: 'return', occurredAt: days(3) }),
      newIssue(delivery.id, { summary: 'Late parcel', occurredAt: days(3) }),
    ]);
  });

  it('returns newest first, then by number descending, with the total', () => {
    const result = fx.repos.issues.search(TENANT_A, {});
    expect(result.total).toBe(4);
    expect(numbers(result.issues)).toEqual([4, 3, 2, 1]);
  });

  it('filters by theme, customer, source and the since/until window', () => {
    const { issues } = fx.repos;
    const acme = fx.repos.customers.findByName(TENANT_A, 'acme');
    expect(numbers(issues.search(TENANT_A, { themeId: billing.id }).issues)).toEqual([2, 1]);
    expect(numbers(issues.search(TENANT_A, { customerId: acme?.id ?? '' }).issues)).toEqual([1]);
    expect(numbers(issues.search(TENANT_A, { source: 'return' }).issues)).toEqual([3]);
    expect(numbers(issues.search(TENANT_A, { since: days(2), until: days(3) }).issues)).toEqual([
      2,
    ]);
  });

  it('matches text case-insensitively in summary or description, with % and _ literal', () => {
    const { issues } = fx.repos;
    expect(numbers(issues.search(TENANT_A, { text: 'LATE' }).issues)).toEqual([4, 2]);
    expect(numbers(issues.search(TENANT_A, { text: 'my_refund' }).issues)).toEqual([2]);
    expect(issues.search(TENANT_A, { text: 'my%refund' }).total).toBe(0);
    expect(issues.search(TENANT_A, { text: 'e_' }).total).toBe(0);
    expect(numbers(issues.search(TENANT_A, { text: '100%' }).issues)).toEqual([1]);
  });

  it('pages with limit and offset but counts every match', () => {
    const page = fx.repos.issues.search(TENANT_A, { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(numbers(page.issues)).toEqual([3, 2]);
  });

  it('defaults to 50 results', () => {
    const rows = Array.from({ length: 60 }, () => newIssue(billing.id));
    fx.repos.issues.createMany(TENANT_A, rows);
    const result = fx.repos.issues.search(TENANT_A, {});
    expect(result.issues).toHaveLength(50);
    expect(result.total).toBe(64);
  });

  it('iterate streams matches in number order', () => {
    const streamed = [...fx.repos.issues.iterate(TENANT_A, { text: 'late' })];
    expect(numbers(streamed)).toEqual([2, 4]);
    expect(numbers([...fx.repos.issues.iterate(TENANT_A, { limit: 1, offset: 2 })])).toEqual([3]);
  });
});
