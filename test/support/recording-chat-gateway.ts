// A ChatGateway that records every call and renders each view as plain text, so tests
// can read a conversation the way a person would. Threads get predictable ids.
import { imageView } from '../../src/core/views/view-helpers.js';
import type {
  ChatGateway,
  GatewayResult,
  PostedMessage,
} from '../../src/core/ports/chat-gateway.js';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';

export interface RecordedMessage {
  call: 'post' | 'postEphemeral' | 'reply' | 'update' | 'openForm' | 'dm' | 'uploadImage';
  channelId: string | null;
  threadId: string | null;
  userId: string | null;
  messageId: string | null;
  view: MessageView | null;
  text: string;
}

export class RecordingChatGateway implements ChatGateway {
  readonly messages: RecordedMessage[] = [];
  private seq = 0;
  /** Makes the next n calls fail, to test how the core handles a platform failure. */
  failNext = 0;

  private record(entry: Omit<RecordedMessage, 'text'>): GatewayResult<PostedMessage> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      return { ok: false, retryable: true, error: 'simulated failure' };
    }
    this.messages.push({ ...entry, text: entry.view ? renderPlainText(entry.view) : '' });
    return {
      ok: true,
      value: {
        messageId: entry.messageId ?? '',
        conversation: { platform: 'local', tenantId: '', channelId: entry.channelId ?? '' },
      },
    };
  }

  private nextId(): string {
    this.seq += 1;
    return `m${this.seq}`;
  }

  post = async (
    conversation: ConversationRef,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> => {
    const messageId = this.nextId();
    const result = this.record({
      call: 'post',
      channelId: conversation.channelId,
      threadId: conversation.threadId ?? null,
      userId: null,
      messageId,
      view,
    });
    return result.ok ? { ok: true, value: { messageId, conversation } } : result;
  };

  postEphemeral = async (
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> => {
    const result = this.record({
      call: 'postEphemeral',
      channelId: conversation.channelId,
      threadId: conversation.threadId ?? null,
      userId: user.userId,
      messageId: null,
      view,
    });
    return result.ok ? { ok: true, value: undefined } : result;
  };

  reply = async (
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> => {
    const messageId = this.nextId();
    const result = this.record({
      call: 'reply',
      channelId: conversation.channelId,
      threadId,
      userId: null,
      messageId,
      view,
    });
    return result.ok
      ? { ok: true, value: { messageId, conversation: { ...conversation, threadId } } }
      : result;
  };

  update = async (message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> => {
    const result = this.record({
      call: 'update',
      channelId: message.conversation.channelId,
      threadId: message.conversation.threadId ?? null,
      userId: null,
      messageId: message.messageId,
      view,
    });
    return result.ok ? { ok: true, value: undefined } : result;
  };

  openForm = async (user: UserRef, view: MessageView): Promise<GatewayResult<void>> => {
    const result = this.record({
      call: 'openForm',
      channelId: null,
      threadId: null,
      userId: user.userId,
      messageId: null,
      view,
    });
    return result.ok ? { ok: true, value: undefined } : result;
  };

  dm = async (user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> => {
    const messageId = this.nextId();
    const result = this.record({
      call: 'dm',
      channelId: `dm-${user.userId}`,
      threadId: null,
      userId: user.userId,
      messageId,
      view,
    });
    return result.ok
      ? {
          ok: true,
          value: {
            messageId,
            conversation: {
              platform: user.platform,
              tenantId: user.tenantId,
              channelId: `dm-${user.userId}`,
            },
          },
        }
      : result;
  };

  uploadImage = async (
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> => {
    const messageId = this.nextId();
    const view = imageView(image);
    const result = this.record({
      call: 'uploadImage',
      channelId: conversation.channelId,
      threadId: threadId ?? null,
      userId: null,
      messageId,
      view,
    });
    return result.ok ? { ok: true, value: { messageId, conversation } } : result;
  };

  /** The messages in one thread, oldest first. */
  thread(threadId: string): RecordedMessage[] {
    return this.messages.filter((m) => m.threadId === threadId);
  }

  last(): RecordedMessage | undefined {
    return this.messages.at(-1);
  }
}
