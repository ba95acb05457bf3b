// The parsed form of every command on the product surface. Adapters, the CLI and the
// playground all hand text to the parser and get one of these back, so the core decides
// once what a command means.
import type { IssueSource } from '../domain/types.js';

export const COMMAND_NAMES = [
  'cx',
  'cx-issue',
  'cx-pareto',
  'cx-impact',
  'cx-drivers',
  'cx-why',
  'cx-action',
  'cx-metric',
  'cx-digest',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A window start: `30d`, `12w`, `6m`, `1y` (relative to the core's clock), a date, or `all`. */
export type TimeSpec =
  { kind: 'relative'; days: number } | { kind: 'date'; date: string } | { kind: 'all' };

/** A due date as typed; resolve it against the core's clock with `resolveDateSpec`. */
export type DateSpec =
  | { kind: 'date'; date: string }
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  /** 0 = Sunday … 6 = Saturday; resolves to the next such day after today. */
  | { kind: 'weekday'; weekday: number }
  | { kind: 'offset'; days: number }
  /** Monday of next week. */
  | { kind: 'next-week' };

/** `<@U123|bob>` → id (+ name); `@bob` → name; `me` / `@me` → self. */
export type UserMention =
  { kind: 'id'; userId: string; name?: string } | { kind: 'name'; name: string } | { kind: 'self' };

/** Absent means "use the default" (the core decides); `all` means every driver. */
export type DriverFilter = { kind: 'all' } | { kind: 'named'; name: string };

export const PARETO_MEASURES = ['count', 'customer-cost', 'company-cost', 'revenue'] as const;
export type ParetoMeasure = (typeof PARETO_MEASURES)[number];

export const ACTION_LEVELS = ['resolve', 'recurrence', 'occurrence'] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];

export const ACTION_STATUSES = ['planned', 'in-progress', 'blocked', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const DRIVER_SEGMENTS = ['all', 'core', 'rest'] as const;
export type DriverSegment = (typeof DRIVER_SEGMENTS)[number];

export const METRIC_DIRECTIONS = ['lower', 'higher'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export type ActionListFilter =
  | { kind: 'all' }
  | { kind: 'mine' }
  | { kind: 'overdue' }
  | { kind: 'week' }
  | { kind: 'theme'; slug: string };

export type WhyTarget = { kind: 'theme'; slug: string } | { kind: 'issue'; number: number };

export interface IssueLogCommand {
  kind: 'issue.log';
  summary: string;
  themeSlug?: string;
  /** The text after '#', as typed, so a new theme keeps its original spelling. */
  themeName?: string;
  customer?: string;
  customerCostCents?: number;
  companyCostCents?: number;
  source: IssueSource;
  driver?: string;
  date?: string;
}

export type IssueCommand =
  | { kind: 'issue.form' }
  | IssueLogCommand
  | { kind: 'issue.list'; themeSlug?: string; customer?: string; since?: TimeSpec; search?: string }
  | { kind: 'issue.show'; number: number };

export type AnalysisCommand =
  | {
      kind: 'pareto';
      driver?: DriverFilter;
      by: ParetoMeasure;
      since: TimeSpec;
      until?: string;
    }
  | { kind: 'impact'; themeSlug?: string; driver?: DriverFilter; since: TimeSpec }
  | { kind: 'drivers'; survey?: string; segment: DriverSegment }
  | { kind: 'why.start'; target: WhyTarget }
  | { kind: 'why.list' };

export type ActionCommand =
  | {
      kind: 'action.add';
      title: string;
      themeSlug: string;
      /** Absent: the person who typed the command. */
      owner?: UserMention;
      due: DateSpec;
      level: ActionLevel;
    }
  | { kind: 'action.list'; filter: ActionListFilter }
  | {
      kind: 'action.update';
      id: number;
      status?: ActionStatus;
      owner?: UserMention;
      due?: DateSpec;
      level?: ActionLevel;
    }
  | { kind: 'action.done'; id: number }
  | { kind: 'action.reopen'; id: number }
  | { kind: 'action.comment'; id: number; text: string };

export type MetricCommand =
  | {
      kind: 'metric.define';
      name: string;
      themeSlug: string;
      unit: string;
      direction: MetricDirection;
      target: number;
      current?: number;
    }
  | { kind: 'metric.record'; name: string; value: number; date?: string }
  | { kind: 'metric.show'; name: string }
  | { kind: 'metric.list' };

export type DigestCommand =
  | { kind: 'digest.show' }
  /** `cron` is a validated 5-field expression; `label` is its plain-words description. */
  | { kind: 'digest.set'; cron: string; tz?: string; driver?: string; label: string }
  | { kind: 'digest.preview' }
  | { kind: 'digest.now' }
  | { kind: 'digest.off' };

export type AdminCommand =
  | { kind: 'help'; topic?: CommandName }
  | { kind: 'admins.list' }
  | { kind: 'admins.add'; user: UserMention }
  | { kind: 'admins.remove'; user: UserMention }
  | { kind: 'nudges.set'; enabled: boolean }
  | { kind: 'theme.list' }
  | { kind: 'theme.add'; slug: string; name: string; driver?: string }
  | { kind: 'theme.rename'; fromSlug: string; toSlug: string; name?: string }
  | { kind: 'theme.move'; slug: string; driver: string }
  | { kind: 'theme.merge'; fromSlug: string; intoSlug: string }
  | { kind: 'driver.list' }
  | { kind: 'driver.add'; name: string }
  | { kind: 'driver.rename'; from: string; to: string }
  | { kind: 'driver.delete'; name: string }
  | { kind: 'customer.list' }
  | { kind: 'customer.add'; name: string; revenueCents?: number; coreGrowth?: boolean }
  | { kind: 'customer.update'; name: string; revenueCents?: number; coreGrowth?: boolean };

export type Command =
  IssueCommand | AnalysisCommand | ActionCommand | MetricCommand | DigestCommand | AdminCommand;
export type CommandKind = Command['kind'];

export type ParseErrorCode =
  | 'too-long'
  | 'not-a-command'
  | 'unknown-command'
  | 'unknown-subcommand'
  | 'unterminated-quote'
  | 'unknown-option'
  | 'duplicate-option'
  | 'missing-value'
  | 'invalid-value'
  | 'missing-argument'
  | 'unexpected-argument';

export interface ParseError {
  code: ParseErrorCode;
  /** One or two sentences naming what was wrong, quoting the offending token. */
  message: string;
  /** The usage of the command (or the general help list when the command is unknown). */
  usage: string;
  command?: CommandName;
}

export type ParseResult = { ok: true; command: Command } | { ok: false; error: ParseError };
