// Checks cards with the Adaptive Cards library itself (parse + validateProperties), the
// way a Teams client would read them. The dist build works without a DOM.
import { createRequire } from 'node:module';

interface ValidationEvent {
  message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): ValidationEvent;
  };
  Versions: { v1_5: unknown };
}

const require = createRequire(import.meta.url);
const ac = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Every parse and validation problem of one card; empty when the card is valid. */
export const cardProblems = (card: unknown): string[] => {
  const parsed = new ac.AdaptiveCard();
  const context = new ac.SerializationContext(ac.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
};

/** The Adaptive Cards in an activity's attachments. */
export const cardsIn = (activity: Record<string, unknown>): Record<string, unknown>[] =>
  ((activity.attachments ?? []) as Array<{ contentType?: string; content?: unknown }>)
    .filter((a) => a.contentType === ADAPTIVE_CARD)
    .map((a) => a.content as Record<string, unknown>);

/** All the text a card shows (text blocks, facts, labels, choices, buttons), for asserts. */
export const cardText = (node: unknown): string => {
  if (Array.isArray(node)) return node.map(cardText).join('\n');
  if (typeof node !== 'object' || node === null) return '';
  const record = node as Record<string, unknown>;
  const own = ['text', 'title', 'value', 'label', 'placeholder']
    .map((k) => (typeof record[k] === 'string' ? (record[k] as string) : ''))
    .filter(Boolean);
  const nested = Object.entries(record)
    .filter(([k, v]) => k !== 'data' && typeof v === 'object')
    .map(([, v]) => cardText(v));
  return [...own, ...nested].filter(Boolean).join('\n');
};
