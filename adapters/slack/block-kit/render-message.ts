// MessageView → Block Kit for chat.postMessage, within Slack's limits. What does not fit
// is cut with "…and N more" rather than sent and rejected.
import type { ActionButton, MessageView, ViewBlock } from '../../../src/core/views/message-view.js';
import { plainText, renderPlainText } from '../../../src/core/views/render-plain-text.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { clip, isBlank, orEllipsis, splitText, toMrkdwn } from './mrkdwn.js';
import { REPEAT_SUFFIX, pickerBlocks, uniqueId, type UsedIds } from './render-pickers.js';

export type SlackBlock = Record<string, unknown>;

export interface SlackImage {
  png: Uint8Array;
  alt: string;
  title: string;
}

export interface RenderedMessage {
  text: string;
  blocks: SlackBlock[];
  /** Charts: Slack needs them uploaded as files (files.uploadV2), not inlined. */
  images: SlackImage[];
}

const mrkdwn = (text: string, max: number): Record<string, unknown> => ({
  type: 'mrkdwn',
  text: clip(toMrkdwn(text), max),
});
const plain = (text: string, max: number): Record<string, unknown> => ({
  type: 'plain_text',
  text: clip(orEllipsis(text), max),
  emoji: true,
});

export const contextBlock = (text: string): SlackBlock => ({
  type: 'context',
  elements: [mrkdwn(text, SLACK_LIMITS.contextText)],
});

const chunk = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** Tables become a monospaced code block, as many rows as fit in one section. */
const tableBlocks = (block: Extract<ViewBlock, { type: 'table' }>): SlackBlock[] => {
  const render = (rows: number): string =>
    renderPlainText({
      blocks: [{ ...block, rows: block.rows.slice(0, rows), caption: '' }],
      fallbackText: '',
      visibility: 'private',
    }).trimEnd();
  const fits = (rows: number, hidden: number): boolean =>
    `\`\`\`${render(rows)}${hidden > 0 ? `\n…and ${hidden} more` : ''}\`\`\``.length <=
    SLACK_LIMITS.sectionText;
  // The longest prefix that fits: more rows never make the text shorter.
  let [low, high] = [0, block.rows.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid, block.rows.length - mid)) low = mid;
    else high = mid - 1;
  }
  const rows = low;
  const hidden = block.rows.length - rows;
  const body = `${render(rows)}${hidden > 0 ? `\n…and ${hidden} more` : ''}`;
  const section = {
    type: 'section',
    text: { type: 'mrkdwn', text: `\`\`\`${escapeCode(body)}\`\`\`` },
  };
  return block.caption ? [section, contextBlock(block.caption)] : [section];
};

// Inside a code block Slack still parses &, < and >; keep them literal.
const escapeCode = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('```', "'''");

/** Slack wants action ids unique within a block; repeats get a suffix the inbound side strips. */
export const ACTION_ID_SUFFIX = REPEAT_SUFFIX;
const buttonElements = (buttons: ActionButton[], used: Set<string>): SlackBlock[] =>
  buttons.map((b) => ({
    type: 'button',
    action_id: uniqueId(b.id, SLACK_LIMITS.actionId, used),
    text: plain(b.label, SLACK_LIMITS.buttonText),
    value: clip(b.value, SLACK_LIMITS.buttonValue),
    ...(b.style ? { style: b.style } : {}),
  }));

const isEmpty = (block: ViewBlock): boolean =>
  ((block.type === 'header' || block.type === 'text' || block.type === 'context') &&
    isBlank(block.text)) ||
  (block.type === 'fields' && block.fields.length === 0) ||
  (block.type === 'actions' && block.buttons.length === 0 && !block.pickers?.length);

const renderBlock = (block: ViewBlock, used: UsedIds): SlackBlock[] => {
  if (isEmpty(block)) return [];
  switch (block.type) {
    case 'header':
      return [{ type: 'header', text: plain(plainText(block.text), SLACK_LIMITS.headerText) }];
    case 'text':
      return splitText(toMrkdwn(block.text), SLACK_LIMITS.sectionText).map((part) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: part },
      }));
    case 'fields':
      return chunk(block.fields, SLACK_LIMITS.sectionFields).map((fields) => ({
        type: 'section',
        fields: fields.map((f) =>
          mrkdwn(`*${orEllipsis(f.label)}*\n${f.value}`, SLACK_LIMITS.fieldText),
        ),
      }));
    case 'table':
      return tableBlocks(block);
    case 'image':
      // The chart itself is uploaded beside the message; the alt text says what it shows.
      return [contextBlock(`📊 ${block.alt}`)];
    case 'actions':
      return [
        ...chunk(block.buttons, SLACK_LIMITS.actionsElements).map((buttons) => ({
          type: 'actions',
          elements: buttonElements(buttons, used.actionIds),
        })),
        ...pickerBlocks(block.pickers ?? [], used),
      ];
    case 'form':
      // Forms need a modal; in a message only their outline can be shown.
      return [
        {
          type: 'section',
          text: mrkdwn(
            renderPlainText({ blocks: [block], fallbackText: '', visibility: 'private' }),
            SLACK_LIMITS.sectionText,
          ),
        },
      ];
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return [contextBlock(block.text)];
  }
};

/** Keeps the first blocks that fit and says how many were left out. */
export const fitBlocks = (blocks: SlackBlock[], limit: number): SlackBlock[] => {
  if (blocks.length <= limit) return blocks;
  const kept = blocks.slice(0, limit - 1);
  return [...kept, contextBlock(`…and ${blocks.length - kept.length} more`)];
};

export const renderBlocks = (viewBlocks: ViewBlock[]): SlackBlock[] => {
  const used: UsedIds = { actionIds: new Set(), blockIds: new Set() };
  return viewBlocks.flatMap((b) => renderBlock(b, used));
};

export const renderMessage = (view: MessageView): RenderedMessage => ({
  text: clip(plainText(view.fallbackText), 3000),
  blocks: fitBlocks(renderBlocks(view.blocks), SLACK_LIMITS.messageBlocks),
  images: view.blocks.flatMap((b) =>
    b.type === 'image' ? [{ png: b.png, alt: b.alt, title: b.title ?? b.alt }] : [],
  ),
});
