// Benchmark 5: start-up time (spawn to the first 200 from /healthz) and idle memory of the
// built app, `node dist/src/main.js`, against a bare Node HTTP server started the same way.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, ms, ratio, type BenchOptions, type BenchReport } from './bench-kit.js';
import { BOT_TOKEN, SIGNING_SECRET } from './fake-slack.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 3;
const IDLE_MS = 3000;

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{"ok":true}'))
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); });`;

const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? Number.NaN) / 1024;
};

const healthy = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(`${url}/healthz`)).status === 200;
  } catch {
    return false;
  }
};

/** Spawns, waits for a URL on stdout and a 200 from /healthz, idles, reads RSS, stops. */
const startOnce = async (args: string[], env: Record<string, string>) => {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    let url: string | undefined;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited early: ${output}`);
      url ??= output.match(/http:\/\/[\w.]+:\d+/)?.[0];
      if (url && (await healthy(url))) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const readyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { readyMs, rssMb: rssMb(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
  }
};

const medianOf = async (args: string[], env: Record<string, string>) => {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await startOnce(args, env));
  return {
    readyMs: median(runs.map((r) => r.readyMs)),
    rssMb: median(runs.map((r) => r.rssMb)),
  };
};

export const footprint = async (_options: BenchOptions, dir: string): Promise<BenchReport> => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const app = ['dist/src/main.js'];
  const env = { PORT: '0', DATABASE_PATH: join(dir, 'footprint.db'), LOG_LEVEL: 'warn' };
  const bare = await medianOf(['-e', BARE_SERVER], {});
  const playground = await medianOf(app, env);
  const slack = await medianOf(app, {
    ...env,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
  });
  const row = (r: { readyMs: number; rssMb: number }) => ({
    'start to ready': ms(r.readyMs),
    'vs bare': ratio(r.readyMs / bare.readyMs),
    'idle RSS': `${r.rssMb.toFixed(0)} MB`,
    'RSS vs bare': ratio(r.rssMb / bare.rssMb),
  });
  const worst = {
    readyMs: Math.max(playground.readyMs, slack.readyMs),
    rssMb: Math.max(playground.rssMb, slack.rssMb),
  };
  return {
    name: 'footprint',
    table: {
      'bare node:http server': row(bare),
      'cx-habits (playground)': row(playground),
      'cx-habits (playground + Slack HTTP)': row(slack),
    },
    data: { bare, playground, slack, runs: RUNS, idleMs: IDLE_MS },
    targets: [
      {
        target: 'idle RSS < 150 MB',
        met: worst.rssMb < 150,
        detail: `${worst.rssMb.toFixed(0)} MB`,
      },
      { target: 'start to ready < 1.5 s', met: worst.readyMs < 1500, detail: ms(worst.readyMs) },
    ],
  };
};
