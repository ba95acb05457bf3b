// Benchmark 2: import a CFPB-shaped CSV through the real import path, against sqlite3's
// `.import` of the same file into a bare table (no indexes, no validation) in the same run.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  SQLITE3,
  ms,
  ratio,
  requireTools,
  type BenchOptions,
  type BenchReport,
} from './bench-kit.js';
import { generateIssuesCsv } from './generate-csv.js';

interface ChildResult {
  rows: number;
  errors: number;
  seconds: number;
  maxRssMb: number;
}

const sqliteImport = (csv: string, db: string): number => {
  const started = performance.now();
  execFileSync(SQLITE3, [
    db,
    '-cmd',
    'PRAGMA journal_mode = WAL',
    '-cmd',
    'CREATE TABLE raw (date TEXT, product TEXT, issue TEXT, company TEXT, narrative TEXT, id TEXT)',
    `.import --csv --skip 1 ${csv} raw`,
  ]);
  return (performance.now() - started) / 1000;
};

const ourImport = (csv: string, db: string): ChildResult =>
  JSON.parse(
    execFileSync(process.execPath, [join(import.meta.dirname, 'import-child.mjs'), csv, db], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  ) as ChildResult;

export const importThroughput = async (
  options: BenchOptions,
  dir: string,
): Promise<BenchReport> => {
  requireTools({ sqlite3: true });
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(import.meta.dirname, '..') });
  const csv = join(dir, 'issues.csv');
  await generateIssuesCsv(csv, options.rows);
  const baselineSeconds = sqliteImport(csv, join(dir, 'sqlite3.db'));
  const ours = ourImport(csv, join(dir, 'ours.db'));
  const r = ours.seconds / baselineSeconds;
  return {
    name: 'import',
    table: {
      [`import ${options.rows.toLocaleString('en')} rows`]: {
        'sqlite3 .import': ms(baselineSeconds * 1000),
        ours: ms(ours.seconds * 1000),
        ratio: ratio(r),
      },
      'rows per second': {
        'sqlite3 .import': Math.round(options.rows / baselineSeconds).toLocaleString('en'),
        ours: Math.round(ours.rows / ours.seconds).toLocaleString('en'),
        ratio: '',
      },
      'peak RSS': { 'sqlite3 .import': '', ours: `${ours.maxRssMb.toFixed(0)} MB`, ratio: '' },
    },
    data: { rows: options.rows, baselineSeconds, ours, ratio: r },
    targets: [
      { target: 'within 2× of sqlite3 .import', met: r <= 2, detail: ratio(r) },
      {
        target: 'peak RSS < 300 MB',
        met: ours.maxRssMb < 300,
        detail: `${ours.maxRssMb.toFixed(0)} MB`,
      },
    ],
  };
};
