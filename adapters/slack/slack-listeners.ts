// Bolt listeners: ack first, then translate, ask the core, and deliver its reply. Errors
// are not caught here; they reach the one catch-all (app.error).
import type { App, Context } from '@slack/bolt';
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import { handleHomeOpened } from '../../src/core/bot/handle-home.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { Logger } from '../../src/logging/logger.js';
import type { AfterAckQueue } from '../../src/runtime/after-ack-queue.js';
import { fitBlocks, renderBlocks } from './block-kit/render-message.js';
import { SLACK_LIMITS } from './block-kit/slack-limits.js';
import type { SlackReplies } from './slack-replies.js';
import { tenantIdFor } from './slack-installation-store.js';
import {
  actionInbound,
  actionOrigin,
  commandInbound,
  formSubmitInbound,
  logMessageInbound,
  threadReplyInbound,
  userRef,
  type BlockActionBody,
  type BlockActionElement,
  type MessageEventPayload,
  type MessageShortcutBody,
  type SlashCommandPayload,
  type ViewSubmissionBody,
} from './slack-inbound.js';

/** The slash commands of the product surface, as the manifest declares them. */
export const SLASH_COMMAND = /^\/cx(-[a-z]+)?$/;
/** The message shortcut's callback id in manifest.json. */
export const LOG_MESSAGE_SHORTCUT = 'log_as_cx_issue';

export const tenantOf = (context: Context): string => {
  const tenantId = tenantIdFor(context);
  if (!tenantId) throw new Error('request carries no workspace id');
  return tenantId;
};

export interface ListenerDeps {
  core: CoreDeps;
  replies: SlackReplies;
  logger: Logger;
  /** Everything after an ack runs through it, so later requests are acked first. */
  afterAck: AfterAckQueue;
}

const registerCommands = (app: App, { core, replies, afterAck }: ListenerDeps): void => {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, context }) => {
    await ack();
    await afterAck.run(async () => {
      const inbound = commandInbound(tenantOf(context), command as SlashCommandPayload);
      const view = await handleInbound(core, inbound);
      if (view)
        await replies.deliver(view, {
          user: inbound.user,
          channelId: command.channel_id,
          trigger: command.trigger_id,
          respond,
        });
    });
  });
};

const registerThreadMessages = (app: App, { core, replies }: ListenerDeps): void => {
  app.event('message', async ({ event, context }) => {
    const inbound = threadReplyInbound(tenantOf(context), event as unknown as MessageEventPayload);
    if (!inbound) return;
    const view = await handleInbound(core, inbound);
    if (view)
      await replies.deliver(view, {
        user: inbound.user,
        channelId: inbound.conversation.channelId,
        threadId: inbound.conversation.threadId,
      });
  });
};

const registerActions = (app: App, { core, replies, afterAck }: ListenerDeps): void => {
  app.action(/.*/, async ({ body, action, ack, respond, context }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    await afterAck.run(async () => {
      const inbound = actionInbound(
        tenantOf(context),
        body as unknown as BlockActionBody,
        action as unknown as BlockActionElement,
      );
      const view = await handleInbound(core, inbound);
      const origin = actionOrigin(body as unknown as BlockActionBody);
      if (view)
        await replies.deliver(view, {
          user: inbound.user,
          ...origin,
          trigger: body.trigger_id,
          respond: origin.channelId ? respond : undefined,
        });
    });
  });
};

const registerViews = (app: App, { core, replies, afterAck }: ListenerDeps): void => {
  app.view(/.*/, async ({ body, ack, context }) => {
    await ack();
    await afterAck.run(async () => {
      const { inbound, origin } = formSubmitInbound(
        tenantOf(context),
        body as unknown as ViewSubmissionBody,
      );
      const view = await handleInbound(core, inbound);
      if (view) await replies.deliver(view, { user: inbound.user, ...origin });
    });
  });
};

const registerShortcut = (app: App, deps: ListenerDeps): void => {
  const { core, replies, logger, afterAck } = deps;
  app.shortcut(LOG_MESSAGE_SHORTCUT, async ({ shortcut, ack, client, context }) => {
    await ack();
    await afterAck.run(async () => {
      const body = shortcut as unknown as MessageShortcutBody;
      // The permalink is a nicety: without it the issue is still logged.
      const permalink = await client.chat
        .getPermalink({ channel: body.channel.id, message_ts: body.message.ts })
        .then((r) => r.permalink)
        .catch((e: unknown) => logger.debug({ err: e }, 'no permalink for the shortcut message'));
      const inbound = logMessageInbound(tenantOf(context), body, permalink ?? undefined);
      const view = await handleInbound(core, inbound);
      if (view)
        await replies.deliver(view, {
          user: inbound.user,
          channelId: body.channel.id,
          trigger: body.trigger_id,
        });
    });
  });
};

const registerHome = (app: App, { core }: ListenerDeps): void => {
  app.event('app_home_opened', async ({ event, client, context }) => {
    if (event.tab !== 'home') return;
    const view = handleHomeOpened(core, userRef(tenantOf(context), event.user));
    await client.views.publish({
      user_id: event.user,
      view: {
        type: 'home',
        blocks: fitBlocks(renderBlocks(view.blocks), SLACK_LIMITS.homeBlocks) as never,
      },
    });
  });
};

export const registerListeners = (app: App, deps: ListenerDeps): void => {
  registerCommands(app, deps);
  registerThreadMessages(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcut(app, deps);
  registerHome(app, deps);
};
