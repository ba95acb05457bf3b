import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer, Theme } from '../../../src/core/domain/types.js';
import {
  T0,
  TENANT_A,
  addCustomer,
  addTheme,
  days,
  newIssue,
  openFixture,
  type Fixture,
} from './storage-fixture.js';

let fx: Fixture;
let billing: Theme;
let delivery: Theme;
let acme: Customer;
let globex: Customer;
beforeEach(() => {
  fx = openFixture();
  fx.repos.keyDrivers.create(TENANT_A, { id: 'kd-speed', name: 'Speed', createdAt: T0 });
  billing = addTheme(fx.repos, TENANT_A, 'billing');
  delivery = addTheme(fx.repos, TENANT_A, 'delivery', 'kd-speed');
  addTheme(fx.repos, TENANT_A, 'unused');
  acme = addCustomer(fx.repos, TENANT_A, 'Acme', 1_000_000);
  globex = addCustomer(fx.repos, TENANT_A, 'Globex', 250_000);
  const noRevenue = addCustomer(fx.repos, TENANT_A, 'Tiny', null);
  fx.repos.issues.createMany(TENANT_A, [
    // Acme three times on billing: its revenue must count once.
    newIssue(billing.id, { customerId: acme.id, customerCostCents: 100, companyCostCents: 10 }),
    newIssue(billing.id, { customerId: acme.id, customerCostCents: null, companyCostCents: 5 }),
    newIssue(billing.id, { customerId: acme.id, occurredAt: days(10) }),
    newIssue(billing.id, { customerId: globex.id, customerCostCents: 7 }),
    newIssue(billing.id, { customerId: noRevenue.id }),
    newIssue(billing.id, { customerId: null }),
    newIssue(delivery.id, { customerId: acme.id, keyDriverId: 'kd-speed', occurredAt: days(5) }),
  ]);
});
afterEach(() => fx.database.close());

describe('totalsByTheme', () => {
  it('sums money and counts distinct customers and their revenue once per theme', () => {
    const totals = fx.repos.issues.totalsByTheme(TENANT_A, {});
    expect(totals).toEqual([
      {
        themeId: billing.id,
        slug: 'billing',
        name: 'billing',
        keyDriverId: null,
        count: 6,
        customerCostCents: 107,
        companyCostCents: 15,
        affectedCustomers: 3,
        affectedRevenueCents: 1_250_000,
      },
      {
        themeId: delivery.id,
        slug: 'delivery',
        name: 'delivery',
        keyDriverId: 'kd-speed',
        count: 1,
        customerCostCents: 0,
        companyCostCents: 0,
        affectedCustomers: 1,
        affectedRevenueCents: 1_000_000,
      },
    ]);
  });

  it('applies the window (since inclusive, until exclusive) and the key driver', () => {
    const { issues } = fx.repos;
    const windowed = issues.totalsByTheme(TENANT_A, { since: days(5), until: days(10) });
    expect(windowed.map((t) => [t.slug, t.count])).toEqual([['delivery', 1]]);
    const late = issues.totalsByTheme(TENANT_A, { since: days(6) });
    expect(late.map((t) => [t.slug, t.count, t.affectedRevenueCents])).toEqual([
      ['billing', 1, 1_000_000],
    ]);
    const driven = issues.totalsByTheme(TENANT_A, { keyDriverId: 'kd-speed' });
    expect(driven.map((t) => t.slug)).toEqual(['delivery']);
  });
});

describe('affectedRevenue', () => {
  it('counts a customer hit by several themes once', () => {
    const { issues } = fx.repos;
    expect(issues.affectedRevenue(TENANT_A, [billing.id, delivery.id], {})).toBe(1_250_000);
    expect(issues.affectedRevenue(TENANT_A, [delivery.id], {})).toBe(1_000_000);
    expect(issues.affectedRevenue(TENANT_A, [], {})).toBe(0);
    expect(issues.affectedRevenue(TENANT_A, [billing.id], { until: days(1) })).toBe(1_250_000);
    expect(issues.affectedRevenue(TENANT_A, [billing.id], { since: days(1) })).toBe(1_000_000);
  });
});
