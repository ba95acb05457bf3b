// Starts the bot's one-to-one chat with a person it has no chat with yet (POST
// /v3/conversations), using the service URL of another conversation in the same tenant.
import type { CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { UserRef } from '../../src/core/domain/types.js';
import type { StoredTeamsReference } from './teams-conversation-store.js';

const TEAMS_CHANNEL = 'msteams';
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export const startOneToOneChat = async <T>(
  adapter: CloudAdapter,
  appId: string,
  seed: StoredTeamsReference,
  user: UserRef,
  logic: (context: TurnContext) => Promise<T>,
): Promise<T> => {
  if (!seed.serviceUrl || !seed.bot) throw new Error('stored reference has no service URL');
  const parameters = {
    isGroup: false,
    bot: seed.bot,
    // Teams accepts the person's Entra object id here, which is the id the core keeps.
    members: [{ id: user.userId, name: user.name ?? '' }],
    tenantId: user.tenantId,
    channelData: { tenant: { id: user.tenantId } },
  } as ConversationParameters;
  const serviceUrl = seed.serviceUrl;
  return proactiveTurn(
    (turn) =>
      adapter.createConversationAsync(
        appId,
        seed.channelId ?? TEAMS_CHANNEL,
        serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        parameters,
        turn,
      ),
    logic,
  );
};

/**
 * Runs `logic` in a proactive turn and hands back its result or its error. The adapter's
 * onTurnError would otherwise swallow a failed send, and the caller could not retry it.
 */
export const proactiveTurn = async <T>(
  start: (turn: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<T>,
): Promise<T> => {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await start(async (context) => {
    // A proactive message is a new message, not a reply to the made-up continuation activity.
    delete (context.activity as { id?: string }).id;
    try {
      outcome = { ok: true, value: await logic(context) };
    } catch (e: unknown) {
      outcome = { ok: false, error: e };
    }
  });
  if (!outcome) throw new Error('the proactive turn did not run');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
};
