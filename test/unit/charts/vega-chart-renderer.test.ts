import { describe, expect, it } from 'vitest';
import { pareto } from '../../../src/core/analytics/pareto.js';
import type { RenderedChart } from '../../../src/core/ports/chart-renderer.js';
import { VegaChartRenderer } from '../../../src/charts/vega-chart-renderer.js';
import { cfpbResult, decodePng, themeTotals } from './chart-fixtures.js';

const WIDTH = 1800;
const HEIGHT = 1000;
const ONE_MB = 1024 * 1024;

const renderer = new VegaChartRenderer();

function expectValidPng(chart: RenderedChart): void {
  const png = decodePng(chart.png);
  expect(png.signatureOk).toBe(true);
  expect(png.ihdr).toEqual({ width: WIDTH, height: HEIGHT });
  expect(png.decoded).toEqual({ width: WIDTH, height: HEIGHT });
  expect({ width: chart.width, height: chart.height }).toEqual({ width: WIDTH, height: HEIGHT });
  expect(chart.png.byteLength).toBeLessThan(ONE_MB);
  expect(chart.svg.startsWith('<svg')).toBe(true);
  expect(chart.alt.length).toBeGreaterThan(10);
}

describe('VegaChartRenderer.paretoChart on the CFPB sample', () => {
  const title = 'Pareto by issue count: CFPB complaint sample';

  it('renders a decodable PNG of the fixed size, under 1 MB', async () => {
    expectValidPng(await renderer.paretoChart(cfpbResult(), title));
  });

  it('names the vital few count, their share and the top theme in the alt text', async () => {
    const { alt } = await renderer.paretoChart(cfpbResult(), title);
    expect(alt).toMatch(/^Pareto chart: 11 of 86 themes cause 80\.1% of issues\./);
    expect(alt).toContain('Top: Incorrect information on your report (34.1%)');
    expect(alt).toContain('The smallest 62 themes are grouped as “Other themes”.');
  });

  it('produces byte-identical SVG on every render, matching the committed snapshot', async () => {
    const first = await renderer.paretoChart(cfpbResult(), title);
    const second = await new VegaChartRenderer().paretoChart(cfpbResult(), title);
    expect(second.svg).toBe(first.svg);
    expect(Buffer.from(second.png).equals(Buffer.from(first.png))).toBe(true);
    // Only the bundled family is named, so no machine can substitute a font of its own.
    expect(new Set(first.svg.match(/font-family="[^"]*"/g))).toEqual(
      new Set(['font-family="Inter"']),
    );
    await expect(first.svg).toMatchFileSnapshot('./__snapshots__/pareto-cfpb.svg');
  });

  it('draws at most 25 bars, the tail as one "Other themes" bar', async () => {
    const { svg } = await renderer.paretoChart(cfpbResult(), title);
    expect(svg).toContain('Other themes (62)');
    expect(svg).toContain('Incorrect information on your report');
    // The long CFPB name is cut with an ellipsis rather than overflowing.
    expect(svg).not.toContain('investigation into an existing problem');
    expect(svg).toMatch(/Problem with a credit reporting[^<]*…/);
  });

  it('labels money measures in dollars and names the measure', async () => {
    const result = pareto(
      [
        themeTotals('Late delivery', 3, { customerCostCents: 1_250_000 }),
        themeTotals('Wrong size', 9, { customerCostCents: 310_000 }),
        themeTotals('Rude agent', 1, { customerCostCents: 0 }),
      ],
      'customer-cost',
    );
    const chart = await renderer.paretoChart(result, 'By cost');
    expectValidPng(chart);
    expect(chart.alt).toBe(
      'Pareto chart: 1 of 3 themes causes 80.1% of the cost to customers. ' +
        'Top: Late delivery (80.1%); Wrong size (19.9%). 1 theme with no cost to customers has no bar.',
    );
    expect(chart.svg).toContain('$12,500');
  });
});

describe('VegaChartRenderer.paretoChart on degenerate input', () => {
  const cases: Array<[string, () => ReturnType<typeof pareto>]> = [
    ['no themes', () => pareto([], 'count')],
    ['one theme', () => pareto([themeTotals('Only one', 4)], 'count')],
    ['zero totals', () => pareto([themeTotals('A', 0), themeTotals('B', 0)], 'count')],
    [
      '200 themes',
      () =>
        pareto(
          Array.from({ length: 200 }, (_, i) => themeTotals(`Theme ${i + 1}`, 200 - i)),
          'count',
        ),
    ],
    [
      'very long unicode names and emoji',
      () =>
        pareto(
          [
            themeTotals(
              'Zahlungsabwicklung über das Kundenportal schlägt fehl, wenn Ümläute im Namen stehen',
              9,
            ),
            themeTotals('Доставка опаздывает более чем на две недели без уведомления клиента', 7),
            themeTotals('配送が遅れる', 5),
            themeTotals('🔥🔥🔥', 4),
            themeTotals('Checkout 💳 fails 👩‍👩‍👧 on mobile', 3),
            themeTotals('x'.repeat(500), 2),
          ],
          'count',
        ),
    ],
  ];

  it.each(cases)('renders %s without throwing', async (_name, build) => {
    const chart = await renderer.paretoChart(build(), 'Degenerate 🚀 input');
    expectValidPng(chart);
  });

  it('says there is nothing to rank when there are no issues', async () => {
    const chart = await renderer.paretoChart(pareto([], 'count'), 'Empty');
    expect(chart.alt).toBe('Pareto chart: no issues to rank yet.');
    expect(chart.svg).toContain('No issues to rank yet');
  });

  it('says which measure is missing when every theme totals zero', async () => {
    const result = pareto([themeTotals('A', 2), themeTotals('B', 1)], 'company-cost');
    const chart = await renderer.paretoChart(result, 'Empty');
    expect(chart.alt).toBe('Pareto chart: no cost to the company recorded for 2 themes yet.');
  });

  it('drops glyphs the bundled font lacks but keeps the readable part of the name', async () => {
    const result = pareto(
      [themeTotals('Checkout 💳 fails on mobile', 3), themeTotals('🔥🔥', 1)],
      'count',
    );
    const chart = await renderer.paretoChart(result, 'Emoji');
    expect(chart.svg).toContain('Checkout fails on mobile');
    expect(chart.svg).not.toContain('💳');
    // A name with nothing drawable falls back to its slug.
    expect(chart.alt).toContain('Checkout 💳 fails on mobile (75.0%)');
  });
});

describe('VegaChartRenderer.metricTrend', () => {
  const weekly = Array.from({ length: 26 }, (_, i) => ({
    date: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10),
    value: 70 + ((i * 37) % 17) + i * 0.5,
  }));

  it('renders many readings with a target, deterministically, matching the snapshot', async () => {
    const first = await renderer.metricTrend(weekly, 85, 'First-contact resolution', '%');
    const second = await renderer.metricTrend(weekly, 85, 'First-contact resolution', '%');
    expectValidPng(first);
    expect(second.svg).toBe(first.svg);
    expect(first.alt).toBe(
      'Metric trend chart: 26 readings from 2024-01-01 to 2024-06-24; latest 89.5% (target 85%, above target); lowest 70%, highest 96%.',
    );
    await expect(first.svg).toMatchFileSnapshot('./__snapshots__/metric-trend.svg');
  });

  it('renders no readings as an empty-state card', async () => {
    const chart = await renderer.metricTrend([], 90, 'Callbacks', 'calls');
    expectValidPng(chart);
    expect(chart.alt).toBe('Metric trend chart: no readings yet (target 90 calls).');
    expect(chart.svg).toContain('No readings yet');
  });

  it('renders a single reading, and no target', async () => {
    const chart = await renderer.metricTrend(
      [{ date: '2024-05-02', value: 3 }],
      null,
      'Refunds',
      '',
    );
    expectValidPng(chart);
    expect(chart.alt).toBe('Metric trend chart: 1 reading on 2024-05-02; latest 3.');
  });

  it('sorts readings by date and skips invalid dates and values', async () => {
    const chart = await renderer.metricTrend(
      [
        { date: '2024-03-01', value: 5 },
        { date: 'not a date', value: 1 },
        { date: '2024-01-01T12:00:00', value: 2 },
        { date: '2024-02-01', value: Number.NaN },
      ],
      4,
      'Mixed',
      'h',
    );
    expectValidPng(chart);
    expect(chart.alt).toBe(
      'Metric trend chart: 2 readings from 2024-01-01 to 2024-03-01; latest 5 h (target 4 h, above target); lowest 2 h, highest 5 h.',
    );
  });
});

describe('VegaChartRenderer under concurrent use', () => {
  it('gives each of several simultaneous renders the same SVG it gets alone', async () => {
    const title = 'Concurrent';
    const alone = await renderer.paretoChart(cfpbResult(), title);
    const together = await Promise.all([
      renderer.paretoChart(cfpbResult(), title),
      renderer.metricTrend([{ date: '2024-01-01', value: 1 }], 2, 'Other chart', ''),
      renderer.paretoChart(cfpbResult(), title),
    ]);
    expect(together[0].svg).toBe(alone.svg);
    expect(together[2].svg).toBe(alone.svg);
  });
});
