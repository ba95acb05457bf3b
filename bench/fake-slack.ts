// A small fake Slack Web API for the benchmarks: answers what the app calls, counts every
// post per channel, and can enforce chat.postMessage's limits with 429 + Retry-After: one
// message a second per channel, and a workspace-wide limit above that (Slack documents
// "several hundred messages per minute" with "generous burst behavior", without figures).
// test/support/fake-slack-api.ts records every payload and checks it against Slack's
// limits; at 1,000s of calls we only count.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from '../test/support/loopback-server.js';

/** The credentials the benchmark servers are started with. */
export const SIGNING_SECRET = 'bench-signing-secret';
export const BOT_TOKEN = 'xoxb-bench-token';

export interface FakeSlackStats {
  /** Messages per channel (or user, for DMs): a channel with more than one got a duplicate. */
  messages: Map<string, number>;
  /** 429s answered, for either limit. */
  rateLimited: number;
  /** Of those, refused by the workspace-wide limit. */
  workspaceLimited: number;
  responseUrlPosts: number;
  lastPostAt: number;
}

/** A token bucket: `perMinute` messages a minute on average, up to `burst` at once. */
export interface WorkspaceTier {
  perMinute: number;
  burst: number;
}

export interface FakeSlackLimits {
  /** The least time between two posts in one channel (0 or absent: no limit). */
  perChannelMs?: number;
  /** chat.postMessage's limit for the whole workspace (absent: none). */
  workspace?: WorkspaceTier;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const rateLimited = (retryAfterMs: number): Answer => ({
  status: 429,
  body: { ok: false, error: 'ratelimited' },
  headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
});

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const argsOf = (type: string, raw: string): Record<string, string> => {
  if (type.includes('json')) return JSON.parse(raw) as Record<string, string>;
  if (!type.includes('urlencoded')) return {};
  return Object.fromEntries(new URLSearchParams(raw));
};

export class FakeSlack {
  readonly stats: FakeSlackStats = {
    messages: new Map(),
    rateLimited: 0,
    workspaceLimited: 0,
    responseUrlPosts: 0,
    lastPostAt: 0,
  };
  private server: Server | undefined;
  private base = '';
  private ts = 0;
  private readonly lastPost = new Map<string, number>();
  private readonly busyOnce = new Set<string>();
  private tokens: number;
  private tokensAt = 0;

  constructor(private readonly limits: FakeSlackLimits = {}) {
    this.tokens = limits.workspace?.burst ?? 0;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const { status, body, headers } = this.answer(req, raw);
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    this.server.keepAliveTimeout = 60_000;
    this.base = await listenOnLoopback(this.server);
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** Someone else will just have spoken in `channel` when we first post: that post gets 429. */
  busy(channel: string): void {
    this.busyOnce.add(channel);
  }

  private answer(req: IncomingMessage, raw: string): Answer {
    const path = new URL(req.url ?? '/', this.base).pathname;
    if (path.startsWith('/respond/')) {
      this.stats.responseUrlPosts += 1;
      return { status: 200, body: { ok: true } };
    }
    if (path.startsWith('/upload/')) return { status: 200, body: { ok: true } };
    const method = path.replace(/^\/api\//, '');
    const args = argsOf(String(req.headers['content-type'] ?? ''), raw);
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, user_id: 'UBOT', bot_id: 'B1', team_id: 'T1' } };
      case 'chat.postMessage':
        return this.post(String(args.channel));
      case 'files.getUploadURLExternal':
        return {
          status: 200,
          body: {
            ok: true,
            upload_url: `${this.base}/upload/F${++this.ts}`,
            file_id: `F${this.ts}`,
          },
        };
      case 'files.completeUploadExternal':
        // Slack documents the 1-a-second limit for messages, not for file shares.
        return { status: 200, body: { ok: true, files: [{ id: `F${this.ts}` }] } };
      default:
        return { status: 200, body: { ok: true, ts: `1700000000.${++this.ts}` } };
    }
  }

  /** A message, unless the channel's or the workspace's limit refuses it. */
  private post(channel: string): Answer {
    const now = Date.now();
    if (this.busyOnce.delete(channel)) this.lastPost.set(channel, now);
    const last = this.lastPost.get(channel);
    const perChannelMs = this.limits.perChannelMs ?? 0;
    if (perChannelMs > 0 && last !== undefined && now - last < perChannelMs) {
      this.stats.rateLimited += 1;
      return rateLimited(perChannelMs - (now - last));
    }
    const workspaceWait = this.takeToken(now);
    if (workspaceWait > 0) {
      this.stats.rateLimited += 1;
      this.stats.workspaceLimited += 1;
      return rateLimited(workspaceWait);
    }
    this.lastPost.set(channel, now);
    this.stats.messages.set(channel, (this.stats.messages.get(channel) ?? 0) + 1);
    this.stats.lastPostAt = now;
    return {
      status: 200,
      body: { ok: true, channel, ts: `1700000000.${String(++this.ts).padStart(6, '0')}` },
    };
  }

  /** Takes a token from the workspace's bucket; returns 0, or the ms until there is one. */
  private takeToken(now: number): number {
    const tier = this.limits.workspace;
    if (!tier) return 0;
    const perMs = tier.perMinute / 60_000;
    this.tokens = Math.min(tier.burst, this.tokens + (now - this.tokensAt) * perMs);
    this.tokensAt = now;
    if (this.tokens < 1) return (1 - this.tokens) / perMs;
    this.tokens -= 1;
    return 0;
  }
}
