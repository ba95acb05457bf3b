// Slack's published Block Kit limits, as one table. Slack rejects a payload that breaks
// any of them (invalid_blocks), so the renderer truncates to fit and the tests check
// every payload the app sends against this table.
// Sources: docs.slack.dev/reference/block-kit/blocks, .../block-elements,
// .../composition-objects and .../reference/surfaces (views).

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  homeBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  imageAltText: 2000,
  modalTitle: 24,
  modalSubmit: 24,
  modalClose: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  textInputMaxLength: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
} as const;

export type SlackSurface = 'message' | 'modal' | 'home';

/** Interactive elements an actions block may hold (of those this app could send). */
const ACTIONS_ELEMENT_TYPES = new Set([
  'button',
  'static_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'overflow',
  'datepicker',
  'timepicker',
  'checkboxes',
  'radio_buttons',
]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};
const textOf = (value: unknown): string => String(asObject(value).text ?? '');
const len = (value: string): number => value.length;

/** Collects every limit a Block Kit payload breaks, as readable problems. */
class LimitChecker {
  readonly problems: string[] = [];

  max(where: string, actual: number, limit: number): void {
    if (actual > limit) this.problems.push(`${where}: ${actual} > ${limit}`);
  }

  /** Text objects must not be empty (Slack: "must be more than 0 characters"). */
  text(where: string, value: string, limit: number): void {
    if (value.trim().length === 0) this.problems.push(`${where}: empty`);
    this.max(where, len(value), limit);
  }

  element(where: string, element: Json): void {
    this.max(`${where}.action_id`, len(String(element.action_id ?? '')), SLACK_LIMITS.actionId);
    if (element.type === 'button') {
      this.text(`${where}.text`, textOf(element.text), SLACK_LIMITS.buttonText);
      this.max(`${where}.value`, len(String(element.value ?? '')), SLACK_LIMITS.buttonValue);
    }
    if (element.placeholder !== undefined)
      this.text(`${where}.placeholder`, textOf(element.placeholder), SLACK_LIMITS.placeholder);
    if (element.type === 'users_select' || element.type === 'datepicker')
      this.picker(where, element);
    if (typeof element.max_length === 'number')
      this.max(`${where}.max_length`, element.max_length, SLACK_LIMITS.textInputMaxLength);
    const options = Array.isArray(element.options) ? element.options.map(asObject) : [];
    this.max(`${where}.options`, options.length, SLACK_LIMITS.selectOptions);
    options.forEach((o, i) => {
      this.text(`${where}.options[${i}].text`, textOf(o.text), SLACK_LIMITS.optionText);
      this.max(
        `${where}.options[${i}].value`,
        len(String(o.value ?? '')),
        SLACK_LIMITS.optionValue,
      );
    });
  }

  /** Pickers: Slack takes initial dates only as YYYY-MM-DD, and a real user id. */
  picker(where: string, element: Json): void {
    if (element.initial_date !== undefined && !ISO_DATE.test(String(element.initial_date)))
      this.problems.push(`${where}.initial_date: not YYYY-MM-DD`);
    if (element.initial_user !== undefined && String(element.initial_user) === '')
      this.problems.push(`${where}.initial_user: empty`);
  }

  block(where: string, block: Json, surface: SlackSurface): void {
    this.max(`${where}.block_id`, len(String(block.block_id ?? '')), SLACK_LIMITS.blockId);
    switch (block.type) {
      case 'header':
        return this.text(`${where}.text`, textOf(block.text), SLACK_LIMITS.headerText);
      case 'section':
        return this.section(where, block);
      case 'context':
        return this.context(where, block);
      case 'actions':
        return this.actions(where, block);
      case 'input':
        return this.input(where, block, surface);
      case 'image':
        return this.max(
          `${where}.alt_text`,
          len(String(block.alt_text)),
          SLACK_LIMITS.imageAltText,
        );
      case 'divider':
        return;
      default:
        this.problems.push(`${where}: unexpected block type ${String(block.type)}`);
    }
  }

