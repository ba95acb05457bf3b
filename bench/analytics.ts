// Benchmark 3: Pareto, impact and the digest build over a large tenant, against a
// hand-written GROUP BY in the sqlite3 shell on the same file; key drivers against numpy.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { VegaChartRenderer } from '../src/charts/vega-chart-renderer.js';
import { pearson } from '../src/core/analytics/correlation.js';
import {
  keyDrivers,
  keyDriversFromCrosstabs,
  type AspectResult,
  type KeyDriverReport,
} from '../src/core/analytics/key-drivers.js';
import { buildDigestContent } from '../src/core/digest/digest-content.js';
import { driversReport } from '../src/core/use-cases/drivers-report.js';
import { systemClock } from '../src/core/ports/clock.js';
import type { CoreDeps } from '../src/core/use-cases/core-deps.js';
import { impactReport } from '../src/core/use-cases/impact-report.js';
import { paretoReport } from '../src/core/use-cases/pareto-report.js';
import { TextChatGateway } from '../src/runtime/text-chat-gateway.js';
import { timeOrderedIdSource } from '../src/runtime/time-ordered-id-source.js';
import { createRepositories } from '../src/storage/create-repositories.js';
import { openDatabase } from '../src/storage/database.js';
import {
  PYTHON,
  SQLITE3,
  median,
  ms,
  ratio,
  requireTools,
  timeMedian,
  type BenchOptions,
  type BenchReport,
} from './bench-kit.js';
import { ISSUES_UNTIL, TENANT, seedAnalytics } from './seed-analytics.js';

const GROUP_BY = `SELECT theme_id, COUNT(*), SUM(customer_cost_cents), SUM(company_cost_cents),
  COUNT(DISTINCT customer_id) FROM issues WHERE tenant_id = '${TENANT}'
  GROUP BY theme_id ORDER BY 2 DESC;`;

/** The shell's own timer, so process start-up is not counted; median of `runs`. */
const sqliteShellMs = (db: string, query: string, runs = 5): number => {
  const script = ['.output /dev/null', '.timer on', ...Array<string>(runs + 1).fill(query)];
  const out = execFileSync(SQLITE3, [db], { input: script.join('\n'), encoding: 'utf8' });
  const times = [...out.matchAll(/Run Time: real ([\d.]+)/g)].map((m) => Number(m[1]) * 1000);
  return median(times.slice(1)); // the first run warms the page cache
};

const numpyMs = (db: string): { ms: number; rows: number } =>
  JSON.parse(
    execFileSync(PYTHON, [join(import.meta.dirname, 'numpy-corrcoef.py'), db, '5'], {
      encoding: 'utf8',
    }),
  ) as { ms: number; rows: number };

/** Largest difference between two reports' figures (aspects matched by name): a sanity check. */
const maxDifference = (a: KeyDriverReport, b: KeyDriverReport): number => {
  const lists = (r: KeyDriverReport) => [r.overall, r.segments.coreGrowth, r.segments.rest];
  const figures = (x: AspectResult | undefined) =>
    x ? [x.r, x.rho, x.p, x.rhoP, x.ci95?.[0], x.ci95?.[1], x.n] : [];
  let worst = Math.abs((a.nps?.nps ?? 0) - (b.nps?.nps ?? 0)) + Math.abs(a.rows - b.rows);
  lists(a).forEach((list, i) => {
    for (const x of list ?? []) {
      const y = lists(b)[i]?.find((other) => other.aspect === x.aspect);
      const [fx, fy] = [figures(x), figures(y)];
      fx.forEach((v, k) => (worst = Math.max(worst, Math.abs((v ?? 0) - (fy[k] ?? NaN)))));
    }
  });
  return Number.isNaN(worst) ? Infinity : worst;
};

