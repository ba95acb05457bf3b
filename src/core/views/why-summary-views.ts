// The 5-why thread's bigger messages: the root message, the chain so far, the final
// summary, the reminder and the list of analyses.
import type { Field, MessageView, ViewBlock } from './message-view.js';
import type { Symptom, SymptomFigures, WhyState, WhyStatus } from '../why/why-types.js';
import { isClosed, mention, quoted, stepLabel } from '../why/why-chain.js';
import { formatCount, formatMoney, formatPercent, issueRef, truncate } from './format.js';
import { context, divider, header, text, view } from './view-helpers.js';
import { promptLine, promptView, WHY_COMMANDS_HINT } from './why-views.js';

const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

const symptomTitle = (s: Symptom): string =>
  s.issueNumber === null ? `#${s.themeSlug}` : `${issueRef(s.issueNumber)} (#${s.themeSlug})`;

const figureFields = (f: SymptomFigures): Field[] => [
  { label: 'Issues', value: formatCount(f.count) },
  { label: 'Share of all issues', value: formatPercent(f.share) },
  {
    label: 'Pareto rank',
    value:
      f.rank === null
        ? '—'
        : `#${f.rank} of ${f.themeCount} (${f.vital ? 'vital few' : 'useful many'})`,
  },
  { label: 'Cost to customers', value: formatMoney(f.customerCostCents) },
  { label: 'Cost to the company', value: formatMoney(f.companyCostCents) },
  { label: 'Revenue affected', value: formatMoney(f.affectedRevenueCents) },
];

/** The thread's first message: the symptom and what it costs. */
export const whyRootView = (state: WhyState): MessageView => {
  const s = state.symptom;
  const f = state.figures;
  const lead = `${mention(state.startedBy)} started a 5-why on ${symptomTitle(s)}: ${quoted(s.text)}.`;
  const weight =
    f && f.count > 0
      ? `${formatCount(f.count)} issues (${formatPercent(f.share)} of all), ${formatMoney(f.customerCostCents + f.companyCostCents)} in costs, ${formatMoney(f.affectedRevenueCents)} of revenue affected.`
      : 'No issues are logged for this theme yet.';
  return view(
    `5 whys: ${s.text}. ${weight}`,
    [
      header(truncate(`5 whys: ${s.text}`, 150)),
      text(lead),
      ...(f && f.count > 0 ? [{ type: 'fields' as const, fields: figureFields(f) }] : []),
      context(`${weight} Figures: all time.`),
    ],
    'public',
  );
};

const chainLines = (state: WhyState): string[] =>
  state.chain.map(
    (a) => `*${a.why}.* ${a.question}\n→ ${quoted(a.text)} — ${mention(a.by)}, ${when(a.at)}`,
  );

const extraLines = (state: WhyState): string[] => [
  ...state.branches.map(
    (b) =>
      `Branch ${b.id} (set aside by ${mention(b.by)} from why ${b.fromWhy}): ${b.answers
        .map((a) => `${a.why}. ${quoted(a.text)}`)
        .join(' · ')}`,
  ),
  ...state.notes.map((n) => `Note by ${mention(n.by)} (${n.context}): ${quoted(n.text)}`),
];

const outcomeLines = (state: WhyState): string[] => {
  const rc = state.rootCause;
  const m = state.metric;
  return [
    ...(rc ? [`*Root cause:* ${quoted(rc.text)} — confirmed by ${mention(rc.confirmedBy)}`] : []),
    ...(m
      ? [
          `*Metric:* ${m.name} (${m.unit}), ${m.direction} is better, target ${m.target}${m.current === null ? '' : `, now ${m.current}`}`,
        ]
      : []),
    ...state.plans.map(
      (p, i) =>
        `*Plan ${i + 1}:* ${p.title} — ${mention(p.owner)}, due ${p.dueDate}, level ${p.level}`,
    ),
  ];
};

