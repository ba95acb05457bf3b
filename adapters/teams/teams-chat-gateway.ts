// The ChatGateway for Teams: proactive posts from stored conversation references through
// CloudAdapter.continueConversationAsync. Failed sends are retried with backoff and
// logged; they come back as values, never as throws.
import { imageView } from '../../src/core/views/view-helpers.js';
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type {
  ChatGateway,
  GatewayResult,
  PostedMessage,
} from '../../src/core/ports/chat-gateway.js';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import type { Logger } from '../../src/logging/logger.js';
import { threadConversationId } from './teams-activity-refs.js';
import type { StoredTeamsReference, TeamsConversationStore } from './teams-conversation-store.js';
import type { TeamsViewSender } from './teams-view-sender.js';
import { proactiveTurn, startOneToOneChat } from './teams-one-to-one.js';
import { withRetry, type RetryPolicy } from './teams-retry.js';

export interface TeamsGatewayOptions {
  adapter: CloudAdapter;
  /** The bot's app id; empty in dev mode. */
  appId: string;
  store: TeamsConversationStore;
  sender: TeamsViewSender;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

type Turn<T> = (context: TurnContext) => Promise<T>;

const missing = (what: string): GatewayResult<never> => ({
  ok: false,
  retryable: false,
  error: `the bot has no conversation reference for ${what}; it must be installed there first`,
});

export class TeamsChatGateway implements ChatGateway {
  constructor(private readonly options: TeamsGatewayOptions) {}

  async post(
    conversation: ConversationRef,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    if (conversation.threadId) return this.reply(conversation, conversation.threadId, view);
    return this.sendView(conversation, undefined, view);
  }

  async reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    return this.sendView(conversation, threadId, view);
  }

  /** Teams has no ephemeral messages: the person gets it in their chat with the bot. */
  async postEphemeral(
    _c: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> {
    const sent = await this.dm(user, view);
    return sent.ok ? { ok: true, value: undefined } : sent;
  }

  async update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> {
    const { conversation, messageId } = message;
    const ref = this.reference(conversation, conversation.threadId);
    if (!ref) return missing(`conversation ${conversation.channelId}`);
    return this.run('update', ref, async (context) => {
      const activity = await this.options.sender.activity(context, view);
      await context.updateActivity({ ...activity, id: messageId });
    });
  }

  /** A bot cannot open a Teams dialog unprompted; the form goes to the person's chat. */
  async openForm(user: UserRef, view: MessageView): Promise<GatewayResult<void>> {
    const sent = await this.dm(user, view);
    return sent.ok ? { ok: true, value: undefined } : sent;
  }

  async dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    const { store, adapter, appId } = this.options;
    const personal = store.personalFor(user.tenantId, user.userId);
    if (personal?.conversation) {
      return this.sendView(
        { platform: 'teams', tenantId: user.tenantId, channelId: personal.conversation.id },
        undefined,
        view,
      );
    }
    const seed = store.anyIn(user.tenantId);
    if (!seed) return missing(`tenant ${user.tenantId}`);
    return withRetry(this.policy('dm'), () =>
      startOneToOneChat(adapter, appId, seed, user, async (context) => {
        // Remember the new chat as this person's, so the next message reuses it.
        context.activity.conversation.conversationType = 'personal';
        context.activity.from = {
          id: user.userId,
          name: user.name ?? '',
          aadObjectId: user.userId,
        };
        store.remember(context.activity);
        const messageId = await this.options.sender.send(context, view);
        return { messageId, conversation: this.refOf(user.tenantId, context) };
      }),
    );
  }

  async uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    const view = imageView(image);
    return this.sendView(conversation, threadId ?? conversation.threadId, view);
  }

  private sendView(
    conversation: ConversationRef,
    threadId: string | undefined,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    const ref = this.reference(conversation, threadId);
    if (!ref) return Promise.resolve(missing(`conversation ${conversation.channelId}`));
    return this.run('post', ref, async (context) => {
      const messageId = await this.options.sender.send(context, view);
      const posted = { ...conversation, ...(threadId ? { threadId } : {}) };
      return { messageId, conversation: posted };
    });
  }

  /** The stored reference, pointed at the reply chain in channels. Chats have no reply
   * chains, so there the thread is remembered and answers typed in the chat belong to it. */
  private reference(conversation: ConversationRef, threadId?: string): StoredTeamsReference | null {
    const { store } = this.options;
    const ref = store.find(conversation.tenantId, conversation.channelId);
    if (!ref?.conversation || !threadId) return ref;
    if (ref.conversation.conversationType !== 'channel') {
      store.setActiveThread(conversation.tenantId, conversation.channelId, threadId);
      return ref;
    }
    const id = threadConversationId(conversation.channelId, threadId);
    return { ...ref, conversation: { ...ref.conversation, id } };
  }

  private run<T>(
    what: string,
    ref: StoredTeamsReference,
    turn: Turn<T>,
  ): Promise<GatewayResult<T>> {
    const { adapter, appId } = this.options;
    return withRetry(this.policy(what), () =>
      proactiveTurn(
        (logic) =>
          adapter.continueConversationAsync(
            appId,
            ref as Partial<ConversationReference>,
            (context) => {
              // The continuation activity has no channel data; the team id lets TeamsInfo list members.
              if (ref.teamId) context.activity.channelData = { team: { id: ref.teamId } };
              return logic(context);
            },
          ),
        turn,
      ),
    );
  }

  private policy(what: string): RetryPolicy {
    return {
      attempts: 4,
      baseDelayMs: 500,
      ...this.options.retry,
      logger: this.options.logger,
      what,
    };
  }

  private refOf(tenantId: string, context: TurnContext): ConversationRef {
    return { platform: 'teams', tenantId, channelId: context.activity.conversation.id };
  }
}
