import { describe, expect, it } from 'vitest';
import { AfterAckQueue } from '../../../src/runtime/after-ack-queue.js';

const nextMacrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('AfterAckQueue', () => {
  it('returns what the job returns and passes its error on', async () => {
    const queue = new AfterAckQueue();
    await expect(queue.run(() => 42)).resolves.toBe(42);
    await expect(
      queue.run(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(queue.size).toBe(0);
  });

  it('never starts a job in the turn that queued it, so pending I/O is polled first', async () => {
    const queue = new AfterAckQueue();
    const events: string[] = [];
    const done = queue.run(() => events.push('job'));
    await Promise.resolve();
    events.push('same turn');
    await done;
    expect(events).toEqual(['same turn', 'job']);
  });

  it('starts jobs in arrival order and keeps at most `concurrency` running', async () => {
    const queue = new AfterAckQueue({ concurrency: 2 });
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const jobs = Array.from({ length: 8 }, (_, i) =>
      queue.run(async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await sleep(2);
        running -= 1;
      }),
    );
    await Promise.all(jobs);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
  });

  it('still starts work while requests keep arriving (paced, never starved)', async () => {
    const queue = new AfterAckQueue();
    let arriving = true;
    let startedWhileArriving = false;
    const first = queue.run(() => {
      startedWhileArriving = arriving;
    });
    const others: Promise<unknown>[] = [];
    // A steady stream of arrivals for ~100 ms, each one more job.
    for (let i = 0; i < 100; i++) {
      others.push(queue.run(() => undefined));
      await sleep(1);
    }
    arriving = false;
    await Promise.all([first, ...others]);
    expect(startedWhileArriving).toBe(true);
  });

  it('holds the next start back while traffic is recent, until the gap has passed', async () => {
    // A clock the test moves by hand: no assertion depends on how fast this machine is.
    let clock = 1000;
    const queue = new AfterAckQueue({
      concurrency: 4,
      busyGapMs: 25,
      now: () => clock,
      lastInbound: () => clock, // a connection "just now", whatever the time
    });
    const started: string[] = [];
    const first = queue.run(() => started.push('first'));
    const second = queue.run(() => started.push('second'));
    await first;
    await sleep(40); // real time passes, the test clock does not: still within the gap
    expect(started).toEqual(['first']);
    clock += 25;
    await second;
    expect(started).toEqual(['first', 'second']);
  });

  it('starts the backlog at once when traffic has paused', async () => {
    let clock = 1000;
    const queue = new AfterAckQueue({
      concurrency: 1,
      now: () => clock,
      lastInbound: () => Number.NEGATIVE_INFINITY,
    });
    const jobs = [queue.run(() => 'a')];
    clock += 10; // the last arrival is now 10 ms old: quiet
    jobs.push(
      queue.run(() => 'b'),
      queue.run(() => 'c'),
    );
    clock += 10;
    await expect(Promise.all(jobs)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('idle() waits for queued and running jobs', async () => {
    const queue = new AfterAckQueue({ concurrency: 1 });
    const finished: number[] = [];
    void queue.run(async () => {
      await sleep(5);
      finished.push(1);
    });
    void queue.run(() => finished.push(2));
    await queue.idle();
    expect(finished).toEqual([1, 2]);
    await expect(queue.idle()).resolves.toBeUndefined();
  });

  it('idle(withinMs) gives up on a job that never ends', async () => {
    const queue = new AfterAckQueue();
    void queue.run(() => new Promise<void>(() => undefined));
    await nextMacrotask();
    await queue.idle(20);
    expect(queue.size).toBe(1);
  });

  it('reports a backlog once each time it grows past warnAt', async () => {
    const reports: number[] = [];
    const queue = new AfterAckQueue({
      concurrency: 1,
      warnAt: 3,
      onBacklog: (n) => reports.push(n),
    });
    const jobs = Array.from({ length: 5 }, () => queue.run(() => undefined));
    expect(reports).toEqual([3]);
    await Promise.all(jobs);
    await Promise.all(Array.from({ length: 4 }, () => queue.run(() => undefined)));
    expect(reports).toEqual([3, 3]);
  });
});
