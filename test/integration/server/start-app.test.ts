// The composition root with zero configuration: the server answers, the playground
// runs commands, and bad requests get clear answers.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../../src/main.js';
import { tempDir } from '../../support/run-cli.js';

const tmp = tempDir();
let app: RunningApp;

beforeAll(async () => {
  const config = loadConfig({ PORT: '0', DATABASE_PATH: join(tmp.dir, 'nested', 'app.db') });
  app = await startApp(config, createLogger('silent'));
});
afterAll(async () => {
  await app.stop();
  tmp.cleanup();
});

interface Reply {
  ok: boolean;
  text: string;
  visibility: string;
  error: string;
}

const post = (path: string, body: string) =>
  fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

const json = async (res: Response): Promise<Reply> => (await res.json()) as Reply;
const command = async (body: unknown): Promise<Reply> =>
  json(await post('/api/command', JSON.stringify(body)));

describe('startApp with no configuration', () => {
  it('binds to loopback and serves the playground page', async () => {
    expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${app.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('CX Habits');
  });

  it('answers the health check', async () => {
    expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('runs a chat command and keeps what it logged', async () => {
    const logged = await command({ line: '/cx-issue Box crushed #damaged cost:20', user: 'ann' });
    expect(logged).toMatchObject({ ok: true, visibility: 'public' });
    expect(logged.text).toContain('Logged CX-1');
    const pareto = await command({ line: '/cx-pareto' });
    expect(pareto.text).toContain('1 of 1 themes');
  });

  it('returns a clear error for bad requests, never a stack trace', async () => {
    const res = await post('/api/command', '{not json');
    expect(res.status).toBe(400);
    expect((await json(res)).error).toContain('send JSON');
    const unknown = await fetch(`${app.url}/nope`);
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch(`${app.url}/api/command`);
    expect(wrongMethod.status).toBe(405);
  });

  it('answers any text with a well-formed reply', async () => {
    for (const line of [
      'hello',
      '/cx-nope',
      '"unterminated',
      '<script>alert(1)</script>',
      '/cx-issue ' + 'x'.repeat(5000),
    ]) {
      const reply = await command({ line: line.slice(0, 4000) });
      expect(reply.ok).toBe(true);
      expect(typeof reply.text).toBe('string');
      expect(reply.text).not.toMatch(/\n\s+at /);
    }
  });
});
