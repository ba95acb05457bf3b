// Sits between the app and the fake Slack Web API and answers 429 with a chosen
// Retry-After to the calls it is told to refuse; the rest go through. It keeps every call in
// order of arrival, refused or not, so tests can tell what happened while a channel waited.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from '../../support/loopback-server.js';

export interface Arrival {
  method: string;
  channel: string | undefined;
  outcome: 'refused' | 'forwarded';
}

interface Refusal {
  method: string;
  channel: string | undefined;
  retryAfter: number;
  times: number;
}

const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const channelOf = (type: string, body: Buffer): string | undefined => {
  const text = body.toString('utf8');
  if (type.includes('json')) return (JSON.parse(text) as { channel?: string }).channel;
  return new URLSearchParams(text).get('channel') ?? undefined;
};

export class RateLimitingProxy {
  /** The fake's Web API base URL, ending in /api/. */
  upstream = '';
  readonly arrivals: Arrival[] = [];
  private readonly refusals: Refusal[] = [];
  private server: Server | undefined;
  private base = '';

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** The next `times` calls to `method` (in `channel`, if given) get 429 + Retry-After. */
  refuse(method: string, channel: string | undefined, retryAfter: number, times = 1): void {
    this.refusals.push({ method, channel, retryAfter, times });
  }

  arrivalsOf(method: string, channel?: string): Arrival[] {
    return this.arrivals.filter((a) => a.method === method && (!channel || a.channel === channel));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      });
    });
    this.base = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const body = await readAll(req);
    const method = new URL(req.url ?? '/', this.base).pathname.replace(/^\/api\//, '');
    const type = String(req.headers['content-type'] ?? '');
    const channel = type.includes('multipart') ? undefined : channelOf(type, body);
    const refusal = this.refusals.find(
      (r) => r.method === method && r.times > 0 && (!r.channel || r.channel === channel),
    );
    this.arrivals.push({ method, channel, outcome: refusal ? 'refused' : 'forwarded' });
    if (refusal) {
      refusal.times -= 1;
      return {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': String(refusal.retryAfter) },
        body: JSON.stringify({ ok: false, error: 'ratelimited' }),
      };
    }
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization'])
      if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
    const upstream = await fetch(`${this.upstream}${method}`, { method: 'POST', headers, body });
    return {
      status: upstream.status,
      headers: { 'content-type': 'application/json' },
      body: await upstream.text(),
    };
  }
}
