// Sends each call to the gateway of the platform it is for, so the core can post to
// Slack, Teams and the playground through one port.
import type { ChatGateway, GatewayResult, PostedMessage } from '../core/ports/chat-gateway.js';
import type { ConversationRef, Platform, UserRef } from '../core/domain/types.js';
import type { MessageView } from '../core/views/message-view.js';

const unavailable = (platform: Platform): GatewayResult<never> => ({
  ok: false,
  retryable: false,
  error: `no ${platform} adapter is running`,
});

export class RoutingChatGateway implements ChatGateway {
  constructor(private readonly gateways: Partial<Record<Platform, ChatGateway>>) {}

  private for(platform: Platform): ChatGateway | undefined {
    return this.gateways[platform];
  }

  async post(
    conversation: ConversationRef,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    return (
      this.for(conversation.platform)?.post(conversation, view) ??
      unavailable(conversation.platform)
    );
  }

  async postEphemeral(
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> {
    return (
      this.for(conversation.platform)?.postEphemeral(conversation, user, view) ??
      unavailable(conversation.platform)
    );
  }

  async reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    return (
      this.for(conversation.platform)?.reply(conversation, threadId, view) ??
      unavailable(conversation.platform)
    );
  }

  async update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> {
    const platform = message.conversation.platform;
    return this.for(platform)?.update(message, view) ?? unavailable(platform);
  }

  async openForm(user: UserRef, view: MessageView, trigger?: string): Promise<GatewayResult<void>> {
    return this.for(user.platform)?.openForm(user, view, trigger) ?? unavailable(user.platform);
  }

  async dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    return this.for(user.platform)?.dm(user, view) ?? unavailable(user.platform);
  }

  async uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    return (
      this.for(conversation.platform)?.uploadImage(conversation, image, threadId) ??
      unavailable(conversation.platform)
    );
  }
}
