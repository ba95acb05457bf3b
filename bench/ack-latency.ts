// Benchmark 1: how fast slash commands are acked under load. The same signed /cx-issue
// requests go to the real app and to a bare Bolt app that only acks, each in its own
// process, against one fake Slack. Phase 1 is one burst of `concurrency` requests at once;
// phase 2 keeps `concurrency` in flight until `requests` have been sent.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { ms, percentile, ratio, type BenchOptions, type BenchReport } from './bench-kit.js';
import { FakeSlack, SIGNING_SECRET } from './fake-slack.js';

interface Server {
  url: string;
  child: ChildProcess;
}

const startServer = async (mode: 'ours' | 'bare', apiUrl: string, db: string): Promise<Server> => {
  const script = join(import.meta.dirname, 'ack-server-child.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode, apiUrl, db], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    if (line.startsWith('READY ')) return { url: line.slice(6), child };
  }
  throw new Error(`the ${mode} server exited before it was ready`);
};

let sequence = 0;
const commandBody = (fake: FakeSlack): string => {
  sequence += 1;
  return new URLSearchParams({
    command: '/cx-issue',
    text: `Checkout froze on step ${sequence} #checkout cost:12`,
    team_id: 'T1',
    user_id: `U${sequence % 50}`,
    channel_id: 'C1',
    trigger_id: `trigger-${sequence}`,
    response_url: fake.responseUrl(`r${sequence}`),
    api_app_id: 'A1',
  }).toString();
};

/** One signed request; resolves with the time to the complete ack, in ms. */
const send = (url: string, body: string, agent: Agent): Promise<number> => {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/slack/events`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': `v0=${signature}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(performance.now() - started)
            : reject(new Error(`ack failed with HTTP ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
};

/** `total` requests with at most `concurrency` in flight; their latencies. */
const load = async (url: string, fake: FakeSlack, total: number, concurrency: number) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (sent < total) {
      sent += 1;
      latencies.push(await send(url, commandBody(fake), agent));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  agent.destroy();
  return latencies;
};

const summary = (latencies: number[]) => ({
  p50: percentile(latencies, 50),
  p95: percentile(latencies, 95),
  p99: percentile(latencies, 99),
  max: Math.max(...latencies),
  n: latencies.length,
});
type Summary = ReturnType<typeof summary>;

const measure = async (mode: 'ours' | 'bare', fake: FakeSlack, o: BenchOptions, dir: string) => {
  const server = await startServer(mode, fake.apiUrl, join(dir, `${mode}.db`));
  try {
    await load(server.url, fake, 50, 10); // warm-up: JIT, auth.test, the first DB pages
    const burst = summary(await load(server.url, fake, o.concurrency, o.concurrency));
    const sustained = summary(await load(server.url, fake, o.requests, o.concurrency));
    // Let the app finish its after-ack work (replies) before the next server starts.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { burst, sustained };
  } finally {
    server.child.kill('SIGTERM');
  }
};

const row = (bare: Summary, ours: Summary): Record<string, string> => ({
  'bare p50': ms(bare.p50),
  'ours p50': ms(ours.p50),
  'bare p95': ms(bare.p95),
  'ours p95': ms(ours.p95),
  'bare p99': ms(bare.p99),
  'ours p99': ms(ours.p99),
  'p99 ratio': ratio(ours.p99 / bare.p99),
});

export const ackLatency = async (options: BenchOptions, dir: string): Promise<BenchReport> => {
  const fake = await new FakeSlack().start();
  try {
    const bare = await measure('bare', fake, options, dir);
    const ours = await measure('ours', fake, options, dir);
    const r = ours.sustained.p99 / bare.sustained.p99;
    return {
      name: 'ack',
      table: {
        [`${options.concurrency} at once`]: row(bare.burst, ours.burst),
        [`${options.requests} total, ${options.concurrency} in flight`]: row(
          bare.sustained,
          ours.sustained,
        ),
      },
      data: { bare, ours, replies: fake.stats.responseUrlPosts },
      targets: [
        { target: 'p99 ratio ≤ 1.3', met: r <= 1.3, detail: ratio(r) },
        {
          target: 'p99 < 100 ms',
          met: ours.sustained.p99 < 100 && ours.burst.p99 < 100,
          detail: `${ms(ours.burst.p99)} burst, ${ms(ours.sustained.p99)} sustained`,
        },
      ],
    };
  } finally {
    await fake.stop();
  }
};
