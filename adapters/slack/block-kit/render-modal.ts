// A view with a form → a Slack modal (views.open), and a view_submission's state back to
// the plain values the core's form handlers read.
import type { FormInput, MessageView, ViewBlock } from '../../../src/core/views/message-view.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { clip, orEllipsis } from './mrkdwn.js';
import { fitBlocks, renderBlocks, type SlackBlock } from './render-message.js';

type Form = Extract<ViewBlock, { type: 'form' }>;
type Option = { label: string; value: string };

/** Where the modal was opened from, so the reply can go back there. */
export interface ModalOrigin {
  channelId?: string;
  threadId?: string;
  privateValue?: string;
}

const plain = (text: string, max: number) => ({
  type: 'plain_text',
  text: clip(orEllipsis(text), max),
  emoji: true,
});

export const formOf = (view: MessageView): Form | undefined =>
  view.blocks.find((b): b is Form => b.type === 'form');

const option = (o: Option) => ({
  text: plain(o.label, SLACK_LIMITS.optionText),
  value: clip(o.value, SLACK_LIMITS.optionValue),
});

/** Over 100 options: keep the first 99 and the last (the catch-all, such as "new"). */
const fitOptions = (options: Option[]): { shown: Option[]; hidden: number } => {
  if (options.length <= SLACK_LIMITS.selectOptions) return { shown: options, hidden: 0 };
  const last = options.at(-1) as Option;
  const shown = [...options.slice(0, SLACK_LIMITS.selectOptions - 1), last];
  return { shown, hidden: options.length - shown.length };
};

const selectElement = (input: Extract<FormInput, { kind: 'select' }>) => {
  const { shown, hidden } = fitOptions(input.options);
  const initial = shown.find((o) => o.value === input.initial);
  return {
    element: {
      type: 'static_select',
      action_id: input.id,
      options: shown.map(option),
      ...(initial ? { initial_option: option(initial) } : {}),
    },
    hint: hidden > 0 ? `…and ${hidden} more` : undefined,
  };
};

const textElement = (input: Extract<FormInput, { kind: 'text' }>): SlackBlock => {
  const maxLength = Math.min(
    input.maxLength ?? SLACK_LIMITS.textInputMaxLength,
    SLACK_LIMITS.textInputMaxLength,
  );
  return {
    type: 'plain_text_input',
    action_id: input.id,
    multiline: input.multiline ?? false,
    max_length: maxLength,
    ...(input.initial ? { initial_value: clip(input.initial, maxLength) } : {}),
    ...(input.placeholder
      ? { placeholder: plain(input.placeholder, SLACK_LIMITS.placeholder) }
      : {}),
  };
};

const inputElement = (input: FormInput): { element: SlackBlock; hint?: string | undefined } => {
  switch (input.kind) {
    case 'text':
      return { element: textElement(input) };
    case 'number':
      return {
        element: {
          type: 'number_input',
          action_id: input.id,
          is_decimal_allowed: true,
          ...(input.min !== undefined ? { min_value: String(input.min) } : {}),
          ...(input.initial !== undefined ? { initial_value: String(input.initial) } : {}),
        },
      };
    case 'select':
      return selectElement(input);
    case 'user':
      return {
        element: {
          type: 'users_select',
          action_id: input.id,
          ...(input.initial ? { initial_user: input.initial } : {}),
        },
      };
    case 'date':
      return {
        element: {
          type: 'datepicker',
          action_id: input.id,
          ...(input.initial ? { initial_date: input.initial } : {}),
        },
      };
  }
};

const inputBlock = (input: FormInput): SlackBlock => {
  const { element, hint } = inputElement(input);
  return {
    type: 'input',
    block_id: clip(input.id, SLACK_LIMITS.blockId),
    optional: !input.required,
    label: plain(input.label, SLACK_LIMITS.inputLabel),
    element,
    ...(hint ? { hint: plain(hint, SLACK_LIMITS.inputHint) } : {}),
  };
};

export const renderModal = (view: MessageView, form: Form, origin: ModalOrigin): SlackBlock => {
  const intro = renderBlocks(view.blocks.filter((b) => b.type !== 'form' && b.type !== 'actions'));
  const inputs = form.inputs.map(inputBlock);
  const room = SLACK_LIMITS.modalBlocks - inputs.length;
  return {
    type: 'modal',
    callback_id: clip(form.id, SLACK_LIMITS.callbackId),
    title: plain(form.title, SLACK_LIMITS.modalTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.modalSubmit),
    private_metadata: encodeOrigin({
      ...origin,
      ...(form.privateValue ? { privateValue: form.privateValue } : {}),
    }),
    blocks: [
      ...(room > 0 ? fitBlocks(intro, room) : []),
      ...inputs.slice(0, SLACK_LIMITS.modalBlocks),
    ],
  };
};

const encodeOrigin = (origin: ModalOrigin): string => {
  const json = JSON.stringify({ c: origin.channelId, t: origin.threadId, p: origin.privateValue });
  return json.length <= SLACK_LIMITS.privateMetadata
    ? json
    : JSON.stringify({ c: origin.channelId, t: origin.threadId });
};

export const decodeOrigin = (metadata: string | undefined): ModalOrigin => {
  try {
    const raw = JSON.parse(metadata ?? '{}') as { c?: unknown; t?: unknown; p?: unknown };
    return {
      ...(typeof raw.c === 'string' ? { channelId: raw.c } : {}),
      ...(typeof raw.t === 'string' ? { threadId: raw.t } : {}),
      ...(typeof raw.p === 'string' ? { privateValue: raw.p } : {}),
    };
  } catch {
    return {};
  }
};

interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_user?: string | null;
  selected_date?: string | null;
}

/** view.state.values (block id → action id → value) flattened to input id → text. */
export const formValues = (
  state: Record<string, Record<string, StateValue>> | undefined,
): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const actions of Object.values(state ?? {})) {
    for (const [actionId, v] of Object.entries(actions)) {
      const value = v.value ?? v.selected_option?.value ?? v.selected_user ?? v.selected_date;
      if (typeof value === 'string' && value !== '') values[actionId] = value;
    }
  }
  return values;
};
