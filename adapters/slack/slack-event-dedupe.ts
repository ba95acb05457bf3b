// Slack retries an event it thinks we missed (X-Slack-Retry-Num, the same event_id). Bolt
// has acked it by now; this global middleware lets only the first delivery through.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { Logger } from '../../src/logging/logger.js';
import type { AfterAckQueue } from '../../src/runtime/after-ack-queue.js';
import { tenantOf } from './slack-listeners.js';

export const PROCESSED_EVENT_TTL_MS = 24 * 60 * 60 * 1000;

export const dedupeEvents =
  (core: CoreDeps, logger: Logger, afterAck: AfterAckQueue): Middleware<AnyMiddlewareArgs> =>
  async ({ body, context, next }) => {
    const eventId = (body as { type?: string; event_id?: string }).event_id;
    if ((body as { type?: string }).type !== 'event_callback' || !eventId) return next();
    // Bolt acked the event already; its listeners run in the after-ack queue from here.
    await afterAck.run(async () => {
      const tenantId = tenantOf(context);
      const first = core.repos.transaction(() => {
        core.repos.tenants.ensure(tenantId, 'slack');
        return core.repos.processedEvents.markProcessed(
          tenantId,
          `slack:${eventId}`,
          core.clock.now(),
        );
      });
      if (!first) {
        logger.debug(
          { eventId, retryNum: context.retryNum },
          'slack retry ignored: event already processed',
        );
        return;
      }
      await next();
    });
  };

/** Forgets old event ids now and then; retries come within minutes. */
export const startPruning = (core: CoreDeps): (() => void) => {
  const prune = () =>
    core.repos.processedEvents.prune(new Date(core.clock.now().getTime() - PROCESSED_EVENT_TTL_MS));
  prune();
  const timer = setInterval(prune, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
};
