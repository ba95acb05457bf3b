// The playground's JSON API: what the page posts (typed lines, button presses, forms,
// new people, the demo button) becomes core events through PlaygroundInbound.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { COMMAND_NAMES, COMMAND_SUMMARIES, COMMAND_USAGE } from '../../src/core/commands/index.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import { importReportView } from '../../src/core/views/feedback-views.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { readBody, sendJson } from '../../src/server/http-router.js';
import { demoAvailable, isWorkspaceEmpty, seedDemoWorkspace } from './demo-data.js';
import type { PlaygroundLog, PlaygroundPerson } from './playground-log.js';
import { DEFAULT_CHANNELS } from './playground-log.js';
import {
  conversationOf,
  isDmChannel,
  userRefOf,
  type PlaygroundInbound,
  type PlaygroundOrigin,
} from './playground-inbound.js';

const personId = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,31}$/, 'a user id is letters, digits, ".", "_" or "-"');
const where = {
  user: personId.default('ana'),
  channel: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/)
    .default('general'),
  thread: z.string().max(100).nullish(),
};
const commandBody = z.object({ line: z.string().max(4000), ...where });
const actionBody = z.object({
  actionId: z.string().max(255),
  value: z.string().max(2000),
  /** What a picker chose: a person's id or a YYYY-MM-DD date. */
  selected: z.string().max(255).optional(),
  ...where,
});
const formBody = z.object({
  formId: z.string().max(255),
  values: z.record(z.string().max(100), z.string().max(4000)),
  privateValue: z.string().max(3000).nullish(),
  ...where,
});
const personBody = z.object({ name: z.string().trim().min(1).max(40) });

type Where = { user: string; channel: string; thread?: string | null | undefined };

/** The id a display name gets: "Carla Díaz" → "carla-diaz". */
export const personIdOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32) || 'someone';

const readJson = async <T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T | string> => {
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req, 64_000));
  } catch {
    return 'send JSON: {"line": "/cx-pareto", "user": "ana"}';
  }
  const parsed = schema.safeParse(body);
  return parsed.success
    ? parsed.data
    : `send JSON: {"line": "/cx-pareto", "user": "ana"} (${parsed.error.issues[0]?.message ?? 'bad body'})`;
};

export class PlaygroundApi {
  constructor(
    private readonly deps: CoreDeps,
    private readonly log: PlaygroundLog,
    private readonly inbound: PlaygroundInbound,
  ) {}

  /** Who and where; null when someone reaches into another person's direct messages. */
  private origin(body: Where): PlaygroundOrigin | null {
    const person = this.log.addPerson(body.user, body.user);
    if (isDmChannel(body.channel) && body.channel !== `dm-${person.id}`) return null;
    return { person, channelId: body.channel, threadId: body.thread ?? null };
  }

  /** Parses the body and the origin, answering 400/403 itself; null when it did. */
  private async accept<T extends Where>(
    req: IncomingMessage,
    res: ServerResponse,
    schema: z.ZodType<T>,
  ): Promise<{ body: T; origin: PlaygroundOrigin } | null> {
    const body = await readJson(req, schema);
    if (typeof body === 'string') {
      sendJson(res, 400, { ok: false, error: body });
      return null;
    }
    const origin = this.origin(body);
    if (!origin) {
      sendJson(res, 403, { ok: false, error: 'that is someone else’s chat' });
      return null;
    }
    return { body, origin };
  }

  readonly command = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const got = await this.accept(req, res, commandBody);
    if (!got) return;
    const view = await this.inbound.typed(got.origin, got.body.line);
    sendJson(res, 200, {
      ok: true,
      text: view ? renderPlainText(view) : null,
      visibility: view?.visibility ?? null,
      tone: view?.tone ?? null,
    });
  };

  readonly action = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const got = await this.accept(req, res, actionBody);
    if (!got) return;
    const { origin, body } = got;
    await this.inbound.run(origin, {
      kind: 'action',
      user: userRefOf(origin.person),
      conversation: conversationOf(origin),
      actionId: body.actionId,
      value: body.value,
      ...(body.selected ? { selected: body.selected } : {}),
    });
    sendJson(res, 200, { ok: true });
  };

  /** A form's answer: an error stays in the modal, anything else goes where it was opened. */
  readonly form = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const got = await this.accept(req, res, formBody);
    if (!got) return;
    const { origin, body } = got;
    const view = await this.inbound.ask({
      kind: 'formSubmit',
      user: userRefOf(origin.person),
      conversation: conversationOf(origin),
      formId: body.formId,
      values: Object.fromEntries(Object.entries(body.values).filter(([, v]) => v.trim() !== '')),
      ...(body.privateValue ? { privateValue: body.privateValue } : {}),
    });
    if (view?.tone === 'error')
      return sendJson(res, 200, { ok: false, error: renderPlainText(view) });
    if (view) this.inbound.deliver(origin, view);
    sendJson(res, 200, { ok: true });
  };

  readonly addPerson = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req, personBody);
    if (typeof body === 'string') return sendJson(res, 400, { ok: false, error: body });
    const person: PlaygroundPerson = this.log.addPerson(personIdOf(body.name), body.name);
    sendJson(res, 200, { ok: true, person });
  };

  /** The page's starting point: people, channels, the command list, and the demo offer. */
  readonly state = (_req: IncomingMessage, res: ServerResponse): void => {
    sendJson(res, 200, {
      ok: true,
      people: this.log.listPeople(),
      channels: [...new Set([...DEFAULT_CHANNELS, ...this.log.channels()])],
      commands: COMMAND_NAMES.map((name) => ({
        name: `/${name}`,
        summary: COMMAND_SUMMARIES[name],
        usage: COMMAND_USAGE[name].split('\n')[0] ?? '',
      })),
      empty: isWorkspaceEmpty(this.deps),
      demo: demoAvailable(),
    });
  };

  /** Loads the demo data into an empty workspace and says so in #general. */
  readonly demo = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const got = await this.accept(req, res, z.object(where));
    if (!got) return;
    if (!demoAvailable())
      return sendJson(res, 404, { ok: false, error: 'the demo data file is not here' });
    if (!isWorkspaceEmpty(this.deps))
      return sendJson(res, 409, { ok: false, error: 'the workspace already has data' });
    const report = await seedDemoWorkspace(this.deps, {
      userId: got.origin.person.id,
      name: got.origin.person.name,
    });
    this.log.postView(
      { channelId: 'general' },
      { ...importReportView(report), visibility: 'public' },
    );
    sendJson(res, 200, { ok: true, imported: report.imported });
  };
}
