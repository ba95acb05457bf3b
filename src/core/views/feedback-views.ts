// Errors, confirmations and import reports.
import type { ImportReport } from '../use-cases/import-report.js';
import type { MessageView } from './message-view.js';
import { formatCount } from './format.js';
import { context, text, view } from './view-helpers.js';

/** What was wrong, and how to do it right. Always private. */
export const errorView = (message: string, usage?: string): MessageView => ({
  ...view(message, [text(`⚠️ ${message}`), ...(usage ? [context(usage)] : [])]),
  tone: 'error',
});

/** The neutral reply when something unexpected failed; details stay in the logs. */
export const unexpectedErrorView = (): MessageView => ({
  ...view('Something went wrong on our side.', [
    text(
      '⚠️ Something went wrong on our side, and nothing was saved. Please try again in a moment.',
    ),
  ]),
  tone: 'error',
});

export const confirmationView = (
  message: string,
  visibility: 'private' | 'public' = 'private',
): MessageView => view(message, [text(message)], visibility);

export const importReportView = (report: ImportReport): MessageView => {
  const what = report.kind === 'issues' ? 'issues' : 'survey responses';
  const created = report.created;
  const lines = [
    `Imported *${formatCount(report.imported)}* ${what} from ${formatCount(report.rowsRead)} rows.`,
    report.skippedDuplicates > 0
      ? `Skipped ${formatCount(report.skippedDuplicates)} already imported (same id).`
      : null,
    report.kind === 'issues' && created.themes + created.drivers + created.customers > 0
      ? `New: ${created.themes} themes, ${created.drivers} key drivers, ${created.customers} customers.`
      : null,
    report.errorCount > 0
      ? `${formatCount(report.errorCount)} rows had problems and were not imported:`
      : null,
  ].filter((l): l is string => l !== null);
  const errors = report.errors.map((e) => `line ${e.line}: ${e.message}`);
  const more = report.errorCount - report.errors.length;
  return view(lines[0] ?? 'Import finished.', [
    text(lines.join('\n')),
    ...(errors.length > 0 ? [text(errors.join('\n'))] : []),
    ...(more > 0 ? [context(`…and ${formatCount(more)} more.`)] : []),
  ]);
};
