import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findMigrationsFolder, openDatabase } from '../../../src/storage/database.js';

const journal = JSON.parse(
  readFileSync(join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8'),
) as { entries: unknown[] };

describe('openDatabase', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-habits-db-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('sets WAL, foreign keys, busy timeout and synchronous=NORMAL on a file database', () => {
    const { sqlite, close } = openDatabase(join(tempDir(), 'app.db'));
    try {
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    } finally {
      close();
    }
  });

  it('creates missing parent directories', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'app.db');
    openDatabase(path).close();
    expect(existsSync(path)).toBe(true);
  });

  it('applies every migration once, and reopening applies nothing twice', () => {
    const path = join(tempDir(), 'app.db');
    const first = openDatabase(path);
    first.sqlite
      .prepare("INSERT INTO tenants (id, platform, created_at) VALUES ('t', 'cli', 0)")
      .run();
    first.close();
    const second = openDatabase(path);
    try {
      const applied = second.sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get();
      expect(applied).toEqual({ n: journal.entries.length });
      expect(second.sqlite.prepare('SELECT id FROM tenants').all()).toEqual([{ id: 't' }]);
    } finally {
      second.close();
    }
  });

  it('builds the full schema in memory and enforces foreign keys there too', () => {
    const { sqlite, close } = openDatabase(':memory:');
    try {
      const tables = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      expect(tables).toEqual(
        expect.arrayContaining(['issues', 'themes', 'why_sessions', 'digest_runs', 'audit_log']),
      );
      const orphan = sqlite.prepare(
        "INSERT INTO users (tenant_id, user_id, created_at) VALUES ('nobody', 'u', 0)",
      );
      expect(() => orphan.run()).toThrow(/FOREIGN KEY/);
    } finally {
      close();
    }
  });

  it('finds migrations/ from the compiled location as well as from src', () => {
    const fromSrc = findMigrationsFolder(join(process.cwd(), 'src', 'storage'));
    const fromDist = findMigrationsFolder(join(process.cwd(), 'dist', 'src', 'storage'));
    expect(fromSrc).toBe(join(process.cwd(), 'migrations'));
    expect(fromDist).toBe(fromSrc);
  });
});
