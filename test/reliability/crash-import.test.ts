// SIGKILL during a CSV import. The real CLI imports a generated file in a child process and
// is killed as soon as its first batch is committed, while the next one is being read or
// written. On the same database file afterwards: the integrity check passes, the rows that
// landed are whole batches (a prefix of the file, never part of a batch), and importing the
// file again completes it without a duplicate.
import { IMPORT_BATCH_SIZE } from '../../src/core/use-cases/import-issues.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/run-cli.js';
import { killChildren, runScript, spawnScript } from './support/child-process.js';
import { secretsIn } from './support/captured-logs.js';

const ROWS = 16_000;
/** import-issues commits this many rows per transaction. */
const BATCH = IMPORT_BATCH_SIZE;
const MAP = 'theme=theme,customer=customer,summary=summary,date=date,id=id,cost=cost';
const CLI = 'src/cli/main.ts';

const tmp = tempDir();
afterAll(async () => {
  await killChildren();
  tmp.cleanup();
});

const generateCsv = (path: string): void => {
  const lines = ['id,date,theme,customer,summary,cost'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `${i},2026-0${1 + (i % 9)}-1${i % 9},Theme ${i % 40},Customer ${i % 300},"Complaint ${i}, with a comma",${i % 97}.50`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
};

const read = <T>(dbPath: string, fn: (db: Database.Database) => T): T => {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

const issueCount = (dbPath: string): number => {
  try {
    return read(dbPath, (db) => {
      const table = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'issues'")
        .get();
      return table ? (db.prepare('SELECT count(*) AS n FROM issues').get() as { n: number }).n : 0;
    });
  } catch {
    return 0; // not created yet, or mid-migration
  }
};

describe('SIGKILL during import-issues', () => {
  it('keeps whole batches only, and a second import completes the file exactly once', async () => {
    const csv = join(tmp.dir, 'issues.csv');
    const dbPath = join(tmp.dir, 'import.db');
    generateCsv(csv);

    const child = await spawnScript(CLI, ['import-issues', csv, '--map', MAP, '--db', dbPath]);
    while (issueCount(dbPath) === 0 && child.process.exitCode === null) await sleep(2);
    await child.kill();
    expect(secretsIn(child.output())).toEqual([]);

    const committed = issueCount(dbPath);
    // The kill landed mid-import: some batches in, not all.
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(ROWS);
    expect(committed % BATCH).toBe(0);
    read(dbPath, (db) => {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Exactly the first rows of the file, each whole.
      const ids = db
        .prepare('SELECT CAST(external_id AS INTEGER) AS id FROM issues ORDER BY id')
        .all() as Array<{ id: number }>;
      expect(ids.map((r) => r.id)).toEqual(Array.from({ length: committed }, (_, i) => i));
      const broken = db
        .prepare(
          `SELECT count(*) AS n FROM issues i LEFT JOIN themes t ON t.id = i.theme_id
           WHERE t.id IS NULL OR i.summary NOT LIKE 'Complaint %, with a comma' OR i.customer_id IS NULL`,
        )
        .get() as { n: number };
      expect(broken.n).toBe(0);
    });

    // Run again on the same file: the committed rows are recognised by id, the rest land.
    const run = await runScript(CLI, [
      'import-issues',
      csv,
      '--map',
      MAP,
      '--db',
      dbPath,
      '--json',
    ]);
    expect(run.code, run.output).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown, run.output).not.toThrow();
    expect(JSON.parse(run.stdout)).toMatchObject({
      imported: ROWS - committed,
      skippedDuplicates: committed,
    });
    expect(secretsIn(run.output)).toEqual([]);
    read(dbPath, (db) => {
      const row = db
        .prepare('SELECT count(*) AS n, count(DISTINCT external_id) AS distinctIds FROM issues')
        .get() as { n: number; distinctIds: number };
      expect(row).toEqual({ n: ROWS, distinctIds: ROWS });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });
});