  section(where: string, block: Json): void {
    if (block.text !== undefined)
      this.text(`${where}.text`, textOf(block.text), SLACK_LIMITS.sectionText);
    const fields = Array.isArray(block.fields) ? block.fields : [];
    this.max(`${where}.fields`, fields.length, SLACK_LIMITS.sectionFields);
    fields.forEach((f, i) => this.text(`${where}.fields[${i}]`, textOf(f), SLACK_LIMITS.fieldText));
    if (block.text === undefined && fields.length === 0)
      this.problems.push(`${where}: a section needs text or fields`);
  }

  context(where: string, block: Json): void {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    this.max(`${where}.elements`, elements.length, SLACK_LIMITS.contextElements);
    elements.forEach((e, i) =>
      this.text(`${where}.elements[${i}]`, textOf(e), SLACK_LIMITS.contextText),
    );
  }

  actions(where: string, block: Json): void {
    const elements = Array.isArray(block.elements) ? block.elements.map(asObject) : [];
    this.max(`${where}.elements`, elements.length, SLACK_LIMITS.actionsElements);
    const ids = elements.map((e) => String(e.action_id ?? ''));
    if (new Set(ids).size !== ids.length)
      this.problems.push(`${where}: action_id values must be unique in a block`);
    elements.forEach((e, i) => {
      if (!ACTIONS_ELEMENT_TYPES.has(String(e.type)))
        this.problems.push(
          `${where}.elements[${i}]: ${String(e.type)} cannot go in an actions block`,
        );
      this.element(`${where}.elements[${i}]`, e);
    });
  }

  input(where: string, block: Json, surface: SlackSurface): void {
    if (surface === 'message') this.problems.push(`${where}: input blocks need a modal`);
    this.text(`${where}.label`, textOf(block.label), SLACK_LIMITS.inputLabel);
    if (block.hint !== undefined)
      this.max(`${where}.hint`, len(textOf(block.hint)), SLACK_LIMITS.inputHint);
    this.element(`${where}.element`, asObject(block.element));
  }

  blocks(blocks: unknown, surface: SlackSurface): void {
    const list = Array.isArray(blocks) ? blocks.map(asObject) : [];
    const limit = surface === 'message' ? SLACK_LIMITS.messageBlocks : SLACK_LIMITS.modalBlocks;
    this.max('blocks', list.length, limit);
    const ids = list.map((b) => b.block_id).filter((id) => id !== undefined);
    if (new Set(ids).size !== ids.length) this.problems.push('blocks: block_id values repeat');
    list.forEach((b, i) => this.block(`blocks[${i}]`, b, surface));
  }
}

/** Problems with a chat.postMessage / postEphemeral / update / response_url payload. */
export const checkMessageLimits = (payload: { text?: unknown; blocks?: unknown }): string[] => {
  const checker = new LimitChecker();
  checker.max('text', len(String(payload.text ?? '')), SLACK_LIMITS.messageText);
  checker.blocks(payload.blocks, 'message');
  return checker.problems;
};

/** Problems with a view for views.open / views.update / views.publish. */
export const checkViewLimits = (view: unknown): string[] => {
  const v = asObject(view);
  const checker = new LimitChecker();
  if (v.type === 'modal') {
    checker.text('title', textOf(v.title), SLACK_LIMITS.modalTitle);
    if (v.submit !== undefined)
      checker.max('submit', len(textOf(v.submit)), SLACK_LIMITS.modalSubmit);
    if (v.close !== undefined) checker.max('close', len(textOf(v.close)), SLACK_LIMITS.modalClose);
  }
  checker.max('callback_id', len(String(v.callback_id ?? '')), SLACK_LIMITS.callbackId);
  checker.max(
    'private_metadata',
    len(String(v.private_metadata ?? '')),
    SLACK_LIMITS.privateMetadata,
  );
  checker.blocks(v.blocks, v.type === 'home' ? 'home' : 'modal');
  return checker.problems;
};
