// Tenant B holds look-alike data (same slugs, names, external ids, user ids) for every
// table; each read from tenant A must see only A's rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  T0,
  TENANT_A,
  TENANT_B,
  addCustomer,
  addTheme,
  newIssue,
  openFixture,
  type Fixture,
} from './storage-fixture.js';

let fx: Fixture;

function seed(tenantId: string, revenue: number): void {
  const { repos } = fx;
  repos.users.ensure(tenantId, 'U1', `${tenantId} user`);
  repos.keyDrivers.create(tenantId, { id: `${tenantId}-kd`, name: 'Speed', createdAt: T0 });
  const theme = addTheme(repos, tenantId, 'billing', `${tenantId}-kd`);
  const customer = addCustomer(repos, tenantId, 'Acme', revenue);
  repos.issues.createMany(tenantId, [
    newIssue(theme.id, {
      summary: 'late refund',
      externalId: 'E1',
      customerId: customer.id,
      keyDriverId: `${tenantId}-kd`,
    }),
  ]);
  repos.surveys.createImport(tenantId, {
    id: `${tenantId}-survey`,
    name: 's.csv',
    outcomeColumn: 'nps',
    outcomeKind: 'numeric',
    positiveValue: null,
    aspects: [`${tenantId}-aspect`],
    naValue: null,
    createdBy: null,
    createdAt: T0,
  });
  repos.surveys.addResponses(tenantId, `${tenantId}-survey`, [
    { rowNumber: 1, customerId: null, coreGrowth: null, outcome: 5, ratings: {} },
  ]);
  repos.audit.record({
    tenantId,
    actorId: 'U1',
    action: 'x',
    entityType: 'theme',
    entityId: theme.id,
    detail: null,
    at: T0,
  });
}

beforeEach(() => {
  fx = openFixture();
  seed(TENANT_A, 100);
  seed(TENANT_B, 999);
});
afterEach(() => fx.database.close());

const onlyA = (rows: Array<{ tenantId: string }>): void => {
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.tenantId === TENANT_A)).toBe(true);
};

describe('tenant isolation', () => {
  it('catalog lists and lookups stay inside the tenant', () => {
    const { repos } = fx;
    onlyA(repos.users.list(TENANT_A));
    onlyA(repos.keyDrivers.list(TENANT_A));
    onlyA(repos.themes.list(TENANT_A));
    onlyA(repos.themes.list(TENANT_A, { keyDriverId: `${TENANT_A}-kd` }));
    expect(repos.themes.list(TENANT_A, { keyDriverId: `${TENANT_B}-kd` })).toEqual([]);
    onlyA(repos.customers.list(TENANT_A));
    expect(repos.themes.findBySlug(TENANT_A, 'billing')?.tenantId).toBe(TENANT_A);
    expect(repos.customers.findByName(TENANT_A, 'acme')?.tenantId).toBe(TENANT_A);
    expect(repos.keyDrivers.findByName(TENANT_A, 'speed')?.tenantId).toBe(TENANT_A);
    expect(repos.themes.get(TENANT_A, `${TENANT_B}-billing`)).toBeNull();
    expect(repos.customers.get(TENANT_A, `${TENANT_B}-Acme`)).toBeNull();
    expect(repos.keyDrivers.get(TENANT_A, `${TENANT_B}-kd`)).toBeNull();
  });

  it('issue reads and aggregates stay inside the tenant', () => {
    const { issues } = fx.repos;
    const found = issues.search(TENANT_A, { text: 'refund' });
    expect(found.total).toBe(1);
    onlyA(found.issues);
    expect(issues.search(TENANT_A, { themeId: `${TENANT_B}-billing` }).total).toBe(0);
    onlyA([...issues.iterate(TENANT_A, {})]);
    expect(issues.getByNumber(TENANT_A, 1)?.tenantId).toBe(TENANT_A);
    const totals = issues.totalsByTheme(TENANT_A, {});
    expect(totals.map((t) => [t.themeId, t.count, t.affectedRevenueCents])).toEqual([
      [`${TENANT_A}-billing`, 1, 100],
    ]);
    expect(issues.totalsByTheme(TENANT_A, { keyDriverId: `${TENANT_B}-kd` })).toEqual([]);
    expect(
      issues.affectedRevenue(TENANT_A, [`${TENANT_A}-billing`, `${TENANT_B}-billing`], {}),
    ).toBe(100);
  });

  it('root causes and newest metric readings, read for all themes at once, stay inside the tenant', () => {
    const { repos } = fx;
    for (const t of [TENANT_A, TENANT_B]) {
      repos.rootCauses.save(t, {
        id: `${t}-rc`,
        themeId: `${t}-billing`,
        sessionId: null,
        text: `${t} cause`,
        confirmedBy: 'U1',
        confirmedAt: T0,
        chain: [],
      });
      repos.metrics.create(t, {
        id: `${t}-m`,
        themeId: `${t}-billing`,
        rootCauseId: `${t}-rc`,
        name: 'refund time',
        unit: 'h',
        direction: 'lower',
        target: 1,
        createdBy: null,
        createdAt: T0,
      });
      repos.metrics.recordReading(t, {
        metricId: `${t}-m`,
        value: t === TENANT_A ? 1 : 2,
        measuredOn: '2024-01-01',
        recordedBy: null,
        recordedAt: T0,
      });
    }
    const causes = repos.rootCauses.list(TENANT_A);
    onlyA(causes);
    expect(causes.map((r) => r.metricIds)).toEqual([[`${TENANT_A}-m`]]);
    const readings = repos.metrics.latestReadings(TENANT_A, [`${TENANT_A}-m`, `${TENANT_B}-m`]);
    expect(readings.map((r) => [r.metricId, r.value])).toEqual([[`${TENANT_A}-m`, 1]]);
  });

  it('surveys, audit and writes by id stay inside the tenant', () => {
    const { repos } = fx;
    onlyA(repos.surveys.listImports(TENANT_A));
    expect(repos.surveys.getImport(TENANT_A, `${TENANT_B}-survey`)).toBeNull();
    expect(repos.surveys.columns(TENANT_A).aspects).toEqual([`${TENANT_A}-aspect`]);
    expect(repos.surveys.columns(TENANT_A).outcome).toHaveLength(1);
    onlyA(repos.audit.list(TENANT_A));
    // Writes aimed at B's ids from tenant A must not touch B.
    repos.themes.update(TENANT_A, `${TENANT_B}-billing`, { name: 'hijacked' });
    repos.customers.update(TENANT_A, `${TENANT_B}-Acme`, { annualRevenueCents: 0 });
    repos.keyDrivers.rename(TENANT_A, `${TENANT_B}-kd`, 'hijacked');
    repos.keyDrivers.delete(TENANT_A, `${TENANT_B}-kd`);
    repos.surveys.deleteImport(TENANT_A, `${TENANT_B}-survey`);
    expect(repos.themes.get(TENANT_B, `${TENANT_B}-billing`)?.name).toBe('billing');
    expect(repos.customers.get(TENANT_B, `${TENANT_B}-Acme`)?.annualRevenueCents).toBe(999);
    expect(repos.keyDrivers.get(TENANT_B, `${TENANT_B}-kd`)?.name).toBe('Speed');
    expect(repos.surveys.getImport(TENANT_B, `${TENANT_B}-survey`)?.rowCount).toBe(1);
  });
});
