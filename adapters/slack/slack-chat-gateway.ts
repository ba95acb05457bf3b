// The core's outbound port over Slack's Web API. Each tenant's calls use that workspace's
// bot token; failures come back as values. The SDK retries 5xx and failed requests; 429s
// are rejected by the client and waited out per channel (SlackRateLimits), so one busy
// channel never holds up the others.
import { webApi } from '@slack/bolt';
import type {
  ChatGateway,
  GatewayResult,
  PostedMessage,
} from '../../src/core/ports/chat-gateway.js';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { MessageView } from '../../src/core/views/message-view.js';
import {
  renderMessage,
  type RenderedMessage,
  type SlackImage,
} from './block-kit/render-message.js';
import { formOf, renderModal, type ModalOrigin } from './block-kit/render-modal.js';
import { SlackRateLimits, type RateLimitScope, type RateLimitTimers } from './slack-rate-limits.js';

type WebClient = webApi.WebClient;

/** A reply tells the user within seconds or not at all; half an hour of retries helps no one. */
export const SLACK_RETRY_POLICY = {
  retries: 4,
  factor: 2,
  minTimeout: 250,
  maxTimeout: 5000,
  randomize: true,
};

/**
 * How long one Web API request may take before it counts as failed and is retried. The SDK's
 * default is no limit: a connection that stalls would hold a reply, or a digest, forever.
 */
export const SLACK_API_TIMEOUT_MS = 10_000;

export interface SlackGatewayOptions {
  clientOptions: webApi.WebClientOptions;
  /** The bot token for a tenant: the configured one, or the installation's under OAuth. */
  tokenFor(tenantId: string): string | undefined;
  /** How Retry-After is waited out; tests pass a controlled clock. */
  timers?: RateLimitTimers;
}

const failure = (e: unknown): GatewayResult<never> => {
  const error = e as {
    code?: string;
    message?: string;
    statusCode?: number;
    data?: { error?: string };
  };
  if (error.code === webApi.ErrorCode.RateLimitedError)
    return { ok: false, retryable: true, error: 'ratelimited' };
  const retryable =
    error.code === webApi.ErrorCode.RequestError ||
    (error.code === webApi.ErrorCode.HTTPError && (error.statusCode ?? 0) >= 500);
  return { ok: false, retryable, error: error.data?.error ?? error.message ?? String(e) };
};

export class SlackChatGateway implements ChatGateway {
  private readonly clients = new Map<string, WebClient>();
  private readonly limits: SlackRateLimits;

  constructor(private readonly options: SlackGatewayOptions) {
    this.limits = new SlackRateLimits(options.timers);
  }

