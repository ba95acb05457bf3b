// The outbound port over the Web API: charts go up with files.uploadV2, and failures come
// back as values with whether a retry could help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackChatGateway } from '../../../adapters/slack/slack-chat-gateway.js';
import type { MessageView } from '../../../src/core/views/message-view.js';
import { FakeSlackApi } from '../../support/fake-slack-api.js';

let fake: FakeSlackApi;
let gateway: SlackChatGateway;
const channel = { platform: 'slack' as const, tenantId: 'T1', channelId: 'C1' };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

beforeAll(async () => {
  fake = await new FakeSlackApi().start();
  gateway = new SlackChatGateway({
    clientOptions: { slackApiUrl: fake.apiUrl },
    tokenFor: (tenantId) => (tenantId === 'T1' ? 'xoxb-t1' : undefined),
  });
});
afterAll(() => fake.stop());

const chartView: MessageView = {
  fallbackText: 'Pareto',
  visibility: 'public',
  blocks: [
    { type: 'header', text: 'Digest' },
    { type: 'image', png: PNG, alt: '3 themes make 80% of issues', title: 'Pareto chart' },
  ],
};

describe('SlackChatGateway', () => {
  it('posts the message, then uploads its chart into the same thread', async () => {
    const posted = await gateway.post({ ...channel, threadId: '1700.1' }, chartView);
    expect(posted.ok).toBe(true);
    const [message] = fake.called('chat.postMessage');
    expect(message?.args).toMatchObject({ channel: 'C1', thread_ts: '1700.1' });
    expect(JSON.stringify(message?.args.blocks)).toContain('3 themes make 80% of issues');
    expect(fake.called('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'Pareto-chart.png',
      length: String(PNG.length),
    });
    expect(fake.called('files.completeUploadExternal')[0]?.args).toMatchObject({
      channel_id: 'C1',
      thread_ts: '1700.1',
    });
    expect(fake.problems).toEqual([]);
  });

  it('returns Slack errors as values', async () => {
    fake.answer('chat.postEphemeral', () => ({ ok: false, error: 'channel_not_found' }));
    const result = await gateway.postEphemeral(
      channel,
      { platform: 'slack', tenantId: 'T1', userId: 'U1' },
      chartView,
    );
    expect(result).toEqual({ ok: false, retryable: false, error: 'channel_not_found' });
    expect(
      await gateway.dm({ platform: 'slack', tenantId: 'T9', userId: 'U1' }, chartView),
    ).toMatchObject({ ok: false, retryable: false });
  });

  it('cannot open a modal without a trigger', async () => {
    const result = await gateway.openForm(
      { platform: 'slack', tenantId: 'T1', userId: 'U1' },
      chartView,
    );
    expect(result.ok).toBe(false);
  });
});
