// A cheap HTTP client for the tests that send the app a thousand requests: node:http over
// a keep-alive agent. fetch costs several times more per request, and that cost lands in
// this process, which also runs the app under test. Also a pool that runs jobs with
// bounded concurrency.
import { Agent, request } from 'node:http';

export interface ClientResponse {
  status: number;
  body: string;
}

export class KeepAliveClient {
  private readonly agent: Agent;
  private readonly base: URL;

  /** `base` is the app's URL; at most `sockets` requests are in flight, the rest queue. */
  constructor(base: string, sockets: number) {
    this.base = new URL(base);
    // The app listens on every interface: skip the lookup of "localhost".
    if (this.base.hostname === 'localhost') this.base.hostname = '127.0.0.1';
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  post(
    path: string,
    body: string | Buffer,
    headers: Record<string, string>,
  ): Promise<ClientResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        new URL(path, this.base),
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Runs `job` on every item in order, at most `concurrency` at a time. A job still running
 * after `releaseAfterMs` (Infinity: never) stops holding its place: a request waiting out
 * a server-side timeout needs no one's work meanwhile. Resolves when every job has ended;
 * rejects with the first failure.
 */
export const inPool = async <T>(
  items: readonly T[],
  concurrency: number,
  releaseAfterMs: number,
  job: (item: T) => Promise<void>,
): Promise<void> => {
  const started: Array<Promise<void>> = [];
  const released = (run: Promise<void>): Promise<void> => {
    if (!Number.isFinite(releaseAfterMs)) return run;
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, releaseAfterMs)));
    return Promise.race([run, grace]).finally(() => clearTimeout(timer));
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const run = job(items[next++] as T);
      // Reported below; handled here so that a released job's failure can wait for that.
      run.catch(() => undefined);
      started.push(run);
      await released(run).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  await Promise.all(started);
};
