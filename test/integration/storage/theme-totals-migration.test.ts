// Migration 0005 fills the theme totals from issues stored before it existed.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findMigrationsFolder, openDatabase } from '../../../src/storage/database.js';
import { expectThemeTotalsExact } from './theme-totals-check.js';

const dir = mkdtempSync(join(tmpdir(), 'cx-theme-totals-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before 0005. */
function migrationsBefore0005(): string {
  const folder = join(dir, 'migrations-0004');
  cpSync(findMigrationsFolder(), folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 5);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0005', () => {
  it('fills the theme totals from the issues already stored', () => {
    const path = join(dir, 'app.db');
    const before = openDatabase(path, { migrationsFolder: migrationsBefore0005() });
    const run = (sql: string, ...values: unknown[]) => before.sqlite.prepare(sql).run(...values);
    for (const t of ['A', 'B']) {
      run("INSERT INTO tenants (id, platform, created_at) VALUES (?, 'cli', 0)", t);
      run(
        "INSERT INTO key_drivers (id, tenant_id, name, name_key, created_at) VALUES (?, ?, 'd', 'd', 0)",
        `${t}-kd`,
        t,
      );
      for (const [i, revenue] of [1000, null, 250].entries())
        run(
          `INSERT INTO customers (id, tenant_id, name, name_key, annual_revenue_cents, created_at)
           VALUES (?, ?, ?, ?, ?, 0)`,
          `${t}-c${i}`,
          t,
          `c${i}`,
          `c${i}`,
          revenue,
        );
      for (const theme of ['x', 'y'])
        run(
          'INSERT INTO themes (id, tenant_id, slug, name, created_at) VALUES (?, ?, ?, ?, 0)',
          `${t}-${theme}`,
          t,
          theme,
          theme,
        );
    }
    for (let n = 1; n <= 60; n++) {
      const t = n % 3 === 0 ? 'B' : 'A';
      run(
        `INSERT INTO issues (id, tenant_id, number, summary, theme_id, key_driver_id, customer_id,
          source, customer_cost_cents, company_cost_cents, occurred_at, created_at)
         VALUES (?, ?, ?, 's', ?, ?, ?, 'other', ?, ?, 0, 0)`,
        `i${n}`,
        t,
        n,
        `${t}-${n % 2 ? 'x' : 'y'}`,
        n % 4 === 0 ? null : `${t}-kd`,
        n % 5 === 0 ? null : `${t}-c${n % 3}`,
        n % 7 === 0 ? null : n,
        n % 2 ? 3 * n : null,
      );
    }
    before.close();
    const after = openDatabase(path);
    try {
      const count = after.sqlite.prepare('SELECT COUNT(*) AS n FROM theme_customer_issues');
      expect((count.get() as { n: number }).n).toBeGreaterThan(0);
      expectThemeTotalsExact(after.sqlite);
    } finally {
      after.close();
    }
  });
});
