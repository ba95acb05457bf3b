// 5-why transcripts through handleInbound on a real database: who says what in the thread,
// and what the bot replies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FIVE_WHYS,
  openWhyHarness,
  runTranscript,
  seedIssues,
  type WhyHarness,
  type WhyThread,
} from './why-harness.js';

let h: WhyHarness;
beforeEach(async () => {
  h = openWhyHarness();
  await seedIssues(h);
});
afterEach(() => h.close());

const answerFive = async (thread: WhyThread): Promise<void> => {
  await runTranscript(
    thread,
    FIVE_WHYS.map((a, i) => ['ann', a, i < 4 ? `Why ${i + 2} of 5` : 'Proposed root cause']),
  );
};

describe('a full five-why run', () => {
  it('posts the symptom with its weight, asks five whys, and saves root cause, metric and plan', async () => {
    const started = await h.command('/cx-why #late-delivery');
    expect(started.view?.visibility).toBe('private');
    expect(started.text).toContain('Started a 5-why on #late-delivery');
    const root = h.gateway.messages.find((m) => m.call === 'post');
    expect(root?.view?.visibility).toBe('public');
    expect(root?.text).toContain('5 whys: late-delivery');
    expect(root?.text).toContain('Issues: 3');
    expect(root?.text).toContain('Share of all issues: 75.0%');
    expect(root?.text).toContain('vital few');
    expect(root?.text).toContain('Cost to customers: $55');
    expect(root?.text).toContain('Cost to the company: $150');
    const thread = h.thread(root?.messageId ?? '');
    expect(h.gateway.thread(thread.threadId)[0]?.text).toContain(
      'Why 1 of 5: Why are we allowing “late-delivery” to happen?',
    );

    await runTranscript(thread, [
      [
        'ann',
        FIVE_WHYS[0],
        /Recorded your answer as why 1[\s\S]*Why does “Orders leave the warehouse late” happen\?/,
      ],
      [
        'bob',
        FIVE_WHYS[1],
        /why 2[\s\S]*Why 3 of 5: Why does “Picking starts after the courier cutoff” happen/,
      ],
      ['ann', FIVE_WHYS[2], 'Why 4 of 5'],
      ['cid', FIVE_WHYS[3], 'Why 5 of 5: Why does “The WMS batch job runs at noon” happen?'],
      [
        'bob',
        FIVE_WHYS[4],
        /fifth why[\s\S]*Proposed root cause: “Nobody owns the batch schedule”[\s\S]*\[Confirm\] \[Edit\]/,
      ],
      [
        'ann',
        'confirm',
        /Root cause confirmed by @ann: “Nobody owns the batch schedule”[\s\S]*Which internal metric predicts/,
      ],
      ['ann', 'Orders picked after cutoff', 'What unit is Orders picked after cutoff measured in?'],
      ['ann', '%', 'Is lower or higher better'],
      ['ann', 'lower', 'What is the target for Orders picked after cutoff (%)?'],
      ['ann', '5%', 'What is the current value'],
      ['ann', '23', /Metric Orders picked after cutoff saved[\s\S]*first action plan/],
      [
        'ann',
        'Assign an owner to the batch schedule',
        'Who owns Assign an owner to the batch schedule?',
      ],
      ['ann', '@bob', 'When is Assign an owner to the batch schedule due?'],
      ['ann', '2026-11-20', 'Which level is'],
      [
        'ann',
        'prevent recurrence',
        /Plan saved: Assign an owner to the batch schedule — @bob, due 2026-11-20, level recurrence[\s\S]*Add another action plan\?/,
      ],
      ['bob', 'no', /finished[\s\S]*Root cause found: late-delivery/],
    ]);

    const session = h.deps.repos.whySessions.findByThread('T1', {
      platform: 'local',
      channelId: 'C1',
      threadId: thread.threadId,
    });
    expect(session?.status).toBe('finished');
    const rootCause = h.deps.repos.rootCauses.findBySession('T1', session?.id ?? '');
    expect(rootCause).toMatchObject({
      themeId: h.deps.repos.themes.findBySlug('T1', 'late-delivery')?.id,
      text: 'Nobody owns the batch schedule',
      confirmedBy: 'U-ann',
    });
    expect(rootCause?.chain.map((e) => [e.why, e.text, e.userId])).toEqual([
      [1, FIVE_WHYS[0], 'U-ann'],
      [2, FIVE_WHYS[1], 'U-bob'],
      [3, FIVE_WHYS[2], 'U-ann'],
      [4, FIVE_WHYS[3], 'U-cid'],
      [5, FIVE_WHYS[4], 'U-bob'],
    ]);
    expect(rootCause?.chain[0]?.question).toBe('Why are we allowing “late-delivery” to happen?');
    expect(rootCause?.chain[0]?.at).toBe('2026-11-02T09:00:00.000Z');
    expect(rootCause?.metricIds).toHaveLength(1);
    expect(rootCause?.planIds).toHaveLength(1);
    const metric = h.deps.repos.metrics.get('T1', rootCause?.metricIds[0] ?? '');
    expect(metric).toMatchObject({
      name: 'Orders picked after cutoff',
      unit: '%',
      direction: 'lower',
      target: 5,
    });
    expect(h.deps.repos.metrics.readings('T1', metric?.id ?? '')).toHaveLength(1);
    const plan = h.deps.repos.actionPlans.get('T1', rootCause?.planIds[0] ?? '');
    expect(plan).toMatchObject({ ownerId: 'U-bob', dueDate: '2026-11-20', level: 'recurrence' });
    const actions = h.deps.repos.audit.list('T1').map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'why.start',
        'root-cause.save',
        'metric.create',
        'action-plan.create',
        'why.finished',
      ]),
    );
  });

  it('takes a second plan, and works with the buttons as well as typing', async () => {
    const thread = await h.start('#late-delivery');
    await answerFive(thread);
    const state = () =>
      h.deps.repos.whySessions.findByThread('T1', {
        platform: 'local',
        channelId: 'C1',
        threadId: thread.threadId,
      })?.state;
    const value = (choice: string) => `${state()?.sessionId}|${state()?.step}|${choice}`;
    expect((await thread.press('why.confirm', value(''))).text).toContain('Root cause confirmed');
    await runTranscript(thread, [
      ['ann', 'Late orders', 'What unit'],
      ['ann', 'orders', 'Is lower or higher better'],
    ]);
    expect((await thread.press('why.direction', value('lower'))).text).toContain(
      'What is the target',
    );
    await thread.say('10');
    expect((await thread.press('why.skip', value('skip'))).text).toContain('first action plan');
    await runTranscript(thread, [
      ['ann', 'Move the batch to 6am', 'Who owns'],
      ['ann', 'me', 'When is'],
      ['ann', 'tomorrow', 'Which level'],
    ]);
    expect((await thread.press('why.level', value('occurrence'))).text).toContain(
      'level occurrence',
    );
    expect((await thread.press('why.another', value('yes'))).text).toContain('What will be done?');
    await runTranscript(thread, [
      ['bob', 'Call Acme about their late parcel', 'Who owns'],
      ['bob', 'me', 'When is'],
      ['bob', '+3d', 'Which level'],
      ['bob', 'resolve', 'Add another'],
      [
        'bob',
        'finish',
        /Plan 1: Move the batch to 6am — @ann, due 2026-11-03, level occurrence[\s\S]*Plan 2: Call Acme about their late parcel — @bob, due 2026-11-05, level resolve/,
      ],
    ]);
    expect(
      h.deps.repos.actionPlans
        .list('T1')
        .map((p) => p.level)
        .sort(),
    ).toEqual(['occurrence', 'resolve']);
    expect(
      h.deps.repos.metrics.readings('T1', h.deps.repos.metrics.list('T1')[0]?.id ?? ''),
    ).toEqual([]);
  });

  it('starts on one issue, quoting its summary', async () => {
    const thread = await h.start('CX-2');
    expect(h.gateway.thread(thread.threadId)[0]?.text).toContain(
      'Why are we allowing “Late again” to happen?',
    );
    expect(h.gateway.messages.find((m) => m.call === 'post')?.text).toContain(
      'CX-2 (#late-delivery)',
    );
    expect((await h.command('/cx-why CX-99')).text).toContain('There is no issue CX-99');
    expect((await h.command('/cx-why #nope')).text).toContain('There is no theme #nope');
  });
});