const bodyBlocks = (state: WhyState): ViewBlock[] => {
  const chain = chainLines(state);
  const extra = extraLines(state);
  const outcome = outcomeLines(state);
  return [
    text(chain.length > 0 ? chain.join('\n') : 'No whys answered yet.'),
    ...(extra.length > 0 ? [text(extra.join('\n'))] : []),
    ...(outcome.length > 0 ? [divider, text(outcome.join('\n'))] : []),
  ];
};

/** `status`: the chain so far, then the question the dialog is waiting on. */
export const whyStatusView = (state: WhyState): MessageView => {
  if (isClosed(state)) return whySummaryView(state);
  const prompt = promptView(state);
  return view(
    `5 whys on ${state.symptom.text}: ${stepLabel(state)}`,
    [
      header(truncate(`5 whys so far: ${state.symptom.text}`, 150)),
      ...bodyBlocks(state),
      divider,
      ...prompt.blocks,
    ],
    'public',
  );
};

/** The end of the dialog: the whole chain, the root cause, the metric and the plans. */
export const whySummaryView = (state: WhyState): MessageView => {
  const done = state.step === 'finished';
  const title = done ? 'Root cause found' : '5-why cancelled';
  const by = state.endedBy ? ` by ${mention(state.endedBy)}` : '';
  return view(
    `${title}: ${state.symptom.text}`,
    [
      header(truncate(`${title}: ${state.symptom.text}`, 150)),
      ...(done ? [] : [text(`This 5-why was cancelled${by}. Nothing more will be asked here.`)]),
      ...bodyBlocks(state),
      ...(done ? [context(`Finished${by}. Follow the plans with /cx-action list.`)] : []),
    ],
    'public',
  );
};

export const whyReminderView = (state: WhyState, idleMs: number): MessageView => {
  const hours = Math.round(idleMs / 3_600_000);
  const line = `⏰ This 5-why on ${quoted(state.symptom.text)} is still open: nobody has replied for ${hours} hours.`;
  return view(
    line,
    [text(line), text(`It is waiting on: ${promptLine(state)}`), context(WHY_COMMANDS_HINT)],
    'public',
  );
};

export interface WhyListItem {
  symptom: Symptom;
  status: WhyStatus;
  step: string;
  rootCause: string | null;
  startedAt: Date;
  lastActivityAt: Date;
}

const listRow = (item: WhyListItem): Record<string, string> => ({
  topic: truncate(
    item.symptom.issueNumber === null
      ? `#${item.symptom.themeSlug}`
      : `${symptomTitle(item.symptom)} ${quoted(item.symptom.text)}`,
    60,
  ),
  where: item.status === 'open' ? truncate(item.step, 70) : item.status,
  rootCause: item.rootCause ? truncate(item.rootCause, 60) : '—',
  started: item.startedAt.toISOString().slice(0, 10),
});

/** `/cx-why` with no argument: open analyses first, then finished ones. */
export const whyListView = (items: WhyListItem[]): MessageView => {
  if (items.length === 0) {
    return view('No 5-why analyses yet.', [
      text('No 5-why analyses yet. Start one with `/cx-why #theme` or `/cx-why CX-12`.'),
    ]);
  }
  const open = items.filter((i) => i.status === 'open');
  const closed = items.filter((i) => i.status !== 'open');
  const table = (rows: WhyListItem[], caption: string): ViewBlock => ({
    type: 'table',
    caption,
    columns: [
      { key: 'topic', label: 'Symptom' },
      { key: 'where', label: 'Step' },
      { key: 'rootCause', label: 'Root cause' },
      { key: 'started', label: 'Started' },
    ],
    rows: rows.map(listRow),
  });
  return view(`${open.length} open and ${closed.length} finished 5-why analyses.`, [
    header('5-why analyses'),
    text(`*Open (${open.length})*`),
    ...(open.length > 0
      ? [table(open, 'Answer in each one’s thread; type *status* there for the whole chain.')]
      : [text('None.')]),
    text(`*Finished or cancelled (${closed.length})*`),
    ...(closed.length > 0
      ? [table(closed, 'Their root causes, metrics and plans are kept with the theme.')]
      : [text('None.')]),
  ]);
};
