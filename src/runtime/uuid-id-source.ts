import { randomUUID } from 'node:crypto';
import type { IdSource } from '../core/ports/clock.js';

export const uuidIdSource: IdSource = { next: () => randomUUID() };
