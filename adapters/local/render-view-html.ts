// MessageView → HTML for the playground: the one renderer. Every string from the view is
// escaped (see html-escape.ts); buttons carry their id and value in data attributes that
// the page sends back as they are.
import type {
  ActionButton,
  ActionPicker,
  Field,
  MessageView,
  TableColumn,
  ViewBlock,
} from '../../src/core/views/message-view.js';
import { escapeHtml } from './html-escape.js';
import { richTextToHtml, type NameOf } from './rich-text-html.js';

/** What rendering needs beyond the view: names for mentions and a home for images. */
export interface RenderContext {
  nameOf: NameOf;
  /** Stores a PNG and returns the URL the page can load it from. */
  imageUrl(png: Uint8Array): string;
  /** The people a user picker offers: the playground's users. */
  people(): Array<{ id: string; name: string }>;
}

/** A browser copes with long tables, but a person scrolling past thousands of rows does not. */
export const MAX_TABLE_ROWS = 200;

const fieldsHtml = (fields: Field[], ctx: RenderContext): string =>
  `<dl class="v-fields">${fields
    .map(
      (f) =>
        `<div><dt>${escapeHtml(f.label)}</dt><dd>${richTextToHtml(f.value, ctx.nameOf)}</dd></div>`,
    )
    .join('')}</dl>`;

const cell = (tag: 'th' | 'td', column: TableColumn, html: string): string =>
  `<${tag}${column.align === 'right' ? ' class="num"' : ''}>${html}</${tag}>`;

const tableHtml = (block: Extract<ViewBlock, { type: 'table' }>, ctx: RenderContext): string => {
  const rows = block.rows.slice(0, MAX_TABLE_ROWS);
  const hidden = block.rows.length - rows.length;
  const head = block.columns.map((c) => cell('th', c, escapeHtml(c.label))).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${block.columns.map((c) => cell('td', c, richTextToHtml(row[c.key] ?? '', ctx.nameOf))).join('')}</tr>`,
    )
    .join('');
  const more = hidden > 0 ? `<p class="v-context">…and ${hidden} more</p>` : '';
  const caption = block.caption
    ? `<p class="v-context">${richTextToHtml(block.caption, ctx.nameOf)}</p>`
    : '';
  return `<div class="v-table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${more}${caption}`;
};

const buttonHtml = (b: ActionButton): string =>
  `<button type="button" class="btn${b.style ? ` btn-${b.style}` : ''}" data-action-id="${escapeHtml(b.id)}" data-action-value="${escapeHtml(b.value)}">${escapeHtml(b.label)}</button>`;

/** A picker is its input plus a button that sends the choice (data-picker tells the page). */
const pickerHtml = (p: ActionPicker, ctx: RenderContext): string => {
  const id = `pick-${escapeHtml(p.id)}-${escapeHtml(p.value).replace(/[^\w-]/g, '_')}`;
  const input =
    p.kind === 'date'
      ? `<input type="date" id="${id}" value="${escapeHtml(p.initial ?? '')}">`
      : `<select id="${id}">${ctx
          .people()
          .map(
            (u) =>
              `<option value="${escapeHtml(u.id)}"${u.id === p.initial ? ' selected' : ''}>${escapeHtml(u.name)}</option>`,
          )
          .join('')}</select>`;
  return `<span class="v-picker"><label for="${id}">${escapeHtml(p.label)}</label>${input}<button type="button" class="btn" data-picker data-action-id="${escapeHtml(p.id)}" data-action-value="${escapeHtml(p.value)}">${escapeHtml(p.submitLabel)}</button></span>`;
};

const blockHtml = (block: ViewBlock, ctx: RenderContext): string => {
  switch (block.type) {
    case 'header':
      return `<h3 class="v-header">${escapeHtml(block.text)}</h3>`;
    case 'text':
      return `<p class="v-text">${richTextToHtml(block.text, ctx.nameOf)}</p>`;
    case 'context':
      return `<p class="v-context">${richTextToHtml(block.text, ctx.nameOf)}</p>`;
    case 'fields':
      return fieldsHtml(block.fields, ctx);
    case 'table':
      return tableHtml(block, ctx);
    case 'image': {
      const title = block.title ? `<figcaption>${escapeHtml(block.title)}</figcaption>` : '';
      return `<figure class="v-image"><img src="${escapeHtml(ctx.imageUrl(block.png))}" alt="${escapeHtml(block.alt)}">${title}</figure>`;
    }
    case 'actions':
      return `<div class="v-actions" role="group">${block.buttons.map(buttonHtml).join('')}${(block.pickers ?? []).map((p) => pickerHtml(p, ctx)).join('')}</div>`;
    case 'form':
      // Forms open as a modal (see render-form-html.ts); in a message only their title shows.
      return `<p class="v-context">${escapeHtml(block.title)}</p>`;
    case 'divider':
      return '<hr class="v-divider">';
  }
};

/** The blocks of a view as HTML; `skip` leaves some block types out (a modal's form). */
export const renderBlocksHtml = (
  blocks: ViewBlock[],
  ctx: RenderContext,
  skip: ReadonlyArray<ViewBlock['type']> = [],
): string =>
  blocks
    .filter((b) => !skip.includes(b.type))
    .map((b) => blockHtml(b, ctx))
    .join('');

export const renderViewHtml = (view: MessageView, ctx: RenderContext): string =>
  renderBlocksHtml(view.blocks, ctx);

/** Text a person typed, shown as they typed it: escaped, with line breaks kept. */
export const userTextHtml = (text: string): string =>
  `<p class="v-text user-text">${escapeHtml(text).replaceAll('\n', '<br>')}</p>`;
