// The playground over HTTP: its page is locked down by a strict CSP, and its live feed
// gives each person what they may see: public messages to all, private ones to one.
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/logging/logger.js';
import { startApp, type RunningApp } from '../../../src/main.js';
import { tempDir } from '../../support/run-cli.js';

const tmp = tempDir();
let app: RunningApp;

beforeAll(async () => {
  const config = loadConfig({ PORT: '0', DATABASE_PATH: join(tmp.dir, 'app.db') });
  app = await startApp(config, createLogger('silent'));
});
afterAll(async () => {
  await app.stop();
  tmp.cleanup();
});

interface FeedMessage {
  channelId: string;
  onlyFor: string | null;
  text: string;
  author: { bot: boolean; name: string };
}

/** Follows one person's feed, collecting messages until `until` says stop. */
const follow = async (
  user: string,
  until: (seen: FeedMessage[]) => boolean,
  baseUrl = app.url,
): Promise<{ done: Promise<FeedMessage[]> }> => {
  let ready: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (ready = resolve));
  const done = new Promise<FeedMessage[]>((resolve, reject) => {
    const seen: FeedMessage[] = [];
    const req = request(`${baseUrl}/api/events?user=${user}`, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const event of events) {
          const data = /^data: (.*)$/m.exec(event)?.[1];
          if (event.startsWith('event: reset')) ready();
          if (data && event.startsWith('event: message'))
            seen.push((JSON.parse(data) as { message: FeedMessage }).message);
        }
        if (until(seen)) {
          req.destroy();
          resolve(seen);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  // Subscribed once the feed has sent its opening reset.
  await opened;
  return { done };
};

const command = (user: string, line: string) =>
  fetch(`${app.url}/api/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, line }),
  });

describe('the playground over HTTP', () => {
  it('serves its page under a strict Content-Security-Policy', async () => {
    const res = await fetch(`${app.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await res.text()).not.toMatch(/<script>|style=/);
  });

  it('shows a private reply only to the person who asked', async () => {
    const logged = (seen: FeedMessage[]) => seen.some((m) => m.text.includes('Logged CX-1'));
    const [bensFeed, anasFeed] = await Promise.all([follow('ben', logged), follow('ana', logged)]);
    // Ana's help is private; Ben's logged issue is public and comes after it.
    expect((await command('ana', '/cx')).status).toBe(200);
    expect((await command('ben', '/cx-issue Box crushed #damaged')).status).toBe(200);
    const [ben, ana] = await Promise.all([bensFeed.done, anasFeed.done]);
    expect(ana.some((m) => m.onlyFor === 'ana' && m.author.bot)).toBe(true);
    expect(ben.some((m) => m.onlyFor === 'ana')).toBe(false);
    expect(ben.some((m) => m.text === '/cx' && m.author.name === 'Ana')).toBe(true);
  });

  it('keeps direct messages to their owner', async () => {
    const res = await fetch(`${app.url}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'ben', channel: 'dm-ana', line: '/cx' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('a digest scheduled in the playground', () => {
  it('fires on time, through the scheduler, into the channel', async () => {
    const clockTmp = tempDir();
    let now = new Date('2026-11-23T09:59:00Z');
    const clock = { now: () => new Date(now) };
    const timed = await startApp(
      loadConfig({ PORT: '0', DATABASE_PATH: join(clockTmp.dir, 'clock.db') }),
      createLogger('silent'),
      { clock },
    );
    try {
      const post = (line: string) =>
        fetch(`${timed.url}/api/command`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'ana', line }),
        });
      await post('/cx-issue Parcel late #late-delivery');
      const set = (await (await post('/cx-digest daily 10:00 tz:UTC')).json()) as { text: string };
      expect(set.text).toContain('Every day at 10:00');
      await timed.tick();
      // Follow the feed first; then let time pass and the scheduler run twice.
      const { done } = await follow(
        'ana',
        (seen) => seen.some((m) => m.text.includes('CX digest')),
        timed.url,
      );
      now = new Date('2026-11-23T10:00:20Z');
      await timed.tick();
      await timed.tick();
      const digests = (await done).filter((m) => m.text.includes('CX digest'));
      expect(digests).toHaveLength(1);
      expect(digests[0]?.channelId).toBe('general');
      expect(digests[0]?.author.bot).toBe(true);
    } finally {
      await timed.stop();
      clockTmp.cleanup();
    }
  });
});
