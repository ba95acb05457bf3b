// The local playground: a small web page that sends chat commands to the core and
// shows its replies. Issue #7 grows it into a full chat; this is its first working slice.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import type { PlaygroundLog } from './playground-log.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { readBody, sendJson, type HttpRouter } from '../../src/server/http-router.js';
import { PLAYGROUND_PAGE } from './playground-page.js';

export const LOCAL_TENANT = 'local';

const commandBody = z.object({
  line: z.string().max(4000),
  user: z.string().trim().min(1).max(64).default('you'),
  /** Set to answer inside a thread (a 5-why); the line is then a reply, not a command. */
  thread: z.string().max(100).optional(),
});

const runCommand =
  (deps: CoreDeps, log: PlaygroundLog) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, 64_000));
    } catch {
      return sendJson(res, 400, { ok: false, error: 'send JSON: {"line": "/cx-pareto"}' });
    }
    const parsed = commandBody.safeParse(body);
    if (!parsed.success) {
      return sendJson(res, 400, {
        ok: false,
        error: 'send JSON: {"line": "/cx-pareto", "user": "alice"}',
      });
    }
    const { line, user, thread } = parsed.data;
    const userRef = {
      platform: 'local' as const,
      tenantId: LOCAL_TENANT,
      userId: user,
      name: user,
    };
    const conversation = {
      platform: 'local' as const,
      tenantId: LOCAL_TENANT,
      channelId: 'general',
      ...(thread ? { threadId: thread } : {}),
    };
    const mark = log.mark;
    const view = await handleInbound(
      deps,
      thread
        ? { kind: 'threadReply', user: userRef, conversation, text: line }
        : { kind: 'command', user: userRef, conversation, name: '', text: line },
    );
    sendJson(res, 200, {
      ok: true,
      text: view ? renderPlainText(view) : null,
      visibility: view?.visibility ?? null,
      tone: view?.tone ?? null,
      // Everything the core posted meanwhile: a 5-why's root message and questions, say.
      posted: log.since(mark).filter((m) => m.onlyFor === null || m.onlyFor === user),
    });
  };

export const mountLocalPlayground = (
  router: HttpRouter,
  deps: CoreDeps,
  log: PlaygroundLog,
): void => {
  router.add('GET', '/', (_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
    });
    res.end(PLAYGROUND_PAGE);
  });
  router.add('POST', '/api/command', runCommand(deps, log));
};
