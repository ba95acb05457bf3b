// Key drivers: which aspects move loyalty most, with the evidence to judge them.
import type { AspectResult } from '../analytics/index.js';
import type { DriverSegment } from '../commands/index.js';
import type { DriversReport } from '../use-cases/drivers-report.js';
import type { MessageView, ViewBlock } from './message-view.js';
import { formatCount, formatP, formatR, truncate } from './format.js';
import { context, header, text, view } from './view-helpers.js';

const ci = (a: AspectResult): string =>
  a.ci95 ? `${a.ci95[0].toFixed(2)} to ${a.ci95[1].toFixed(2)}` : '—';

const table = (aspects: AspectResult[], caption: string): ViewBlock => ({
  type: 'table',
  columns: [
    { key: 'aspect', label: 'Aspect' },
    { key: 'r', label: 'r', align: 'right' },
    { key: 'rho', label: 'ρ', align: 'right' },
    { key: 'n', label: 'n', align: 'right' },
    { key: 'p', label: 'p', align: 'right' },
    { key: 'ci', label: '95% CI' },
  ],
  rows: aspects.map((a) => ({
    aspect: `${truncate(a.aspect, 40)}${a.tooFew ? ' (too few)' : ''}`,
    r: formatR(a.r),
    rho: formatR(a.rho),
    n: formatCount(a.n),
    p: formatP(a.p),
    ci: ci(a),
  })),
  caption,
});

const SEGMENT_TITLES = { coreGrowth: 'Core-growth customers', rest: 'Other customers' } as const;

export const driversView = (
  { report, surveys }: DriversReport,
  segment: DriverSegment = 'all',
): MessageView => {
  const top = report.overall.find((a) => a.r !== null && !a.tooFew);
  const blocks: ViewBlock[] = [
    header('Key drivers of loyalty'),
    text(
      top
        ? `*${top.aspect}* moves the outcome most (r = ${formatR(top.r)}, n = ${formatCount(top.n)}). Focus Pareto and 5-why work on the themes under the top drivers.`
        : 'No aspect has enough answers to judge yet (each needs at least 30).',
    ),
  ];
  if (report.nps)
    blocks.push({
      type: 'fields',
      fields: [
        { label: 'NPS', value: report.nps.nps === null ? '—' : report.nps.nps.toFixed(1) },
        { label: 'Responses', value: formatCount(report.nps.n) },
      ],
    });
  if (segment === 'all')
    blocks.push(
      table(report.overall, 'All responses. r: Pearson; ρ: Spearman; p: two-sided, for r.'),
    );
  for (const key of ['coreGrowth', 'rest'] as const) {
    const wanted =
      segment === 'all' || (segment === 'core' ? key === 'coreGrowth' : key === 'rest');
    const rows = report.segments[key];
    if (wanted && rows) blocks.push(table(rows, SEGMENT_TITLES[key]));
  }
  if (segment !== 'all' && blocks.length === (report.nps ? 3 : 2))
    blocks.push(
      text(
        'No responses in that segment: mark core-growth customers with `/cx customer update "Name" core-growth:yes` or a segment column at import.',
      ),
    );
  blocks.push(
    context(
      `From ${surveys.map((s) => `“${s.name}”`).join(', ')}: ${formatCount(report.rows)} responses. “Too few” means fewer than 30 answers.`,
    ),
  );
  return view(
    top
      ? `Top key driver: ${top.aspect} (r = ${formatR(top.r)})`
      : 'Key drivers: not enough answers yet.',
    blocks,
    'public',
  );
};
