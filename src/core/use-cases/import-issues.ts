// Bulk import of issues from CSV rows. Rows are validated one by one; bad rows are
// reported by line and skipped, good rows land in batches, one transaction each, so
// memory stays flat and a crash never leaves a batch half-written.
import { AppError } from '../domain/errors.js';
import type { IssueSource, NewIssue } from '../domain/types.js';
import { ISSUE_SOURCES } from '../domain/types.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';
import { ImportCatalog } from './import-catalog.js';
import { parseAmountCell, parseDateCell, type DateOrder } from './import-cells.js';
import { addRowError, emptyReport, type CsvRow, type ImportReport } from './import-report.js';
import { MAX_SUMMARY_LENGTH } from './log-issue.js';

/** Rows per transaction. Each commit writes every page the batch dirtied to the WAL; larger
 * batches share pages, and a crash loses at most one batch. */
export const IMPORT_BATCH_SIZE = 5000;

export const ISSUE_FIELDS = [
  'theme',
  'driver',
  'customer',
  'summary',
  'description',
  'date',
  'cost',
  'company-cost',
  'source',
  'id',
  'revenue',
  'core-growth',
] as const;
export type IssueField = (typeof ISSUE_FIELDS)[number];
export type IssueMapping = Partial<Record<IssueField, string>> & { theme: string };

export interface IssueImportOptions {
  mapping: IssueMapping;
  dateOrder?: DateOrder;
  batchSize?: number;
  source?: IssueSource;
}

/** Checks the mapping against the file's header; names every missing column. */
export const checkIssueHeader = (header: string[], mapping: IssueMapping): void => {
  const missing = Object.entries(mapping).filter(([, column]) => !header.includes(column));
  if (missing.length > 0) {
    const list = missing.map(([field, column]) => `${field}="${column}"`).join(', ');
    throw new AppError(
      'import.columns-missing',
      `These mapped columns are not in the file: ${list}. The file's columns are: ${header.join(', ')}.`,
    );
  }
};

type Staged = Omit<NewIssue, 'themeId' | 'keyDriverId' | 'customerId'> & {
  theme: string;
  driver: string | null;
  customer: { name: string; revenueCents: number | null; coreGrowth: boolean | null } | null;
};

export const importIssueRows = async (
  deps: CoreDeps,
  actor: Actor,
  header: string[],
  rows: AsyncIterable<CsvRow>,
  options: IssueImportOptions,
): Promise<ImportReport> => {
  checkIssueHeader(header, options.mapping);
  const report = emptyReport('issues');
  const catalog = new ImportCatalog(deps, actor, report);
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  let batch: Staged[] = [];
  const flush = (): void => {
    const staged = batch;
    batch = [];
    if (staged.length === 0) return;
    deps.repos.transaction(() => {
      const now = deps.clock.now();
      const issues = staged.map((s) => catalog.resolve(s, deps.ids.next(), now));
      const inserted = deps.repos.issues.createMany(actor.tenantId, issues);
      report.imported += inserted;
      report.skippedDuplicates += staged.length - inserted;
    });
  };
  for await (const row of rows) {
    report.rowsRead += 1;
    const staged = row.error ?? stageRow(row, options, actor, deps.clock.now());
    if (typeof staged === 'string') addRowError(report, row.line, staged);
    else batch.push(staged);
    if (batch.length >= batchSize) flush();
  }
  flush();
  deps.repos.transaction(() =>
    audit(deps, actor, 'issue.import', 'import', deps.ids.next(), {
      ...report,
      errors: report.errors.slice(0, 10),
    }),
  );
  return report;
};

const cell = (row: CsvRow, column: string | undefined): string =>
  column ? (row.record[column] ?? '').trim() : '';

/** Validates one row; returns the staged issue or the reason it was rejected. */
const stageRow = (
  row: CsvRow,
  options: IssueImportOptions,
  actor: Actor,
  now: Date,
): Staged | string => {
  const { mapping } = options;
  const theme = cell(row, mapping.theme);
  if (theme === '') return `the theme column "${mapping.theme}" is empty`;
  const description = cell(row, mapping.description);
  const summary = cell(row, mapping.summary) || firstLine(description) || theme;
  const date = mapping.date ? parseDateCell(cell(row, mapping.date), options.dateOrder) : null;
  if (date && !date.ok) return `${mapping.date}: ${date.error}`;
  const money = (field: 'cost' | 'company-cost' | 'revenue'): number | null | string => {
    const raw = cell(row, mapping[field]);
    if (raw === '') return null;
    const parsed = parseAmountCell(raw);
    return parsed.ok ? parsed.value : `${mapping[field]}: ${parsed.error}`;
  };
  const [cost, companyCost, revenue] = [money('cost'), money('company-cost'), money('revenue')];
  for (const value of [cost, companyCost, revenue]) if (typeof value === 'string') return value;
  const source = parseSource(cell(row, mapping.source), options.source);
  if (source === null)
    return `${mapping.source}: "${cell(row, mapping.source)}" is not one of ${ISSUE_SOURCES.join(', ')}`;
  const customerName = cell(row, mapping.customer);
  const coreRaw = cell(row, mapping['core-growth']).toLowerCase();
  return {
    theme,
    driver: cell(row, mapping.driver) || null,
    customer: customerName
      ? {
          name: customerName,
          revenueCents: revenue as number | null,
          coreGrowth: coreRaw === '' ? null : ['1', 'yes', 'y', 'true'].includes(coreRaw),
        }
      : null,
    summary: summary.slice(0, MAX_SUMMARY_LENGTH),
    description: description || null,
    source,
    customerCostCents: cost as number | null,
    companyCostCents: companyCost as number | null,
    reporterId: actor.userId,
    reporterName: actor.name ?? null,
    externalId: cell(row, mapping.id) || null,
    occurredAt: date?.ok ? date.value : now,
  };
};

const firstLine = (text: string): string => {
  const line = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
};

const parseSource = (raw: string, fallback: IssueSource | undefined): IssueSource | null => {
  if (raw === '') return fallback ?? 'complaint';
  const lower = raw.toLowerCase();
  return (ISSUE_SOURCES as readonly string[]).includes(lower) ? (lower as IssueSource) : null;
};
