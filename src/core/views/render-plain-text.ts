// Renders a MessageView as plain text for the CLI and logs. Tables are aligned in
// columns; markdown marks are removed; links keep their address.
import type { MessageView, TableColumn, ViewBlock } from './message-view.js';

const plainSegment = (rich: string): string =>
  rich
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([^|>]+)\|([^>]+)>/g, '@$2')
    .replace(/<@([^>]+)>/g, '@$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,:;!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s).,:;!?]|$)/g, '$1$2');

/** Removes the markdown marks; `code` spans are kept as typed (a cron's stars are not bold). */
export const plainText = (rich: string): string =>
  rich
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part.slice(1, -1) : plainSegment(part)))
    .join('');

const width = (text: string): number => [...text].length;
const pad = (text: string, size: number, align: 'left' | 'right' = 'left'): string => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
};

const renderTable = (
  columns: TableColumn[],
  rows: Array<Record<string, string>>,
  caption?: string,
): string => {
  const cells = rows.map((row) => columns.map((c) => plainText(row[c.key] ?? '')));
  const widths = columns.map((c, i) =>
    Math.max(width(c.label), ...cells.map((r) => width(r[i] ?? ''))),
  );
  const line = (values: string[]): string =>
    values
      .map((v, i) => pad(v, widths[i] ?? 0, columns[i]?.align))
      .join('  ')
      .trimEnd();
  const out = [
    line(columns.map((c) => c.label)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ];
  return caption ? `${out.join('\n')}\n${plainText(caption)}` : out.join('\n');
};

const renderBlock = (block: ViewBlock): string => {
  switch (block.type) {
    case 'header':
      return `${block.text}\n${'='.repeat(Math.min(width(block.text), 80))}`;
    case 'text':
      return plainText(block.text);
    case 'context':
      return plainText(block.text);
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${plainText(f.value)}`).join('\n');
    case 'table':
      return renderTable(block.columns, block.rows, block.caption);
    case 'image':
      return `[chart: ${block.alt}]`;
    case 'actions':
      return [...block.buttons, ...(block.pickers ?? [])].map((b) => `[${b.label}]`).join(' ');
    case 'form':
      return [
        `${block.title}:`,
        ...block.inputs.map(
          (i) => `  - ${i.label}${'required' in i && i.required ? ' (required)' : ''}`,
        ),
      ].join('\n');
    case 'divider':
      return '-'.repeat(40);
  }
};

export const renderPlainText = (view: MessageView): string =>
  view.blocks.map(renderBlock).join('\n\n');
