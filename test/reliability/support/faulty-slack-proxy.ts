// Sits between the app and the fake Slack Web API and fails calls on a script: 429 with
// Retry-After, 5xx, a dropped connection, or a request that is never answered (a timeout).
// A failed call never reaches the fake, so the fake's record holds only what Slack got.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../../support/loopback-server.js';

export type Fault = '429' | '500' | '503' | 'reset' | 'timeout';

export interface Attempt {
  method: string;
  channel: string | undefined;
  outcome: Fault | 'forwarded';
}

const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

export class FaultySlackProxy {
  /** The fake's Web API base URL, ending in /api/. */
  upstream = '';
  readonly attempts: Attempt[] = [];
  private readonly scripts: Array<{ method: string; channel?: string; faults: Fault[] }> = [];
  private readonly held = new Set<ServerResponse>();
  private server: Server | undefined;
  private base = '';

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /**
   * The next calls to `method` (to `channel`, if given) meet these faults, in order; later
   * calls go through.
   */
  fail(method: string, faults: Fault[], channel?: string): void {
    this.scripts.push({ method, faults: [...faults], ...(channel ? { channel } : {}) });
  }

  attemptsOf(method: string, channel?: string): Attempt[] {
    return this.attempts.filter((a) => a.method === method && (!channel || a.channel === channel));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.base = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    for (const res of this.held) res.destroy();
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const method = new URL(req.url ?? '/', this.base).pathname.replace(/^\/api\//, '');
    const channel = new URLSearchParams(body.toString('utf8')).get('channel') ?? undefined;
    const fault = this.scripts
      .find(
        (s) => s.method === method && s.faults.length > 0 && (!s.channel || s.channel === channel),
      )
      ?.faults.shift();
    this.attempts.push({ method, channel, outcome: fault ?? 'forwarded' });
    switch (fault) {
      case '429':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      case '500':
      case '503':
        res.writeHead(Number(fault), { 'content-type': 'text/plain' });
        res.end('upstream trouble');
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'timeout':
        this.held.add(res);
        res.on('close', () => this.held.delete(res));
        return;
      default:
        break;
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization'])
      if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
    const upstream = await fetch(`${this.upstream}${method}`, { method: 'POST', headers, body });
    res.writeHead(upstream.status, { 'content-type': 'application/json' });
    res.end(await upstream.text());
  }
}
