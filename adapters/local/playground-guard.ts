// Who may use the playground. It has no login: anyone who reaches it can act as anyone.
// So unless PLAYGROUND_HOST opens it up, it answers only this machine, even when the
// server listens on every interface for Slack or Teams. It also refuses requests that
// another web site could make a browser send (CSRF) or that arrive under a foreign host
// name (DNS rebinding).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { sendJson, type RouteHandler } from '../../src/server/http-router.js';

export interface GuardOptions {
  /** True when PLAYGROUND_HOST names a non-loopback address: other machines are welcome. */
  allowRemote: boolean;
}

export const isLoopbackAddress = (address: string | undefined): boolean => {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/, '');
  return v4 === '::1' || (isIP(v4) === 4 && v4.startsWith('127.'));
};

/** A PLAYGROUND_HOST that keeps the playground on this machine. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));

const hostName = (hostHeader: string | undefined): string | null => {
  try {
    return hostHeader ? new URL(`http://${hostHeader}`).hostname : null;
  } catch {
    return null;
  }
};

const originHost = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

const refusal = (req: IncomingMessage, options: GuardOptions): [number, string] | null => {
  if (!options.allowRemote) {
    if (!isLoopbackAddress(req.socket.remoteAddress))
      return [403, 'The playground only answers this machine. Set PLAYGROUND_HOST to share it.'];
    const host = hostName(req.headers.host);
    if (!host || !(isLoopbackHost(host) || host.endsWith('.localhost')))
      return [403, 'The playground answers only at localhost or 127.0.0.1.'];
  }
  if (req.method === 'POST') {
    // JSON can't be sent cross-site without a CORS preflight, which we never grant.
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json'))
      return [415, 'send JSON with content-type: application/json'];
    const origin = req.headers.origin;
    if (origin && originHost(origin) !== req.headers.host)
      return [403, 'This request came from another site.'];
  }
  return null;
};

/** Wraps a playground route with the checks above and the safety headers. */
export const guarded =
  (options: GuardOptions, handler: RouteHandler): RouteHandler =>
  (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    const refused = refusal(req, options);
    if (refused) return sendJson(res, refused[0], { ok: false, error: refused[1] });
    return handler(req, res);
  };

/**
 * The page's Content-Security-Policy: scripts, styles and images only from this server,
 * no inline script at all. Escaping is the first defence; this is the second.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
