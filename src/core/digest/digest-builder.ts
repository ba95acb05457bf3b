// Builds a channel's digest view: the content, plus a Pareto chart when a renderer is
// available. A chart failure never stops the digest; it just goes without the picture.
import type { DigestSchedule } from '../domain/digests.js';
import type { ChartRenderer, RenderedChart } from '../ports/chart-renderer.js';
import type { MessageView } from '../views/message-view.js';
import { digestView } from '../views/digest-view.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { buildDigestContent, type DigestContent } from './digest-content.js';
import type { DigestBuilder } from './run-due-digests.js';

const chartFor = async (
  charts: ChartRenderer | null,
  content: DigestContent,
): Promise<RenderedChart | null> => {
  if (!charts || content.pareto.rows.length === 0) return null;
  try {
    return await charts.paretoChart(
      content.pareto,
      `Vital few: ${content.driver?.name ?? 'all key drivers'}`,
    );
  } catch {
    return null;
  }
};

export const buildDigestView = async (
  deps: CoreDeps,
  charts: ChartRenderer | null,
  scope: { tenantId: string; keyDriverId: string | null; since: Date | null; late: boolean },
): Promise<MessageView> => {
  const content = buildDigestContent(deps, { ...scope, now: deps.clock.now() });
  return digestView(content, await chartFor(charts, content));
};

/** Charts kept by content; a workspace's channels usually share a driver and a period. */
const CHART_MEMO_SIZE = 16;

/**
 * Remembers the last few charts by their input. A chart takes ~120 ms of CPU to render, and
 * when a thousand channels of one workspace are due in the same minute most of their
 * digests show the very same Pareto: rendering it once keeps the tick short.
 */
export const memoizeParetoCharts = (charts: ChartRenderer): ChartRenderer => {
  const memo = new Map<string, Promise<RenderedChart>>();
  return {
    metricTrend: (...args) => charts.metricTrend(...args),
    paretoChart: (result, title) => {
      const key = JSON.stringify([title, result]);
      let chart = memo.get(key);
      if (!chart) {
        chart = charts.paretoChart(result, title);
        // A failed render is not remembered, so the next digest tries again.
        chart.catch(() => memo.delete(key));
        memo.set(key, chart);
        if (memo.size > CHART_MEMO_SIZE) memo.delete(memo.keys().next().value as string);
      }
      return chart;
    },
  };
};

/** The builder the scheduler uses: the period runs from this schedule's last post. */
export const makeDigestBuilder = (charts: ChartRenderer | null): DigestBuilder => {
  const memoized = charts ? memoizeParetoCharts(charts) : null;
  return (deps: CoreDeps, schedule: DigestSchedule, { late }) =>
    buildDigestView(deps, memoized, {
      tenantId: schedule.tenantId,
      keyDriverId: schedule.keyDriverId,
      since: deps.repos.digestRuns.lastPosted(schedule.tenantId, schedule.id),
      late,
    });
};
