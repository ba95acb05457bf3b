// The action-plan and metric repositories, and weekly issue counts, on the real migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repositories } from '../../../src/core/ports/repositories.js';
import type { NewActionPlan } from '../../../src/core/ports/plan-repositories.js';
import {
  TENANT_A,
  TENANT_B,
  T0,
  addTheme,
  days,
  newIssue,
  openFixture,
  type Fixture,
} from './storage-fixture.js';

let f: Fixture;
let repos: Repositories;
beforeEach(() => {
  f = openFixture();
  repos = f.repos;
  addTheme(repos, TENANT_A, 'late');
  addTheme(repos, TENANT_A, 'billing');
  addTheme(repos, TENANT_B, 'late');
});
afterEach(() => f.database.close());

let seq = 0;
const newPlan = (tenantId: string, overrides: Partial<NewActionPlan> = {}): NewActionPlan => ({
  id: `plan-${++seq}`,
  themeId: `${tenantId}-late`,
  rootCauseId: null,
  title: `Plan ${seq}`,
  ownerId: 'U1',
  ownerName: 'Ann',
  dueDate: '2024-01-10',
  level: 'resolve',
  createdBy: 'U1',
  createdAt: T0,
  ...overrides,
});

describe('SqliteActionPlanRepository', () => {
  it('numbers plans per tenant and reads them back', () => {
    const a1 = repos.actionPlans.create(TENANT_A, newPlan(TENANT_A));
    const a2 = repos.actionPlans.create(TENANT_A, newPlan(TENANT_A, { level: 'occurrence' }));
    const b1 = repos.actionPlans.create(TENANT_B, newPlan(TENANT_B));
    expect([a1.number, a2.number, b1.number]).toEqual([1, 2, 1]);
    expect(repos.actionPlans.getByNumber(TENANT_A, 2)).toEqual(a2);
    expect(a2).toMatchObject({
      status: 'planned',
      updatedAt: T0,
      completedAt: null,
      ownerName: 'Ann',
    });
    expect(repos.actionPlans.getByNumber(TENANT_B, 2)).toBeNull();
    expect(repos.actionPlans.get(TENANT_B, a1.id)).toBeNull();
  });

  it('filters by owner, theme, open and due window, ordered by due date', () => {
    repos.actionPlans.create(TENANT_A, newPlan(TENANT_A, { title: 'late', dueDate: '2024-01-20' }));
    repos.actionPlans.create(
      TENANT_A,
      newPlan(TENANT_A, { title: 'early', dueDate: '2024-01-05' }),
    );
    repos.actionPlans.create(
      TENANT_A,
      newPlan(TENANT_A, { title: 'bob', ownerId: 'U2', themeId: `${TENANT_A}-billing` }),
    );
    const done = repos.actionPlans.create(TENANT_A, newPlan(TENANT_A, { title: 'done' }));
    repos.actionPlans.update(TENANT_A, done.id, { status: 'done', updatedAt: days(1) });
    repos.actionPlans.create(TENANT_B, newPlan(TENANT_B, { title: 'other tenant' }));
    const titles = (filter: Parameters<Repositories['actionPlans']['list']>[1]) =>
      repos.actionPlans.list(TENANT_A, filter).map((p) => p.title);
    expect(titles({})).toEqual(['early', 'bob', 'done', 'late']);
    expect(titles({ open: true })).toEqual(['early', 'bob', 'late']);
    expect(titles({ ownerId: 'U2' })).toEqual(['bob']);
    expect(titles({ themeId: `${TENANT_A}-billing` })).toEqual(['bob']);
    expect(titles({ dueFrom: '2024-01-06', dueTo: '2024-01-20' })).toEqual(['bob', 'done', 'late']);
    expect(titles({ dueTo: '2024-01-05' })).toEqual(['early']);
  });

  it('updates only within the tenant and returns the stored plan', () => {
    const plan = repos.actionPlans.create(TENANT_A, newPlan(TENANT_A));
    const updated = repos.actionPlans.update(TENANT_A, plan.id, {
      status: 'done',
      completedAt: days(2),
      ownerId: 'U9',
      ownerName: null,
      updatedAt: days(2),
    });
    expect(updated).toMatchObject({
      status: 'done',
      completedAt: days(2),
      ownerId: 'U9',
      ownerName: null,
    });
    expect(() => repos.actionPlans.update(TENANT_B, plan.id, { updatedAt: days(3) })).toThrow(
      /not found/,
    );
    expect(repos.actionPlans.get(TENANT_A, plan.id)?.updatedAt).toEqual(days(2));
  });

  it('keeps each plan’s history in order, per tenant', () => {
    const plan = repos.actionPlans.create(TENANT_A, newPlan(TENANT_A));
    repos.actionPlans.addUpdate(TENANT_A, {
      planId: plan.id,
      kind: 'created',
      actorId: 'U1',
      detail: null,
      at: T0,
    });
    repos.actionPlans.addUpdate(TENANT_A, {
      planId: plan.id,
      kind: 'comment',
      actorId: 'U2',
      detail: { text: 'ünïcode ✓' },
      at: T0,
    });
    expect(repos.actionPlans.history(TENANT_A, plan.id)).toEqual([
      { planId: plan.id, kind: 'created', actorId: 'U1', detail: null, at: T0 },
      { planId: plan.id, kind: 'comment', actorId: 'U2', detail: { text: 'ünïcode ✓' }, at: T0 },
    ]);
    expect(repos.actionPlans.history(TENANT_B, plan.id)).toEqual([]);
  });

  it('rolls a plan back with the transaction around it', () => {
    expect(() =>
      repos.transaction(() => {
        repos.actionPlans.create(TENANT_A, newPlan(TENANT_A));
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(repos.actionPlans.list(TENANT_A)).toEqual([]);
  });
});

const newMetric = (tenantId: string, name: string) => ({
  id: `${tenantId}-${name}`,
  themeId: `${tenantId}-late`,
  rootCauseId: null,
  name,
  unit: '%',
  direction: 'lower' as const,
  target: 2.5,
  createdBy: 'U1',
  createdAt: T0,
});

describe('SqliteMetricRepository', () => {
  it('stores metrics with names unique per tenant, case-insensitively', () => {
    const m = repos.metrics.create(TENANT_A, newMetric(TENANT_A, 'Late parcels'));
    expect(repos.metrics.findByName(TENANT_A, '  LATE parcels ')).toEqual(m);
    expect(() =>
      repos.metrics.create(TENANT_A, { ...newMetric(TENANT_A, 'late PARCELS'), id: 'x' }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    repos.metrics.create(TENANT_B, newMetric(TENANT_B, 'Late parcels'));
    expect(repos.metrics.list(TENANT_A).map((x) => x.id)).toEqual([m.id]);
    expect(repos.metrics.get(TENANT_B, m.id)).toBeNull();
  });

  it('keeps one reading per day, returning the one it replaced', () => {
    const m = repos.metrics.create(TENANT_A, newMetric(TENANT_A, 'Late parcels'));
    const reading = (measuredOn: string, value: number) => ({
      metricId: m.id,
      value,
      measuredOn,
      recordedBy: 'U1',
      recordedAt: T0,
    });
    expect(repos.metrics.recordReading(TENANT_A, reading('2024-01-03', 5))).toBeNull();
    repos.metrics.recordReading(TENANT_A, reading('2024-01-01', 7));
    repos.metrics.recordReading(TENANT_A, reading('2024-01-02', 6));
    expect(repos.metrics.recordReading(TENANT_A, reading('2024-01-03', 4.25))).toMatchObject({
      value: 5,
    });
    const all = repos.metrics.readings(TENANT_A, m.id).map((r) => [r.measuredOn, r.value]);
    expect(all).toEqual([
      ['2024-01-01', 7],
      ['2024-01-02', 6],
      ['2024-01-03', 4.25],
    ]);
    expect(repos.metrics.readings(TENANT_A, m.id, { last: 2 }).map((r) => r.value)).toEqual([
      6, 4.25,
    ]);
    expect(
      repos.metrics
        .readings(TENANT_A, m.id, { from: '2024-01-02', to: '2024-01-02' })
        .map((r) => r.value),
    ).toEqual([6]);
    expect(repos.metrics.readings(TENANT_B, m.id)).toEqual([]);
  });
});

describe('weekly issue counts', () => {
  it('counts whole ISO weeks (Monday, UTC), zero-filled, for one theme and tenant', () => {
    // 2024-01-01 is a Monday.
    const at = (iso: string) => ({ occurredAt: new Date(iso) });
    repos.issues.createMany(TENANT_A, [
      newIssue(`${TENANT_A}-late`, at('2024-01-01T00:00:00Z')),
      newIssue(`${TENANT_A}-late`, at('2024-01-07T23:59:59Z')),
      newIssue(`${TENANT_A}-late`, at('2024-01-08T00:00:00Z')),
      newIssue(`${TENANT_A}-late`, at('2024-01-24T12:00:00Z')),
      newIssue(`${TENANT_A}-billing`, at('2024-01-09T12:00:00Z')),
    ]);
    repos.issues.createMany(TENANT_B, [newIssue(`${TENANT_B}-late`, at('2024-01-02T00:00:00Z'))]);
    const counts = repos.issues.weeklyCounts(
      TENANT_A,
      `${TENANT_A}-late`,
      new Date('2024-01-03T10:00:00Z'),
      new Date('2024-01-29T00:00:00Z'),
    );
    expect(counts).toEqual([
      { weekStart: '2024-01-01', count: 2 },
      { weekStart: '2024-01-08', count: 1 },
      { weekStart: '2024-01-15', count: 0 },
      { weekStart: '2024-01-22', count: 1 },
      { weekStart: '2024-01-29', count: 0 },
    ]);
    expect(repos.issues.weeklyCounts(TENANT_B, `${TENANT_B}-late`, days(0), days(6))).toEqual([
      { weekStart: '2024-01-01', count: 1 },
    ]);
  });
});
