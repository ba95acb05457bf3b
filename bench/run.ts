// Runs the benchmarks. Every figure is compared with a baseline measured in the same run,
// because absolute times drift on shared machines. Tables go to stdout, JSON to
// bench/results/. See bench/README.md for the figures and what limits them.
//
// Usage: npm run bench [-- --only import,analytics] [--rows 100000] [--responses 100000]
//                      [--requests 500] [--concurrency 50] [--channels 100]
import { parseArgs } from 'node:util';
import { ackLatency } from './ack-latency.js';
import { analytics } from './analytics.js';
import { publish, withTempDir, type BenchOptions, type BenchReport } from './bench-kit.js';
import { digestFanout } from './digest-fanout.js';
import { footprint } from './footprint.js';
import { importThroughput } from './import-throughput.js';

const BENCHMARKS: Record<string, (o: BenchOptions, dir: string) => Promise<BenchReport>> = {
  ack: ackLatency,
  import: importThroughput,
  analytics,
  fanout: digestFanout,
  footprint,
};

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    rows: { type: 'string' },
    responses: { type: 'string' },
    requests: { type: 'string' },
    concurrency: { type: 'string' },
    channels: { type: 'string' },
  },
});

const count = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive whole number, got "${raw}"\n`);
    process.exit(2);
  }
  return n;
};

const options: BenchOptions = {
  rows: count(values.rows, 1_000_000, 'rows'),
  responses: count(values.responses ?? values.rows, 1_000_000, 'responses'),
  requests: count(values.requests, 2000, 'requests'),
  concurrency: count(values.concurrency, 200, 'concurrency'),
  channels: count(values.channels, 1000, 'channels'),
};

const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(BENCHMARKS);
const unknown = chosen.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  process.stderr.write(
    `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`,
  );
  process.exit(2);
}

const started = performance.now();
for (const name of chosen) {
  const bench = BENCHMARKS[name] as (typeof BENCHMARKS)[string];
  const t = performance.now();
  const report = await withTempDir((dir) => bench(options, dir));
  const file = publish(report, options);
  process.stdout.write(`  (${((performance.now() - t) / 1000).toFixed(1)} s; ${file})\n`);
}
process.stdout.write(`\nAll done in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
