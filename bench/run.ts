// Benchmarks. Every figure is a ratio against a baseline measured in the same run,
// because absolute times drift on shared machines. Results go to bench/results/.
// Usage: npm run bench [-- --rows 200000]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateIssuesCsv } from './generate-csv.js';
import { paretoReport } from '../src/core/use-cases/pareto-report.js';
import { createRepositories } from '../src/storage/create-repositories.js';
import { openDatabase } from '../src/storage/database.js';
import { systemClock } from '../src/core/ports/clock.js';
import { TextChatGateway } from '../src/runtime/text-chat-gateway.js';
import { timeOrderedIdSource } from '../src/runtime/time-ordered-id-source.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const rows = arg('rows', 200_000);
const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
const csv = join(dir, 'issues.csv');

const importRun = (mode: 'core' | 'baseline', db: string) =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'import-child.ts'), mode, csv, db],
      { encoding: 'utf8' },
    ),
  ) as {
    rows: number;
    seconds: number;
    maxRssMb: number;
  };

const median = (fn: () => void, runs = 7): number => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
};

await generateIssuesCsv(csv, rows);
const baseline = importRun('baseline', join(dir, 'baseline.db'));
const core = importRun('core', join(dir, 'core.db'));

const database = openDatabase(join(dir, 'core.db'));
const deps = {
  repos: createRepositories(database.db),
  clock: systemClock,
  ids: timeOrderedIdSource,
  gateway: new TextChatGateway(() => undefined),
};
const paretoMs = median(() => paretoReport(deps, 'bench', { measure: 'count' }));
const raw = new Database(join(dir, 'core.db'), { readonly: true });
const groupBy = raw.prepare(
  'SELECT theme_id, COUNT(*) FROM issues WHERE tenant_id = ? GROUP BY theme_id ORDER BY 2 DESC',
);
const groupByMs = median(() => groupBy.all('bench'));
raw.close();
database.close();

const results = {
  rows,
  machine: { node: process.version, platform: process.platform, arch: process.arch },
  import: {
    baselineSeconds: baseline.seconds,
    coreSeconds: core.seconds,
    ratio: core.seconds / baseline.seconds,
    coreMaxRssMb: core.maxRssMb,
    baselineMaxRssMb: baseline.maxRssMb,
  },
  pareto: { groupByMs, paretoMs, ratio: paretoMs / groupByMs },
};
console.table({
  'import (core vs bare insert)': {
    baseline: `${baseline.seconds.toFixed(2)} s`,
    ours: `${core.seconds.toFixed(2)} s`,
    ratio: results.import.ratio.toFixed(2),
  },
  'import peak RSS': {
    baseline: `${baseline.maxRssMb.toFixed(0)} MB`,
    ours: `${core.maxRssMb.toFixed(0)} MB`,
    ratio: (core.maxRssMb / baseline.maxRssMb).toFixed(2),
  },
  'pareto (core vs GROUP BY)': {
    baseline: `${groupByMs.toFixed(1)} ms`,
    ours: `${paretoMs.toFixed(1)} ms`,
    ratio: results.pareto.ratio.toFixed(2),
  },
});
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(
    import.meta.dirname,
    'results',
    `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  ),
  `${JSON.stringify(results, null, 2)}\n`,
);
rmSync(dir, { recursive: true, force: true });
