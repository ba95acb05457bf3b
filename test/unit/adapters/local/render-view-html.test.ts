// The playground's one renderer: the markdown subset becomes HTML, and nothing from a
// view's text ever becomes markup of its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MessageView, ViewBlock } from '../../../../src/core/views/message-view.js';
import { issueFormView } from '../../../../src/core/views/issue-views.js';
import { richTextToHtml } from '../../../../adapters/local/rich-text-html.js';
import {
  MAX_TABLE_ROWS,
  renderViewHtml,
  userTextHtml,
  type RenderContext,
} from '../../../../adapters/local/render-view-html.js';
import { formOf, renderFormHtml } from '../../../../adapters/local/render-form-html.js';

const ctx: RenderContext = {
  nameOf: (id) => (id === 'u1' ? 'Ana' : id),
  imageUrl: () => '/api/image?id=img1',
  people: () => [
    { id: 'u1', name: 'Ana' },
    { id: 'u2', name: 'Ben <b>' },
  ],
};
const html = (...blocks: ViewBlock[]): string =>
  renderViewHtml({ blocks, fallbackText: 'x', visibility: 'public' } as MessageView, ctx);

/** The tags the renderer itself writes; anything else that looks like a tag is an escape bug. */
const OWN_TAGS =
  /<\/?(?:strong|em|code|br|span(?: class="mention")?|a(?: href="[^"<>]*" target="_blank" rel="noopener noreferrer")?)>/g;

describe('richTextToHtml', () => {
  it('renders bold, italic, code, links and mentions', () => {
    expect(richTextToHtml('*Why 1 of 5:* _Orders_ `0 9 * * 1`')).toBe(
      '<strong>Why 1 of 5:</strong> <em>Orders</em> <code>0 9 * * 1</code>',
    );
    expect(richTextToHtml('see <https://example.com/a?b=1&c=2|the docs>')).toBe(
      'see <a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>',
    );
    expect(richTextToHtml('owner <@u1> and <@u2|Ben>', ctx.nameOf)).toBe(
      'owner <span class="mention">@Ana</span> and <span class="mention">@Ben</span>',
    );
    expect(richTextToHtml('two\nlines')).toBe('two<br>lines');
    expect(richTextToHtml('On the schedule "* * * * *"')).toBe(
      'On the schedule &quot;* * * * *&quot;',
    );
  });

  it('escapes markup and refuses script links', () => {
    expect(richTextToHtml('<script>alert(1)</script>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(richTextToHtml('<javascript:alert(1)|click>')).not.toContain('<a');
    expect(richTextToHtml('*<img src=x onerror=alert(1)>*')).toBe(
      '<strong>&lt;img src=x onerror=alert(1)&gt;</strong>',
    );
  });

  it('never writes a tag of its own making from any input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '"',
            "'",
            '&',
            '*',
            '_',
            '`',
            '|',
            '@',
            'a',
            ' ',
            '\n',
            'h',
            't',
            'p',
            's',
            ':',
            '/',
          ),
        }),
        (text) => {
          const out = richTextToHtml(text, (id) => `${id}<b>`);
          expect(out.replace(OWN_TAGS, '')).not.toMatch(/[<>"]/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('renderViewHtml', () => {
  it('renders each block type', () => {
    const out = html(
      { type: 'header', text: 'Pareto <by> count' },
      { type: 'fields', fields: [{ label: 'Theme', value: '*#late*' }] },
      {
        type: 'table',
        columns: [
          { key: 'name', label: 'Theme' },
          { key: 'n', label: 'Issues', align: 'right' },
        ],
        rows: [{ name: '#late', n: '12' }],
        caption: 'vital few',
      },
      { type: 'image', png: new Uint8Array([1]), alt: 'Chart "A" & B', title: 'Pareto' },
      { type: 'divider' },
      { type: 'context', text: 'Next: `/cx-why`' },
    );
    expect(out).toContain('<h3 class="v-header">Pareto &lt;by&gt; count</h3>');
    expect(out).toContain('<dt>Theme</dt><dd><strong>#late</strong></dd>');
    expect(out).toContain('<td class="num">12</td>');
    expect(out).toContain('<img src="/api/image?id=img1" alt="Chart &quot;A&quot; &amp; B">');
    expect(out).toContain('<hr class="v-divider">');
    expect(out).toContain('<code>/cx-why</code>');
  });

  it('keeps button ids and values intact but inert', () => {
    const out = html({
      type: 'actions',
      buttons: [
        { id: 'why.confirm', label: 'Go "now"', value: '" onclick="alert(1)', style: 'primary' },
      ],
    });
    expect(out).toBe(
      '<div class="v-actions" role="group"><button type="button" class="btn btn-primary" data-action-id="why.confirm" data-action-value="&quot; onclick=&quot;alert(1)">Go &quot;now&quot;</button></div>',
    );
  });

  it('cuts very long tables with "…and N more"', () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 7 }, (_, i) => ({ n: String(i) }));
    const out = html({ type: 'table', columns: [{ key: 'n', label: 'N' }], rows });
    expect(out.match(/<tr>/g)).toHaveLength(MAX_TABLE_ROWS + 1);
    expect(out).toContain('…and 7 more');
  });

  it('shows what a person typed as text', () => {
    expect(userTextHtml('<b>hi</b>\nthere')).toBe(
      '<p class="v-text user-text">&lt;b&gt;hi&lt;/b&gt;<br>there</p>',
    );
  });
});

describe('renderFormHtml', () => {
  it('labels every input and keeps the form input ids as names', () => {
    const view = issueFormView([], { summary: 'Box "crushed" <b>' });
    const form = formOf(view);
    if (!form) throw new Error('the issue view has a form');
    const out = renderFormHtml(view, form, { ...ctx, users: [] });
    for (const input of form.inputs) {
      expect(out).toContain(`<label for="f-issue.form-${input.id}">`);
      expect(out).toContain(`name="${input.id}"`);
    }
    expect(out).toContain('value="Box &quot;crushed&quot; &lt;b&gt;"');
    expect(out).toContain('<option value="complaint" selected>complaint</option>');
  });

  it('offers the playground people for a user input and a date picker for a date', () => {
    const view: MessageView = {
      fallbackText: 'x',
      visibility: 'private',
      blocks: [
        {
          type: 'form',
          id: 'plan',
          title: 'Plan',
          submitLabel: 'Save',
          inputs: [
            { kind: 'user', id: 'owner', label: 'Owner', initial: 'ben', required: true },
            { kind: 'date', id: 'due', label: 'Due', initial: '2026-12-01' },
          ],
        },
      ],
    };
    const form = formOf(view);
    if (!form) throw new Error('the view has a form');
    const people = [
      { id: 'ana', name: 'Ana' },
      { id: 'ben', name: 'Ben <3' },
    ];
    const out = renderFormHtml(view, form, { ...ctx, users: people });
    expect(out).toContain('<option value="ben" selected>Ben &lt;3</option>');
    expect(out).toContain('<input type="date" id="f-plan-due" name="due" value="2026-12-01">');
  });
});

describe('pickers', () => {
  it('renders a user picker and a date picker with a button that sends the choice', () => {
    const out = html({
      type: 'actions',
      buttons: [],
      pickers: [
        {
          kind: 'user',
          id: 'why.owner',
          value: 's1|plan-owner|',
          label: 'Choose the owner',
          submitLabel: 'Set owner',
          initial: 'u2',
        },
        {
          kind: 'date',
          id: 'why.due',
          value: 's1|plan-due|',
          label: 'Due date',
          submitLabel: 'Set date',
          initial: '2026-12-01',
        },
      ],
    });
    expect(out).toContain('<option value="u2" selected>Ben &lt;b&gt;</option>');
    expect(out).toContain('<input type="date"');
    expect(out).toContain('value="2026-12-01"');
    expect(out).toMatch(
      /data-picker data-action-id="why\.owner" data-action-value="s1\|plan-owner\|">Set owner<\/button>/,
    );
    expect(out).not.toContain('<b>');
  });
});
