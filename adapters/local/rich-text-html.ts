// The core's RichText subset → HTML: *bold*, _italic_, `code`, <url|label>, <url>,
// <@user> and <@user|name>, and line breaks. Every piece of text is escaped; only the tags
// written here are markup.
import { escapeHtml, isSafeUrl } from './html-escape.js';

/** Display names for mentions; unknown ids show as themselves. */
export type NameOf = (userId: string) => string;

const CODE = /`([^`\n]+)`/g;
const TOKEN = /<(@[^<>|\s]+|(?:https?:\/\/|mailto:)[^<>|\s]+)(?:\|([^<>]*))?>/g;
// As in Slack, marks open at a word boundary, close before a space or punctuation, and
// hug their text: "* * *" (a cron) is not bold.
const BOLD = /(^|[\s(])\*(\S(?:[^*\n]*\S)?)\*(?=[\s).,:;!?]|$)/g;
const ITALIC = /(^|[\s(])_(\S(?:[^_\n]*\S)?)_(?=[\s).,:;!?]|$)/g;

const emphasis = (escaped: string): string =>
  escaped
    .replace(BOLD, '$1<strong>$2</strong>')
    .replace(ITALIC, '$1<em>$2</em>')
    .replaceAll('\n', '<br>');

const token = (target: string, label: string | undefined, nameOf: NameOf): string => {
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? nameOf(id))}</span>`;
  }
  if (!isSafeUrl(target)) return escapeHtml(label ?? target);
  return `<a href="${escapeHtml(target)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label ?? target)}</a>`;
};

/** Plain text with links and mentions: escaped, then the emphasis marks applied. */
const textRun = (rich: string, nameOf: NameOf): string => {
  let out = '';
  let last = 0;
  for (const match of rich.matchAll(TOKEN)) {
    out += emphasis(escapeHtml(rich.slice(last, match.index)));
    out += token(match[1] ?? '', match[2], nameOf);
    last = match.index + match[0].length;
  }
  return out + emphasis(escapeHtml(rich.slice(last)));
};

export const richTextToHtml = (rich: string, nameOf: NameOf = (id) => id): string => {
  let out = '';
  let last = 0;
  // Code spans first: a cron's stars inside `…` are not bold.
  for (const match of rich.matchAll(CODE)) {
    out += textRun(rich.slice(last, match.index), nameOf);
    out += `<code>${escapeHtml(match[1] ?? '')}</code>`;
    last = match.index + match[0].length;
  }
  return out + textRun(rich.slice(last), nameOf);
};
