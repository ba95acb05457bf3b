// A fake Slack Web API on loopback. It records every call (and every response_url post),
// answers like Slack does, can answer 429 before succeeding, and checks every message and
// view against our table of Slack's limits.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.js';
import {
  checkMessageLimits,
  checkViewLimits,
} from '../../adapters/slack/block-kit/slack-limits.js';

export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** Limits the payload breaks; should always be empty. */
  problems: string[];
  /** What the fake answered. */
  response?: Record<string, unknown>;
}

type Answer = (call: FakeCall) => Record<string, unknown>;

const JSON_FIELDS = ['blocks', 'view', 'files', 'attachments'];

const readAll = async (req: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const parseArgs = (type: string, raw: Buffer): Record<string, unknown> => {
  if (type.includes('application/json'))
    return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  if (!type.includes('urlencoded')) return { bytes: raw.length };
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    args[key] = JSON_FIELDS.includes(key) ? JSON.parse(value) : value;
  }
  return args;
};

const problemsOf = (method: string, args: Record<string, unknown>): string[] => {
  if (['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url'].includes(method))
    return checkMessageLimits(args);
  if (method.startsWith('views.')) return checkViewLimits(args.view);
  return [];
};

export class FakeSlackApi {
  readonly calls: FakeCall[] = [];
  private server: Server | undefined;
  private base = '';
  private ts = 0;
  private readonly failures = new Map<string, number>();
  private readonly answers = new Map<string, Answer>();
  private readonly waiters = new Set<() => boolean>();
  /** What apps.connections.open hands out: the Socket Mode server's ws:// URL. */
  socketUrl = '';

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.base = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** The next `times` calls to `method` get 429 with Retry-After: 0. */
  rateLimit(method: string, times = 1): void {
    this.failures.set(method, times);
  }

  /** Overrides the answer for a method. */
  answer(method: string, answer: Answer): void {
    this.answers.set(method, answer);
  }

  called(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every limit broken by any message or view the app sent. */
  get problems(): string[] {
    return this.calls.flatMap((c) => c.problems.map((p) => `${c.method}: ${p}`));
  }

  /** Resolves when `count` calls of `method` ('*': any) match; rejects after `ms` so a missing call fails the test. */
  waitFor(
    method: string,
    count = 1,
    match: (c: FakeCall) => boolean = () => true,
    ms = 10_000,
  ): Promise<FakeCall[]> {
    const found = () =>
      this.calls.filter((c) => (method === '*' || c.method === method) && match(c));
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        if (found().length < count) return false;
        clearTimeout(timer);
        resolve(found());
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${count}× ${method} call (got ${found().length})`));
      }, ms);
      if (!check()) this.waiters.add(check);
    });
  }

  private record(call: FakeCall): void {
    this.calls.push(call);
    for (const check of [...this.waiters]) if (check()) this.waiters.delete(check);
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await readAll(req);
    const path = new URL(req.url ?? '/', this.base).pathname;
    if (path.startsWith('/upload/')) return { status: 200, body: { ok: true } };
    const method = path.startsWith('/respond/') ? 'response_url' : path.replace(/^\/api\//, '');
    const args = parseArgs(String(req.headers['content-type'] ?? ''), raw);
    const auth = req.headers.authorization;
    const token =
      auth?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
    const left = this.failures.get(method) ?? 0;
    if (left > 0) {
      this.failures.set(method, left - 1);
      this.record({ method: `${method}#429`, args, token, problems: [] });
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': '0' },
      };
    }
    const call: FakeCall = { method, args, token, problems: problemsOf(method, args) };
    call.response = (this.answers.get(method) ?? ((c) => this.defaultAnswer(c)))(call);
    this.record(call);
    return { status: 200, body: call.response };
  }

  private defaultAnswer({ method, args }: FakeCall): Record<string, unknown> {
    const ts = () => `1700000000.${String(++this.ts).padStart(6, '0')}`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'cx-habits' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: ts() };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://acme.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'files.getUploadURLExternal':
        return {
          ok: true,
          upload_url: `${this.base}/upload/F${this.ts}`,
          file_id: `F${++this.ts}`,
        };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: `F${this.ts}` }] };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      default:
        return { ok: true };
    }
  }
}
