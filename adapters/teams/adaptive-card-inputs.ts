// Form inputs of a MessageView as Adaptive Card 1.5 inputs. People are chosen from the
// team's members (fetched with TeamsInfo by the caller), dates with Input.Date.
import type { FormInput } from '../../src/core/views/message-view.js';
import { toCardPlainText, type NameLookup } from './adaptive-card-text.js';

export type CardElement = Record<string, unknown>;

/** Someone who can be picked where a form asks for a person. */
export interface CardMember {
  id: string;
  name: string;
}

const common = (input: FormInput): CardElement => ({
  id: input.id,
  label: input.label,
  ...(input.required ? { isRequired: true, errorMessage: `${input.label} is required.` } : {}),
});

const personInput = (
  input: Extract<FormInput, { kind: 'user' }>,
  members: CardMember[],
): CardElement => {
  // Without a member list (e.g. the Emulator), a typed name still works: the core parses it.
  if (members.length === 0) {
    return {
      type: 'Input.Text',
      ...common(input),
      placeholder: '@name',
      ...(input.initial ? { value: input.initial } : {}),
    };
  }
  const known = members.some((m) => m.id === input.initial);
  return {
    type: 'Input.ChoiceSet',
    ...common(input),
    style: 'filtered',
    choices: members.map((m) => ({ title: m.name, value: m.id })),
    ...(input.initial && known ? { value: input.initial } : {}),
  };
};

export const renderInput = (
  input: FormInput,
  members: CardMember[],
  names: NameLookup,
): CardElement => {
  switch (input.kind) {
    case 'text':
      return {
        type: 'Input.Text',
        ...common(input),
        ...(input.multiline ? { isMultiline: true } : {}),
        ...(input.initial !== undefined ? { value: input.initial } : {}),
        ...(input.placeholder ? { placeholder: input.placeholder } : {}),
        ...(input.maxLength ? { maxLength: input.maxLength } : {}),
      };
    case 'number':
      return {
        type: 'Input.Number',
        ...common(input),
        ...(input.initial !== undefined ? { value: input.initial } : {}),
        ...(input.min !== undefined ? { min: input.min } : {}),
      };
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common(input),
        style: 'compact',
        choices: input.options.map((o) => ({
          title: toCardPlainText(o.label, names),
          value: o.value,
        })),
        ...(input.initial !== undefined ? { value: input.initial } : {}),
      };
    case 'user':
      return personInput(input, members);
    case 'date':
      return {
        type: 'Input.Date',
        ...common(input),
        ...(input.initial ? { value: input.initial } : {}),
      };
  }
};
