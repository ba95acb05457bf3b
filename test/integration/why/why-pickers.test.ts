// The plan's owner and due date chosen with pickers: the prompt offers them, a choice is
// read exactly like the typed answer (same checks, same words), and a picker shown at an
// earlier step is refused like a stale button.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionPicker } from '../../../src/core/views/message-view.js';
import {
  FIVE_WHYS,
  openWhyHarness,
  runTranscript,
  seedIssues,
  type WhyHarness,
  type WhyThread,
} from './why-harness.js';

let h: WhyHarness;
let thread: WhyThread;

const session = () =>
  h.deps.repos.whySessions.findByThread('T1', {
    platform: 'local',
    channelId: 'C1',
    threadId: thread.threadId,
  });

/** The pickers of the last message the bot posted in the thread. */
const lastPickers = (): ActionPicker[] =>
  (h.gateway.thread(thread.threadId).at(-1)?.view?.blocks ?? []).flatMap((b) =>
    b.type === 'actions' ? (b.pickers ?? []) : [],
  );

const picker = (id: string): ActionPicker => {
  const found = lastPickers().find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} picker in the last prompt`);
  return found;
};

beforeEach(async () => {
  h = openWhyHarness();
  await seedIssues(h);
  await h.command('/cx', 'bob');
  thread = await h.start('#late-delivery');
  await runTranscript(thread, [
    ...FIVE_WHYS.map((a): [string, string, string] => ['ann', a, '']),
    ['ann', 'confirm', 'Which internal metric'],
    ['ann', 'Orders picked after cutoff', 'What unit'],
    ['ann', '%', 'lower or higher'],
    ['ann', 'lower', 'target'],
    ['ann', '5%', 'current value'],
    ['ann', 'skip', 'first action plan'],
    ['ann', 'Print pick lists hourly', 'Who owns Print pick lists hourly?'],
  ]);
});
afterEach(() => h.close());

describe('pickers in the 5-why', () => {
  it('saves the plan with the picked owner and the picked due date', async () => {
    const owner = picker('why.owner');
    expect(owner).toMatchObject({ kind: 'user', value: `${session()?.id}|plan-owner|` });

    const picked = await thread.pick('why.owner', owner.value, 'U-bob');
    expect(picked.text).toContain('When is Print pick lists hourly due?');
    // The fake clock says 2026-11-02: the date picker starts a week later.
    const due = picker('why.due');
    expect(due).toMatchObject({ kind: 'date', initial: '2026-11-09' });

    expect((await thread.pick('why.due', due.value, '2026-11-09')).text).toContain('Which level');
    const level = `${session()?.id}|plan-level|recurrence`;
    expect((await thread.press('why.level', level)).text).toMatch(
      /Plan saved: Print pick lists hourly — @bob, due 2026-11-09, level recurrence/,
    );
    expect(h.deps.repos.actionPlans.list('T1')).toEqual([
      expect.objectContaining({ ownerId: 'U-bob', dueDate: '2026-11-09', level: 'recurrence' }),
    ]);
  });

  it('refuses a past date with the same words as when it is typed', async () => {
    await thread.pick('why.owner', picker('why.owner').value, 'U-bob');
    const due = picker('why.due');
    const before = session();
    const picked = await thread.pick('why.due', due.value, '2026-10-01');
    expect(picked.view?.tone).toBe('error');
    expect(picked.posted).toEqual([]);
    expect(picked.text).toContain('The due date 2026-10-01 is in the past');
    expect(session()?.version).toBe(before?.version);
    const typed = await thread.say('2026-10-01');
    expect(picked.text).toBe(typed.text);
  });

  it('refuses a picker from an earlier step, and a choice of nothing', async () => {
    const owner = picker('why.owner');
    expect((await thread.pick('why.owner', owner.value, '')).text).toContain(
      'Nothing was chosen. Who owns Print pick lists hourly?',
    );
    await thread.pick('why.owner', owner.value, 'U-bob');
    const before = session();
    const stale = await thread.pick('why.owner', owner.value, 'U-cid');
    expect(stale.view?.tone).toBe('error');
    expect(stale.text).toMatch(/That choice is from an earlier step[\s\S]*When is/);
    expect(session()?.version).toBe(before?.version);
    expect(session()?.state.planDraft.owner?.userId).toBe('U-bob');
    expect((await thread.pick('why.due', 'gone|plan-due|', '2026-12-01')).text).toContain(
      'has expired',
    );
  });

  it('reads words typed where no list could be shown, as a typed answer', async () => {
    const owner = picker('why.owner');
    expect((await thread.pick('why.owner', owner.value, '@nobody')).text).toContain(
      "I don't know @nobody",
    );
    expect((await thread.pick('why.owner', owner.value, '@bob')).text).toContain('When is');
    expect(session()?.state.planDraft.owner?.userId).toBe('U-bob');
  });

  it('keeps the typed answers working beside the pickers', async () => {
    await runTranscript(thread, [
      ['ann', 'me', 'When is'],
      ['ann', 'tomorrow', 'Which level'],
      ['ann', 'resolve', /Plan saved: Print pick lists hourly — @ann, due 2026-11-03/],
    ]);
  });
});
