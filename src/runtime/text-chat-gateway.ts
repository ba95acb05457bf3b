// A ChatGateway that renders every message as plain text and hands it to a sink: the
// CLI prints it, the first playground collects it. Message ids are sequential.
import { imageView } from '../core/views/view-helpers.js';
import type { ChatGateway, GatewayResult, PostedMessage } from '../core/ports/chat-gateway.js';
import type { ConversationRef, UserRef } from '../core/domain/types.js';
import type { MessageView } from '../core/views/message-view.js';
import { renderPlainText } from '../core/views/render-plain-text.js';

export interface TextMessage {
  messageId: string;
  channelId: string;
  threadId: string | null;
  /** Set for private messages: only this user sees it. */
  onlyFor: string | null;
  text: string;
}

export class TextChatGateway implements ChatGateway {
  private seq = 0;

  constructor(private readonly sink: (message: TextMessage) => void) {}

  private emit(
    channelId: string,
    threadId: string | null,
    onlyFor: string | null,
    view: MessageView,
  ): string {
    this.seq += 1;
    const messageId = `msg-${this.seq}`;
    this.sink({ messageId, channelId, threadId, onlyFor, text: renderPlainText(view) });
    return messageId;
  }

  async post(
    conversation: ConversationRef,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    const messageId = this.emit(conversation.channelId, conversation.threadId ?? null, null, view);
    return { ok: true, value: { messageId, conversation } };
  }

  async postEphemeral(
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> {
    this.emit(conversation.channelId, conversation.threadId ?? null, user.userId, view);
    return { ok: true, value: undefined };
  }

  async reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    const messageId = this.emit(conversation.channelId, threadId, null, view);
    return { ok: true, value: { messageId, conversation: { ...conversation, threadId } } };
  }

  async update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> {
    this.emit(message.conversation.channelId, message.conversation.threadId ?? null, null, view);
    return { ok: true, value: undefined };
  }

  async openForm(user: UserRef, view: MessageView): Promise<GatewayResult<void>> {
    this.emit(`dm-${user.userId}`, null, user.userId, view);
    return { ok: true, value: undefined };
  }

  async dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    const channelId = `dm-${user.userId}`;
    const messageId = this.emit(channelId, null, user.userId, view);
    return {
      ok: true,
      value: {
        messageId,
        conversation: { platform: user.platform, tenantId: user.tenantId, channelId },
      },
    };
  }

  async uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    const view = imageView(image);
    const messageId = this.emit(conversation.channelId, threadId ?? null, null, view);
    return { ok: true, value: { messageId, conversation } };
  }
}
