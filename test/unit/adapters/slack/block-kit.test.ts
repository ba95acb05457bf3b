// The Block Kit renderer keeps every message and modal within Slack's limits, cutting
// with "…and N more" instead of being rejected; the limits checker catches what breaks them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageView, ViewBlock } from '../../../../src/core/views/message-view.js';
import { issueFormView } from '../../../../src/core/views/issue-views.js';
import { renderMessage } from '../../../../adapters/slack/block-kit/render-message.js';
import {
  formValues,
  renderModal,
  formOf,
} from '../../../../adapters/slack/block-kit/render-modal.js';
import {
  checkMessageLimits,
  checkViewLimits,
} from '../../../../adapters/slack/block-kit/slack-limits.js';
import { toMrkdwn } from '../../../../adapters/slack/block-kit/mrkdwn.js';
import { actionInbound } from '../../../../adapters/slack/slack-inbound.js';

const viewOf = (blocks: ViewBlock[]): MessageView => ({
  blocks,
  fallbackText: 'x',
  visibility: 'public',
});
const texts = (blocks: Array<Record<string, unknown>>) => JSON.stringify(blocks);

describe('renderMessage', () => {
  it('keeps 50 blocks at most and says how many more there were', () => {
    const out = renderMessage(
      viewOf(Array.from({ length: 120 }, (_, i) => ({ type: 'text', text: `line ${i}` }))),
    );
    expect(out.blocks).toHaveLength(50);
    expect(texts(out.blocks.slice(-1))).toContain('…and 71 more');
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('splits long text into sections of at most 3,000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => `row ${i} ${'x'.repeat(20)}`).join('\n');
    const out = renderMessage(viewOf([{ type: 'text', text: long }]));
    expect(out.blocks.length).toBeGreaterThan(3);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('groups fields by ten and buttons by 25, with unique action ids', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: 'v' }));
    const buttons = Array.from({ length: 60 }, (_, i) => ({
      id: 'same.id',
      label: `B${i}`,
      value: String(i),
    }));
    const out = renderMessage(
      viewOf([
        { type: 'fields', fields },
        { type: 'actions', buttons },
      ]),
    );
    expect(out.blocks.map((b) => b.type)).toEqual([
      'section',
      'section',
      'section',
      'actions',
      'actions',
      'actions',
    ]);
    const ids = out.blocks.flatMap((b) =>
      ((b.elements as Array<{ action_id: string }>) ?? []).map((e) => e.action_id),
    );
    expect(new Set(ids).size).toBe(60);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('renders a big table as the rows that fit, then "…and N more"', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ theme: `#theme-${i}`, n: String(i) }));
    const columns = [
      { key: 'theme', label: 'Theme' },
      { key: 'n', label: 'Issues', align: 'right' as const },
    ];
    const out = renderMessage(viewOf([{ type: 'table', columns, rows, caption: '★ = vital few' }]));
    expect(texts(out.blocks)).toMatch(/…and \d+ more/);
    expect(texts(out.blocks)).toContain('#theme-0');
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('escapes markup but keeps links and mentions', () => {
    expect(toMrkdwn('a <b> & <@U1> <https://x.io|site>')).toBe(
      'a &lt;b&gt; &amp; <@U1> <https://x.io|site>',
    );
  });

  it('never breaks a limit, whatever the view holds', () => {
    const str = fc.string({ maxLength: 5000 });
    const block: fc.Arbitrary<ViewBlock> = fc.oneof(
      fc.record({ type: fc.constant('header' as const), text: str }),
      fc.record({ type: fc.constant('text' as const), text: str }),
      fc.record({ type: fc.constant('context' as const), text: str }),
      fc.record({
        type: fc.constant('fields' as const),
        fields: fc.array(fc.record({ label: str, value: str }), { maxLength: 30 }),
      }),
      fc.record({
        type: fc.constant('actions' as const),
        buttons: fc.array(
          fc.record({ id: fc.string({ maxLength: 300 }), label: str, value: str }),
          { maxLength: 60 },
        ),
        pickers: fc.array(
          fc.record({
            kind: fc.constantFrom('user' as const, 'date' as const),
            id: fc.string({ maxLength: 300 }),
            value: fc.string({ maxLength: 400 }),
            label: str,
            submitLabel: str,
            initial: fc.string({ maxLength: 12 }),
          }),
          { maxLength: 4 },
        ),
      }),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 80 }), (blocks) => {
        expect(checkMessageLimits(renderMessage(viewOf(blocks)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('pickers', () => {
  const pickers: ViewBlock = {
    type: 'actions',
    buttons: [{ id: 'why.status', label: 'Status', value: 's1|plan-due|' }],
    pickers: [
      {
        kind: 'user',
        id: 'why.owner',
        value: 's1|plan-owner|',
        label: 'Owner',
        submitLabel: 'Set',
      },
      {
        kind: 'date',
        id: 'why.due',
        value: 's1|plan-due|',
        label: 'Due',
        submitLabel: 'Set',
        initial: '2026-12-01',
      },
    ],
  };

  it('renders users_select and datepicker, each in a block whose id carries its value', () => {
    const out = renderMessage(viewOf([pickers]));
    expect(out.blocks).toEqual([
      expect.objectContaining({ type: 'actions' }),
      {
        type: 'actions',
        block_id: 's1|plan-owner|',
        elements: [
          {
            type: 'users_select',
            action_id: 'why.owner',
            placeholder: { type: 'plain_text', text: 'Owner', emoji: true },
          },
        ],
      },
      {
        type: 'actions',
        block_id: 's1|plan-due|',
        elements: [
          {
            type: 'datepicker',
            action_id: 'why.due',
            placeholder: { type: 'plain_text', text: 'Due', emoji: true },
            initial_date: '2026-12-01',
          },
        ],
      },
    ]);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('keeps block ids unique when two pickers share a value', () => {
    const out = renderMessage(viewOf([pickers, pickers]));
    const ids = out.blocks.map((b) => b.block_id).filter(Boolean);
    expect(ids).toEqual(['s1|plan-owner|', 's1|plan-due|', 's1|plan-owner|::2', 's1|plan-due|::2']);
    expect(checkMessageLimits(out)).toEqual([]);
  });

  it('reads selected_user and selected_date back as the choice, with the block value', () => {
    const body = { user: { id: 'U1' }, channel: { id: 'C1' } };
    expect(
      actionInbound('T1', body, {
        action_id: 'why.owner',
        block_id: 's1|plan-owner|::2',
        selected_user: 'U2',
      }),
    ).toMatchObject({ actionId: 'why.owner', value: 's1|plan-owner|', selected: 'U2' });
    expect(
      actionInbound('T1', body, {
        action_id: 'why.due',
        block_id: 's1|plan-due|',
        selected_date: '2026-12-24',
      }),
    ).toMatchObject({ actionId: 'why.due', value: 's1|plan-due|', selected: '2026-12-24' });
  });

  it('the limits checker knows their rules', () => {
    const problems = checkMessageLimits({
      text: 'x',
      blocks: [
        {
          type: 'actions',
          block_id: 'b'.repeat(256),
          elements: [
            {
              type: 'users_select',
              action_id: 'u',
              placeholder: { text: 'p'.repeat(151) },
              initial_user: '',
            },
            { type: 'datepicker', action_id: 'd', initial_date: '1/12/2026' },
            { type: 'plain_text_input', action_id: 't' },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      'blocks[0].block_id: 256 > 255',
      'blocks[0].elements[0].placeholder: 151 > 150',
      'blocks[0].elements[0].initial_user: empty',
      'blocks[0].elements[1].initial_date: not YYYY-MM-DD',
      'blocks[0].elements[2]: plain_text_input cannot go in an actions block',
    ]);
  });
});

describe('renderModal', () => {
  const themes = Array.from({ length: 250 }, (_, i) => ({
    id: `t${i}`,
    tenantId: 'T1',
    slug: `theme-${i}`,
    name: `Theme ${i}`,
    keyDriverId: null,
    createdAt: new Date(0),
  }));

  it('keeps 100 options, the catch-all "new" among them, and says how many were left out', () => {
    const view = issueFormView(themes);
    const modal = renderModal(view, formOf(view)!, { channelId: 'C1' }) as {
      blocks: Array<Record<string, unknown>>;
    };
    const theme = modal.blocks.find((b) => b.block_id === 'theme') as {
      element: { options: Array<{ value: string }> };
      hint: { text: string };
    };
    expect(theme.element.options).toHaveLength(100);
    expect(theme.element.options.at(-1)?.value).toBe('__new__');
    expect(theme.hint.text).toBe('…and 151 more');
    expect(checkViewLimits(modal)).toEqual([]);
  });

  it('reads submitted values back by input id', () => {
    expect(
      formValues({
        summary: { summary: { value: 'Late' } },
        theme: { theme: { selected_option: { value: 'late' } } },
        owner: { owner: { selected_user: 'U7' } },
        due: { due: { selected_date: '2026-12-01' } },
        empty: { empty: { value: null } },
      }),
    ).toEqual({ summary: 'Late', theme: 'late', owner: 'U7', due: '2026-12-01' });
  });
});

describe('the limits checker', () => {
  it('flags what Slack would reject', () => {
    const blocks = Array.from({ length: 51 }, () => ({
      type: 'section',
      text: { type: 'mrkdwn', text: 'x'.repeat(3001) },
    }));
    const problems = checkMessageLimits({ text: 'x', blocks });
    expect(problems).toContain('blocks: 51 > 50');
    expect(problems).toContain('blocks[0].text: 3001 > 3000');
    expect(
      checkViewLimits({ type: 'modal', title: { text: 'A title far longer than 24' }, blocks: [] }),
    ).toEqual(['title: 26 > 24']);
  });
});

describe('inbound actions', () => {
  it('strips the suffix that made a repeated action id unique', () => {
    const inbound = actionInbound(
      'T1',
      { user: { id: 'U1' }, channel: { id: 'C1' } },
      { action_id: 'why.level::3', value: 'recurrence' },
    );
    expect(inbound).toMatchObject({ kind: 'action', actionId: 'why.level', value: 'recurrence' });
  });
});
