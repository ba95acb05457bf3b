import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/domain/errors.js';
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
beforeEach(() => {
  fx = openFixture();
});
afterEach(() => fx.database.close());

describe('tenants and users', () => {
  it('ensure is idempotent and fills in a name given later', () => {
    const { tenants } = fx.repos;
    tenants.ensure('T-C', 'local');
    expect(tenants.get('T-C')).toEqual({ id: 'T-C', platform: 'local', name: null, createdAt: T0 });
    tenants.ensure('T-C', 'local', 'Initech');
    tenants.ensure('T-C', 'local');
    expect(tenants.get('T-C')?.name).toBe('Initech');
    expect(tenants.get('missing')).toBeNull();
  });

  it('ensures users, keeps known names and upserts flags', () => {
    const { users } = fx.repos;
    expect(users.ensure(TENANT_A, 'U1', 'Ann')).toMatchObject({ isAdmin: false, nudges: true });
    users.ensure(TENANT_A, 'U1');
    expect(users.get(TENANT_A, 'U1')?.name).toBe('Ann');
    users.setAdmin(TENANT_A, 'U1', true);
    users.setNudges(TENANT_A, 'U1', false);
    users.setAdmin(TENANT_A, 'U2', true); // never seen before
    expect(users.get(TENANT_A, 'U1')).toMatchObject({ name: 'Ann', isAdmin: true, nudges: false });
    expect(users.list(TENANT_A).map((u) => [u.id, u.isAdmin])).toEqual([
      ['U1', true],
      ['U2', true],
    ]);
    expect(users.get(TENANT_B, 'U1')).toBeNull();
  });
});

describe('key drivers', () => {
  it('finds by name case-insensitively and rejects duplicates with a conflict', () => {
    const { keyDrivers } = fx.repos;
    keyDrivers.create(TENANT_A, { id: 'kd1', name: 'Billing Accuracy', createdAt: T0 });
    expect(keyDrivers.findByName(TENANT_A, 'billing accuracy')?.id).toBe('kd1');
    expect(() =>
      keyDrivers.create(TENANT_A, { id: 'kd2', name: 'BILLING accuracy', createdAt: T0 }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }) as AppError);
    keyDrivers.rename(TENANT_A, 'kd1', 'Accuracy');
    expect(keyDrivers.findByName(TENANT_A, 'ACCURACY')?.name).toBe('Accuracy');
    expect(keyDrivers.findByName(TENANT_A, 'billing accuracy')).toBeNull();
  });

  it('delete leaves themes and issues in place with no driver', () => {
    const { keyDrivers, issues } = fx.repos;
    keyDrivers.create(TENANT_A, { id: 'kd1', name: 'Speed', createdAt: T0 });
    const theme = addTheme(fx.repos, TENANT_A, 'slow-replies', 'kd1');
    const issue = issues.create(TENANT_A, newIssue(theme.id, { keyDriverId: 'kd1' }));
    keyDrivers.delete(TENANT_A, 'kd1');
    expect(keyDrivers.list(TENANT_A)).toEqual([]);
    expect(fx.repos.themes.get(TENANT_A, theme.id)?.keyDriverId).toBeNull();
    expect(issues.getByNumber(TENANT_A, issue.number)?.keyDriverId).toBeNull();
  });
});

describe('themes', () => {
  it('creates, finds, lists by driver and updates', () => {
    const { themes, keyDrivers } = fx.repos;
    keyDrivers.create(TENANT_A, { id: 'kd1', name: 'Speed', createdAt: T0 });
    addTheme(fx.repos, TENANT_A, 'late-delivery', 'kd1');
    const other = addTheme(fx.repos, TENANT_A, 'wrong-invoice');
    expect(themes.findBySlug(TENANT_A, 'late-delivery')?.name).toBe('late delivery');
    expect(themes.list(TENANT_A).map((t) => t.slug)).toEqual(['late-delivery', 'wrong-invoice']);
    expect(themes.list(TENANT_A, { keyDriverId: 'kd1' }).map((t) => t.slug)).toEqual([
      'late-delivery',
    ]);
    themes.update(TENANT_A, other.id, { slug: 'invoice-errors', keyDriverId: 'kd1' });
    expect(themes.get(TENANT_A, other.id)).toMatchObject({
      slug: 'invoice-errors',
      keyDriverId: 'kd1',
    });
    expect(() => themes.update(TENANT_A, other.id, { slug: 'late-delivery' })).toThrow(
      /already exists/,
    );
  });

  it('merge moves issues, plans, metrics and root causes, then deletes the source', () => {
    const { themes, issues } = fx.repos;
    const from = addTheme(fx.repos, TENANT_A, 'from');
    const into = addTheme(fx.repos, TENANT_A, 'into');
    issues.createMany(TENANT_A, [newIssue(from.id), newIssue(from.id), newIssue(into.id)]);
    const sqlite = fx.database.sqlite;
    sqlite.exec(`
      INSERT INTO root_causes (id, tenant_id, theme_id, text, chain) VALUES ('rc', '${TENANT_A}', '${from.id}', 'x', '[]');
      INSERT INTO metrics (id, tenant_id, theme_id, name, direction, created_at) VALUES ('m', '${TENANT_A}', '${from.id}', 'x', 'lower', 0);
      INSERT INTO action_plans (id, tenant_id, theme_id, root_cause_id, title, owner_id, due_date, level, created_at)
        VALUES ('p', '${TENANT_A}', '${from.id}', 'rc', 'x', 'U1', '2024-02-01', 'recurrence', 0);`);
    expect(themes.merge(TENANT_A, from.id, into.id)).toBe(2);
    expect(themes.get(TENANT_A, from.id)).toBeNull();
    expect(issues.search(TENANT_A, { themeId: into.id }).total).toBe(3);
    for (const table of ['root_causes', 'metrics', 'action_plans']) {
      expect(sqlite.prepare(`SELECT theme_id FROM ${table}`).pluck().get()).toBe(into.id);
    }
  });

  it('merge refuses a theme of another tenant and changes nothing', () => {
    const mine = addTheme(fx.repos, TENANT_A, 'mine');
    const theirs = addTheme(fx.repos, TENANT_B, 'theirs');
    fx.repos.issues.create(TENANT_A, newIssue(mine.id));
    expect(() => fx.repos.themes.merge(TENANT_A, mine.id, theirs.id)).toThrow(
      expect.objectContaining({ code: 'not_found' }) as AppError,
    );
    expect(fx.repos.themes.get(TENANT_A, mine.id)).not.toBeNull();
    expect(fx.repos.issues.search(TENANT_A, { themeId: mine.id }).total).toBe(1);
  });
});

describe('customers', () => {
  it('matches names case-insensitively and updates fields', () => {
    const { customers } = fx.repos;
    const acme = addCustomer(fx.repos, TENANT_A, 'Acme Corp', 1_000_00);
    expect(customers.findByName(TENANT_A, 'ACME corp')?.id).toBe(acme.id);
    expect(() => addCustomer(fx.repos, TENANT_A, 'acme CORP', 5)).toThrow(/already exists/);
    customers.update(TENANT_A, acme.id, {
      name: 'Acme Inc',
      annualRevenueCents: null,
      coreGrowth: true,
    });
    expect(customers.get(TENANT_A, acme.id)).toMatchObject({
      name: 'Acme Inc',
      annualRevenueCents: null,
      coreGrowth: true,
    });
    expect(customers.findByName(TENANT_A, 'acme inc')?.id).toBe(acme.id);
    expect(customers.list(TENANT_A)).toHaveLength(1);
  });
});
