// The core's small markdown (*bold*, _italic_, <url|label>, <@id>) turned into the
// markdown Adaptive Cards understand, with Teams mention entities for <@id>.

/** A Teams mention entity, listed in the card's `msteams.entities`. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Finds a display name for a user id the view mentions without one. */
export type NameLookup = (userId: string) => string | undefined;

export interface CardText {
  text: string;
  mentions: MentionEntity[];
}

const mentionOf = (id: string, name: string): MentionEntity => ({
  type: 'mention',
  text: `<at>${name}</at>`,
  mentioned: { id, name },
});

/** Converts one piece of the core's rich text; mentions are collected as entities. */
export const toCardText = (rich: string, names: NameLookup = () => undefined): CardText => {
  const mentions: MentionEntity[] = [];
  const text = rich
    .replace(
      /<(https?:[^|>\s]+)\|([^>]+)>/g,
      (_m, url: string, label: string) => `[${label}](${url})`,
    )
    .replace(/<(https?:[^>\s]+)>/g, (_m, url: string) => `[${url}](${url})`)
    .replace(/<@([^|>]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => {
      const mention = mentionOf(id, label ?? names(id) ?? id);
      mentions.push(mention);
      return mention.text;
    })
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, '$1**$2**')
    // A single newline is not a line break in card markdown; a blank line is.
    .replace(/\n+/g, '\n\n');
  return { text, mentions };
};

/** The same conversion without mentions, for places cards cannot mention (facts, choices). */
export const toCardPlainText = (rich: string, names: NameLookup = () => undefined): string =>
  rich
    .replace(/<(https?:[^|>\s]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/<@([^|>]+)(?:\|([^>]+))?>/g, (_m, id: string, label?: string) => {
      return `@${label ?? names(id) ?? id}`;
    });

/** Keeps each mentioned person once: Teams rejects a card listing the same entity twice. */
export const uniqueMentions = (mentions: MentionEntity[]): MentionEntity[] => {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.mentioned.id}|${m.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
