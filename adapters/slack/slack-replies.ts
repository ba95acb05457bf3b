// Puts the core's reply where Slack expects it: a form opens a modal, a private view is
// ephemeral, a public one goes in the channel (or the thread it answers).
import type { RespondFn } from '@slack/bolt';
import type { UserRef } from '../../src/core/domain/types.js';
import type { GatewayResult } from '../../src/core/ports/chat-gateway.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import type { Logger } from '../../src/logging/logger.js';
import { renderMessage } from './block-kit/render-message.js';
import { formOf } from './block-kit/render-modal.js';
import type { SlackChatGateway } from './slack-chat-gateway.js';
import { conversationRef, type Origin } from './slack-inbound.js';

export interface ReplyTarget extends Origin {
  user: UserRef;
  trigger?: string | undefined;
  /** Slash commands and message buttons carry a response_url: it works in any channel. */
  respond?: RespondFn | undefined;
}

export class SlackReplies {
  constructor(
    private readonly gateway: SlackChatGateway,
    private readonly logger: Logger,
  ) {}

  async deliver(view: MessageView, target: ReplyTarget): Promise<void> {
    const result = await this.send(view, target);
    if (!result.ok)
      this.logger.warn(
        { error: result.error, retryable: result.retryable },
        'slack reply not delivered',
      );
  }

  private async send(view: MessageView, target: ReplyTarget): Promise<GatewayResult<unknown>> {
    const { user, channelId, threadId } = target;
    if (formOf(view) && target.trigger)
      return this.gateway.openModal(user, view, target.trigger, {
        ...(channelId ? { channelId } : {}),
        ...(threadId ? { threadId } : {}),
      });
    if (target.respond && !threadId) return this.respond(view, target);
    if (!channelId) return this.gateway.dm(user, view);
    const conversation = conversationRef(user.tenantId, channelId, threadId);
    if (view.visibility === 'private') return this.gateway.postEphemeral(conversation, user, view);
    return threadId
      ? this.gateway.reply(conversation, threadId, view)
      : this.gateway.post(conversation, view);
  }

  private async respond(view: MessageView, target: ReplyTarget): Promise<GatewayResult<void>> {
    const { text, blocks, images } = renderMessage(view);
    await target.respond?.({
      response_type: view.visibility === 'private' ? 'ephemeral' : 'in_channel',
      replace_original: false,
      text,
      blocks: blocks as never,
    });
    // A response_url cannot carry files; a public chart follows as an upload.
    if (view.visibility === 'public' && target.channelId) {
      const conversation = conversationRef(target.user.tenantId, target.channelId);
      for (const image of images) await this.gateway.uploadImage(conversation, image);
    }
    return { ok: true, value: undefined };
  }
}
