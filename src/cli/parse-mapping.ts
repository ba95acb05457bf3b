// Parses `--map theme=Issue,driver=Product,description="Consumer complaint narrative"`.
// The shell usually strips the quotes; they are honoured when present, so a column
// name with a comma can still be named.
import { AppError } from '../core/domain/errors.js';
import {
  ISSUE_FIELDS,
  type IssueField,
  type IssueMapping,
} from '../core/use-cases/import-issues.js';

const splitPairs = (text: string): string[] => {
  const pairs: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ',') {
      pairs.push(current);
      current = '';
    } else current += ch;
  }
  if (quote) throw new AppError('cli.map-quote', `--map has a quote that is never closed: ${text}`);
  pairs.push(current);
  return pairs.map((p) => p.trim()).filter((p) => p !== '');
};

export const parseMapping = (text: string | undefined): IssueMapping => {
  if (!text)
    throw new AppError('cli.map-missing', 'import-issues needs --map with at least theme=COLUMN.');
  const mapping: Partial<Record<IssueField, string>> = {};
  for (const pair of splitPairs(text)) {
    const eq = pair.indexOf('=');
    const field = (eq < 0 ? pair : pair.slice(0, eq)).trim().toLowerCase() as IssueField;
    const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!ISSUE_FIELDS.includes(field)) {
      throw new AppError(
        'cli.map-field',
        `--map names an unknown field "${field}". Fields: ${ISSUE_FIELDS.join(', ')}.`,
      );
    }
    if (column === '')
      throw new AppError(
        'cli.map-column',
        `--map gives no column for "${field}"; write ${field}=COLUMN.`,
      );
    if (mapping[field]) throw new AppError('cli.map-twice', `--map names "${field}" twice.`);
    mapping[field] = column;
  }
  if (!mapping.theme)
    throw new AppError(
      'cli.map-theme',
      '--map must name the theme column, e.g. --map theme=Issue.',
    );
  return mapping as IssueMapping;
};
