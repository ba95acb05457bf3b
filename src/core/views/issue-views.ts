// Views about issues: the confirmation after logging, lists, one issue, and the form.
import type { Issue, Theme } from '../domain/types.js';
import { ISSUE_SOURCES } from '../domain/types.js';
import type { LoggedIssue } from '../use-cases/log-issue.js';
import type { IssueList } from '../use-cases/list-issues.js';
import type { MessageView } from './message-view.js';
import { formatDate, formatMoney, issueRef, truncate } from './format.js';
import { context, header, text, view } from './view-helpers.js';

const costLine = (issue: Issue): string | null => {
  const parts = [
    issue.customerCostCents !== null
      ? `customer cost ${formatMoney(issue.customerCostCents)}`
      : null,
    issue.companyCostCents !== null ? `company cost ${formatMoney(issue.companyCostCents)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(', ') : null;
};

export const issueLoggedView = ({
  issue,
  theme,
  themeCreated,
  customer,
}: LoggedIssue): MessageView => {
  const fields = [
    { label: 'Theme', value: `#${theme.slug}${themeCreated ? ' (new theme)' : ''}` },
    { label: 'Source', value: issue.source },
    ...(customer ? [{ label: 'Customer', value: customer.name }] : []),
    ...(costLine(issue) ? [{ label: 'Cost', value: costLine(issue) ?? '' }] : []),
  ];
  return view(
    `Logged ${issueRef(issue.number)}: ${issue.summary}`,
    [
      text(`✅ Logged *${issueRef(issue.number)}*: ${truncate(issue.summary, 280)}`),
      { type: 'fields', fields },
      context(
        `See where it ranks with \`/cx-pareto\`, or find its root cause with \`/cx-why #${theme.slug}\`.`,
      ),
    ],
    'public',
  );
};

export const issueListView = (list: IssueList, title = 'Issues'): MessageView => {
  if (list.total === 0)
    return view('No issues match.', [text('No issues match. Log one with `/cx-issue`.')]);
  const rows = list.issues.map((i) => ({
    id: issueRef(i.number),
    date: formatDate(i.occurredAt),
    theme: `#${i.themeSlug}`,
    summary: truncate(i.summary, 80),
  }));
  const shown = list.offset + list.issues.length;
  return view(`${list.total} issues`, [
    header(title),
    {
      type: 'table',
      columns: [
        { key: 'id', label: 'Issue' },
        { key: 'date', label: 'Date' },
        { key: 'theme', label: 'Theme' },
        { key: 'summary', label: 'Summary' },
      ],
      rows,
    },
    context(`Showing ${list.offset + 1}–${shown} of ${list.total}.`),
  ]);
};

export const issueDetailView = (issue: Issue, theme: Theme | null): MessageView =>
  view(`${issueRef(issue.number)}: ${issue.summary}`, [
    header(`${issueRef(issue.number)}: ${truncate(issue.summary, 140)}`),
    {
      type: 'fields',
      fields: [
        { label: 'Theme', value: theme ? `#${theme.slug}` : '—' },
        { label: 'Date', value: formatDate(issue.occurredAt) },
        { label: 'Source', value: issue.source },
        { label: 'Cost', value: costLine(issue) ?? '—' },
        {
          label: 'Reported by',
          value: issue.reporterId ? `<@${issue.reporterId}>` : (issue.reporterName ?? '—'),
        },
      ],
    },
    ...(issue.description ? [text(truncate(issue.description, 2800))] : []),
  ]);

export const ISSUE_FORM_ID = 'issue.form';
export const NEW_THEME_VALUE = '__new__';

/** The form behind `/cx-issue` with no text: a Slack modal or a Teams card. */
export const issueFormView = (
  themes: Theme[],
  prefill: { summary?: string; description?: string } = {},
): MessageView =>
  view('Log a customer issue', [
    {
      type: 'form',
      id: ISSUE_FORM_ID,
      title: 'Log a CX issue',
      submitLabel: 'Log issue',
      inputs: [
        {
          kind: 'text',
          id: 'summary',
          label: 'What did the customer report?',
          required: true,
          maxLength: 300,
          ...(prefill.summary ? { initial: prefill.summary } : {}),
        },
        {
          kind: 'select',
          id: 'theme',
          label: 'Theme',
          required: true,
          options: [
            ...themes.map((t) => ({ label: `#${t.slug}`, value: t.slug })),
            { label: 'New theme…', value: NEW_THEME_VALUE },
          ],
        },
        {
          kind: 'text',
          id: 'newTheme',
          label: 'New theme name (if new)',
          placeholder: 'late-delivery',
        },
        { kind: 'text', id: 'customer', label: 'Customer' },
        { kind: 'number', id: 'cost', label: 'Cost to the customer', min: 0 },
        { kind: 'number', id: 'companyCost', label: 'Cost to the company', min: 0 },
        {
          kind: 'select',
          id: 'source',
          label: 'Source',
          initial: 'complaint',
          options: ISSUE_SOURCES.map((s) => ({ label: s, value: s })),
        },
        {
          kind: 'text',
          id: 'description',
          label: 'Description',
          multiline: true,
          maxLength: 3000,
          ...(prefill.description ? { initial: prefill.description } : {}),
        },
      ],
    },
  ]);
