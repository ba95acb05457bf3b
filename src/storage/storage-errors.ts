// Turns SQLite constraint failures into AppErrors, so the core can answer users without
// knowing anything about SQL.
import Database from 'better-sqlite3';
import { AppError } from '../core/domain/errors.js';

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Database.SqliteError && UNIQUE_CODES.has(error.code);

/** Runs `fn`; a unique-constraint failure becomes AppError('conflict'). */
export function withConflict<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `${what} already exists.`, { cause: error });
    }
    throw error;
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', `${what} ${id} was not found.`);

/** Lowercased, trimmed name: the key for case-insensitive uniqueness and lookups. */
export const nameKey = (name: string): string => name.trim().toLowerCase();
