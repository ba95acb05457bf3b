// Bot Framework activities as Teams sends them, for protocol tests, and a client that
// posts them to the app's /api/messages.
import { randomUUID } from 'node:crypto';

export const TENANT = 'tenant-contoso';
export const BOT = { id: '28:cx-habits-bot', name: 'CX Habits' };
export const ANN = { id: '29:ann-channel-id', name: 'Ann Lee', aadObjectId: 'aad-ann' };
export const BOB = { id: '29:bob-channel-id', name: 'Bob Ray', aadObjectId: 'aad-bob' };
export const TEAM_ID = '19:team-general@thread.tacv2';
export const CHANNEL_ID = '19:cx-channel@thread.tacv2';
export const PERSONAL_ID = 'a:personal-ann';

export type Activity = Record<string, unknown>;

export interface Where {
  kind: 'personal' | 'channel' | 'groupChat';
  conversationId: string;
}

export const personal: Where = { kind: 'personal', conversationId: PERSONAL_ID };
export const channel = (rootId?: string): Where => ({
  kind: 'channel',
  conversationId: rootId ? `${CHANNEL_ID};messageid=${rootId}` : CHANNEL_ID,
});

let seq = 1000;
const nextId = (): string => String(++seq);

export const baseActivity = (serviceUrl: string, where: Where, from = ANN): Activity => ({
  channelId: 'msteams',
  serviceUrl,
  timestamp: new Date().toISOString(),
  from,
  recipient: BOT,
  conversation: {
    id: where.conversationId,
    conversationType: where.kind,
    tenantId: TENANT,
    ...(where.kind === 'personal' ? {} : { isGroup: true }),
  },
  channelData: {
    tenant: { id: TENANT },
    ...(where.kind === 'channel'
      ? { team: { id: TEAM_ID, name: 'Support' }, channel: { id: CHANNEL_ID, name: 'CX' } }
      : {}),
  },
});

/** A typed message. In channels, `mention` prefixes the bot's @mention, as Teams does. */
export const message = (
  serviceUrl: string,
  where: Where,
  text: string,
  options: { from?: typeof ANN; mentions?: Array<typeof ANN> } = {},
): Activity => {
  const id = nextId();
  const mentionBot = where.kind !== 'personal';
  const people = options.mentions ?? [];
  // A new channel post carries its own id as the messageid.
  const conversationId =
    where.kind === 'channel' && !where.conversationId.includes(';messageid=')
      ? `${where.conversationId};messageid=${id}`
      : where.conversationId;
  const base = baseActivity(serviceUrl, { ...where, conversationId }, options.from);
  return {
    ...base,
    type: 'message',
    id,
    text: `${mentionBot ? `<at>${BOT.name}</at> ` : ''}${text}`,
    textFormat: 'plain',
    entities: [
      ...(mentionBot ? [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] : []),
      ...people.map((p) => ({
        type: 'mention',
        text: `<at>${p.name}</at>`,
        mentioned: { id: p.id, name: p.name },
      })),
    ],
  };
};

/** What Teams sends when someone presses Action.Submit on a card. */
export const cardSubmit = (
  serviceUrl: string,
  where: Where,
  value: Record<string, unknown>,
  replyToId = 'card-1',
  from = ANN,
): Activity => ({
  ...baseActivity(serviceUrl, where, from),
  type: 'message',
  id: nextId(),
  replyToId,
  value,
});

export const invoke = (
  serviceUrl: string,
  where: Where,
  name: string,
  value: Record<string, unknown>,
): Activity => ({
  ...baseActivity(serviceUrl, where),
  type: 'invoke',
  id: nextId(),
  name,
  value,
});

export const conversationUpdate = (
  serviceUrl: string,
  where: Where,
  change: { membersAdded?: unknown[]; membersRemoved?: unknown[] },
): Activity => ({
  ...baseActivity(serviceUrl, where),
  type: 'conversationUpdate',
  id: randomUUID(),
  ...change,
});

export const installationUpdate = (
  serviceUrl: string,
  where: Where,
  action: 'add' | 'remove',
): Activity => ({
  ...baseActivity(serviceUrl, where),
  type: 'installationUpdate',
  id: randomUUID(),
  action,
});

export interface BotResponse {
  status: number;
  body: unknown;
}

/** Posts an activity to the app, as the Bot Connector does. */
export const postActivity = async (
  appUrl: string,
  activity: Activity,
  headers: Record<string, string> = {},
): Promise<BotResponse> => {
  const res = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
};
