// Starts the one HTTP server. Every request goes through the router inside a catch-all,
// so a failing handler answers 500 without a stack trace and the process keeps running.
import { createServer, type Server } from 'node:http';
import type { Logger } from '../logging/logger.js';
import { noteInbound } from '../runtime/inbound-activity.js';
import { sendJson, type HttpRouter } from './http-router.js';

export const startHttpServer = (
  router: HttpRouter,
  port: number,
  host: string,
  logger: Logger,
): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      noteInbound();
      router.handle(req, res).catch((e: unknown) => {
        logger.error({ err: e, method: req.method, url: req.url }, 'request failed');
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'internal error' });
        else res.end();
      });
    });
    // Work queued after acks yields to new connections (runtime/after-ack-queue.ts).
    server.on('connection', noteInbound);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
