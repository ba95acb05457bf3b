// Time zone validation through Intl: pure (no I/O) and always in step with the runtime's
// zone data, which the scheduler uses too.
import { fail, ok, quote, type Outcome } from './outcome.js';
import { TIME_ZONE_EXAMPLES } from './usage.js';

// "Area/City" or a bare name like UTC; anything else (offsets, stray characters) is refused.
const ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * Returns the zone with its canonical case (`europe/paris` → `Europe/Paris`). ICU maps some
 * current names to legacy ones (Asia/Kolkata → Asia/Calcutta); users keep the name they typed.
 */
export function parseTimeZone(raw: string): Outcome<string> {
  const text = raw.trim();
  if (text.length <= 64 && ZONE_SHAPE.test(text)) {
    try {
      const zone = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
      return ok(zone.toLowerCase() === text.toLowerCase() ? zone : text);
    } catch {
      // A RangeError: the runtime does not know this zone. Reported below.
    }
  }
  return fail('invalid-value', `${quote(raw)} is not a time zone. ${TIME_ZONE_EXAMPLES}`);
}
