// The core's outbound port for the playground: every post, reply, private note, update,
// form and chart lands in the PlaygroundLog, which pushes it to the open pages.
import { imageView } from '../../src/core/views/view-helpers.js';
import type {
  ChatGateway,
  GatewayResult,
  PostedMessage,
} from '../../src/core/ports/chat-gateway.js';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import type { PlaygroundLog } from './playground-log.js';

/** The playground's direct-message channel between the bot and one person. */
export const dmChannelOf = (userId: string): string => `dm-${userId}`;

const posted = (
  messageId: string,
  conversation: ConversationRef,
): GatewayResult<PostedMessage> => ({
  ok: true,
  value: { messageId, conversation },
});

export class PlaygroundChatGateway implements ChatGateway {
  constructor(private readonly log: PlaygroundLog) {}

  async post(
    conversation: ConversationRef,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    const message = this.log.postView(
      { channelId: conversation.channelId, threadId: conversation.threadId ?? null },
      view,
    );
    return posted(message.id, conversation);
  }

  async postEphemeral(
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> {
    this.log.postView(
      {
        channelId: conversation.channelId,
        threadId: conversation.threadId ?? null,
        onlyFor: user.userId,
      },
      view,
    );
    return { ok: true, value: undefined };
  }

  async reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    const message = this.log.postView({ channelId: conversation.channelId, threadId }, view);
    return posted(message.id, { ...conversation, threadId });
  }

  async update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> {
    return this.log.update(message.messageId, view)
      ? { ok: true, value: undefined }
      : { ok: false, retryable: false, error: `message ${message.messageId} is gone` };
  }

  async openForm(user: UserRef, view: MessageView): Promise<GatewayResult<void>> {
    // A form opened out of the blue answers in the person's direct messages.
    const opened = this.log.openModal(user.userId, view, { channelId: dmChannelOf(user.userId) });
    return opened
      ? { ok: true, value: undefined }
      : { ok: false, retryable: false, error: 'the view has no form' };
  }

  async dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    const channelId = dmChannelOf(user.userId);
    const message = this.log.postView({ channelId, onlyFor: user.userId }, view);
    return posted(message.id, { platform: user.platform, tenantId: user.tenantId, channelId });
  }

  async uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    const view = imageView(image);
    const thread = threadId ?? conversation.threadId ?? null;
    const message = this.log.postView(
      { channelId: conversation.channelId, threadId: thread },
      view,
    );
    return posted(message.id, conversation);
  }
}
