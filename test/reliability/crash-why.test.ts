// SIGKILL during a 5-why. A child process runs the dialog on a database file and is killed
// between two steps, then in the middle of a step (after the answer was committed, while the
// next question was being posted). After each restart the dialog resumes at the step the
// database holds, nothing answered is lost or counted twice, and it runs on to the end.
// The second child is started ahead of time and handed its arguments once the first is
// dead, so its start-up overlaps the first one's run.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/run-cli.js';
import { openWhyHarness } from '../integration/why/why-harness.js';
import { killChildren, spawnScript } from './support/child-process.js';
import { secretsIn } from './support/captured-logs.js';

const CHILD = 'test/reliability/support/crash-child.ts';
const tmp = tempDir();
afterAll(async () => {
  await killChildren();
  tmp.cleanup();
});

const chainOf = (dbPath: string, threadId: string) => {
  const h = openWhyHarness({ path: dbPath, idPrefix: `check-${Date.now()}` });
  try {
    const session = h.deps.repos.whySessions.findByThread('T1', {
      platform: 'local',
      channelId: 'C1',
      threadId,
    });
    return {
      step: session?.state.step,
      version: session?.version,
      answers: session?.state.chain.map((a) => a.text) ?? [],
    };
  } finally {
    h.close();
  }
};

describe('SIGKILL during a 5-why', () => {
  it('resumes at the same step after a kill between steps and one inside a step', async () => {
    const dbPath = join(tmp.dir, 'why.db');

    const second = await spawnScript(CHILD, ['--args-from-stdin']);
    // 1. Killed between steps, with two whys answered.
    const first = await spawnScript(CHILD, ['why', dbPath, 'start']);
    const threadId = await first.waitFor('THREAD');
    await first.waitFor('BETWEEN-STEPS');
    await first.kill();
    expect(threadId).not.toBe('');
    const afterFirst = chainOf(dbPath, threadId);
    expect(afterFirst).toMatchObject({ step: 'why', version: 2 });
    expect(afterFirst.answers).toEqual([
      'Orders leave the warehouse late',
      'Picking starts after the courier cutoff',
    ]);
    const resumed = openWhyHarness({ path: dbPath, idPrefix: 'resume-1' });
    try {
      const status = await resumed.thread(threadId).say('status');
      expect(status.text).toContain('Why 3 of 5');
    } finally {
      resumed.close();
    }

    // 2. Killed inside a step: why 3 is committed, its follow-up question never posted.
    await second.waitFor('READY');
    second.send(
      JSON.stringify([
        'why',
        dbPath,
        'answer-and-block',
        threadId,
        'Pick lists are printed once a day',
      ]),
    );
    await second.waitFor('REPLYING');
    await second.kill();
    const afterSecond = chainOf(dbPath, threadId);
    expect(afterSecond.step).toBe('why');
    expect(afterSecond.answers).toEqual([
      ...afterFirst.answers,
      'Pick lists are printed once a day',
    ]);
    expect(secretsIn(first.output() + second.output())).toEqual([]);

    // 3. The restarted bot picks up at why 4 and runs the dialog to its root cause.
    const last = openWhyHarness({ path: dbPath, idPrefix: 'resume-2' });
    try {
      const thread = last.thread(threadId);
      expect((await thread.say('status')).text).toContain('Why 4 of 5');
      expect((await thread.say('The WMS batch job runs at noon')).text).toContain('Why 5 of 5');
      expect((await thread.say('Nobody owns the batch schedule')).text).toContain(
        'Proposed root cause',
      );
      expect((await thread.say('confirm')).text).toContain('Which internal metric');
    } finally {
      last.close();
    }
    const done = chainOf(dbPath, threadId);
    expect(done.answers).toHaveLength(5);
    expect(new Set(done.answers).size).toBe(5);
  });
});
