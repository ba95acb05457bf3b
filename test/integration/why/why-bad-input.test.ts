// Bad input at every step of the 5-why: a private reply saying what was wrong and what to
// type, nothing posted in the thread, and the step (and stored version) unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FIVE_WHYS,
  openWhyHarness,
  seedIssues,
  type WhyHarness,
  type WhyThread,
} from './why-harness.js';

let h: WhyHarness;
let thread: WhyThread;
beforeEach(async () => {
  h = openWhyHarness();
  await seedIssues(h);
  // So that "@bob" is someone the bot knows.
  await h.command('/cx', 'bob');
  thread = await h.start('#late-delivery');
});
afterEach(() => h.close());

const session = () =>
  h.deps.repos.whySessions.findByThread('T1', {
    platform: 'local',
    channelId: 'C1',
    threadId: thread.threadId,
  });

/** Sends bad input and checks it was refused without moving the dialog. */
const refused = async (input: string, expected: string | RegExp): Promise<void> => {
  const before = session();
  const reply = await thread.say(input, 'bob');
  const label = `input ${JSON.stringify(input.slice(0, 40))} at ${before?.state.step}`;
  expect(reply.view?.tone, label).toBe('error');
  expect(reply.view?.visibility, label).toBe('private');
  expect(reply.posted, label).toEqual([]);
  if (typeof expected === 'string') expect(reply.text, label).toContain(expected);
  else expect(reply.text, label).toMatch(expected);
  const after = session();
  expect(after?.version, label).toBe(before?.version);
  expect(after?.state, label).toEqual(before?.state);
};

const step = () => session()?.state.step;
const HUGE = 'x'.repeat(2001);

describe('bad input leaves the step unchanged', () => {
  it('at every why and in the thread commands', async () => {
    await refused('   ', /The answer is empty; type some words\.[\s\S]*Why 1 of 5/);
    await refused(
      HUGE,
      /The answer is 2,001 characters long; the limit is 2,000\.[\s\S]*Why 1 of 5/,
    );
    await refused('note', 'The note is empty');
    await refused(`note ${HUGE}`, 'The note is 2,001 characters long');
    await refused('root cause:', 'The root cause is empty');
    await refused('confirm', /does not fit here[\s\S]*Why 1 of 5/);
    await refused('branch 1', 'nothing to branch from yet');
    for (const answer of FIVE_WHYS) await thread.say(answer);
    expect(step()).toBe('confirm-root');
    await refused('maybe', /All five whys are answered[\s\S]*Type confirm to accept it/);
    await refused(`edit ${HUGE}`, 'The root cause is 2,001 characters long');
    await thread.say('edit');
    expect(step()).toBe('edit-root');
    await refused('  ', /The root cause is empty[\s\S]*Type the root cause as it should read/);
    await thread.say('confirm');
    expect(step()).toBe('metric-name');
  });

  it('in the metric questions', async () => {
    h.deps.repos.metrics.create('T1', {
      id: 'm-existing',
      themeId: h.deps.repos.themes.findBySlug('T1', 'billing')?.id ?? '',
      rootCauseId: null,
      name: 'Late orders',
      unit: 'orders',
      direction: 'lower',
      target: 1,
      createdBy: null,
      createdAt: h.clock.now(),
    });
    await thread.say('root cause: No cutoff alarm');
    await refused(' ', /The metric name is empty[\s\S]*Which internal metric/);
    await refused('x'.repeat(201), 'The metric name is 201 characters long; the limit is 200');
    await refused(
      'late ORDERS',
      'There is already a metric called “Late orders”; pick another name.',
    );
    await thread.say('Orders after cutoff');
    await refused('', 'The unit is empty');
    await refused('u'.repeat(41), 'The unit is 41 characters long; the limit is 40');
    await thread.say('orders');
    await refused(
      'sideways',
      /“sideways” is not a valid direction\. Use lower or higher[\s\S]*Is lower or higher better/,
    );
    await thread.say('lower');
    await refused(
      'lots',
      /“lots” is not a number\. Try 42, 3\.5 or 97\.5%\.[\s\S]*What is the target/,
    );
    await thread.say('5');
    await refused('about ten', /is not a number[\s\S]*Or type skip/);
    expect(step()).toBe('metric-current');
  });

  it('in the plan questions', async () => {
    await thread.say('root cause: No cutoff alarm');
    for (const answer of ['Orders after cutoff', 'orders', 'lower', '5', 'skip'])
      await thread.say(answer);
    expect(step()).toBe('plan-title');
    await refused('  ', /An action plan needs a title[\s\S]*What will be done\?/);
    await refused('t'.repeat(201), 'The title is 201 characters; keep it to 200.');
    await thread.say('Add a cutoff alarm');
    await refused('@nobody', /I don't know @nobody[\s\S]*Who owns Add a cutoff alarm\?/);
    await refused('"two words"', 'is not a person');
    await thread.say('@bob');
    await refused(
      'someday',
      /“someday” is not a due date\. Use a date like 2026-12-01[\s\S]*When is Add a cutoff alarm due\?/,
    );
    await refused('2026-02-30', '“2026-02-30” is not a real date');
    await refused(
      '2026-11-01',
      'The due date 2026-11-01 is in the past; pick today (2026-11-02) or later.',
    );
    await thread.say('2026-11-02');
    await refused(
      'urgent',
      /“urgent” is not a valid level\. Use resolve, recurrence or occurrence[\s\S]*Which level is/,
    );
    await thread.say('occurrence');
    await refused('maybe', /“maybe” is not a valid answer[\s\S]*Add another action plan\?/);
    expect(h.deps.repos.actionPlans.list('T1')).toHaveLength(1);
  });

  it('refuses a stale button and goes back one detail question with back', async () => {
    await thread.say('root cause: No cutoff alarm');
    const s = session();
    const stale = `${s?.state.sessionId}|confirm-root|`;
    const reply = await thread.press('why.confirm', stale);
    expect(reply.view?.tone).toBe('error');
    expect(reply.text).toContain('That button is from an earlier step');
    expect((await thread.press('why.confirm', 'garbage')).text).toContain(
      'That button has expired',
    );
    await thread.say('Orders after cutoff');
    expect((await thread.say('back')).text).toContain('Which internal metric predicts');
    expect(step()).toBe('metric-name');
    await refused(
      'back',
      'The root cause is already confirmed, so back cannot reopen the whys here.',
    );
  });
});
