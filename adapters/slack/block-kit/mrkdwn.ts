// The core's RichText is already Slack's mrkdwn subset (*bold*, _italic_, <url|label>,
// <@user>). Only the control characters need escaping, except inside those tokens.

const TOKEN =
  /<(?:https?:\/\/[^\s<>|]+(?:\|[^<>]*)?|mailto:[^\s<>|]+(?:\|[^<>]*)?|@[\w.-]+|#[A-Z0-9]+(?:\|[^<>]*)?)>/g;

const escapePlain = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Escapes &, < and > that are not part of a link or mention. */
export const toMrkdwn = (rich: string): string => {
  let out = '';
  let last = 0;
  for (const match of rich.matchAll(TOKEN)) {
    out += escapePlain(rich.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(rich.slice(last));
};

/** Cuts to `max` characters on a code-point boundary, marking the cut with an ellipsis. */
export const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Don't leave half a surrogate pair, which Slack would render as garbage.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
};

/** Slack rejects empty text objects; a blank label becomes an ellipsis. */
export const orEllipsis = (text: string): string => (text.trim() === '' ? '…' : text);

export const isBlank = (text: string): boolean => text.trim() === '';

/** Splits long text into chunks of at most `max` characters, preferring line breaks. */
export const splitText = (text: string, max: number): string[] => {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const breakAt = rest.lastIndexOf('\n', max);
    const at = breakAt > max / 2 ? breakAt : max;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  return rest.length > 0 || chunks.length === 0 ? [...chunks, rest] : chunks;
};
