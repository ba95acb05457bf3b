// `/cx-why` with no argument, threads the bot does not own, and tenant isolation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleInbound } from '../../../src/core/bot/handle-inbound.js';
import { renderPlainText } from '../../../src/core/views/render-plain-text.js';
import { openWhyHarness, seedIssues, type WhyHarness } from './why-harness.js';

let h: WhyHarness;
beforeEach(async () => {
  h = openWhyHarness();
  await seedIssues(h);
});
afterEach(() => h.close());

describe('/cx-why list and ownership', () => {
  it('lists open and finished analyses', async () => {
    expect((await h.command('/cx-why')).text).toContain('No 5-why analyses yet');
    const open = await h.start('#billing');
    await open.say('Invoices are typed by hand');
    const done = await h.start('#late-delivery');
    await done.say('root cause: No cutoff alarm');
    await done.say('cancel');
    const { text } = await h.command('/cx-why');
    expect(text).toMatch(
      /Open \(1\)[\s\S]*#billing [\s\S]*Why 2: Why does “Invoices are typed by hand” happen\?/,
    );
    expect(text).toMatch(
      /Finished or cancelled \(1\)[\s\S]*#late-delivery[\s\S]*cancelled[\s\S]*No cutoff alarm/,
    );
  });

  it('returns null for a thread the bot does not own, and keeps tenants apart', async () => {
    const thread = await h.start('#late-delivery');
    const other = await h.thread('not-a-why').say('hello');
    expect(other.view).toBeNull();
    expect(h.gateway.thread('not-a-why')).toEqual([]);

    await thread.say('root cause: No cutoff alarm');
    const before = h.deps.repos.whySessions.list('T1')[0];
    // Tenant T2 on the same database, same channel and thread ids: not theirs.
    const user = { platform: 'local' as const, tenantId: 'T2', userId: 'U-eve', name: 'eve' };
    const intruder = await handleInbound(h.deps, {
      kind: 'threadReply',
      user,
      conversation: {
        platform: 'local',
        tenantId: 'T2',
        channelId: 'C1',
        threadId: thread.threadId,
      },
      text: 'cancel',
    });
    expect(intruder).toBeNull();
    expect(h.deps.repos.whySessions.list('T1')[0]?.version).toBe(before?.version);
    const list = await handleInbound(h.deps, {
      kind: 'command',
      user,
      conversation: { platform: 'local', tenantId: 'T2', channelId: 'C1' },
      name: '',
      text: '/cx-why',
    });
    expect(list && renderPlainText(list)).toContain('No 5-why analyses yet');
    const button = await handleInbound(h.deps, {
      kind: 'action',
      user,
      conversation: {
        platform: 'local',
        tenantId: 'T2',
        channelId: 'C1',
        threadId: thread.threadId,
      },
      actionId: 'why.status',
      value: `${before?.id}|metric-name|`,
    });
    expect(button && renderPlainText(button)).toContain('That button has expired');
    expect(h.deps.repos.rootCauses.findBySession('T2', before?.id ?? '')).toBeNull();
    expect(h.deps.repos.rootCauses.findBySession('T1', before?.id ?? '')).not.toBeNull();
    const found = h.deps.repos.whySessions.findByThread('T2', {
      platform: 'local',
      channelId: 'C1',
      threadId: thread.threadId,
    });
    expect(found).toBeNull();
    expect(h.deps.repos.whySessions.list('T2')).toEqual([]);
    expect(h.deps.repos.whySessions.list('T1')).toHaveLength(1);
  });
});
