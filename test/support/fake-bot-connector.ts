// A fake Bot Connector on loopback: the service Teams activities name in `serviceUrl`.
// It records what the bot sends (new conversations, posts, replies, updates), answers
// member lookups, and can fail on demand to exercise retries.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server.js';

export interface ConnectorCall {
  method: string;
  /** 'createConversation' | 'send' | 'reply' | 'update' */
  kind: string;
  conversationId: string;
  /** The activity replied to (reply) or replaced (update). */
  activityId?: string;
  body: Record<string, unknown>;
  /** The id the fake gave the new message or conversation. */
  id: string;
}

export interface FakeMember {
  id: string;
  name: string;
  aadObjectId: string;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
};

export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  members: FakeMember[] = [];
  /** The next n writes fail with `failStatus` (503 by default, as under load). */
  failNext = 0;
  failStatus = 503;
  /** Writes refused so far (they are not in `calls`). */
  refused = 0;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBotConnector> {
    // The handler needs the connector, which needs the server's port: wire them after listen.
    const holder: { connector?: FakeBotConnector } = {};
    const server = createServer((req, res) => {
      holder.connector
        ?.handle(req, res)
        .catch((e: unknown) => json(res, 500, { error: String(e) }));
    });
    holder.connector = new FakeBotConnector(server, await listenOnLoopback(server));
    return holder.connector;
  }

  /** Posts and replies, in order, with their Adaptive Cards. */
  sent(): ConnectorCall[] {
    return this.calls.filter((c) => c.kind === 'send' || c.kind === 'reply');
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [v3, conversations, conversationId, what, activityId] = parts;
    if (v3 !== 'v3' || conversations !== 'conversations') return json(res, 404, {});
    if (req.method === 'GET') return this.lookup(res, what, activityId);
    const body = await readJson(req);
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.refused += 1;
      // Retry-After: 0, as Teams says when throttling, keeps the client's own retries quick.
      res.setHeader('retry-after', '0');
      return json(res, this.failStatus, { error: { code: 'Failed', message: 'try later' } });
    }
    if (req.method === 'POST' && conversationId === undefined) {
      const id = `a:chat-${++this.seq}`;
      this.calls.push({ method: 'POST', kind: 'createConversation', conversationId: id, body, id });
      return json(res, 201, { id, activityId: `m-${this.seq}` });
    }
    if (what !== 'activities' || conversationId === undefined) return json(res, 404, {});
    const id = `m-${++this.seq}`;
    const kind = req.method === 'PUT' ? 'update' : activityId ? 'reply' : 'send';
    const call = { method: req.method ?? '', kind, conversationId, body, id };
    this.calls.push(activityId ? { ...call, activityId } : call);
    return json(res, 200, { id: kind === 'update' && activityId ? activityId : id });
  }

  private lookup(res: ServerResponse, what?: string, userId?: string): void {
    if (what === 'pagedmembers') return json(res, 200, { members: this.members });
    if (what === 'members' && userId) {
      const member = this.members.find((m) => m.id === userId || m.aadObjectId === userId);
      return member ? json(res, 200, member) : json(res, 404, { error: { code: 'NotFound' } });
    }
    if (what === 'members') return json(res, 200, this.members);
    return json(res, 404, {});
  }
}
