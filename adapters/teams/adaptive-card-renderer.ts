// MessageView → Adaptive Card 1.5 for Teams. Buttons and forms are Action.Submit: a
// button carries `{id, value}`, a form `{formId, privateValue}` plus its inputs, a picker
// `{id, value, pick}` plus its one input (whose id is the picker's id), and
// teams-inbound.ts maps them back to the core's `action` and `formSubmit` events.
// Charts travel beside the card as inline image attachments (base64 PNG).
import type {
  ActionPicker,
  FormInput,
  MessageView,
  ViewBlock,
} from '../../src/core/views/message-view.js';
import { renderInput, type CardElement, type CardMember } from './adaptive-card-inputs.js';
import {
  toCardText,
  uniqueMentions,
  type MentionEntity,
  type NameLookup,
} from './adaptive-card-text.js';

export type { CardMember } from './adaptive-card-inputs.js';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

// Teams refuses messages over about 28 KB, so long tables and texts are cut with a count.
const MAX_TABLE_ROWS = 40;
const MAX_TEXT = 4000;

export interface RenderOptions {
  /** People to choose from where a form asks for one. */
  members?: CardMember[];
  /** Names for `<@id>` mentions that carry no name. */
  names?: NameLookup;
}

export interface RenderedImage {
  contentType: 'image/png';
  contentUrl: string;
  name: string;
}

export interface RenderedView {
  card: CardElement;
  images: RenderedImage[];
}

interface Builder {
  body: CardElement[];
  mentions: MentionEntity[];
  images: RenderedImage[];
  names: NameLookup;
  members: CardMember[];
  wide: boolean;
}

const clip = (text: string): string =>
  [...text].length <= MAX_TEXT ? text : `${[...text].slice(0, MAX_TEXT - 1).join('')}…`;

const textBlock = (b: Builder, rich: string, extra: CardElement = {}): CardElement => {
  const { text, mentions } = toCardText(clip(rich), b.names);
  b.mentions.push(...mentions);
  return { type: 'TextBlock', text, wrap: true, ...extra };
};

const tableBlock = (b: Builder, block: Extract<ViewBlock, { type: 'table' }>): CardElement[] => {
  b.wide = true;
  const shown = block.rows.slice(0, MAX_TABLE_ROWS);
  const cell = (rich: string, align?: 'left' | 'right', bold = false): CardElement => ({
    type: 'TableCell',
    items: [
      textBlock(b, rich, {
        ...(align === 'right' ? { horizontalAlignment: 'Right' } : {}),
        ...(bold ? { weight: 'Bolder' } : {}),
      }),
    ],
  });
  const table: CardElement = {
    type: 'Table',
    firstRowAsHeader: true,
    columns: block.columns.map(() => ({ width: 1 })),
    rows: [
      { type: 'TableRow', cells: block.columns.map((c) => cell(c.label, c.align, true)) },
      ...shown.map((row) => ({
        type: 'TableRow',
        cells: block.columns.map((c) => cell(row[c.key] ?? '', c.align)),
      })),
    ],
  };
  const more = block.rows.length - shown.length;
  const notes = [
    ...(more > 0 ? [`…and ${more} more.`] : []),
    ...(block.caption ? [block.caption] : []),
  ];
  return [table, ...notes.map((n) => textBlock(b, n, { size: 'Small', isSubtle: true }))];
};

const formBlock = (b: Builder, block: Extract<ViewBlock, { type: 'form' }>): CardElement[] => [
  textBlock(b, block.title, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
  ...block.inputs.map((input) => renderInput(input, b.members, b.names)),
  {
    type: 'ActionSet',
    actions: [
      {
        type: 'Action.Submit',
        title: block.submitLabel,
        style: 'positive',
        data: {
          formId: block.id,
          ...(block.privateValue ? { privateValue: block.privateValue } : {}),
        },
      },
    ],
  },
];

const buttonSet = (block: Extract<ViewBlock, { type: 'actions' }>): CardElement[] =>
  block.buttons.length === 0
    ? []
    : [
        {
          type: 'ActionSet',
          actions: block.buttons.map((button) => ({
            type: 'Action.Submit',
            title: button.label,
            // A button sends only its own data, never the inputs of a form on the same card.
            associatedInputs: 'none',
            data: { id: button.id, value: button.value },
            ...(button.style === 'primary' ? { style: 'positive' } : {}),
            ...(button.style === 'danger' ? { style: 'destructive' } : {}),
          })),
        },
      ];

/** A picker is a form of one input: the team's members (or a text box) or Input.Date. */
const pickerElements = (b: Builder, picker: ActionPicker): CardElement[] => {
  const input: FormInput = {
    kind: picker.kind,
    id: picker.id,
    label: picker.label,
    ...(picker.initial ? { initial: picker.initial } : {}),
  };
  return [
    renderInput(input, b.members, b.names),
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Submit',
          title: picker.submitLabel,
          style: 'positive',
          data: { id: picker.id, value: picker.value, pick: picker.kind },
        },
      ],
    },
  ];
};

const actionsBlock = (
  b: Builder,
  block: Extract<ViewBlock, { type: 'actions' }>,
): CardElement[] => [
  ...buttonSet(block),
  ...(block.pickers ?? []).flatMap((picker) => pickerElements(b, picker)),
];

const renderBlock = (b: Builder, block: ViewBlock): CardElement[] => {
  switch (block.type) {
    case 'header':
      return [textBlock(b, block.text, { size: 'Large', weight: 'Bolder', style: 'heading' })];
    case 'text':
      return [textBlock(b, block.text)];
    case 'context':
      return [textBlock(b, block.text, { size: 'Small', isSubtle: true })];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => fact(b, f.label, f.value)) }];
    case 'table':
      return tableBlock(b, block);
    case 'image':
      b.images.push({
        contentType: 'image/png',
        contentUrl: `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`,
        name: block.title ?? block.alt,
      });
      return [textBlock(b, block.alt, { size: 'Small', isSubtle: true })];
    case 'actions':
      return actionsBlock(b, block);
    case 'form':
      return formBlock(b, block);
    case 'divider':
      return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
  }
};

const fact = (b: Builder, label: string, value: string): CardElement => {
  const title = toCardText(label, b.names);
  const body = toCardText(clip(value), b.names);
  b.mentions.push(...title.mentions, ...body.mentions);
  return { title: title.text, value: body.text };
};

/** Renders a view as one Adaptive Card, plus any charts as separate image attachments. */
export const renderAdaptiveCard = (
  view: MessageView,
  options: RenderOptions = {},
): RenderedView => {
  const b: Builder = {
    body: [],
    mentions: [],
    images: [],
    names: options.names ?? (() => undefined),
    members: options.members ?? [],
    wide: false,
  };
  for (const block of view.blocks) b.body.push(...renderBlock(b, block));
  if (b.body.length === 0) b.body.push(textBlock(b, view.fallbackText));
  const mentions = uniqueMentions(b.mentions);
  const msteams = {
    ...(b.wide ? { width: 'Full' } : {}),
    ...(mentions.length > 0 ? { entities: mentions } : {}),
  };
  const card: CardElement = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: view.fallbackText,
    body: b.body,
    ...(Object.keys(msteams).length > 0 ? { msteams } : {}),
  };
  return { card, images: b.images };
};
