// Parsing of single CSV cells for imports. Pure; each parser returns a value or an
// error sentence that the import report shows next to the line number.

export type CellResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (error: string): CellResult<never> => ({ ok: false, error });

const validDate = (y: number, m: number, d: number): Date | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  const same =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return same && y >= 1900 && y <= 2200 ? date : null;
};

/** Dates like 2015/10/1, 2015-10-01, ISO date-times, or 10/01/2015 with an explicit order. */
export const parseDateCell = (raw: string, order: DateOrder = 'ymd'): CellResult<Date> => {
  const text = raw.trim();
  const parts =
    /^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (!parts) return fail(`"${clip(text)}" is not a date (use YYYY-MM-DD)`);
  const [a, b, c] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const [y, m, d] =
    parts[1]!.length === 4
      ? [a, b, c]
      : order === 'mdy'
        ? [c, a, b]
        : order === 'dmy'
          ? [c, b, a]
          : [NaN, 0, 0];
  if (Number.isNaN(y)) return fail(`"${clip(text)}" is ambiguous: pass --date-order mdy or dmy`);
  const day = validDate(y, m, d);
  if (!day) return fail(`"${clip(text)}" is not a real calendar date`);
  if (parts[4] === undefined) return ok(day);
  const iso = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(iso) ? fail(`"${clip(text)}" is not a valid date-time`) : ok(new Date(iso));
};

/** Amounts like 1200, 1,200.50, $1,200 or (45.00); returned in cents. */
export const parseAmountCell = (raw: string): CellResult<number> => {
  const text = raw
    .trim()
    .replace(/^[$€£¥]\s*|\s*(USD|EUR|GBP)$/gi, '')
    .replace(/,/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail(`"${clip(raw)}" is not an amount`);
  const value = Number(text);
  if (value < 0) return fail(`"${clip(raw)}" is negative`);
  if (value > 1e11) return fail(`"${clip(raw)}" is too large`);
  return ok(Math.round(value * 100));
};

/** Ratings: a finite number. Empty cells are handled by the caller as missing. */
export const parseRatingCell = (raw: string): CellResult<number> => {
  const text = raw.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text))
    return fail(`"${clip(raw)}" is not a number`);
  return ok(Number(text));
};

const TRUE_WORDS = new Set(['1', 'y', 'yes', 'true', 'core', 'core-growth', 'x']);
const FALSE_WORDS = new Set(['0', 'n', 'no', 'false', 'rest', 'other', '']);

export const parseFlagCell = (raw: string): CellResult<boolean> => {
  const text = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return fail(`"${clip(raw)}" is not yes or no`);
};

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
