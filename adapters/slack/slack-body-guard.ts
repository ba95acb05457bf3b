// Bolt's HTTP receiver parses `payload=` and JSON bodies and trusts the result to be an
// object: a signed body whose payload is `null` throws inside the receiver, outside every
// handler, as an unhandled rejection (which ends a Node process) and leaves the request
// hanging. Slack never sends such a body; this guard refuses it before Bolt sees it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest } from '@slack/bolt';
import type { RouteHandler } from '../../src/server/http-router.js';

/** Bolt's own default body limit. */
export const SLACK_BODY_LIMIT = 4 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const readRaw = async (req: IncomingMessage, limit: number): Promise<Buffer | null> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

const isRecord = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** False only for a body Bolt would parse into something that is not an object. */
export const parsesToObject = (contentType: string | undefined, text: string): boolean => {
  try {
    if (contentType?.includes('application/x-www-form-urlencoded')) {
      const payload = parseQuery(text).payload;
      return typeof payload === 'string' ? isRecord(JSON.parse(payload)) : true;
    }
    return isRecord(JSON.parse(text));
  } catch {
    // Not parseable at all: Bolt refuses that cleanly itself (401 unsigned, 400 signed).
    return true;
  }
};

const header = (req: IncomingMessage, name: string): string => String(req.headers[name] ?? '');

export const guardSlackBody =
  (listener: Listener, signingSecret: string): RouteHandler =>
  async (req, res) => {
    const raw = await readRaw(req, SLACK_BODY_LIMIT);
    if (raw === null) {
      res.writeHead(413).end();
      return;
    }
    const text = raw.toString('utf8');
    if (!parsesToObject(req.headers['content-type'], text)) {
      const signed = isValidSlackRequest({
        signingSecret,
        body: text,
        headers: {
          'x-slack-signature': header(req, 'x-slack-signature'),
          'x-slack-request-timestamp': Number(header(req, 'x-slack-request-timestamp')),
        },
      });
      res.writeHead(signed ? 400 : 401).end();
      return;
    }
    // Bolt reads a body already buffered on the request instead of the stream.
    Object.assign(req, { rawBody: raw });
    listener(req, res);
  };
