// Socket Mode: apps.connections.open hands out a loopback ws:// URL; the app connects,
// gets hello, receives envelopes and acks each by its envelope_id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackHarness, TEAM, type SlackHarness } from '../../support/slack-harness.js';
import { FakeSocketModeServer } from '../../support/fake-socket-mode-server.js';

let slack: SlackHarness;
let socket: FakeSocketModeServer;

beforeAll(async () => {
  socket = await new FakeSocketModeServer().start();
  slack = await startSlackHarness({ SLACK_APP_TOKEN: 'xapp-test-app-token' }, (fake) => {
    fake.socketUrl = socket.url;
  });
});
afterAll(async () => {
  await slack.close();
  await socket.stop();
});

describe('Socket Mode', () => {
  it('opens the connection with the app token', () => {
    const [open] = slack.fake.called('apps.connections.open');
    expect(open?.token).toBe('xapp-test-app-token');
  });

  it('acks a slash command envelope and replies through the response_url', async () => {
    const ack = await socket.send({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/cx-issue',
        text: 'Wrong size shipped #wrong-size',
        team_id: TEAM,
        user_id: 'U1',
        channel_id: 'C1',
        trigger_id: 'trigger-socket',
        response_url: slack.fake.responseUrl('socket'),
      },
    });
    expect(ack.envelope_id).toBe('env-1');
    const [reply] = await slack.fake.waitFor('response_url');
    expect(String(reply?.args.text)).toContain('Logged CX-1');
    expect(slack.fake.problems).toEqual([]);
  });

  it('acks an events_api envelope and handles the event once across retries', async () => {
    const envelope = (id: string, attempt: number) => ({
      envelope_id: id,
      type: 'events_api' as const,
      retry_attempt: attempt,
      retry_reason: attempt > 0 ? 'timeout' : '',
      payload: {
        type: 'event_callback',
        team_id: TEAM,
        event_id: 'Ev-socket-home',
        event: { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' },
      },
    });
    expect((await socket.send(envelope('env-2', 0))).envelope_id).toBe('env-2');
    expect((await socket.send(envelope('env-3', 1))).envelope_id).toBe('env-3');
    await slack.fake.waitFor('views.publish');
    expect(slack.count("processed_events WHERE event_key = 'slack:Ev-socket-home'")).toBe(1);
    expect(slack.fake.called('views.publish')).toHaveLength(1);
  });
});
