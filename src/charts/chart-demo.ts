// `npm run chart:demo`: renders the Pareto chart of the CFPB sample counts to a PNG, to
// look at the design by eye. Usage: tsx src/charts/chart-demo.ts [counts.json] [out.png]
import { readFileSync, writeFileSync } from 'node:fs';
import { pareto } from '../core/analytics/pareto.js';
import type { ThemeTotals } from '../core/domain/types.js';
import { VegaChartRenderer } from './vega-chart-renderer.js';

interface CountsFixture {
  counts: Array<{ name: string; count: number }>;
}

const [input = 'test/fixtures/golden/cfpb-issue-counts.json', output = '/tmp/pareto.png'] =
  process.argv.slice(2);

const fixture = JSON.parse(readFileSync(input, 'utf8')) as CountsFixture;
const totals = fixture.counts.map(({ name, count }, i): ThemeTotals => ({
  themeId: `t${i + 1}`,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  name,
  keyDriverId: null,
  count,
  customerCostCents: 0,
  companyCostCents: 0,
  affectedRevenueCents: 0,
  affectedCustomers: 0,
}));
const started = performance.now();
const chart = await new VegaChartRenderer().paretoChart(
  pareto(totals, 'count'),
  'Pareto by issue count: CFPB complaint sample',
);
const ms = Math.round(performance.now() - started);
writeFileSync(output, chart.png);
console.log(`${output}: ${chart.width}×${chart.height}, ${chart.png.length} bytes, ${ms} ms`);
console.log(chart.alt);
