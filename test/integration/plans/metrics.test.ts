// /cx-metric through the core on a real database: defining, recording, the trend view and
// predictiveness against the theme's weekly issue counts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';

let h: CoreHarness;
// The harness clock starts on Monday 2026-11-02.
beforeEach(async () => {
  h = openCoreHarness();
  await h.say('/cx-issue Parcel late #late-delivery');
});
afterEach(() => h.close());

const DEFINE =
  '/cx-metric define "Parcels shipped late" #late-delivery unit:"%" direction:lower target:2';
const metric = (tenant = 'T1') => h.deps.repos.metrics.findByName(tenant, 'parcels shipped late');
const readings = (tenant = 'T1') =>
  h.deps.repos.metrics
    .readings(tenant, metric(tenant)?.id ?? '')
    .map((r) => [r.measuredOn, r.value]);

describe('defining a metric', () => {
  it('posts it publicly and stores the current value as today’s reading', async () => {
    const { view, text } = await h.say(`${DEFINE} current:4.5`);
    expect(view.visibility).toBe('public');
    expect(text).toContain('New internal metric Parcels shipped late for #late-delivery');
    expect(text).toContain('Target: ≤ 2% (lower is better)');
    expect(text).toContain('Current: 4.5%');
    expect(metric()).toMatchObject({
      unit: '%',
      direction: 'lower',
      target: 2,
      createdBy: 'U-ann',
    });
    expect(readings()).toEqual([['2026-11-02', 4.5]]);
    const actions = h.deps.repos.audit.list('T1', { entityType: 'metric' }).map((a) => a.action);
    expect(actions.sort()).toEqual(['metric.create', 'metric.record']);
  });

  it('refuses a second metric with the same name, in any case, and writes nothing', async () => {
    await h.say(DEFINE);
    const before = h.deps.repos.audit.list('T1').length;
    const { view, text } = await h.say(
      '/cx-metric define "PARCELS shipped LATE" #late-delivery unit:days direction:higher target:1',
    );
    expect(view.tone).toBe('error');
    expect(text).toContain('There is already a metric called "Parcels shipped late"');
    expect(h.deps.repos.metrics.list('T1')).toHaveLength(1);
    expect(h.deps.repos.audit.list('T1')).toHaveLength(before);
  });

  it('names an unknown theme and lists the known ones', async () => {
    const { view, text } = await h.say(
      '/cx-metric define "X" #nope unit:"%" direction:lower target:2',
    );
    expect(view.tone).toBe('error');
    expect(text).toContain('There is no theme #nope yet. Existing themes: #late-delivery');
    expect(h.deps.repos.metrics.list('T1')).toHaveLength(0);
  });
});

