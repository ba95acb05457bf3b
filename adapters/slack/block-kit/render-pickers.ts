// Pickers in a message: a person as `users_select`, a date as `datepicker`. Slack selects
// have no `value`, so each picker gets its own actions block whose block_id carries the
// picker's context value; block_actions hand the block_id back beside the choice.
import type { ActionPicker } from '../../../src/core/views/message-view.js';
import { SLACK_LIMITS } from './slack-limits.js';
import { clip, orEllipsis } from './mrkdwn.js';

type SlackBlock = Record<string, unknown>;

/** Repeats of an id in one message get `::n`; the inbound side strips it again. */
export const REPEAT_SUFFIX = /::\d+$/;

/** An id not yet in `used` (which it joins), within `max` characters. */
export const uniqueId = (id: string, max: number, used: Set<string>): string => {
  const base = clip(id, max - 6);
  let unique = base;
  for (let n = 2; used.has(unique); n += 1) unique = `${base}::${n}`;
  used.add(unique);
  return unique;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const pickerElement = (picker: ActionPicker, actionId: string): SlackBlock => {
  const placeholder = {
    type: 'plain_text',
    text: clip(orEllipsis(picker.label), SLACK_LIMITS.placeholder),
    emoji: true,
  };
  if (picker.kind === 'user') {
    return {
      type: 'users_select',
      action_id: actionId,
      placeholder,
      ...(picker.initial ? { initial_user: picker.initial } : {}),
    };
  }
  // Slack rejects an initial_date that is not YYYY-MM-DD; without one the picker is empty.
  const initial = picker.initial && ISO_DATE.test(picker.initial) ? picker.initial : undefined;
  return {
    type: 'datepicker',
    action_id: actionId,
    placeholder,
    ...(initial ? { initial_date: initial } : {}),
  };
};

export interface UsedIds {
  actionIds: Set<string>;
  blockIds: Set<string>;
}

/** One actions block per picker, its value in the block_id. */
export const pickerBlocks = (pickers: ActionPicker[], used: UsedIds): SlackBlock[] =>
  pickers.map((picker) => ({
    type: 'actions',
    block_id: uniqueId(picker.value, SLACK_LIMITS.blockId, used.blockIds),
    elements: [pickerElement(picker, uniqueId(picker.id, SLACK_LIMITS.actionId, used.actionIds))],
  }));

/** The context value a picker's block carried. */
export const pickerValue = (blockId: string): string => blockId.replace(REPEAT_SUFFIX, '');
