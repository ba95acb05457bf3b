// The real CLI on the real CFPB sample: import with the README's mapping, then report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CFPB_CSV, CFPB_MAP, runCli, runCliJson, tempDir } from '../../support/run-cli.js';

interface ParetoJson {
  themeCount: number;
  vitalFewCount: number;
  vitalFewShare: number;
  vitalFewPercent: number;
  grandTotal: number;
  themes: Array<{
    rank: number;
    theme: string;
    name: string;
    value: number;
    cumulativeShare: number;
    vital: boolean;
  }>;
}

describe('cx-habits on the CFPB sample', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'cfpb.db');
  let imported: {
    imported: number;
    rowsRead: number;
    errorCount: number;
    created: { themes: number; drivers: number };
  };

  beforeAll(async () => {
    const { run, json } = await runCliJson<typeof imported>([
      'import-issues',
      CFPB_CSV,
      '--map',
      CFPB_MAP,
      '--db',
      db,
    ]);
    expect(run.code).toBe(0);
    imported = json;
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('imports every row, creating 86 themes and 13 key drivers', () => {
    expect(imported.rowsRead).toBe(6623);
    expect(imported.imported).toBe(6623);
    expect(imported.errorCount).toBe(0);
    expect(imported.created.themes).toBe(86);
    expect(imported.created.drivers).toBe(13);
  });

  it('pareto --json over all drivers gives 86 themes and a vital few of 11 covering 80.07%', async () => {
    const { run, json } = await runCliJson<ParetoJson>(['pareto', '--db', db]);
    expect(run.code).toBe(0);
    expect(json.themeCount).toBe(86);
    expect(json.grandTotal).toBe(6623);
    expect(json.vitalFewCount).toBe(11);
    expect(json.vitalFewPercent).toBe(80.07);
    expect(json.themes.filter((t) => t.vital)).toHaveLength(11);
    expect(json.themes[0]?.name).toBe('Incorrect information on your report');
  });

  it('ranks within one key driver', async () => {
    const { json } = await runCliJson<ParetoJson>([
      'pareto',
      '--db',
      db,
      '--driver',
      'Debt collection',
    ]);
    expect(json.themeCount).toBeGreaterThan(3);
    expect(json.themeCount).toBeLessThan(86);
    expect(json.grandTotal).toBeLessThan(6623);
    expect(json.themes.at(-1)?.cumulativeShare).toBeCloseTo(1, 12);
  });

  it('filters by time window', async () => {
    const all = await runCliJson<ParetoJson>(['pareto', '--db', db]);
    const recent = await runCliJson<ParetoJson>(['pareto', '--db', db, '--since', '2019-01-01']);
    expect(recent.json.grandTotal).toBeGreaterThan(0);
    expect(recent.json.grandTotal).toBeLessThan(all.json.grandTotal);
  });

  it('re-importing with an id column skips rows already imported', async () => {
    const args = [
      'import-issues',
      CFPB_CSV,
      '--map',
      `${CFPB_MAP},id="Complaint ID"`,
      '--db',
      join(tmp.dir, 'ids.db'),
    ];
    const first = await runCliJson<{ imported: number }>(args);
    const second = await runCliJson<{ imported: number; skippedDuplicates: number }>(args);
    expect(first.json.imported).toBe(6623);
    expect(second.json).toMatchObject({ imported: 0, skippedDuplicates: 6623 });
  }, 120_000);

  it('prints a readable table without --json', async () => {
    const run = await runCli(['pareto', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('11 of 86 themes');
    expect(run.stdout).toContain('80.1%');
    expect(run.stdout).toContain('★ #incorrect-information-on-your-report');
  });

  it('exports every issue as CSV', async () => {
    const out = join(tmp.dir, 'export.csv');
    const { json } = await runCliJson<{ exported: number }>([
      'export',
      '--db',
      db,
      '--out',
      out,
      '--format',
      'csv',
    ]);
    expect(json.exported).toBe(6623);
  });

  it('shows the money at stake for the vital few', async () => {
    const { run, json } = await runCliJson<{ vitalFewCount: number; totals: { count: number } }>([
      'impact',
      '--db',
      db,
    ]);
    expect(run.code).toBe(0);
    expect(json.vitalFewCount).toBe(11);
    expect(json.totals.count).toBeGreaterThan(5000);
  });
});
