// cx-pareto, cx-impact and cx-drivers.
import type { AnalysisCommand } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import { MEASURE_LABELS, paretoView } from '../views/pareto-view.js';
import { impactView } from '../views/impact-view.js';
import { driversView } from '../views/drivers-view.js';
import { paretoReport, type ParetoReport } from '../use-cases/pareto-report.js';
import { impactReport } from '../use-cases/impact-report.js';
import { driversReport } from '../use-cases/drivers-report.js';
import { describeWindow, resolveWindow } from '../use-cases/time-window.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import type { CommandContext } from './command-context.js';

/** Adds the Pareto chart after the summary; without a renderer, or if it fails, the table stands alone. */
const withChart = async (
  deps: CoreDeps,
  report: ParetoReport,
  view: MessageView,
): Promise<MessageView> => {
  if (!deps.charts || report.result.empty) return view;
  try {
    const title = `Pareto by ${MEASURE_LABELS[report.result.measure]}: ${report.driver?.name ?? 'all drivers'}`;
    const chart = await deps.charts.paretoChart(report.result, title);
    const image = { type: 'image' as const, png: chart.png, alt: chart.alt, title };
    return { ...view, blocks: [...view.blocks.slice(0, 2), image, ...view.blocks.slice(2)] };
  } catch {
    return view;
  }
};

type Analysis = Extract<AnalysisCommand, { kind: 'pareto' | 'impact' | 'drivers' }>;

export const handleAnalysisCommand = async (
  deps: CoreDeps,
  ctx: CommandContext,
  command: Analysis,
): Promise<MessageView> => {
  const { tenantId } = ctx.user;
  switch (command.kind) {
    case 'pareto': {
      const until = command.until ? { kind: 'date' as const, date: command.until } : undefined;
      const report = paretoReport(deps, tenantId, {
        driver: command.driver?.kind === 'named' ? command.driver.name : null,
        measure: command.by,
        window: resolveWindow(command.since, until, deps.clock.now()),
        windowLabel: describeWindow(command.since, until),
      });
      return withChart(deps, report, paretoView(report));
    }
    case 'impact': {
      const report = impactReport(deps, tenantId, {
        theme: command.themeSlug ?? null,
        driver: command.driver?.kind === 'named' ? command.driver.name : null,
        window: resolveWindow(command.since, undefined, deps.clock.now()),
        windowLabel: describeWindow(command.since, undefined),
      });
      return impactView(report);
    }
    case 'drivers':
      return driversView(
        driversReport(deps, tenantId, { survey: command.survey ?? null }),
        command.segment,
      );
  }
};
