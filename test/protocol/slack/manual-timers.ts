// Timers for the gateway's rate-limit waits that only move when a test moves them: a test
// sees who is waiting, and for how long, and decides when the wait is over.
import type { RateLimitTimers } from '../../../adapters/slack/slack-rate-limits.js';

export interface Sleeper {
  ms: number;
  until: number;
  wake(): void;
}

export interface ManualTimers {
  timers: RateLimitTimers;
  /** Sleeps not yet over. */
  sleeping: Sleeper[];
  /** Every sleep asked for, in ms, in order. */
  asked: number[];
  /** Moves the clock on and ends the sleeps that are over. */
  advance(ms: number): void;
  /** Resolves once `count` sleeps are pending. */
  untilSleeping(count: number): Promise<void>;
}

export const manualTimers = (): ManualTimers => {
  let now = 0;
  const sleeping: Sleeper[] = [];
  const asked: number[] = [];
  const waiters = new Set<() => void>();
  return {
    sleeping,
    asked,
    timers: {
      now: () => now,
      sleep: (ms) =>
        new Promise<void>((resolve) => {
          sleeping.push({ ms, until: now + ms, wake: resolve });
          asked.push(ms);
          for (const check of [...waiters]) check();
        }),
    },
    advance(ms) {
      now += ms;
      for (const sleeper of sleeping.filter((s) => s.until <= now)) {
        sleeping.splice(sleeping.indexOf(sleeper), 1);
        sleeper.wake();
      }
    },
    untilSleeping(count) {
      return new Promise((resolve) => {
        const check = (): void => {
          if (sleeping.length < count) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
  };
};
