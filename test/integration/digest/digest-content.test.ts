// The digest reads root causes, metrics and plans for all themes at once. What it shows for
// each theme must be what the per-theme reads give: the first confirmed root cause, the
// first metric by name with its newest reading, the theme's open plans, and the scorecard.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDigestContent } from '../../../src/core/digest/digest-content.js';
import type { CoreDeps } from '../../../src/core/use-cases/core-deps.js';
import { openCoreHarness } from '../../support/core-harness.js';

const TENANTS = ['T-one', 'T-two'];
const NOW = new Date('2026-11-02T09:00:00Z');
const DAY = 86_400_000;

const world = fc.record({
  themes: fc.integer({ min: 1, max: 6 }),
  issues: fc.array(fc.tuple(fc.nat(5), fc.nat(40)), { maxLength: 40 }),
  causes: fc.array(fc.tuple(fc.nat(5), fc.option(fc.nat(60))), { maxLength: 12 }),
  metrics: fc.array(fc.tuple(fc.nat(5), fc.nat(99)), { maxLength: 8 }),
  readings: fc.array(fc.tuple(fc.nat(7), fc.nat(30), fc.nat(100)), { maxLength: 20 }),
  plans: fc.array(fc.tuple(fc.nat(5), fc.boolean(), fc.nat(20)), { maxLength: 12 }),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function seed(deps: CoreDeps, tenantId: string, w: World): void {
  const { repos } = deps;
  repos.tenants.ensure(tenantId, 'local');
  const at = (days: number) => new Date(NOW.getTime() - days * DAY);
  const themeIds = Array.from({ length: w.themes }, (_, i) => {
    const id = `${tenantId}-th${i}`;
    repos.themes.create(tenantId, {
      id,
      slug: `t${i}`,
      name: `T${i}`,
      keyDriverId: null,
      createdAt: at(90 - i),
    });
    return id;
  });
  const theme = (n: number) => themeIds[n % themeIds.length] as string;
  repos.issues.createMany(
    tenantId,
    w.issues.map(([t, ago], i) => ({
      id: `${tenantId}-i${i}`,
      summary: 's',
      description: null,
      themeId: theme(t),
      keyDriverId: null,
      customerId: null,
      source: 'other' as const,
      customerCostCents: null,
      companyCostCents: null,
      reporterId: null,
      reporterName: null,
      externalId: null,
      occurredAt: at(ago),
      createdAt: at(ago),
    })),
  );
  w.causes.forEach(([t, ago], i) =>
    repos.rootCauses.save(tenantId, {
      id: `${tenantId}-rc${i}`,
      themeId: theme(t),
      sessionId: null,
      text: `cause ${i}`,
      confirmedBy: ago === null ? null : 'U1',
      confirmedAt: ago === null ? null : at(ago),
      chain: [],
    }),
  );
  const metricIds = w.metrics.map(([t, name], i) => {
    const id = `${tenantId}-m${i}`;
    repos.metrics.create(tenantId, {
      id,
      themeId: theme(t),
      rootCauseId: i % 2 ? `${tenantId}-rc${i}` : null,
      name: `metric ${name} ${i}`,
      unit: '',
      direction: 'lower',
      target: 0,
      createdBy: null,
      createdAt: NOW,
    });
    return id;
  });
  for (const [m, ago, value] of w.readings) {
    const metricId = metricIds[m % Math.max(1, metricIds.length)];
    if (metricId)
      repos.metrics.recordReading(tenantId, {
        metricId,
        value,
        measuredOn: at(ago).toISOString().slice(0, 10),
        recordedBy: null,
        recordedAt: NOW,
      });
  }
  w.plans.forEach(([t, done, due], i) => {
    const plan = repos.actionPlans.create(tenantId, {
      id: `${tenantId}-p${i}`,
      themeId: theme(t),
      rootCauseId: null,
      title: `plan ${i}`,
      ownerId: 'U1',
      ownerName: null,
      dueDate: at(due - 10)
        .toISOString()
        .slice(0, 10),
      level: i % 2 ? 'resolve' : 'recurrence',
      createdBy: null,
      createdAt: at(30),
    });
    if (done)
      repos.actionPlans.update(tenantId, plan.id, {
        status: 'done',
        completedAt: at(due),
        updatedAt: at(due),
      });
  });
}

/** The per-theme reads the digest used to make, one theme at a time. */
function perTheme(deps: CoreDeps, tenantId: string, themeId: string) {
  const { repos } = deps;
  const found = repos.rootCauses.listByTheme(tenantId, themeId).find((r) => r.confirmedAt);
  const metric = repos.metrics.list(tenantId, { themeId })[0];
  return {
    rootCause: found ? { status: 'found', text: found.text } : { status: 'none', text: null },
    metric: metric
      ? { metric, latest: repos.metrics.readings(tenantId, metric.id, { last: 1 })[0] ?? null }
      : null,
    plans: repos.actionPlans.list(tenantId, { themeId }).filter((p) => p.status !== 'done'),
  };
}

describe('digest content', () => {
  it('shows for every theme what the per-theme reads give', () => {
    fc.assert(
      fc.property(world, world, (mine, theirs) => {
        const h = openCoreHarness(':memory:', { now: NOW.toISOString() });
        try {
          seed(h.deps, TENANTS[0] as string, mine);
          seed(h.deps, TENANTS[1] as string, theirs);
          const tenantId = TENANTS[0] as string;
          const since = new Date(NOW.getTime() - 10 * DAY);
          const content = buildDigestContent(h.deps, {
            tenantId,
            keyDriverId: null,
            since,
            now: NOW,
            late: false,
          });
          for (const t of content.vitalFew) {
            const { rootCause, metric, plans } = perTheme(h.deps, tenantId, t.totals.themeId);
            expect({ rootCause: t.rootCause, metric: t.metric, plans: t.plans }).toEqual({
              rootCause,
              metric,
              plans,
            });
          }
          const themes = h.deps.repos.themes.list(tenantId);
          const causes = themes.flatMap((th) =>
            h.deps.repos.rootCauses.listByTheme(tenantId, th.id),
          );
          expect(content.changes.newRootCauses).toBe(
            causes.filter((r) => r.confirmedAt && r.confirmedAt >= since).length,
          );
          const days = themes.flatMap((th) => {
            const at = causes.find((r) => r.themeId === th.id && r.confirmedAt)?.confirmedAt;
            return at ? [(at.getTime() - th.createdAt.getTime()) / DAY] : [];
          });
          const sorted = days.sort((a, b) => a - b);
          const mid = Math.floor(sorted.length / 2);
          const median = !sorted.length
            ? null
            : sorted.length % 2
              ? sorted[mid]
              : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
          expect(content.scorecard.medianDaysToRootCause).toBe(median);
        } finally {
          h.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('lists a root cause with its metrics and plans, from the batched read', () => {
    const h = openCoreHarness(':memory:', { now: NOW.toISOString() });
    try {
      const w: World = {
        themes: 2,
        issues: [[0, 1]],
        causes: [
          [0, 3],
          [1, null],
        ],
        metrics: [
          [0, 1],
          [1, 2],
        ],
        readings: [],
        plans: [],
      };
      seed(h.deps, 'T-one', w);
      const { repos } = h.deps;
      repos.actionPlans.create('T-one', {
        id: 'linked-plan',
        themeId: 'T-one-th0',
        rootCauseId: 'T-one-rc1',
        title: 'fix',
        ownerId: 'U1',
        ownerName: null,
        dueDate: '2026-12-01',
        level: 'occurrence',
        createdBy: null,
        createdAt: NOW,
      });
      const byId = new Map(repos.rootCauses.list('T-one').map((r) => [r.id, r]));
      expect(byId.get('T-one-rc1')).toMatchObject({
        metricIds: ['T-one-m1'],
        planIds: ['linked-plan'],
      });
      expect(byId.get('T-one-rc0')).toMatchObject({ metricIds: [], planIds: [] });
      for (const r of byId.values()) expect(repos.rootCauses.get('T-one', r.id)).toEqual(r);
      expect(repos.rootCauses.list('T-two')).toEqual([]);
      expect(repos.metrics.latestReadings('T-two', ['T-one-m0'])).toEqual([]);
    } finally {
      h.close();
    }
  });
});