describe('commands in the thread', () => {
  it('stops early with "root cause:"', async () => {
    const thread = await h.start('#late-delivery');
    await runTranscript(thread, [
      ['ann', FIVE_WHYS[0], 'Why 2 of 5'],
      [
        'bob',
        'root cause: Nobody watches the courier cutoff',
        /Root cause named by @bob: “Nobody watches the courier cutoff”[\s\S]*Which internal metric/,
      ],
    ]);
    const rc = h.deps.repos.rootCauses.listByTheme(
      'T1',
      h.deps.repos.themes.findBySlug('T1', 'late-delivery')?.id ?? '',
    );
    expect(rc.map((r) => [r.text, r.confirmedBy, r.chain.length])).toEqual([
      ['Nobody watches the courier cutoff', 'U-bob', 1],
    ]);
  });

  it('edits the proposed root cause', async () => {
    const thread = await h.start('#late-delivery');
    await answerFive(thread);
    await runTranscript(thread, [
      ['ann', 'why 6?', /All five whys are answered[\s\S]*Proposed root cause/],
      ['bob', 'edit', 'Type the root cause as it should read.'],
      [
        'bob',
        'No one owns the WMS schedule',
        'Root cause confirmed by @bob: “No one owns the WMS schedule”',
      ],
    ]);
    expect(
      h.deps.repos.rootCauses.listByTheme(
        'T1',
        h.deps.repos.themes.findBySlug('T1', 'late-delivery')?.id ?? '',
      )[0]?.text,
    ).toBe('No one owns the WMS schedule');
  });

  it('goes back, branches, takes notes and shows the chain', async () => {
    const thread = await h.start('#late-delivery');
    await runTranscript(thread, [
      ['ann', 'back', /nothing to go back to yet/],
      ['ann', FIVE_WHYS[0], 'Why 2 of 5'],
      ['ann', 'Typo answer', 'Why 3 of 5: Why does “Typo answer” happen?'],
      [
        'ann',
        'back',
        /reopened why 2; the answer “Typo answer” is kept[\s\S]*Why 2 of 5: Why does “Orders leave the warehouse late” happen\?/,
      ],
      ['bob', FIVE_WHYS[1], 'Why 3 of 5'],
      ['bob', FIVE_WHYS[2], 'Why 4 of 5'],
      ['cid', 'note the courier changed in March', /note was added/],
      ['cid', 'branch 9', /“branch 9” does not fit: type branch 1 to branch 2/],
      ['cid', 'branch', /Say which why’s answer to go on from/],
      [
        'cid',
        'branch 1',
        /went back to why 1’s answer “Orders leave the warehouse late”. Whys 2–3 are kept as branch b1[\s\S]*Why 2 of 5: Why does “Orders leave the warehouse late” happen\?/,
      ],
      ['cid', 'Trucks arrive late at the warehouse', 'Why 3 of 5'],
      [
        'ann',
        'status',
        /5 whys so far[\s\S]*1\. Why are we allowing[\s\S]*Orders leave the warehouse late” — @ann[\s\S]*2\. Why does[\s\S]*Trucks arrive late at the warehouse” — @cid[\s\S]*Branch b1 \(set aside by @cid from why 1\): 2\. “Picking starts after the courier cutoff” · 3\. “Pick lists are printed once a day”[\s\S]*Note by @cid \(why 4\): “the courier changed in March”[\s\S]*Why 3 of 5/,
      ],
    ]);
    const session = h.deps.repos.whySessions.findByThread('T1', {
      platform: 'local',
      channelId: 'C1',
      threadId: thread.threadId,
    });
    expect(session?.state.chain.map((a) => a.text)).toEqual([
      FIVE_WHYS[0],
      'Trucks arrive late at the warehouse',
    ]);
    await thread.say('root cause: The carrier contract has no arrival window', 'ann');
    const rc = h.deps.repos.rootCauses.findBySession('T1', session?.id ?? '');
    expect(rc?.chain.map((e) => [e.kind, e.branchId, e.text])).toEqual([
      ['answer', 'main', FIVE_WHYS[0]],
      ['back', 'main', 'Typo answer'],
      ['branch', 'b1', FIVE_WHYS[1]],
      ['branch', 'b1', FIVE_WHYS[2]],
      ['note', 'main', 'the courier changed in March'],
      ['answer', 'main', 'Trucks arrive late at the warehouse'],
    ]);
  });

  it('cancels, then answers only status in that thread', async () => {
    const thread = await h.start('#late-delivery');
    await runTranscript(thread, [
      ['ann', FIVE_WHYS[0], 'Why 2 of 5'],
      ['bob', 'cancel', /cancelled[\s\S]*5-why cancelled: late-delivery[\s\S]*cancelled by @bob/],
    ]);
    const after = await thread.say('so what now?', 'ann');
    expect(after.view).toBeNull();
    expect(after.posted).toEqual([]);
    expect((await thread.say('status')).text).toContain('5-why cancelled');
    expect(h.deps.repos.whySessions.list('T1')[0]?.status).toBe('cancelled');
  });

  it('lets several people answer and records who said what', async () => {
    const thread = await h.start('#late-delivery');
    await runTranscript(thread, [
      ['ann', 'A1', 'Why 2 of 5'],
      ['bob', 'B2', 'Why 3 of 5: Why does “B2” happen?'],
      ['cid', 'C3', 'Why 4 of 5'],
    ]);
    const session = h.deps.repos.whySessions.list('T1')[0];
    expect(session?.state.chain.map((a) => [a.why, a.by.userId, a.by.name])).toEqual([
      [1, 'U-ann', 'ann'],
      [2, 'U-bob', 'bob'],
      [3, 'U-cid', 'cid'],
    ]);
    expect(h.deps.repos.users.get('T1', 'U-cid')).not.toBeNull();
  });
});
