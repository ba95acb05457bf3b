// Who and where, read from a Teams activity: the core's UserRef and ConversationRef.
// A channel reply chain is the conversation id with `;messageid=<root id>`; the core
// sees it as the channel plus a threadId.
import type { Activity, ChannelAccount } from 'botbuilder';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';

/** Tenant of activities that carry none (the Bot Framework Emulator). */
export const EMULATOR_TENANT = 'teams-emulator';

const MESSAGE_ID = ';messageid=';

export interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export const channelDataOf = (activity: Partial<Activity>): TeamsChannelData =>
  (activity.channelData ?? {}) as TeamsChannelData;

export const tenantOf = (activity: Partial<Activity>): string =>
  activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id ?? EMULATOR_TENANT;

/** The people's id the core keeps: the Entra object id when Teams sends one, so it is the
 * same person in every chat (and short enough for the command grammar's mentions). */
export const userIdOf = (account: Partial<ChannelAccount>): string =>
  account.aadObjectId ?? account.id ?? 'unknown';

export const userOf = (activity: Partial<Activity>): UserRef => ({
  platform: 'teams',
  tenantId: tenantOf(activity),
  userId: userIdOf(activity.from ?? {}),
  ...(activity.from?.name ? { name: activity.from.name } : {}),
});

/** Splits `19:…@thread.tacv2;messageid=123` into the channel and the root message id. */
export const splitConversationId = (id: string): { base: string; rootId?: string } => {
  const at = id.indexOf(MESSAGE_ID);
  if (at < 0) return { base: id };
  return { base: id.slice(0, at), rootId: id.slice(at + MESSAGE_ID.length) };
};

export const threadConversationId = (base: string, rootId: string): string =>
  `${base}${MESSAGE_ID}${rootId}`;

export const isChannel = (activity: Partial<Activity>): boolean =>
  activity.conversation?.conversationType === 'channel';

/** The conversation, with threadId set only for a reply inside a channel reply chain. */
export const conversationOf = (activity: Partial<Activity>): ConversationRef => {
  const { base, rootId } = splitConversationId(activity.conversation?.id ?? '');
  // A new channel post has its own id as the messageid: it starts a chain, it is not in one.
  const threadId = rootId ?? activity.replyToId;
  const inThread = isChannel(activity) && threadId !== undefined && threadId !== activity.id;
  return {
    platform: 'teams',
    tenantId: tenantOf(activity),
    channelId: base,
    ...(inThread ? { threadId } : {}),
  };
};
