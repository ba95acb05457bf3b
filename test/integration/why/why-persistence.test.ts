// The 5-why state survives restarts, races and platform failures, and idle dialogs get one
// "still open" reminder per idle period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remindIdleWhys } from '../../../src/core/bot/why-handlers.js';
import { commitWhyStep } from '../../../src/core/bot/why-effects.js';
import type { WhySessionRepository } from '../../../src/core/ports/why-repositories.js';
import { transition } from '../../../src/core/why/transition.js';
import { fakeClock } from '../../support/core-harness.js';
import {
  FIVE_WHYS,
  openWhyHarness,
  runTranscript,
  seedIssues,
  type WhyHarness,
} from './why-harness.js';

const HOUR = 3_600_000;

describe('a restart between steps', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cx-why-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes at the same step from the database file, twice', async () => {
    const path = join(dir, 'cx.db');
    const clock = fakeClock();
    const first = openWhyHarness({ path, clock, idPrefix: 'p1' });
    await seedIssues(first);
    const { threadId } = await first.start('#late-delivery');
    await runTranscript(first.thread(threadId), [
      ['ann', FIVE_WHYS[0], 'Why 2 of 5'],
      ['bob', FIVE_WHYS[1], 'Why 3 of 5'],
    ]);
    first.close();

    const second = openWhyHarness({ path, clock, idPrefix: 'p2' });
    await runTranscript(second.thread(threadId), [
      [
        'cid',
        'status',
        /Picking starts after the courier cutoff” — @bob[\s\S]*Why 3 of 5: Why does “Picking starts after the courier cutoff” happen\?/,
      ],
      ['cid', FIVE_WHYS[2], 'Why 4 of 5'],
      ['cid', FIVE_WHYS[3], 'Why 5 of 5'],
      ['cid', FIVE_WHYS[4], 'Proposed root cause'],
      ['ann', 'confirm', 'Which internal metric'],
      ['ann', 'Orders after cutoff', 'What unit'],
      ['ann', '%', 'Is lower or higher better'],
    ]);
    second.close();

    const third = openWhyHarness({ path, clock, idPrefix: 'p3' });
    try {
      await runTranscript(third.thread(threadId), [
        ['ann', 'higher', 'What is the target for Orders after cutoff (%)?'],
        ['ann', '95%', 'current value'],
        ['ann', 'skip', 'first action plan'],
        ['ann', 'Staff the early shift', 'Who owns'],
        ['ann', 'me', 'When is'],
        ['ann', 'next-week', 'Which level'],
        ['ann', 'recurrence', 'Add another'],
        ['ann', 'no', 'Root cause found'],
      ]);
      const rc = third.deps.repos.rootCauses.listByTheme(
        'T1',
        third.deps.repos.themes.findBySlug('T1', 'late-delivery')?.id ?? '',
      )[0];
      expect(rc?.chain.map((e) => e.userId)).toEqual(['U-ann', 'U-bob', 'U-cid', 'U-cid', 'U-cid']);
      expect(rc?.metricIds).toHaveLength(1);
      expect(rc?.planIds).toHaveLength(1);
      expect(third.deps.repos.metrics.get('T1', rc?.metricIds[0] ?? '')?.direction).toBe('higher');
    } finally {
      third.close();
    }
  });
});

describe('two answers at once', () => {
  let h: WhyHarness;
  beforeEach(async () => {
    h = openWhyHarness();
    await seedIssues(h);
  });
  afterEach(() => h.close());

  it('lets only the first save of a version win', async () => {
    const { threadId } = await h.start('#late-delivery');
    const repo = h.deps.repos.whySessions;
    const loaded = repo.findByThread('T1', { platform: 'local', channelId: 'C1', threadId });
    if (!loaded) throw new Error('no session');
    const now = h.clock.now();
    const ann = transition(
      loaded.state,
      { kind: 'answer', text: 'A', user: { userId: 'U-ann', name: 'ann' } },
      now,
    );
    const bob = transition(
      loaded.state,
      { kind: 'answer', text: 'B', user: { userId: 'U-bob', name: 'bob' } },
      now,
    );
    expect(commitWhyStep(h.deps, loaded, ann, now)?.version).toBe(loaded.version + 1);
    expect(commitWhyStep(h.deps, loaded, bob, now)).toBeNull();
    expect(repo.save('T1', { ...loaded, state: bob.state }, loaded.version)).toBe(false);
    const stored = repo.get('T1', loaded.id);
    expect(stored?.version).toBe(loaded.version + 1);
    expect(stored?.state.chain.map((a) => a.text)).toEqual(['A']);
  });

  it('tells the slower person someone just answered, and re-applies a racing note', async () => {
    const { threadId } = await h.start('#late-delivery');
    const real = h.deps.repos.whySessions;
    let raceWith: string | null = null;
    // Bob's answer lands between Ann's read of the session and her write.
    const racing: WhySessionRepository = {
      create: (t, s) => real.create(t, s),
      get: (t, id) => real.get(t, id),
      save: (t, s, v) => real.save(t, s, v),
      list: (t, f) => real.list(t, f),
      listIdle: (b, l) => real.listIdle(b, l),
      findByThread: (t, ref) => {
        const found = real.findByThread(t, ref);
        if (found && raceWith) {
          const now = h.clock.now();
          const bob = { userId: 'U-bob', name: 'bob' };
          commitWhyStep(
            h.deps,
            found,
            transition(found.state, { kind: 'answer', text: raceWith, user: bob }, now),
            now,
          );
          raceWith = null;
        }
        return found;
      },
    };
    const racy = h.thread(threadId);
    h.deps.repos = { ...h.deps.repos, whySessions: racing };

    raceWith = 'Bob was first';
    const ann = await racy.say('Ann was second', 'ann');
    expect(ann.view?.tone).toBe('error');
    expect(ann.text).toMatch(
      /Someone just answered that[\s\S]*Now: Why 2 of 5: Why does “Bob was first” happen\?/,
    );
    expect(ann.posted).toEqual([]);

    raceWith = 'Bob answers why 2';
    const note = await racy.say('note I think it is the courier', 'ann');
    expect(note.text).toContain('note was added');
    const state = real.findByThread('T1', { platform: 'local', channelId: 'C1', threadId })?.state;
    expect(state?.chain.map((a) => [a.why, a.text])).toEqual([
      [1, 'Bob was first'],
      [2, 'Bob answers why 2'],
    ]);
    expect(state?.notes.map((n) => n.text)).toEqual(['I think it is the courier']);
  });
});

