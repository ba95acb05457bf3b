// The outbound port: how the core speaks on a platform. Slack, Teams and the local
// playground each implement it. Failures come back as values, never as throws, so the
// core can decide what a failed send means.
import type { ConversationRef, UserRef } from '../domain/types.js';
import type { MessageView } from '../views/message-view.js';

export type GatewayResult<T> =
  { ok: true; value: T } | { ok: false; retryable: boolean; error: string };

/** Where a posted message lives, so it can be replied to or updated later. */
export interface PostedMessage {
  /** The platform's message id (Slack ts, Teams activity id); replies thread under it. */
  messageId: string;
  conversation: ConversationRef;
}

export interface ChatGateway {
  /** Posts to a channel (or, with conversation.threadId, into that thread). */
  post(conversation: ConversationRef, view: MessageView): Promise<GatewayResult<PostedMessage>>;
  /** Shows a message only to `user`, in the conversation. */
  postEphemeral(
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>>;
  /** Replies in the thread under `threadId`. */
  reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>>;
  /** Replaces a message the bot posted. */
  update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>>;
  /** Opens a form (Slack modal, Teams task module) for the user; needs the platform's trigger. */
  openForm(user: UserRef, view: MessageView, trigger?: string): Promise<GatewayResult<void>>;
  /** A private message to one person. */
  dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>>;
  /** Uploads a PNG (a chart) to a conversation. */
  uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>>;
}
