// The single HTTP server's router: adapters register their routes here (the local
// playground now; Slack's /slack/events and Teams' /api/messages beside it).
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export class HttpRouter {
  private readonly routes = new Map<string, RouteHandler>();

  add(method: string, path: string, handler: RouteHandler): this {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
    return this;
  }

  /** Finds the handler for a request; 404 and 405 are answered here. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = this.routes.get(`${req.method ?? 'GET'} ${path}`);
    if (handler) return handler(req, res);
    const known = [...this.routes.keys()].some((key) => key.endsWith(` ${path}`));
    sendJson(res, known ? 405 : 404, {
      ok: false,
      error: known ? 'method not allowed' : 'not found',
    });
  }
}

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

/** Reads a request body up to `limit` bytes; larger bodies are refused, not buffered. */
export const readBody = (req: IncomingMessage, limit = 1_000_000): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
