// Internal metrics: define one for a theme, record readings, list them. Each change lands in
// one transaction with its audit entry.
import { AppError } from '../domain/errors.js';
import type { Metric, MetricDirection, MetricReading } from '../domain/plans.js';
import type { Theme } from '../domain/types.js';
import { parseIsoDate } from '../commands/calendar.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';
import { todayOf } from './action-plans.js';

export const MAX_METRIC_NAME = 200;
export const MAX_METRIC_UNIT = 40;

export interface NewMetricInput {
  themeId: string;
  rootCauseId?: string | null;
  name: string;
  unit: string;
  direction: MetricDirection;
  target: number;
  current?: number | null;
}

export interface RecordReadingInput {
  name: string;
  value: number;
  /** YYYY-MM-DD; defaults to today. */
  date?: string;
}

export interface RecordedReading {
  metric: Metric;
  reading: MetricReading;
  /** The reading this one replaced, when one was already stored for that day. */
  replaced: MetricReading | null;
}

const requireFinite = (value: number, what: string): number => {
  if (!Number.isFinite(value))
    throw new AppError('metric.invalid-number', `The ${what} must be a number.`);
  return value;
};

const validateName = (name: string): string => {
  const clean = name.trim();
  if (clean === '') throw new AppError('metric.name-missing', 'A metric needs a name.');
  if ([...clean].length > MAX_METRIC_NAME)
    throw new AppError(
      'metric.name-too-long',
      `The metric name is ${[...clean].length} characters; keep it to ${MAX_METRIC_NAME}.`,
    );
  return clean;
};

const validateUnit = (unit: string): string => {
  const clean = unit.trim();
  if (clean === '')
    throw new AppError('metric.unit-missing', 'A metric needs a unit, e.g. unit:"%" or unit:days.');
  if ([...clean].length > MAX_METRIC_UNIT)
    throw new AppError('metric.unit-too-long', `Keep the unit to ${MAX_METRIC_UNIT} characters.`);
  return clean;
};

export const requireMetric = (deps: CoreDeps, tenantId: string, name: string): Metric => {
  const metric = deps.repos.metrics.findByName(tenantId, name.trim());
  if (!metric)
    throw new AppError(
      'metric.not-found',
      `There is no metric called "${name.trim()}". See them with \`/cx-metric list\`.`,
    );
  return metric;
};

const writeReading = (
  deps: CoreDeps,
  actor: Actor,
  metric: Metric,
  value: number,
  measuredOn: string,
): RecordedReading => {
  const reading = {
    metricId: metric.id,
    value,
    measuredOn,
    recordedBy: actor.userId,
    recordedAt: deps.clock.now(),
  };
  const replaced = deps.repos.metrics.recordReading(actor.tenantId, reading);
  audit(deps, actor, 'metric.record', 'metric', metric.id, {
    name: metric.name,
    value,
    measuredOn,
    replaced: replaced?.value ?? null,
  });
  return { metric, reading, replaced };
};

export const defineMetric = (deps: CoreDeps, actor: Actor, input: NewMetricInput): Metric => {
  const name = validateName(input.name);
  const unit = validateUnit(input.unit);
  const target = requireFinite(input.target, 'target');
  const current = input.current == null ? null : requireFinite(input.current, 'current value');
  return deps.repos.transaction(() => {
    const theme = deps.repos.themes.get(actor.tenantId, input.themeId);
    if (!theme)
      throw new AppError('metric.theme-unknown', 'That theme no longer exists; pick another one.');
    const existing = deps.repos.metrics.findByName(actor.tenantId, name);
    if (existing)
      throw new AppError(
        'metric.exists',
        `There is already a metric called "${existing.name}". Pick another name, or record a reading with \`/cx-metric record "${existing.name}" VALUE\`.`,
      );
    const metric = deps.repos.metrics.create(actor.tenantId, {
      id: deps.ids.next(),
      themeId: theme.id,
      rootCauseId: input.rootCauseId ?? null,
      name,
      unit,
      direction: input.direction,
      target,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
    });
    audit(deps, actor, 'metric.create', 'metric', metric.id, {
      name,
      unit,
      direction: input.direction,
      target,
      themeId: theme.id,
      rootCauseId: metric.rootCauseId,
    });
    if (current !== null) writeReading(deps, actor, metric, current, todayOf(deps));
    return metric;
  });
};

export const recordMetricReading = (
  deps: CoreDeps,
  actor: Actor,
  input: RecordReadingInput,
): RecordedReading => {
  const value = requireFinite(input.value, 'reading');
  const today = todayOf(deps);
  const date = input.date?.trim() ?? today;
  if (!parseIsoDate(date))
    throw new AppError(
      'metric.date-invalid',
      `"${date}" is not a real date. Write dates as YYYY-MM-DD, e.g. ${today}.`,
    );
  if (date > today)
    throw new AppError(
      'metric.date-future',
      `${date} is in the future; a reading records what was measured, on ${today} or earlier.`,
    );
  return deps.repos.transaction(() =>
    writeReading(deps, actor, requireMetric(deps, actor.tenantId, input.name), value, date),
  );
};

export interface ListedMetric {
  metric: Metric;
  theme: Theme | null;
  latest: MetricReading | null;
}

export const listMetrics = (deps: CoreDeps, actor: Actor): ListedMetric[] =>
  deps.repos.metrics.list(actor.tenantId).map((metric) => ({
    metric,
    theme: deps.repos.themes.get(actor.tenantId, metric.themeId),
    latest: deps.repos.metrics.readings(actor.tenantId, metric.id, { last: 1 })[0] ?? null,
  }));

/** Whether a value meets the target, given which direction is better. */
export const meetsTarget = (metric: Metric, value: number): boolean =>
  metric.direction === 'lower' ? value <= metric.target : value >= metric.target;
