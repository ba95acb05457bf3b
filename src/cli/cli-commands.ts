// One entry per CLI command: its options and what it runs.
import { AppError } from '../core/domain/errors.js';
import { PARETO_MEASURES, type ParetoMeasure } from '../core/analytics/index.js';
import { paretoReport } from '../core/use-cases/pareto-report.js';
import { impactReport } from '../core/use-cases/impact-report.js';
import { driversReport } from '../core/use-cases/drivers-report.js';
import { importIssueRows } from '../core/use-cases/import-issues.js';
import { importSurveyRows } from '../core/use-cases/import-survey.js';
import { ISSUE_SOURCES, type IssueSource } from '../core/domain/types.js';
import { paretoView } from '../core/views/pareto-view.js';
import { impactView } from '../core/views/impact-view.js';
import { driversView } from '../core/views/drivers-view.js';
import { importReportView } from '../core/views/feedback-views.js';
import { renderPlainText } from '../core/views/render-plain-text.js';
import { openCsv } from './csv-reader.js';
import { parseMapping } from './parse-mapping.js';
import { withContext } from './cli-context.js';
import { cliWindow } from './cli-window.js';
import { paretoJson, impactJson } from './report-json.js';
import { exportCommand } from './export-command.js';
import { runChatCommand } from './run-chat-command.js';
import type { DateOrder } from '../core/use-cases/import-cells.js';

export type CliValues = Record<string, string | boolean | undefined>;
export interface CliOutput {
  text: string;
  json: unknown;
  exitCode?: number;
  /** The command already wrote its output (e.g. an export to standard output). */
  silent?: boolean;
}
export interface CliCommand {
  options: Record<
    string,
    { type: 'string' | 'boolean'; short?: string; default?: string | boolean }
  >;
  run(values: CliValues, positionals: string[]): Promise<CliOutput>;
}

const str = (values: CliValues, key: string): string | undefined => {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
};

const oneFile = (positionals: string[], command: string): string => {
  if (positionals.length !== 1)
    throw new AppError(
      'cli.file',
      `${command} takes exactly one CSV file, e.g. cx-habits ${command} data.csv.`,
    );
  return positionals[0] as string;
};

const oneOf = <T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new AppError(
      'cli.option',
      `--${option} must be one of ${allowed.join(', ')}; got "${value}".`,
    );
  return value as T;
};

const noPositionals = (positionals: string[], command: string): void => {
  if (positionals.length > 0)
    throw new AppError(
      'cli.unexpected',
      `${command} takes no arguments, but got "${positionals.join(' ')}".`,
    );
};

const importIssues: CliCommand = {
  options: {
    map: { type: 'string' },
    'date-order': { type: 'string' },
    source: { type: 'string' },
    delimiter: { type: 'string' },
  },
  run: (values, positionals) => {
    const file = oneFile(positionals, 'import-issues');
    const mapping = parseMapping(str(values, 'map'));
    const dateOrder = oneOf<DateOrder>(
      str(values, 'date-order'),
      ['ymd', 'mdy', 'dmy'],
      'date-order',
    );
    const source = oneOf<IssueSource>(str(values, 'source'), ISSUE_SOURCES, 'source');
    return withContext(values, async ({ deps, actor }) => {
      const csv = await openCsv(file, {
        ...(str(values, 'delimiter') ? { delimiter: str(values, 'delimiter') as string } : {}),
      });
      const report = await importIssueRows(deps, actor, csv.header, csv.rows, {
        mapping,
        ...(dateOrder ? { dateOrder } : {}),
        ...(source ? { source } : {}),
      });
      return { text: renderPlainText(importReportView(report)), json: report };
    });
  },
};

const number = (value: string | undefined, option: string): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new AppError('cli.option', `--${option} must be a number; got "${value}".`);
  return n;
};

const importSurvey: CliCommand = {
  options: {
    outcome: { type: 'string' },
    aspects: { type: 'string' },
    na: { type: 'string' },
    positive: { type: 'string' },
    customer: { type: 'string' },
    segment: { type: 'string' },
    name: { type: 'string' },
    delimiter: { type: 'string' },
  },
  run: (values, positionals) => {
    const file = oneFile(positionals, 'import-survey');
    const outcome = str(values, 'outcome');
    if (!outcome)
      throw new AppError(
        'cli.outcome',
        'import-survey needs --outcome COLUMN: the overall rating (NPS, satisfaction) to explain.',
      );
    const aspects = str(values, 'aspects')
      ?.split(',')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    const na = number(str(values, 'na'), 'na');
    return withContext(values, async ({ deps, actor }) => {
      const csv = await openCsv(file, {
        ...(str(values, 'delimiter') ? { delimiter: str(values, 'delimiter') as string } : {}),
      });
      const report = await importSurveyRows(deps, actor, csv.header, csv.rows, {
        name: str(values, 'name') ?? file.split(/[\\/]/).pop() ?? file,
        outcome,
        ...(aspects ? { aspects } : {}),
        ...(na !== undefined ? { na } : {}),
        positive: str(values, 'positive') ?? null,
        customer: str(values, 'customer') ?? null,
        segment: str(values, 'segment') ?? null,
      });
      return { text: renderPlainText(importReportView(report)), json: report };
    });
  },
};

const pareto: CliCommand = {
  options: {
    driver: { type: 'string' },
    by: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  },
  run: (values, positionals) => {
    noPositionals(positionals, 'pareto');
    const measure = oneOf<ParetoMeasure>(str(values, 'by'), PARETO_MEASURES, 'by') ?? 'count';
    return withContext(values, ({ deps, actor }) => {
      const window = cliWindow(values, deps.clock.now());
      const report = paretoReport(deps, actor.tenantId, {
        driver: str(values, 'driver') ?? null,
        measure,
        ...window,
      });
      return {
        text: renderPlainText(paretoView(report, { maxRows: Infinity })),
        json: paretoJson(report),
      };
    });
  },
};

const impact: CliCommand = {
  options: {
    theme: { type: 'string' },
    driver: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  },
  run: (values, positionals) => {
    noPositionals(positionals, 'impact');
    return withContext(values, ({ deps, actor }) => {
      const window = cliWindow(values, deps.clock.now());
      const report = impactReport(deps, actor.tenantId, {
        theme: str(values, 'theme') ?? null,
        driver: str(values, 'driver') ?? null,
        ...window,
      });
      return { text: renderPlainText(impactView(report)), json: impactJson(report) };
    });
  },
};

const drivers: CliCommand = {
  options: { survey: { type: 'string' } },
  run: (values, positionals) => {
    noPositionals(positionals, 'drivers');
    return withContext(values, ({ deps, actor }) => {
      const report = driversReport(deps, actor.tenantId, { survey: str(values, 'survey') ?? null });
      return { text: renderPlainText(driversView(report)), json: report };
    });
  },
};

export const CLI_COMMANDS: Record<string, CliCommand> = {
  'import-issues': importIssues,
  'import-survey': importSurvey,
  pareto,
  impact,
  drivers,
  export: exportCommand,
  run: runChatCommand,
};
