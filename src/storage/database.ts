// Opens the SQLite database, sets the pragmas the app relies on and applies pending migrations.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

export interface OpenDatabase {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export interface OpenDatabaseOptions {
  /** Defaults to the repository's `migrations/` folder. */
  migrationsFolder?: string;
}

const isMemory = (path: string): boolean => path === ':memory:' || path === '';

/**
 * The repo root is the nearest ancestor holding package.json, so the same lookup works from
 * src/storage (tests, tsx) and from dist/src/storage (compiled).
 */
export function findMigrationsFolder(
  from: string = dirname(fileURLToPath(import.meta.url)),
): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'migrations');
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}; cannot find migrations/`);
    dir = parent;
  }
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): OpenDatabase {
  if (!isMemory(path)) mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  try {
    // WAL lets readers run while a writer commits; it does not apply to in-memory databases.
    if (!isMemory(path)) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // NORMAL is durable across app crashes in WAL mode and much faster than FULL.
    sqlite.pragma('synchronous = NORMAL');
    // 16 MB of page cache (SQLite's default is 2 MB), allocated only as pages are read: the
    // hot index pages of a million-row import stay in memory. 64 MB was no faster and cost
    // 60 MB more peak memory (bench/README.md).
    sqlite.pragma('cache_size = -16384');
    // Checkpoint every 10,000 WAL pages (~40 MB) instead of 1,000: an import batch dirties
    // thousands of index pages, and each checkpoint copies every page back into the file.
    // Fewer checkpoints copy a hot page once for several batches (a 1M-row import: 15%
    // faster, bench/README.md). Readers are unaffected; the WAL file is just larger.
    if (!isMemory(path)) sqlite.pragma('wal_autocheckpoint = 10000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? findMigrationsFolder() });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
