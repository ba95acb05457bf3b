import { randomBytes } from 'node:crypto';
import type { IdSource } from '../core/ports/clock.js';

/**
 * Ids that sort by creation time (like UUIDv7): milliseconds, a counter, then random bits.
 * New rows then land at the end of the primary-key index instead of at random pages,
 * which keeps bulk imports fast.
 */
export const createTimeOrderedIdSource = (now: () => number = Date.now): IdSource => {
  let lastMs = -1;
  let counter = 0;
  return {
    next: () => {
      const ms = now();
      counter = ms === lastMs ? counter + 1 : 0;
      lastMs = ms;
      const time = ms.toString(16).padStart(12, '0');
      const seq = (counter & 0xffffff).toString(16).padStart(6, '0');
      return `${time}${seq}${randomBytes(7).toString('hex')}`;
    },
  };
};

export const timeOrderedIdSource: IdSource = createTimeOrderedIdSource();
