// Survey import: one outcome column (numeric, or categorical scored 1/0 with
// --positive) and several aspect ratings. Rows with a bad rating are reported by line
// and skipped; good rows land in batches, one transaction each.
import { AppError } from '../domain/errors.js';
import type { SurveyResponse } from '../domain/types.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';
import { findOrCreateCustomer } from './catalog.js';
import { parseFlagCell, parseRatingCell } from './import-cells.js';
import { addRowError, emptyReport, type CsvRow, type ImportReport } from './import-report.js';

export interface SurveyImportOptions {
  name: string;
  outcome: string;
  /** Aspect columns; by default every column except the outcome, customer and segment. */
  aspects?: string[];
  /** An aspect rating meaning "not applicable", counted as missing (e.g. 0). Not applied to the outcome. */
  na?: number | null;
  /** Makes the outcome categorical: this value scores 1, every other value 0. */
  positive?: string | null;
  customer?: string | null;
  /** A yes/no column marking core-growth customers. */
  segment?: string | null;
  batchSize?: number;
}

type Row = Omit<SurveyResponse, 'tenantId' | 'importId'> & { customerName: string | null };

export const checkSurveyHeader = (header: string[], options: SurveyImportOptions): string[] => {
  const named = [options.outcome, options.customer, options.segment].filter(
    (c): c is string => !!c,
  );
  const aspects = options.aspects ?? header.filter((c) => !named.includes(c));
  const missing = [...named, ...aspects].filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new AppError(
      'import.columns-missing',
      `These columns are not in the file: ${missing.map((c) => `"${c}"`).join(', ')}. The file's columns are: ${header.join(', ')}.`,
    );
  }
  if (aspects.length === 0)
    throw new AppError(
      'import.no-aspects',
      'There are no aspect columns to correlate with the outcome. Name them with --aspects.',
    );
  if (aspects.includes(options.outcome))
    throw new AppError(
      'import.outcome-is-aspect',
      `"${options.outcome}" is the outcome; it can't also be an aspect.`,
    );
  return aspects;
};

export const importSurveyRows = async (
  deps: CoreDeps,
  actor: Actor,
  header: string[],
  rows: AsyncIterable<CsvRow>,
  options: SurveyImportOptions,
): Promise<ImportReport> => {
  const aspects = checkSurveyHeader(header, options);
  const report = emptyReport('survey');
  const survey = deps.repos.transaction(() =>
    deps.repos.surveys.createImport(actor.tenantId, {
      id: deps.ids.next(),
      name: options.name,
      outcomeColumn: options.outcome,
      outcomeKind: options.positive ? 'categorical' : 'numeric',
      positiveValue: options.positive ?? null,
      aspects,
      naValue: options.na ?? null,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    }),
  );
  report.surveyId = survey.id;
  let batch: Row[] = [];
  const flush = (): void => {
    if (batch.length === 0) return;
    const staged = batch;
    batch = [];
    deps.repos.transaction(() => {
      const responses = staged.map(({ customerName, ...rest }) => ({
        ...rest,
        customerId: customerName ? findOrCreateCustomer(deps, actor, customerName).id : null,
      }));
      deps.repos.surveys.addResponses(actor.tenantId, survey.id, responses);
    });
    report.imported += staged.length;
  };
  for await (const row of rows) {
    report.rowsRead += 1;
    const parsed = row.error ?? parseSurveyRow(row, aspects, options);
    if (typeof parsed === 'string') addRowError(report, row.line, parsed);
    else batch.push(parsed);
    if (batch.length >= (options.batchSize ?? 2000)) flush();
  }
  flush();
  if (report.imported === 0) {
    deps.repos.transaction(() => deps.repos.surveys.deleteImport(actor.tenantId, survey.id));
    delete report.surveyId;
  } else {
    deps.repos.transaction(() =>
      audit(deps, actor, 'survey.import', 'survey', survey.id, {
        name: options.name,
        rows: report.imported,
        errors: report.errorCount,
      }),
    );
  }
  return report;
};

const parseSurveyRow = (
  row: CsvRow,
  aspects: string[],
  options: SurveyImportOptions,
): Row | string => {
  const raw = (column: string): string => (row.record[column] ?? '').trim();
  // "Not applicable" is for aspects only: on an NPS outcome, 0 is a real (detractor) score.
  const rating = (column: string, isAspect: boolean): number | null | string => {
    const text = raw(column);
    if (text === '') return null;
    const parsed = parseRatingCell(text);
    if (!parsed.ok) return `${column}: ${parsed.error}`;
    const na =
      isAspect && options.na !== undefined && options.na !== null && parsed.value === options.na;
    return na ? null : parsed.value;
  };
  const outcome = options.positive
    ? categorical(raw(options.outcome), options.positive)
    : rating(options.outcome, false);
  if (typeof outcome === 'string') return outcome;
  const ratings: Record<string, number | null> = {};
  for (const aspect of aspects) {
    const value = rating(aspect, true);
    if (typeof value === 'string') return value;
    ratings[aspect] = value;
  }
  let coreGrowth: boolean | null = null;
  if (options.segment) {
    const flag = raw(options.segment) === '' ? null : parseFlagCell(raw(options.segment));
    if (flag && !flag.ok) return `${options.segment}: ${flag.error}`;
    coreGrowth = flag ? flag.value : null;
  }
  return {
    rowNumber: row.line,
    customerId: null,
    customerName: options.customer ? raw(options.customer) || null : null,
    coreGrowth,
    outcome,
    ratings,
  };
};

const categorical = (text: string, positive: string): number | null =>
  text === '' ? null : text.toLowerCase() === positive.toLowerCase() ? 1 : 0;