describe('recording readings and the trend', () => {
  beforeEach(async () => {
    await h.say(DEFINE);
  });

  it('records a reading, replacing one already recorded for that day', async () => {
    await h.say('/cx-metric record "Parcels shipped late" 5 date:2026-10-26');
    const first = await h.say('/cx-metric record "parcels shipped late" 4');
    expect(first.view.visibility).toBe('public');
    expect(first.text).toContain('Parcels shipped late: 4% on 2026-11-02');
    expect(first.text).toContain('▼ 1% since 2026-10-26 (better)');
    const again = await h.say('/cx-metric record "Parcels shipped late" 3.5');
    expect(again.text).toContain('(replaces 4%)');
    expect(readings()).toEqual([
      ['2026-10-26', 5],
      ['2026-11-02', 3.5],
    ]);
  });

  it('refuses readings dated in the future and unknown metrics', async () => {
    const future = await h.say('/cx-metric record "Parcels shipped late" 3 date:2026-11-03');
    expect(future.view.tone).toBe('error');
    expect(future.text).toContain('2026-11-03 is in the future');
    const unknown = await h.say('/cx-metric record "Parcels shipped early" 3');
    expect(unknown.text).toContain('There is no metric called "Parcels shipped early"');
    expect(readings()).toEqual([]);
  });

  it('shows latest against target, the change and a sparkline', async () => {
    const values = [6, 5, 7, 4, 3];
    for (const [i, v] of values.entries())
      await h.say(
        `/cx-metric record "Parcels shipped late" ${v} date:2026-10-${String(20 + i).padStart(2, '0')}`,
      );
    const { view, text } = await h.say('/cx-metric show "Parcels shipped late"');
    expect(view.visibility).toBe('private');
    expect(text).toContain('Latest: 3% on 2026-10-24');
    expect(text).toContain('❌ not on target yet');
    expect(text).toContain('▼ 1% since 2026-10-23 (better)');
    // 6 5 7 4 3 scaled over 3…7 onto eight bars.
    expect(text).toContain('▆▅█▃▁ last 5 readings');
    await h.say('/cx-metric record "Parcels shipped late" 2');
    expect((await h.say('/cx-metric show "Parcels shipped late"')).text).toContain('✅ on target');
  });

  it('judges the target by direction: higher is better', async () => {
    await h.say(
      '/cx-metric define "On-time rate" #late-delivery unit:"%" direction:higher target:95',
    );
    await h.say('/cx-metric record "On-time rate" 96 date:2026-10-30');
    const { text } = await h.say('/cx-metric record "On-time rate" 94');
    expect(text).toContain('▼ 2% since 2026-10-30 (worse)');
    expect(text).toContain('≥ 95% (higher is better): ❌ not on target yet');
  });

  it('lists metrics with their latest reading', async () => {
    await h.say('/cx-metric record "Parcels shipped late" 1.5');
    const { text } = await h.say('/cx-metric list');
    expect(text).toMatch(/Parcels shipped late\s+#late-delivery\s+1\.5%\s+≤ 2%\s+✅ on target/);
  });
});

describe('predictiveness', () => {
  const WEEKS = [
    '2026-08-03',
    '2026-08-10',
    '2026-08-17',
    '2026-08-24',
    '2026-08-31',
    '2026-09-07',
    '2026-09-14',
    '2026-09-21',
    '2026-09-28',
    '2026-10-05',
    '2026-10-12',
    '2026-10-19',
    '2026-10-26',
  ];
  const METRIC = [3, 5, 2, 6, 4, 7, 3, 8, 5, 2, 6, 4, 5];

  /** Issues in week t+1 equal the metric in week t: the metric leads by one week. */
  const seedIssues = (): void => {
    const counts = [1, ...METRIC.slice(0, -1)];
    const issues = WEEKS.flatMap((week, w) =>
      Array.from({ length: counts[w] ?? 0 }, (_, i) => ({ week, i })),
    );
    const theme = h.deps.repos.themes.findBySlug('T1', 'late-delivery');
    h.deps.repos.issues.createMany(
      'T1',
      issues.map(({ week, i }, n) => ({
        id: `seed-${n}`,
        summary: 'late',
        description: null,
        themeId: theme?.id ?? '',
        keyDriverId: null,
        customerId: null,
        source: 'complaint',
        customerCostCents: null,
        companyCostCents: null,
        reporterId: null,
        reporterName: null,
        externalId: null,
        // Spread over the week, Monday to Sunday evening, to test the week edges.
        occurredAt: new Date(
          new Date(`${week}T00:00:00Z`).getTime() + (i % 7) * 86_400_000 + 79_200_000,
        ),
        createdAt: new Date(`${week}T00:00:00Z`),
      })),
    );
  };

  it('finds the lag at which the metric predicts the issue count', async () => {
    await h.say(DEFINE);
    // The first CX-1 issue was logged on 2026-11-02, in the current (incomplete) week.
    seedIssues();
    for (const [w, week] of WEEKS.entries()) {
      if (w === 0) {
        // Two readings in one week count as their average: (2 + 4) / 2 = 3.
        await h.say(`/cx-metric record "Parcels shipped late" 2 date:${week}`);
        await h.say(`/cx-metric record "Parcels shipped late" 4 date:2026-08-05`);
      } else {
        await h.say(`/cx-metric record "Parcels shipped late" ${METRIC[w]} date:${week}`);
      }
    }
    h.clock.set('2026-11-04T09:00:00Z');
    const { text } = await h.say('/cx-metric show "Parcels shipped late"');
    expect(text).toContain('Predictiveness: r = 1.000 at a lag of 1 week (n = 12');
    expect(text).toContain('issues strongly tend to rise 1 week later');
    expect(text).not.toContain('Too few weeks');
  });

  it('warns when too few weeks exist to judge', async () => {
    await h.say(DEFINE);
    for (const day of ['2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'])
      await h.say(`/cx-metric record "Parcels shipped late" 3 date:${day}`);
    const { text } = await h.say('/cx-metric show "Parcels shipped late"');
    // The current week's reading is left out: its issue count is not complete yet.
    expect(text).toContain(
      'Too few weeks to judge predictiveness: 3 complete weeks have readings, and at least 8 paired weeks are needed.',
    );
    expect(text).not.toContain('r =');
  });
});

describe('tenant isolation', () => {
  it('keeps metrics, names and readings per tenant', async () => {
    await h.say('/cx-issue x #late-delivery', 'U1', 'T-acme');
    expect((await h.say(`${DEFINE} current:9`, 'U1', 'T-acme')).view.tone).toBeUndefined();
    await h.say('/cx-issue x #late-delivery', 'U2', 'T-globex');
    expect((await h.say('/cx-metric list', 'U2', 'T-globex')).text).toContain(
      'No internal metrics',
    );
    expect(
      (await h.say('/cx-metric show "Parcels shipped late"', 'U2', 'T-globex')).text,
    ).toContain('There is no metric called');
    // The same name is free in another tenant, and its readings stay apart.
    expect((await h.say(`${DEFINE} current:1`, 'U2', 'T-globex')).view.tone).toBeUndefined();
    expect(readings('T-acme')).toEqual([['2026-11-02', 9]]);
    expect(readings('T-globex')).toEqual([['2026-11-02', 1]]);
  });
});
