import { describe, expect, it } from 'vitest';
import { validateCron } from '../../../src/core/commands/cron.js';
import { parseTimeZone } from '../../../src/core/commands/time-zone.js';

describe('validateCron', () => {
  it.each([
    ['0 9 * * 1', '0 9 * * 1'],
    ['  30   8 * *  1-5 ', '30 8 * * 1-5'],
    ['*/15 9-17 * * MON-FRI', '*/15 9-17 * * mon-fri'],
    ['0 0 1,15 jan,jul *', '0 0 1,15 jan,jul *'],
    ['0 12 * * 7', '0 12 * * 7'],
    ['5/10 * * * *', '5/10 * * * *'],
    ['0 0-23/2 L? * *'.replace(' L?', ' 1'), '0 0-23/2 1 * *'],
  ])('accepts %s', (expression, normalized) => {
    expect(validateCron(expression)).toEqual({ ok: true, value: normalized });
  });

  it.each<[string, string]>([
    ['0 9 * *', 'has 4 fields'],
    ['0 0 9 * * 1', 'has 6 fields'],
    ['60 9 * * 1', '“60”'],
    ['0 24 * * 1', '“24”'],
    ['0 9 0 * *', '“0”'],
    ['0 9 * 13 *', '“13”'],
    ['0 9 * * 8', '“8”'],
    ['0 9 * * funday', '“funday”'],
    ['0 17-9 * * *', 'runs backwards'],
    ['*/0 * * * *', 'step'],
    ['*/61 * * * *', 'step'],
    ['0 9 * * 1,,2', 'not valid'],
    ['0 9 L * *', '“l”'],
    ['0 9 * * 1#2', '“1#2”'],
    ['@daily', 'has 1 fields'],
  ])('rejects %s', (expression, fragment) => {
    const result = validateCron(expression);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(fragment);
      expect(result.message).toContain('Examples');
    }
  });
});

describe('parseTimeZone', () => {
  it.each([
    ['Europe/Paris', 'Europe/Paris'],
    ['europe/paris', 'Europe/Paris'],
    ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['UTC', 'UTC'],
    ['etc/utc', 'etc/utc'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
  ])('%s → %s', (raw, zone) => {
    expect(parseTimeZone(raw)).toEqual({ ok: true, value: zone });
  });
  it.each(['Mars/Olympus', 'Europe/Paris; rm', '+01:00', '', 'x'.repeat(100)])(
    'rejects %j',
    (raw) => {
      const result = parseTimeZone(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain('Europe/Paris');
    },
  );
});