  /** A Web API client for the tenant, shared per token. */
  client(tenantId: string): WebClient | undefined {
    const token = this.options.tokenFor(tenantId);
    if (!token) return undefined;
    let client = this.clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, {
        ...this.options.clientOptions,
        retryConfig: SLACK_RETRY_POLICY,
        // A 429 comes back to us instead of pausing the client's queue for every channel.
        rejectRateLimitedCalls: true,
      });
      this.clients.set(token, client);
    }
    return client;
  }

  /** One Web API call, waiting out rate limits for its channel; never throws. */
  private async call<T>(
    tenantId: string,
    scope: Omit<RateLimitScope, 'workspace'>,
    fn: (client: WebClient) => Promise<T>,
  ): Promise<GatewayResult<T>> {
    const client = this.client(tenantId);
    if (!client)
      return { ok: false, retryable: false, error: `Slack is not installed for ${tenantId}` };
    try {
      const value = await this.limits.run({ workspace: tenantId, ...scope }, () => fn(client));
      return { ok: true, value };
    } catch (e: unknown) {
      return failure(e);
    }
  }

  private async postRendered(
    conversation: ConversationRef,
    message: RenderedMessage,
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    const scope = { method: 'chat.postMessage', channel: conversation.channelId };
    const result = await this.call(conversation.tenantId, scope, async (client) => {
      const posted = await client.chat.postMessage({
        channel: conversation.channelId,
        text: message.text,
        blocks: message.blocks,
        ...(threadId ? { thread_ts: threadId } : {}),
      } as webApi.ChatPostMessageArguments);
      return { messageId: String(posted.ts ?? ''), conversation };
    });
    if (result.ok) await this.uploadAll(conversation, message.images, threadId);
    return result;
  }

  private async uploadAll(
    conversation: ConversationRef,
    images: SlackImage[],
    threadId?: string,
  ): Promise<void> {
    for (const image of images) await this.uploadImage(conversation, image, threadId);
  }

  post(conversation: ConversationRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    return this.postRendered(conversation, renderMessage(view), conversation.threadId);
  }

  reply(
    conversation: ConversationRef,
    threadId: string,
    view: MessageView,
  ): Promise<GatewayResult<PostedMessage>> {
    return this.postRendered({ ...conversation, threadId }, renderMessage(view), threadId);
  }

  postEphemeral(
    conversation: ConversationRef,
    user: UserRef,
    view: MessageView,
  ): Promise<GatewayResult<void>> {
    const { text, blocks } = renderMessage(view);
    const scope = { method: 'chat.postEphemeral', channel: conversation.channelId };
    return this.call(conversation.tenantId, scope, async (client) => {
      await client.chat.postEphemeral({
        channel: conversation.channelId,
        user: user.userId,
        text,
        blocks,
        ...(conversation.threadId ? { thread_ts: conversation.threadId } : {}),
      } as webApi.ChatPostEphemeralArguments);
    });
  }

  update(message: PostedMessage, view: MessageView): Promise<GatewayResult<void>> {
    const { text, blocks } = renderMessage(view);
    const scope = { method: 'chat.update', channel: message.conversation.channelId };
    return this.call(message.conversation.tenantId, scope, async (client) => {
      await client.chat.update({
        channel: message.conversation.channelId,
        ts: message.messageId,
        text,
        blocks,
      } as webApi.ChatUpdateArguments);
    });
  }

  openForm(user: UserRef, view: MessageView, trigger?: string): Promise<GatewayResult<void>> {
    return this.openModal(user, view, trigger, {});
  }

  /** Opens the view's form as a modal; `origin` says where the answer should be posted. */
  async openModal(
    user: UserRef,
    view: MessageView,
    trigger: string | undefined,
    origin: ModalOrigin,
  ): Promise<GatewayResult<void>> {
    const form = formOf(view);
    if (!form || !trigger)
      return { ok: false, retryable: false, error: 'a modal needs a form and a trigger_id' };
    return this.call(user.tenantId, { method: 'views.open' }, async (client) => {
      await client.views.open({
        trigger_id: trigger,
        view: renderModal(view, form, origin) as unknown as webApi.ViewsOpenArguments['view'],
      });
    });
  }

  /** Posting to a user id lands in the app's Messages tab with that user. */
  dm(user: UserRef, view: MessageView): Promise<GatewayResult<PostedMessage>> {
    const conversation: ConversationRef = {
      platform: 'slack',
      tenantId: user.tenantId,
      channelId: user.userId,
    };
    return this.postRendered(conversation, renderMessage(view));
  }

  uploadImage(
    conversation: ConversationRef,
    image: { png: Uint8Array; alt: string; title: string },
    threadId?: string,
  ): Promise<GatewayResult<PostedMessage>> {
    const scope = { method: 'files.uploadV2', channel: conversation.channelId };
    return this.call(conversation.tenantId, scope, async (client) => {
      const name = `${image.title.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'chart'}.png`;
      await client.files.uploadV2({
        channel_id: conversation.channelId,
        file: Buffer.from(image.png),
        filename: name,
        title: image.title,
        alt_text: image.alt.slice(0, 1000),
        ...(threadId ? { thread_ts: threadId } : {}),
      } as webApi.FilesUploadV2Arguments);
      return { messageId: '', conversation };
    });
  }
}
