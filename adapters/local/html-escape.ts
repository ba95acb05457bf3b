// The one place where text becomes HTML. Everything the playground renders passes through
// here, so nothing a user types can become markup or script.

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute value. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** A link target we are willing to render; anything else (javascript:, data:) stays text. */
export const isSafeUrl = (url: string): boolean => /^(https?:\/\/|mailto:)[^\s<>"']+$/i.test(url);
