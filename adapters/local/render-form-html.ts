// A view's form block → the body of the playground's modal. Input names are the form's
// input ids, so the page can send the values back as the core's form handlers read them.
import type { FormInput, MessageView, ViewBlock } from '../../src/core/views/message-view.js';
import { escapeHtml } from './html-escape.js';
import { renderBlocksHtml, type RenderContext } from './render-view-html.js';

export type FormBlock = Extract<ViewBlock, { type: 'form' }>;

export interface FormContext extends RenderContext {
  /** The people the user select offers: the playground's users. */
  users: Array<{ id: string; name: string }>;
}

export const formOf = (view: MessageView): FormBlock | undefined =>
  view.blocks.find((b): b is FormBlock => b.type === 'form');

const attr = (name: string, value: string | number | undefined): string =>
  value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;

const flag = (name: string, on: boolean | undefined): string => (on ? ` ${name}` : '');

const options = (
  list: Array<{ label: string; value: string }>,
  initial: string | undefined,
  required: boolean | undefined,
): string => {
  // An optional select starts empty, so "no answer" stays possible.
  const blank = required || initial !== undefined ? '' : '<option value="">—</option>';
  return (
    blank +
    list
      .map(
        (o) =>
          `<option value="${escapeHtml(o.value)}"${o.value === initial ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
      )
      .join('')
  );
};

const control = (input: FormInput, id: string, ctx: FormContext): string => {
  const common = `id="${escapeHtml(id)}" name="${escapeHtml(input.id)}"${flag('required', input.required)}`;
  switch (input.kind) {
    case 'text':
      return input.multiline
        ? `<textarea ${common} rows="4"${attr('maxlength', input.maxLength)}${attr('placeholder', input.placeholder)}>${escapeHtml(input.initial ?? '')}</textarea>`
        : `<input type="text" ${common}${attr('maxlength', input.maxLength)}${attr('placeholder', input.placeholder)}${attr('value', input.initial)}>`;
    case 'number':
      return `<input type="number" step="any" inputmode="decimal" ${common}${attr('min', input.min)}${attr('value', input.initial)}>`;
    case 'select':
      return `<select ${common}>${options(input.options, input.initial, input.required)}</select>`;
    case 'user':
      return `<select ${common}>${options(
        ctx.users.map((u) => ({ label: u.name, value: u.id })),
        input.initial,
        input.required,
      )}</select>`;
    case 'date':
      return `<input type="date" ${common}${attr('value', input.initial)}>`;
  }
};

const field = (form: FormBlock, input: FormInput, ctx: FormContext): string => {
  const id = `f-${form.id}-${input.id}`;
  const required = input.required ? ' <span class="req" aria-hidden="true">*</span>' : '';
  return `<div class="field"><label for="${escapeHtml(id)}">${escapeHtml(input.label)}${required}</label>${control(input, id, ctx)}</div>`;
};

/** The modal's inner HTML: the view's other blocks as an intro, then the inputs. */
export const renderFormHtml = (view: MessageView, form: FormBlock, ctx: FormContext): string => {
  const intro = renderBlocksHtml(view.blocks, ctx, ['form', 'actions']);
  return `${intro}${form.inputs.map((i) => field(form, i, ctx)).join('')}`;
};
