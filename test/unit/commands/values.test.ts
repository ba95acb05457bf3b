import { describe, expect, it } from 'vitest';
import type { DateSpec } from '../../../src/core/commands/command-types.js';
import {
  parseDate,
  parseDateSpec,
  parseMoney,
  parseNumber,
  parseTimeSpec,
  resolveDateSpec,
  slugify,
} from '../../../src/core/commands/values.js';

describe('parseMoney', () => {
  it.each<[string, number]>([
    ['1200', 120_000],
    ['0', 0],
    ['1,200.50', 120_050],
    ['1,234,567', 123_456_700],
    ['$1200', 120_000],
    ['€99.90', 9_990],
    ['99.9€', 9_990],
    ['£5', 500],
    ['¥1200', 120_000],
    ['+12', 1_200],
    ['1.5k', 150_000],
    ['1.5K', 150_000],
    ['2m', 200_000_000],
    ['0.25m', 25_000_000],
    ['1.2345k', 123_450],
    ['100b', 1e13],
    ['0.1', 10],
  ])('%s → %i cents', (raw, cents) => {
    expect(parseMoney(raw)).toEqual({ ok: true, value: cents });
  });

  it.each<[string, RegExp]>([
    ['-5', /negative/],
    ['−5', /negative/],
    ['$-5', /not an amount/],
    ['12x', /not an amount/],
    ['1,2', /not an amount/],
    ['99,90', /dot for decimals/],
    ['1.005', /fractions of a cent/],
    ['101b', /too large/],
    ['99999999999999999', /too large/],
    ['', /not an amount/],
    ['1e5', /not an amount/],
    ['9'.repeat(100), /not an amount/],
  ])('rejects %s', (raw, message) => {
    const result = parseMoney(raw);
    expect(result).toMatchObject({ ok: false, code: 'invalid-value' });
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message).toContain(`“${raw.slice(0, 40)}`);
    }
  });
});

describe('parseNumber', () => {
  it.each<[string, number]>([
    ['42', 42],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['1,250', 1250],
    ['97.5%', 97.5],
    ['-0', 0],
  ])('%s → %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });
  it.each(['', '-', 'abc', '1..2', '1e3', '%'])('rejects %j', (raw) => {
    expect(parseNumber(raw).ok).toBe(false);
  });
});

describe('parseTimeSpec', () => {
  it.each([
    ['30d', { kind: 'relative', days: 30 }],
    ['12w', { kind: 'relative', days: 84 }],
    ['6m', { kind: 'relative', days: 180 }],
    ['1y', { kind: 'relative', days: 365 }],
    ['90days', { kind: 'relative', days: 90 }],
    ['ALL', { kind: 'all' }],
    ['2025-01-01', { kind: 'date', date: '2025-01-01' }],
    ['2024-02-29', { kind: 'date', date: '2024-02-29' }],
  ])('%s', (raw, spec) => {
    expect(parseTimeSpec(raw)).toEqual({ ok: true, value: spec });
  });
  it.each<[string, RegExp]>([
    ['0d', /out of range/],
    ['101y', /out of range/],
    ['2025-02-29', /not a real date/],
    ['2025-13-01', /not a real date/],
    ['yesterday', /not a time window/],
    ['30x', /not a time window/],
  ])('rejects %s', (raw, message) => {
    const result = parseTimeSpec(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('parseDate', () => {
  it('accepts real dates only', () => {
    expect(parseDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseDate('1900-02-29').ok).toBe(false);
    expect(parseDate('2025-04-31').ok).toBe(false);
    expect(parseDate('2025-4-3').ok).toBe(false);
  });
});

describe('parseDateSpec and resolveDateSpec', () => {
  // 2026-03-13 is a Friday.
  const friday = { year: 2026, month: 3, day: 13 };
  const wednesday = { year: 2026, month: 3, day: 11 };
  it.each<[string, DateSpec, string, string]>([
    ['2026-12-01', { kind: 'date', date: '2026-12-01' }, '2026-12-01', '2026-12-01'],
    ['today', { kind: 'today' }, '2026-03-13', '2026-03-11'],
    ['Tomorrow', { kind: 'tomorrow' }, '2026-03-14', '2026-03-12'],
    ['friday', { kind: 'weekday', weekday: 5 }, '2026-03-20', '2026-03-13'],
    ['fri', { kind: 'weekday', weekday: 5 }, '2026-03-20', '2026-03-13'],
    ['mon', { kind: 'weekday', weekday: 1 }, '2026-03-16', '2026-03-16'],
    ['+3d', { kind: 'offset', days: 3 }, '2026-03-16', '2026-03-14'],
    ['+2w', { kind: 'offset', days: 14 }, '2026-03-27', '2026-03-25'],
    ['next-week', { kind: 'next-week' }, '2026-03-16', '2026-03-16'],
    ['next_week', { kind: 'next-week' }, '2026-03-16', '2026-03-16'],
  ])('%s', (raw, spec, fromFriday, fromWednesday) => {
    expect(parseDateSpec(raw)).toEqual({ ok: true, value: spec });
    expect(resolveDateSpec(spec, friday)).toBe(fromFriday);
    expect(resolveDateSpec(spec, wednesday)).toBe(fromWednesday);
  });

  it('crosses month and year ends', () => {
    expect(resolveDateSpec({ kind: 'offset', days: 3 }, { year: 2024, month: 12, day: 30 })).toBe(
      '2025-01-02',
    );
    expect(resolveDateSpec({ kind: 'tomorrow' }, { year: 2024, month: 2, day: 28 })).toBe(
      '2024-02-29',
    );
  });

  it.each(['constructor', 'someday', '+0d', '2026-02-30', '3d'])('rejects %s', (raw) => {
    const result = parseDateSpec(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`“${raw}”`);
  });
});

describe('slugify', () => {
  it.each([
    ['Late delivery', 'late-delivery'],
    ['  Incorrect information on your report!  ', 'incorrect-information-on-your-report'],
    ['Entrega tardía', 'entrega-tardía'],
    ['配送 の 遅れ', '配送-の-遅れ'],
    ['Über—Größe / Ärger', 'über-größe-ärger'],
    ['late_delivery', 'late-delivery'],
    ['🚚 late 🚚', 'late'],
    ['---', ''],
    ['E\u0301cole', 'école'],
    ['a'.repeat(70), 'a'.repeat(60)],
    [`${'word '.repeat(20)}`, 'word-word-word-word-word-word-word-word-word-word-word-word'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugify(slug)).toBe(slug);
  });
});
