// Views about internal metrics: a new metric, a recorded reading, the trend with its
// sparkline and predictiveness, and the list.
import type { Metric, MetricReading } from '../domain/plans.js';
import type { Theme } from '../domain/types.js';
import { DEFAULT_MIN_WEEKS, type LagCorrelation } from '../analytics/predictiveness.js';
import type { ListedMetric, RecordedReading } from '../use-cases/metrics.js';
import { meetsTarget } from '../use-cases/metrics.js';
import type { MetricPredictiveness, MetricTrend } from '../use-cases/metric-trend.js';
import type { MessageView, ViewBlock } from './message-view.js';
import { formatP, formatR, truncate } from './format.js';
import { sparkline } from './sparkline.js';
import { context, header, text, view } from './view-helpers.js';

export const MAX_METRIC_ROWS = 25;

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** "3.5%", "12 days": symbols hug the number, words get a space. */
export const formatValue = (value: number, unit: string): string =>
  /^\p{L}/u.test(unit) ? `${number.format(value)} ${unit}` : `${number.format(value)}${unit}`;

const targetText = (m: Metric): string =>
  `${m.direction === 'lower' ? '≤' : '≥'} ${formatValue(m.target, m.unit)} (${m.direction} is better)`;

const themeRef = (theme: Theme | null): string => (theme ? `#${theme.slug}` : 'its theme');

const metStatus = (metric: Metric, reading: MetricReading | null): string =>
  reading === null
    ? 'no readings yet'
    : meetsTarget(metric, reading.value)
      ? '✅ on target'
      : '❌ not on target yet';

const changeText = (t: Pick<MetricTrend, 'metric' | 'change' | 'improved' | 'previous'>) => {
  if (t.change === null || t.previous === null) return 'first reading';
  if (t.change === 0) return `no change since ${t.previous.measuredOn}`;
  const arrow = t.change > 0 ? '▲' : '▼';
  const abs = formatValue(Math.abs(t.change), t.metric.unit);
  return `${arrow} ${abs} since ${t.previous.measuredOn} (${t.improved ? 'better' : 'worse'})`;
};

export const metricDefinedView = (
  metric: Metric,
  theme: Theme,
  current: MetricReading | null,
): MessageView =>
  view(
    `New metric ${metric.name} for #${theme.slug}`,
    [
      text(`📈 New internal metric *${metric.name}* for #${theme.slug}`),
      {
        type: 'fields',
        fields: [
          { label: 'Target', value: targetText(metric) },
          {
            label: 'Current',
            value: current ? formatValue(current.value, metric.unit) : 'not recorded yet',
          },
        ],
      },
      context(
        `Record readings weekly with \`/cx-metric record "${metric.name}" VALUE\`; after ${DEFAULT_MIN_WEEKS} weeks I can tell whether it predicts #${theme.slug}.`,
      ),
    ],
    'public',
  );

export const metricRecordedView = (recorded: RecordedReading, trend: MetricTrend): MessageView => {
  const { metric, reading, replaced } = recorded;
  const value = formatValue(reading.value, metric.unit);
  const latest = trend.latest;
  // A back-dated reading is not the latest one; say which reading the trend line is about.
  const about =
    latest && latest.measuredOn !== reading.measuredOn
      ? `Latest ${formatValue(latest.value, metric.unit)} on ${latest.measuredOn}: `
      : '';
  const lines = [
    `📈 *${metric.name}*: ${value} on ${reading.measuredOn}${replaced ? ` (replaces ${formatValue(replaced.value, metric.unit)})` : ''}`,
    `${about}${changeText(trend)} · target ${targetText(metric)}: ${metStatus(metric, latest)}`,
  ];
  return view(
    `${metric.name}: ${value} on ${reading.measuredOn}`,
    [
      text(lines.join('\n')),
      ...(trend.recent.length > 1
        ? [context(`Trend: ${sparkline(trend.recent.map((r) => r.value))}`)]
        : []),
    ],
    'public',
  );
};

const strength = (r: number): string =>
  Math.abs(r) >= 0.7 ? 'strongly' : Math.abs(r) >= 0.4 ? 'moderately' : 'weakly';

const lagWords = (lag: number): string =>
  lag === 0 ? 'the same week' : `${lag} ${lag === 1 ? 'week' : 'weeks'} later`;

