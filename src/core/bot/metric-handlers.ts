// cx-metric: define an internal metric, record readings, show the trend, list them.
import type { MetricCommand } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import {
  metricDefinedView,
  metricListView,
  metricRecordedView,
  metricTrendView,
} from '../views/metric-views.js';
import { defineMetric, listMetrics, recordMetricReading } from '../use-cases/metrics.js';
import { metricTrend } from '../use-cases/metric-trend.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { actorOf, type CommandContext } from './command-context.js';
import { knownTheme } from './plan-handlers.js';

export const handleMetricCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: MetricCommand,
): MessageView => {
  const actor = actorOf(ctx);
  switch (command.kind) {
    case 'metric.define': {
      const theme = knownTheme(deps, actor.tenantId, command.themeSlug);
      const metric = defineMetric(deps, actor, {
        themeId: theme.id,
        name: command.name,
        unit: command.unit,
        direction: command.direction,
        target: command.target,
        current: command.current ?? null,
      });
      const [current] = deps.repos.metrics.readings(actor.tenantId, metric.id, { last: 1 });
      return metricDefinedView(metric, theme, current ?? null);
    }
    case 'metric.record': {
      const recorded = recordMetricReading(deps, actor, {
        name: command.name,
        value: command.value,
        ...(command.date !== undefined ? { date: command.date } : {}),
      });
      return metricRecordedView(recorded, metricTrend(deps, actor, recorded.metric.name));
    }
    case 'metric.show':
      return metricTrendView(metricTrend(deps, actor, command.name));
    case 'metric.list':
      return metricListView(listMetrics(deps, actor));
  }
};
