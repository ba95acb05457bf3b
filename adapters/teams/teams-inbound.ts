// Teams activities → the core's Inbound events. Typed text loses the bot's @mention and
// keeps other people's as `<@id|Name>`; card submissions become `formSubmit` or `action`.
import type { Activity, Mention } from 'botbuilder';
import type { ConversationRef, UserRef } from '../../src/core/domain/types.js';
import type { Inbound } from '../../src/core/bot/inbound.js';

/** Looks up a mentioned person's stable id (Entra object id); undefined if unknown. */
export type MemberIdLookup = (channelAccountId: string) => Promise<string | undefined>;

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};

// Some Teams clients wrap typed text in light HTML; the grammar wants the plain words.
const plainTextOf = (text: string): string =>
  text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|div|span)[^>]*>/gi, ' ')
    .replace(/&(?:nbsp|lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e] ?? e)
    .replace(/[ \t]+/g, ' ')
    .trim();

const mentionsOf = (activity: Partial<Activity>): Mention[] =>
  (activity.entities ?? []).filter((e): e is Mention => e.type === 'mention');

/** The message as the core should read it: no bot mention, people as `<@id|Name>`. */
export const messageTextOf = async (
  activity: Partial<Activity>,
  lookup: MemberIdLookup,
): Promise<string> => {
  let text = activity.text ?? '';
  for (const mention of mentionsOf(activity)) {
    const shown = mention.text ?? `<at>${mention.mentioned.name}</at>`;
    if (mention.mentioned.id === activity.recipient?.id) {
      text = text.split(shown).join(' ');
      continue;
    }
    const id = await lookup(mention.mentioned.id);
    // Without a stable id the name alone still works: the grammar reads <at>Name</at>.
    if (id) text = text.split(shown).join(`<@${id}|${mention.mentioned.name}>`);
  }
  return plainTextOf(text);
};

const stringValues = (data: Record<string, unknown>): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'formId' || key === 'privateValue' || key === 'msteams') continue;
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
  }
  return values;
};

/** A card submission (Action.Submit data plus inputs) as the core event it stands for. */
export const cardSubmitInbound = (
  data: unknown,
  user: UserRef,
  conversation: ConversationRef,
): Inbound | null => {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  if (typeof record.formId === 'string') {
    return {
      kind: 'formSubmit',
      user,
      conversation,
      formId: record.formId,
      values: stringValues(record),
      ...(typeof record.privateValue === 'string' ? { privateValue: record.privateValue } : {}),
    };
  }
  if (typeof record.id === 'string' && typeof record.value === 'string') {
    // A picker's input has the picker's id, so its choice arrives under that key.
    const selected = record[record.id];
    return {
      kind: 'action',
      user,
      conversation,
      actionId: record.id,
      value: record.value,
      ...(typeof selected === 'string' ? { selected } : {}),
    };
  }
  return null;
};

/** Whether a card submission came from a people picker (its choice is a member's id). */
export const isPersonPick = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as Record<string, unknown>).pick === 'user';

/** Text of the message a message extension was invoked on (its body may be HTML). */
export const messagePayloadText = (payload: unknown): string => {
  const body = (payload as { body?: { content?: unknown } } | undefined)?.body;
  return typeof body?.content === 'string'
    ? plainTextOf(body.content.replace(/<[^>]+>/g, ' '))
    : '';
};

/** Whether a line is meant as a command rather than an answer in a thread. */
export const looksLikeCommand = (text: string): boolean => /^\/?cx(?:[-_\s]|$)/i.test(text.trim());