const lagRow = (l: LagCorrelation): Record<string, string> => ({
  lag: `${l.lag}w`,
  r: formatR(l.r),
  n: String(l.n),
  p: formatP(l.p),
});

export const predictivenessBlocks = (p: MetricPredictiveness, theme: Theme | null): ViewBlock[] => {
  const best = p.result.bestLag;
  if (p.result.tooFewWeeks)
    return [
      text(
        `⚠️ Too few weeks to judge predictiveness: ${p.weeksWithReadings} complete ${p.weeksWithReadings === 1 ? 'week has' : 'weeks have'} readings, and at least ${p.minWeeks} paired weeks are needed. Keep recording weekly.`,
      ),
    ];
  if (best === null || best.r === null)
    return [
      text(
        `Predictiveness can't be computed: the weekly readings or ${themeRef(theme)}'s weekly issue counts have not varied.`,
      ),
    ];
  const direction = best.r > 0 ? 'rise' : 'fall';
  return [
    text(
      `*Predictiveness:* r = ${formatR(best.r)} at a lag of ${best.lag} ${best.lag === 1 ? 'week' : 'weeks'} (n = ${best.n}, p = ${formatP(best.p)}). When this metric rises, ${themeRef(theme)} issues ${strength(best.r)} tend to ${direction} ${lagWords(best.lag)}.`,
    ),
    {
      type: 'table',
      columns: [
        { key: 'lag', label: 'Lag', align: 'right' },
        { key: 'r', label: 'r', align: 'right' },
        { key: 'n', label: 'n', align: 'right' },
        { key: 'p', label: 'p', align: 'right' },
      ],
      rows: p.result.lags.map(lagRow),
    },
  ];
};

export const metricTrendView = (trend: MetricTrend): MessageView => {
  const { metric, latest } = trend;
  const values = trend.recent.map((r) => r.value);
  return view(
    `${metric.name}: ${latest ? formatValue(latest.value, metric.unit) : 'no readings'}`,
    [
      header(metric.name),
      {
        type: 'fields',
        fields: [
          { label: 'Theme', value: themeRef(trend.theme) },
          {
            label: 'Latest',
            value: latest
              ? `${formatValue(latest.value, metric.unit)} on ${latest.measuredOn}`
              : '—',
          },
          { label: 'Target', value: `${targetText(metric)}: ${metStatus(metric, latest)}` },
          { label: 'Change', value: latest ? changeText(trend) : '—' },
        ],
      },
      ...(values.length > 0
        ? [
            text(
              `\`${sparkline(values)}\` last ${values.length} ${values.length === 1 ? 'reading' : 'readings'}`,
            ),
          ]
        : [text(`No readings yet. Record one with \`/cx-metric record "${metric.name}" VALUE\`.`)]),
      ...predictivenessBlocks(trend.predictiveness, trend.theme),
    ],
  );
};

export const metricListView = (metrics: ListedMetric[]): MessageView => {
  if (metrics.length === 0)
    return view('No metrics yet.', [
      text(
        'No internal metrics yet. Define one with `/cx-metric define "Parcels shipped late" #late-delivery unit:"%" direction:lower target:2`.',
      ),
    ]);
  const shown = metrics.slice(0, MAX_METRIC_ROWS);
  const more = metrics.length - shown.length;
  return view(`${metrics.length} metrics`, [
    header('Internal metrics'),
    {
      type: 'table',
      columns: [
        { key: 'name', label: 'Metric' },
        { key: 'theme', label: 'Theme' },
        { key: 'latest', label: 'Latest', align: 'right' },
        { key: 'target', label: 'Target' },
        { key: 'status', label: 'Status' },
      ],
      rows: shown.map(({ metric, theme, latest }) => ({
        name: truncate(metric.name, 60),
        theme: themeRef(theme),
        latest: latest ? formatValue(latest.value, metric.unit) : '—',
        target: `${metric.direction === 'lower' ? '≤' : '≥'} ${formatValue(metric.target, metric.unit)}`,
        status: metStatus(metric, latest),
      })),
      ...(more > 0 ? { caption: `…and ${more} more` } : {}),
    },
    context('See one with `/cx-metric show "Name"`.'),
  ]);
};
