// Column helpers, so time and flags are stored the same way in every table.
import { integer } from 'drizzle-orm/sqlite-core';

/** Instants are stored as integer epoch milliseconds. */
export const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const flag = (name: string) => integer(name, { mode: 'boolean' });