export const analytics = async (options: BenchOptions, dir: string): Promise<BenchReport> => {
  requireTools({ sqlite3: true, numpy: true });
  const path = join(dir, 'analytics.db');
  const database = openDatabase(path);
  const now = new Date();
  const seedStarted = performance.now();
  const sizes = { issues: options.rows, themes: 500, plans: 2000, responses: options.responses };
  seedAnalytics(database.sqlite, sizes, now.getTime());
  const seedMs = performance.now() - seedStarted;
  const deps: CoreDeps = {
    repos: createRepositories(database.db),
    clock: systemClock,
    ids: timeOrderedIdSource,
    gateway: new TextChatGateway(() => undefined),
  };
  const groupByMs = sqliteShellMs(path, GROUP_BY);
  const paretoMs = await timeMedian(() => paretoReport(deps, TENANT, { measure: 'count' }));
  const impactMs = await timeMedian(() => impactReport(deps, TENANT, {}));
  const scope = { tenantId: TENANT, keyDriverId: null, since: null, now, late: false };
  const digestMs = await timeMedian(() => buildDigestContent(deps, scope));
  // The seeded issues end a year after they start, so `now` sees two empty periods. Due on
  // the last seeded day, the digest also counts this week's and last week's issues.
  const busy = { ...scope, now: new Date(ISSUES_UNTIL) };
  const digestWeekMs = await timeMedian(() => buildDigestContent(deps, busy));
  const digestDriverMs = await timeMedian(() =>
    buildDigestContent(deps, { ...busy, keyDriverId: 'kd1' }),
  );
  const content = buildDigestContent(deps, scope);
  const charts = new VegaChartRenderer();
  const chartMs = await timeMedian(() => charts.paretoChart(content.pareto, 'Vital few'), 3);
  // Key drivers as /cx-drivers runs it: the stored frequency tables, then the analysis.
  const reportMs = await timeMedian(() => driversReport(deps, TENANT, {}), 25);
  const loadMs = await timeMedian(() => deps.repos.surveys.crosstabs(TENANT), 25);
  const tables = deps.repos.surveys.crosstabs(TENANT);
  const driversMs = await timeMedian(() => keyDriversFromCrosstabs(tables), 25);
  // The raw-columns path, for reference and as a check that both give the same report.
  const columnsLoadMs = await timeMedian(() => deps.repos.surveys.columns(TENANT), 1);
  const columns = deps.repos.surveys.columns(TENANT);
  const columnsDriversMs = await timeMedian(() => keyDrivers(columns), 1);
  const difference = maxDifference(driversReport(deps, TENANT, {}).report, keyDrivers(columns));
  const pearsonMs = await timeMedian(
    () => columns.aspects.map((a) => pearson(columns.ratings[a] as Float64Array, columns.outcome)),
    3,
  );
  database.close();
  const numpy = numpyMs(path);
  const columnsTotal = columnsLoadMs + columnsDriversMs;
  return {
    name: 'analytics',
    table: {
      pareto: { baseline: ms(groupByMs), ours: ms(paretoMs), ratio: ratio(paretoMs / groupByMs) },
      impact: { baseline: ms(groupByMs), ours: ms(impactMs), ratio: ratio(impactMs / groupByMs) },
      'digest content': {
        baseline: ms(groupByMs),
        ours: ms(digestMs),
        ratio: ratio(digestMs / groupByMs),
      },
      'digest content, issues in both periods': {
        baseline: ms(groupByMs),
        ours: ms(digestWeekMs),
        ratio: ratio(digestWeekMs / groupByMs),
      },
      'digest content, one key driver': {
        baseline: ms(groupByMs),
        ours: ms(digestDriverMs),
        ratio: ratio(digestDriverMs / groupByMs),
      },
      'pareto chart (PNG)': { baseline: '', ours: ms(chartMs), ratio: '' },
      'key drivers: crosstabs load': { baseline: '', ours: ms(loadMs), ratio: '' },
      'key drivers: compute (r, ρ, p, CI; 3 segments)': {
        baseline: ms(numpy.ms),
        ours: ms(driversMs),
        ratio: ratio(driversMs / numpy.ms),
      },
      'key drivers end to end (driversReport)': {
        baseline: ms(numpy.ms),
        ours: ms(reportMs),
        ratio: ratio(reportMs / numpy.ms),
      },
      'key drivers from raw columns (load + compute)': {
        baseline: ms(numpy.ms),
        ours: ms(columnsTotal),
        ratio: ratio(columnsTotal / numpy.ms),
      },
      'pearson r only (like corrcoef)': {
        baseline: ms(numpy.ms),
        ours: ms(pearsonMs),
        ratio: ratio(pearsonMs / numpy.ms),
      },
    },
    data: {
      sizes,
      seedMs,
      groupByMs,
      paretoMs,
      impactMs,
      digestMs,
      digestWeekMs,
      digestDriverMs,
      chartMs,
      reportMs,
      loadMs,
      driversMs,
      columnsLoadMs,
      columnsDriversMs,
      tablesVsColumnsMaxDifference: difference,
      pearsonMs,
      numpyMs: numpy.ms,
    },
    targets: [
      {
        target: 'digest content < 200 ms',
        met: Math.max(digestMs, digestWeekMs, digestDriverMs) < 200,
        detail: `${ms(digestMs)}; ${ms(digestWeekMs)} with issues in both periods, ${ms(digestDriverMs)} for one driver`,
      },
      {
        target: 'key drivers < 1.5× numpy corrcoef',
        met: reportMs / numpy.ms < 1.5 && difference < 1e-9,
        detail: `${ratio(reportMs / numpy.ms)} end to end (tables load ${ms(loadMs)}, compute ${ms(driversMs)}); same figures as from raw columns within ${difference.toExponential(1)}`,
      },
    ],
  };
};
