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
  | { type: 'actions'; buttons: ActionButton[] }
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
