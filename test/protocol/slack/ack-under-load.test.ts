// Slack gives 3 seconds to ack. The app acks before it touches the database, so a busy
// database (another connection holding the write lock) cannot delay the ack. The lock is
// held by a worker thread that releases it only once the ack has arrived: the work can
// finish only after the ack, whatever the clock says.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIGNING_SECRET,
  TEAM,
  sign,
  startSlackHarness,
  type SlackHarness,
} from '../../support/slack-harness.js';

let slack: SlackHarness;

beforeAll(async () => {
  slack = await startSlackHarness();
  // Warm up: Bolt checks the bot token (auth.test) on the first request.
  await slack.command('/cx', 'help');
  await slack.fake.waitFor('response_url');
});
afterAll(() => slack.close());

const holdLockAndPost = (
  body: string,
): Promise<{ status: number; text: string; issuesWhileLocked: number }> => {
  const timestamp = Math.floor(Date.now() / 1000);
  const worker = new Worker(new URL('../../support/hold-write-lock.worker.mjs', import.meta.url), {
    workerData: {
      dbPath: slack.dbPath,
      url: `${slack.app.url}/slack/events`,
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': sign(body, timestamp, SIGNING_SECRET),
      },
    },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
};

describe('the 3-second budget with the database under load', () => {
  it('acks while another connection holds the write lock, then does the work', async () => {
    const body = new URLSearchParams({
      command: '/cx-issue',
      text: 'Checkout froze #checkout',
      team_id: TEAM,
      user_id: 'U1',
      channel_id: 'C1',
      trigger_id: 'trigger-load',
      response_url: slack.fake.responseUrl('load'),
    }).toString();
    const ack = await holdLockAndPost(body);
    expect(ack).toEqual({ status: 200, text: '', issuesWhileLocked: 0 });
    const [reply] = await slack.fake.waitFor('response_url', 1, (c) =>
      String(c.args.text).includes('Checkout froze'),
    );
    expect(String(reply?.args.text)).toContain('Logged CX-1');
    expect(slack.count("issues WHERE summary = 'Checkout froze'")).toBe(1);
  });
});

describe('a burst of commands', () => {
  it('acks every one, then does each piece of work exactly once', async () => {
    const before = slack.count('issues');
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        slack.command('/cx-issue', `Burst ${i} froze #burst`, `U${i % 7}`),
      ),
    );
    expect(acks.map((r) => r.status)).toEqual(Array(40).fill(200));
    const replies = await slack.fake.waitFor('response_url', 40, (c) =>
      String(c.args.text).includes('Burst '),
    );
    const numbers = replies.map((r) => /Logged CX-(\d+)/.exec(String(r.args.text))?.[1]);
    expect(new Set(numbers).size).toBe(40);
    expect(slack.count("issues WHERE summary LIKE 'Burst %'")).toBe(40);
    expect(slack.count('issues')).toBe(before + 40);
  });
});