describe('platform failures', () => {
  let h: WhyHarness;
  beforeEach(async () => {
    h = openWhyHarness();
    await seedIssues(h);
  });
  afterEach(() => h.close());

  it('starts nothing when the root message cannot be posted', async () => {
    h.gateway.failNext = 1;
    const { view, text } = await h.command('/cx-why #late-delivery');
    expect(view?.tone).toBe('error');
    expect(text).toContain('Nothing was started');
    expect(h.deps.repos.whySessions.list('T1')).toEqual([]);
  });

  it('keeps the step when a reply cannot be posted, and status posts it again', async () => {
    const thread = await h.start('#late-delivery');
    h.gateway.failNext = 1;
    const failed = await thread.say(FIVE_WHYS[0]);
    expect(failed.posted).toEqual([]);
    expect(failed.text).toMatch(
      /Why 2 of 5[\s\S]*could not post in the thread \(simulated failure\)[\s\S]*type status/,
    );
    expect(h.deps.repos.whySessions.list('T1')[0]?.state.chain).toHaveLength(1);
    const again = await thread.say('status', 'bob');
    expect(again.posted.join('\n')).toContain(
      'Why 2 of 5: Why does “Orders leave the warehouse late” happen?',
    );
  });
});

describe('idle reminders', () => {
  let h: WhyHarness;
  beforeEach(async () => {
    h = openWhyHarness();
    await seedIssues(h);
  });
  afterEach(() => h.close());

  const at = (hours: number): Date => new Date(Date.parse('2026-11-02T09:00:00Z') + hours * HOUR);

  it('reminds once per idle period after 48 hours, and never a finished dialog', async () => {
    const thread = await h.start('#late-delivery');
    const done = await h.start('#billing');
    await done.say('root cause: Manual invoices');
    await done.say('cancel');
    expect(await remindIdleWhys(h.deps, at(47))).toBe(0);
    expect(await remindIdleWhys(h.deps, at(48))).toBe(1);
    const reminder = h.gateway.thread(thread.threadId).at(-1)?.text ?? '';
    expect(reminder).toContain(
      'This 5-why on “late-delivery” is still open: nobody has replied for 48 hours.',
    );
    expect(reminder).toContain('It is waiting on: Why 1 of 5');
    expect(await remindIdleWhys(h.deps, at(60))).toBe(0);
    expect(await remindIdleWhys(h.deps, at(200))).toBe(0);
    expect(h.gateway.thread(done.threadId).some((m) => m.text.includes('still open'))).toBe(false);

    h.clock.set(at(201).toISOString());
    await thread.say(FIVE_WHYS[0]);
    expect(await remindIdleWhys(h.deps, at(248))).toBe(0);
    expect(await remindIdleWhys(h.deps, at(249))).toBe(1);
    expect(h.gateway.thread(thread.threadId).at(-1)?.text).toContain(
      'It is waiting on: Why 2 of 5',
    );
  });

  it('uses a configurable idle time and tries again after a failed post', async () => {
    const thread = await h.start('#late-delivery');
    h.gateway.failNext = 1;
    expect(await remindIdleWhys(h.deps, at(3), 2 * HOUR)).toBe(0);
    expect(await remindIdleWhys(h.deps, at(4), 2 * HOUR)).toBe(1);
    expect(h.gateway.thread(thread.threadId).at(-1)?.text).toContain(
      'nobody has replied for 2 hours',
    );
  });
});

describe('listIdle', () => {
  it('skips sessions already reminded since their last activity', async () => {
    const h = openWhyHarness();
    try {
      await seedIssues(h);
      const thread = await h.start('#late-delivery');
      const idleBefore = new Date(Date.parse('2026-11-05T00:00:00Z'));
      expect(h.deps.repos.whySessions.listIdle(idleBefore)).toHaveLength(1);
      expect(await remindIdleWhys(h.deps, idleBefore)).toBe(1);
      expect(h.deps.repos.whySessions.listIdle(idleBefore)).toEqual([]);
      h.clock.set('2026-11-06T00:00:00Z');
      await thread.say('Orders leave late');
      expect(h.deps.repos.whySessions.listIdle(new Date('2026-11-09T00:00:00Z'))).toHaveLength(1);
    } finally {
      h.close();
    }
  });
});
