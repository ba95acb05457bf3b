// The local playground, the third adapter: a small web chat on this machine that talks to
// the same core, through the same MessageViews, as Slack and Teams. This file mounts its
// routes; the page's script is adapters/local/client, compiled by `npm run build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { Logger } from '../../src/logging/logger.js';
import { sendJson, type HttpRouter } from '../../src/server/http-router.js';
import { PAGE_CSP, guarded, type GuardOptions } from './playground-guard.js';
import { eventStream } from './playground-events.js';
import { PlaygroundApi } from './playground-api.js';
import { PlaygroundInbound } from './playground-inbound.js';
import type { PlaygroundLog, PlaygroundPerson } from './playground-log.js';
import { PLAYGROUND_PAGE } from './playground-page.js';
import { PLAYGROUND_STYLES } from './playground-styles.js';
import { packageRoot } from './package-root.js';

export { LOCAL_TENANT } from './playground-inbound.js';

/** The page's ES modules, as `tsc -p tsconfig.client.json` writes them to dist/client. */
export const CLIENT_MODULES = [
  'api.js',
  'composer.js',
  'dom.js',
  'modal.js',
  'playground.js',
  'state.js',
  'timeline.js',
] as const;

export interface PlaygroundOptions extends GuardOptions {
  logger?: Logger;
}

const sendText = (
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
): void => {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
  });
  res.end(body);
};

const clientModule =
  (name: string) =>
  async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const code = await readFile(join(packageRoot(), 'dist', 'client', name));
      sendText(res, 200, 'text/javascript; charset=utf-8', code);
    } catch {
      // Running from the sources without a build: say what to do instead of a blank page.
      const hint = `document.body.textContent = 'The playground script is not built yet. Run: npm run build';`;
      sendText(res, 200, 'text/javascript; charset=utf-8', hint);
    }
  };

const personOf =
  (log: PlaygroundLog) =>
  (req: IncomingMessage): PlaygroundPerson | null => {
    const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('user') ?? '';
    return /^[a-z0-9][a-z0-9._-]{0,31}$/.test(id) ? log.addPerson(id, id) : null;
  };

const image = (log: PlaygroundLog) => (req: IncomingMessage, res: ServerResponse) => {
  const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
  const png = log.image(id);
  if (!png) return sendJson(res, 404, { ok: false, error: 'no such image' });
  sendText(res, 200, 'image/png', png);
};

export const mountLocalPlayground = (
  router: HttpRouter,
  deps: CoreDeps,
  log: PlaygroundLog,
  options: PlaygroundOptions = { allowRemote: false },
): void => {
  const api = new PlaygroundApi(deps, log, new PlaygroundInbound(deps, log, options.logger));
  const add = (method: string, path: string, handler: Parameters<HttpRouter['add']>[2]) =>
    router.add(method, path, guarded(options, handler));
  add('GET', '/', (_req, res) => {
    res.setHeader('content-security-policy', PAGE_CSP);
    sendText(res, 200, 'text/html; charset=utf-8', PLAYGROUND_PAGE);
  });
  add('GET', '/favicon.ico', (_req, res) => {
    res.writeHead(204);
    res.end();
  });
  add('GET', '/static/playground.css', (_req, res) =>
    sendText(res, 200, 'text/css; charset=utf-8', PLAYGROUND_STYLES),
  );
  for (const name of CLIENT_MODULES) add('GET', `/static/${name}`, clientModule(name));
  add('GET', '/api/events', eventStream(log, personOf(log)));
  add('GET', '/api/state', api.state);
  add('GET', '/api/image', image(log));
  add('POST', '/api/command', api.command);
  add('POST', '/api/action', api.action);
  add('POST', '/api/form', api.form);
  add('POST', '/api/people', api.addPerson);
  add('POST', '/api/demo', api.demo);
};
