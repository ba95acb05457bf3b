// Slack payloads → the core's Inbound events. Pure translation: no decisions, no I/O.
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { Inbound } from '../../src/core/bot/inbound.js';
import { ACTION_ID_SUFFIX } from './block-kit/render-message.js';
import { pickerValue } from './block-kit/render-pickers.js';
import { decodeOrigin, formValues } from './block-kit/render-modal.js';

export const userRef = (tenantId: string, userId: string, name?: string): UserRef => ({
  platform: 'slack',
  tenantId,
  userId,
  ...(name ? { name } : {}),
});

export const conversationRef = (
  tenantId: string,
  channelId: string,
  threadId?: string,
): ConversationRef => ({
  platform: 'slack',
  tenantId,
  channelId,
  ...(threadId ? { threadId } : {}),
});

export interface SlashCommandPayload {
  command: string;
  text: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  trigger_id?: string;
}

export const commandInbound = (tenantId: string, c: SlashCommandPayload): Inbound => ({
  kind: 'command',
  user: userRef(tenantId, c.user_id, c.user_name),
  conversation: conversationRef(tenantId, c.channel_id),
  name: c.command,
  text: c.text ?? '',
  ...(c.trigger_id ? { trigger: c.trigger_id } : {}),
});

export interface MessageEventPayload {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
}

/**
 * A person's reply inside a thread, or null: bots, edits, deletions and top-level messages
 * are not replies. Whether the bot owns the thread is the core's call.
 */
export const threadReplyInbound = (tenantId: string, m: MessageEventPayload): Inbound | null => {
  if ((m.subtype && m.subtype !== 'thread_broadcast') || m.bot_id || !m.user) return null;
  if (!m.thread_ts || m.thread_ts === m.ts) return null;
  return {
    kind: 'threadReply',
    user: userRef(tenantId, m.user),
    conversation: conversationRef(tenantId, m.channel, m.thread_ts),
    text: m.text ?? '',
    messageId: m.ts,
  };
};

export interface BlockActionBody {
  trigger_id?: string;
  user: { id: string; name?: string; username?: string };
  channel?: { id: string };
  message?: { ts: string; thread_ts?: string };
  container?: { type?: string };
}

export interface BlockActionElement {
  action_id: string;
  block_id?: string;
  value?: string;
  selected_option?: { value: string } | null;
  selected_user?: string | null;
  selected_date?: string | null;
}

/** Where an interaction came from: a channel (maybe a thread), or the App Home tab. */
export interface Origin {
  channelId?: string | undefined;
  threadId?: string | undefined;
}

export const actionOrigin = (body: BlockActionBody): Origin => ({
  ...(body.channel?.id ? { channelId: body.channel.id } : {}),
  ...(body.message?.thread_ts ? { threadId: body.message.thread_ts } : {}),
});

/** A picker's choice: the person or date, with the context value its block carried. */
const pickedOf = (action: BlockActionElement): { value: string; selected: string } | null => {
  const selected = action.selected_user ?? action.selected_date;
  if (selected === undefined || selected === null) return null;
  return { value: pickerValue(action.block_id ?? ''), selected };
};

export const actionInbound = (
  tenantId: string,
  body: BlockActionBody,
  action: BlockActionElement,
): Inbound => {
  const origin = actionOrigin(body);
  const picked = pickedOf(action);
  return {
    kind: 'action',
    user: userRef(tenantId, body.user.id, body.user.username ?? body.user.name),
    // From the App Home tab there is no channel: the user's id addresses the app's DM.
    conversation: conversationRef(tenantId, origin.channelId ?? body.user.id, origin.threadId),
    actionId: action.action_id.replace(ACTION_ID_SUFFIX, ''),
    value: picked?.value ?? action.value ?? action.selected_option?.value ?? '',
    ...(picked ? { selected: picked.selected } : {}),
    ...(body.trigger_id ? { trigger: body.trigger_id } : {}),
  };
};

export interface ViewSubmissionBody {
  user: { id: string; name?: string; username?: string };
  view: {
    callback_id: string;
    private_metadata?: string;
    state?: { values?: Parameters<typeof formValues>[0] };
  };
}

export const formSubmitInbound = (
  tenantId: string,
  body: ViewSubmissionBody,
): { inbound: Inbound; origin: Origin } => {
  const origin = decodeOrigin(body.view.private_metadata);
  const where: Origin = {
    ...(origin.channelId ? { channelId: origin.channelId } : {}),
    ...(origin.threadId ? { threadId: origin.threadId } : {}),
  };
  return {
    origin: where,
    inbound: {
      kind: 'formSubmit',
      user: userRef(tenantId, body.user.id, body.user.username ?? body.user.name),
      conversation: conversationRef(tenantId, origin.channelId ?? body.user.id, origin.threadId),
      formId: body.view.callback_id,
      values: formValues(body.view.state?.values),
      ...(origin.privateValue ? { privateValue: origin.privateValue } : {}),
    },
  };
};

export interface MessageShortcutBody {
  trigger_id: string;
  user: { id: string; name?: string; username?: string };
  channel: { id: string };
  message: { ts: string; text?: string; thread_ts?: string };
}

export const logMessageInbound = (
  tenantId: string,
  body: MessageShortcutBody,
  permalink?: string,
): Inbound => ({
  kind: 'logMessage',
  user: userRef(tenantId, body.user.id, body.user.username ?? body.user.name),
  conversation: conversationRef(tenantId, body.channel.id),
  text: body.message.text ?? '',
  trigger: body.trigger_id,
  ...(permalink ? { permalink } : {}),
});
