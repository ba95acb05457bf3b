// The Pareto ranking: the vital few first, then as many of the useful many as fit.
import type { ParetoMeasure, ParetoResult, ParetoRow } from '../analytics/index.js';
import type { ParetoReport } from '../use-cases/pareto-report.js';
import type { MessageView } from './message-view.js';
import { formatCount, formatMoney, formatPercent, truncate } from './format.js';
import { context, header, text, view } from './view-helpers.js';

export const MEASURE_LABELS: Record<ParetoMeasure, string> = {
  count: 'issue count',
  'customer-cost': 'cost to customers',
  'company-cost': 'cost to the company',
  revenue: 'revenue affected',
};

const formatValue = (measure: ParetoMeasure, value: number): string =>
  measure === 'count' ? formatCount(value) : formatMoney(value);

/** Rows beyond this are summarised; the full list is in the CLI and the export. */
export const MAX_PARETO_ROWS = 25;

const summary = (result: ParetoResult, scope: string): string => {
  const total = result.rows.length;
  const what =
    result.measure === 'count' ? 'of all issues' : `of the ${MEASURE_LABELS[result.measure]}`;
  return `*${result.vitalFewCount} of ${total} themes* cause *${formatPercent(result.vitalFewShare)}* ${what} in ${scope}. These are the vital few; the other ${result.usefulManyCount} are the useful many (quick wins).`;
};

const row = (measure: ParetoMeasure, r: ParetoRow): Record<string, string> => ({
  rank: String(r.rank),
  theme: `${r.vital ? '★ ' : ''}#${truncate(r.slug, 40)}`,
  value: formatValue(measure, r.value),
  share: formatPercent(r.share),
  cumulative: formatPercent(r.cumulativeShare),
});

export const paretoView = (
  { result, driver, windowLabel }: ParetoReport,
  options: { maxRows?: number } = {},
): MessageView => {
  const scope = driver ? `key driver “${driver.name}”` : 'all key drivers';
  const title = `Pareto by ${MEASURE_LABELS[result.measure]}: ${driver ? driver.name : 'all drivers'} (${windowLabel})`;
  if (result.empty) {
    const why =
      result.rows.length === 0
        ? 'No issues were logged'
        : `No ${MEASURE_LABELS[result.measure]} was recorded`;
    return view(
      `${why} in ${scope} (${windowLabel}).`,
      [
        header(title),
        text(
          `${why} in ${scope} for ${windowLabel}. Log issues with \`/cx-issue\`${result.measure === 'count' ? '' : ', adding cost:N or company-cost:N, or try `by:count`'}.`,
        ),
      ],
      'public',
    );
  }
  const shown = result.rows.slice(
    0,
    Math.max(options.maxRows ?? MAX_PARETO_ROWS, result.vitalFewCount),
  );
  const hidden = result.rows.length - shown.length;
  return view(
    `${result.vitalFewCount} of ${result.rows.length} themes cause ${formatPercent(result.vitalFewShare)} (${scope}).`,
    [
      header(truncate(title, 150)),
      text(summary(result, scope)),
      {
        type: 'table',
        columns: [
          { key: 'rank', label: '#', align: 'right' },
          { key: 'theme', label: 'Theme' },
          { key: 'value', label: result.measure === 'count' ? 'Issues' : 'Amount', align: 'right' },
          { key: 'share', label: 'Share', align: 'right' },
          { key: 'cumulative', label: 'Cumulative', align: 'right' },
        ],
        rows: shown.map((r) => row(result.measure, r)),
        caption: '★ = vital few (together they reach 80%).',
      },
      ...(hidden > 0
        ? [
            context(
              `…and ${hidden} more themes in the useful many. Export them all with \`cx-habits export\`.`,
            ),
          ]
        : []),
      context(
        'Next: put money on them with `/cx-impact`, or find a root cause with `/cx-why #theme`.',
      ),
    ],
    'public',
  );
};
