// The platform-neutral view model. Adapters render it into Block Kit, Adaptive Cards,
// HTML or plain text; they add no words of their own.

/** A small markdown subset: *bold*, _italic_, <url|label> links and <@userId> mentions. */
export type RichText = string;

export interface Field {
  label: string;
  value: RichText;
}

export type ColumnAlign = 'left' | 'right';

export interface TableColumn {
  key: string;
  label: string;
  align?: ColumnAlign;
}

export interface ActionButton {
  /** Stable id the core routes on, e.g. "pareto.page". */
  id: string;
  label: string;
  value: string;
  style?: 'primary' | 'danger';
}

/**
 * A person or date chosen in a message, beside its buttons. `value` is the same context
 * string a button carries; the choice comes back as the action's `selected`.
 */
export interface ActionPicker {
  kind: 'user' | 'date';
  /** Stable id the core routes on, e.g. "why.owner". */
  id: string;
  value: string;
  /** What to choose, e.g. "Choose the owner"; shown as the picker's label or placeholder. */
  label: string;
  /** Where a platform needs a button to send the choice (Teams), its words. */
  submitLabel: string;
  /** A user id or a YYYY-MM-DD date to start from. */
  initial?: string;
}

export type FormInput =
  | {
      kind: 'text';
      id: string;
      label: string;
      multiline?: boolean;
      initial?: string;
      required?: boolean;
      placeholder?: string;
      maxLength?: number;
    }
  | {
      kind: 'number';
      id: string;
      label: string;
      initial?: number;
      required?: boolean;
      min?: number;
    }
  | {
      kind: 'select';
      id: string;
      label: string;
      options: Array<{ label: string; value: string }>;
      initial?: string;
      required?: boolean;
    }
  | { kind: 'user'; id: string; label: string; initial?: string; required?: boolean }
  | { kind: 'date'; id: string; label: string; initial?: string; required?: boolean };

export type ViewBlock =
  | { type: 'header'; text: string }
  | { type: 'text'; text: RichText }
  | { type: 'fields'; fields: Field[] }
  | { type: 'table'; columns: TableColumn[]; rows: Array<Record<string, string>>; caption?: string }
  | { type: 'image'; png: Uint8Array; alt: string; title?: string }
  | { type: 'actions'; buttons: ActionButton[]; pickers?: ActionPicker[] }
  | {
      type: 'form';
      id: string;
      title: string;
      submitLabel: string;
      inputs: FormInput[];
      privateValue?: string;
    }
  | { type: 'divider' }
  | { type: 'context'; text: RichText };

export type Visibility = 'private' | 'public';

export interface MessageView {
  blocks: ViewBlock[];
  /** Plain text for notifications and screen readers. */
  fallbackText: string;
  /** private: only the person who asked sees it (ephemeral in Slack). */
  visibility: Visibility;
  /** 'error' marks a reply that explains what was wrong, so adapters and the CLI can flag it. */
  tone?: 'error';
}
