import { describe, expect, it } from 'vitest';
import {
  parseAmountCell,
  parseDateCell,
  parseFlagCell,
  parseRatingCell,
} from '../../../src/core/use-cases/import-cells.js';

describe('import cells', () => {
  it.each([
    ['2015/10/1', '2015-10-01'],
    ['2015-10-01', '2015-10-01'],
    ['2020.3.18', '2020-03-18'],
  ])('reads the date %s', (raw, iso) => {
    const parsed = parseDateCell(raw);
    expect(parsed.ok && parsed.value.toISOString().slice(0, 10)).toBe(iso);
  });

  it('reads an ISO date-time with its zone', () => {
    const parsed = parseDateCell('2024-02-29T23:30:00+02:00');
    expect(parsed.ok && parsed.value.toISOString()).toBe('2024-02-29T21:30:00.000Z');
  });

  it('rejects impossible and ambiguous dates with a reason', () => {
    expect(parseDateCell('2023-02-29')).toEqual({
      ok: false,
      error: expect.stringContaining('not a real calendar date'),
    });
    expect(parseDateCell('10/01/2015')).toEqual({
      ok: false,
      error: expect.stringContaining('--date-order'),
    });
    expect(parseDateCell('yesterday')).toEqual({
      ok: false,
      error: expect.stringContaining('not a date'),
    });
  });

  it('honours an explicit day order', () => {
    const mdy = parseDateCell('10/01/2015', 'mdy');
    const dmy = parseDateCell('10/01/2015', 'dmy');
    expect(mdy.ok && mdy.value.toISOString().slice(0, 10)).toBe('2015-10-01');
    expect(dmy.ok && dmy.value.toISOString().slice(0, 10)).toBe('2015-01-10');
  });

  it('reads amounts into cents', () => {
    expect(parseAmountCell('1,200.50')).toEqual({ ok: true, value: 120050 });
    expect(parseAmountCell('$ 99')).toEqual({ ok: true, value: 9900 });
    expect(parseAmountCell('€0.10')).toEqual({ ok: true, value: 10 });
    expect(parseAmountCell('-5').ok).toBe(false);
    expect(parseAmountCell('lots').ok).toBe(false);
  });

  it('reads ratings and flags', () => {
    expect(parseRatingCell('4.5')).toEqual({ ok: true, value: 4.5 });
    expect(parseRatingCell('4,5')).toEqual({ ok: true, value: 4.5 });
    expect(parseRatingCell('five')).toEqual({ ok: false, error: '"five" is not a number' });
    expect(parseFlagCell('Yes')).toEqual({ ok: true, value: true });
    expect(parseFlagCell('0')).toEqual({ ok: true, value: false });
    expect(parseFlagCell('maybe').ok).toBe(false);
  });
});
