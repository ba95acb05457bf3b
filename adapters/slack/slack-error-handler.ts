// The adapter's one catch-all: log what failed (never the body, which can hold tokens) and
// tell the person, privately and neutrally, that nothing was saved.
import type { App, Context } from '@slack/bolt';
import { unexpectedErrorView } from '../../src/core/views/feedback-views.js';
import type { Logger } from '../../src/logging/logger.js';
import { tenantIdFor } from './slack-installation-store.js';
import type { SlackReplies } from './slack-replies.js';
import { userRef } from './slack-inbound.js';

interface ErrorBody {
  type?: string;
  command?: string;
  user_id?: string;
  channel_id?: string;
  user?: { id?: string };
  channel?: { id?: string };
  event?: { type?: string; user?: string; channel?: string; thread_ts?: string };
}

const whoAndWhere = (body: ErrorBody) => ({
  userId: body.user_id ?? body.user?.id ?? body.event?.user,
  channelId: body.channel_id ?? body.channel?.id ?? body.event?.channel,
  threadId: body.event?.thread_ts,
});

export const registerErrorHandler = (app: App, replies: SlackReplies, logger: Logger): void => {
  app.error(async ({ error, context, body }: { error: Error; context: Context; body: unknown }) => {
    const b = (body ?? {}) as ErrorBody;
    const tenantId = context ? tenantIdFor(context) : undefined;
    const e = error as {
      name?: string;
      code?: string;
      message?: string;
      stack?: string;
      original?: unknown;
    };
    logger.error(
      {
        err: { name: e.name, code: e.code, message: e.message, stack: e.stack },
        kind: b.type ?? b.command,
        eventType: b.event?.type,
        tenantId,
      },
      'slack request failed',
    );
    const { userId, channelId, threadId } = whoAndWhere(b);
    if (!tenantId || !userId) return;
    await replies
      .deliver(unexpectedErrorView(), { user: userRef(tenantId, userId), channelId, threadId })
      .catch((sendError: unknown) =>
        logger.warn({ err: sendError }, 'could not tell the user about the error'),
      );
  });
};
