// The scheduler: node-cron ticks once a minute and runs each job; the jobs themselves
// decide what is due (from the database), so a restart or a second instance never
// changes what gets posted. The first tick runs at start-up to catch up.
import cron from 'node-cron';
import type { Logger } from '../logging/logger.js';

export interface ScheduledJob {
  name: string;
  run(): Promise<unknown>;
}

export interface RunningScheduler {
  /** Runs every job once now (tests and start-up catch-up use it). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export const startScheduler = (jobs: ScheduledJob[], logger: Logger): RunningScheduler => {
  let running: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    // A slow tick (a thousand digests) is never run twice at once.
    running ??= (async () => {
      for (const job of jobs) {
        try {
          const result = await job.run();
          logger.debug({ job: job.name, result }, 'scheduled job ran');
        } catch (e: unknown) {
          logger.error({ err: e, job: job.name }, 'scheduled job failed');
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const task = cron.schedule('* * * * *', () => tick(), {
    name: 'cx-habits-minute',
    noOverlap: true,
  });
  void tick();
  return {
    tick,
    stop: async () => {
      await task.stop();
      await running;
    },
  };
};
