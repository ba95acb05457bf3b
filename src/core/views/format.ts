// Number, money, percentage and date formats used in every view, so every platform
// shows the same figures.
const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const moneyCents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
});
const integer = new Intl.NumberFormat('en-US');

/** $1,234 for large amounts, $12.50 under $100 where cents matter. */
export const formatMoney = (cents: number): string =>
  Math.abs(cents) < 10_000 && cents % 100 !== 0
    ? moneyCents.format(cents / 100)
    : money.format(Math.round(cents / 100));

export const formatCount = (n: number): string => integer.format(n);

export const formatPercent = (share: number, digits = 1): string =>
  `${(share * 100).toFixed(digits)}%`;

export const formatDate = (date: Date): string => date.toISOString().slice(0, 10);

export const formatR = (r: number | null): string => (r === null ? '—' : r.toFixed(3));

export const formatP = (p: number | null): string =>
  p === null ? '—' : p < 0.001 ? '<0.001' : p.toFixed(3);

export const issueRef = (number: number): string => `CX-${number}`;

export const truncate = (value: string, max: number): string =>
  [...value].length <= max ? value : `${[...value].slice(0, max - 1).join('')}…`;
