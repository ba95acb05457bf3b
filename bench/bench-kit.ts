// Shared pieces of the benchmarks: options, timing statistics, machine details, the
// external tools they compare against, and the table + JSON report each one writes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface BenchOptions {
  /** Issue rows for import and analytics (1,000,000 by default). */
  rows: number;
  /** Survey responses for key drivers (1,000,000 by default). */
  responses: number;
  /** Slash commands for the ack benchmark (2,000 by default, 200 at a time). */
  requests: number;
  concurrency: number;
  /** Channels for the digest fan-out (1,000 by default). */
  channels: number;
}

export interface BenchReport {
  name: string;
  /** Rows of the printed table: label → column → text. */
  table: Record<string, Record<string, string>>;
  /** Everything measured, for the JSON file. */
  data: Record<string, unknown>;
  /** Targets and whether they were met. */
  targets: Array<{ target: string; met: boolean; detail: string }>;
}

export const median = (values: number[]): number => percentile(values, 50);

/** Nearest-rank percentile of `values` (p in 0–100). */
export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
};

/** The median wall time of `runs` calls, in ms, after one warm-up call. */
export const timeMedian = async (fn: () => unknown, runs = 5): Promise<number> => {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
};

export const ms = (value: number): string =>
  value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
export const ratio = (value: number): string => `${value.toFixed(2)}×`;

export const machine = (): Record<string, string | number> => {
  const sqlite = new Database(':memory:');
  const version = (sqlite.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  sqlite.close();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqliteInNode: version,
    sqlite3Cli: toolVersion(SQLITE3, ['--version']).split(' ')[0] ?? 'missing',
    python: toolVersion(PYTHON, ['-c', 'import numpy, sys; print(numpy.__version__)']),
  };
};

export const SQLITE3 = 'sqlite3';
/** Debian's python, which has python3-numpy; not whatever python3 is first on PATH. */
export const PYTHON = '/usr/bin/python3';

const toolVersion = (tool: string, args: string[]): string => {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .replace(/^/, tool === PYTHON ? 'numpy ' : '');
  } catch {
    return 'missing';
  }
};

/** Stops with install instructions when a baseline tool is missing. */
export const requireTools = (needs: { sqlite3?: boolean; numpy?: boolean }): void => {
  const missing: string[] = [];
  if (needs.sqlite3 && toolVersion(SQLITE3, ['--version']) === 'missing') missing.push('sqlite3');
  if (needs.numpy && toolVersion(PYTHON, ['-c', 'import numpy']) === 'missing')
    missing.push('python3-numpy');
  if (missing.length === 0) return;
  process.stderr.write(
    `The baselines need Debian packages that are not installed: ${missing.join(', ')}.\n` +
      `Install them with:  sudo apt-get install -y ${missing.join(' ')}\n`,
  );
  process.exit(2);
};

/** A scratch folder removed when `fn` settles. */
export const withTempDir = async <T>(fn: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Prints the table and writes bench/results/<name>-<time>.json. */
export const publish = (report: BenchReport, options: BenchOptions): string => {
  process.stdout.write(`\n== ${report.name} ==\n`);
  console.table(report.table);
  for (const t of report.targets)
    process.stdout.write(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.target}: ${t.detail}\n`);
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${report.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const json = { ...report, options, machine: machine(), at: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
};
