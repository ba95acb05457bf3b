// Survey import and key drivers through the real CLI, held to scipy's values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCliJson, tempDir } from '../../support/run-cli.js';

interface GoldenAspect {
  n: number;
  tooFew: boolean;
  pearson: { statistic: number | null; pvalue: number | null; ci95: [number, number] | null };
  spearman: { statistic: number | null; pvalue: number | null };
}
interface Golden {
  rows: number;
  nps: { nps: number; n: number };
  overall: { aspects: Record<string, GoldenAspect> };
  segments: {
    coreGrowth: { aspects: Record<string, GoldenAspect> };
    rest: { aspects: Record<string, GoldenAspect> };
  };
}
interface Aspect {
  aspect: string;
  r: number | null;
  rho: number | null;
  n: number;
  p: number | null;
  rhoP: number | null;
  ci95: [number, number] | null;
  tooFew: boolean;
}
interface DriversJson {
  report: {
    overall: Aspect[];
    segments: { coreGrowth: Aspect[]; rest: Aspect[] };
    nps: { nps: number; n: number };
    rows: number;
  };
}

const golden = JSON.parse(
  readFileSync(join(repoRoot, 'test/fixtures/golden/key-drivers.json'), 'utf8'),
) as Golden;
const surveyCsv = join(repoRoot, 'test/fixtures/golden/survey.csv');
const aspects = Object.keys(golden.overall.aspects);

const close = (ours: number | null, theirs: number | null): void => {
  if (theirs === null || Number.isNaN(theirs)) return expect(ours).toBeNull();
  expect(ours).not.toBeNull();
  expect(Math.abs((ours as number) - theirs)).toBeLessThanOrEqual(1e-9);
};

const compare = (ours: Aspect[], theirs: Record<string, GoldenAspect>): void => {
  expect(ours.map((a) => a.aspect).sort()).toEqual(Object.keys(theirs).sort());
  for (const a of ours) {
    const g = theirs[a.aspect] as GoldenAspect;
    expect(a.n).toBe(g.n);
    expect(a.tooFew).toBe(g.tooFew);
    close(a.r, g.pearson.statistic);
    close(a.p, g.pearson.pvalue);
    close(a.rho, g.spearman.statistic);
    close(a.rhoP, g.spearman.pvalue);
    if (g.pearson.ci95) {
      close(a.ci95?.[0] ?? null, g.pearson.ci95[0]);
      close(a.ci95?.[1] ?? null, g.pearson.ci95[1]);
    }
  }
};

describe('import-survey then drivers', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'survey.db');
  let drivers: DriversJson;

  beforeAll(async () => {
    const imported = await runCliJson<{ imported: number; errorCount: number }>([
      'import-survey',
      surveyCsv,
      '--outcome',
      'outcome',
      '--aspects',
      aspects.join(','),
      '--na',
      '0',
      '--segment',
      'core_growth',
      '--db',
      db,
    ]);
    expect(imported.run.code).toBe(0);
    expect(imported.json.imported).toBe(golden.rows);
    drivers = (await runCliJson<DriversJson>(['drivers', '--db', db])).json;
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('matches scipy overall to 1e-9', () =>
    compare(drivers.report.overall, golden.overall.aspects));
  it('matches scipy for core-growth customers', () =>
    compare(drivers.report.segments.coreGrowth, golden.segments.coreGrowth.aspects));
  it('matches scipy for the rest', () =>
    compare(drivers.report.segments.rest, golden.segments.rest.aspects));

  it('ranks aspects by r and reports NPS', () => {
    const rs = drivers.report.overall.map((a) => a.r).filter((r): r is number => r !== null);
    expect(rs).toEqual([...rs].sort((a, b) => b - a));
    close(drivers.report.nps.nps, golden.nps.nps);
  });
});

describe('a categorical outcome with --positive', () => {
  it('scores the positive value 1 and every other value 0', async () => {
    const tmp = tempDir();
    const csv = join(tmp.dir, 'cat.csv');
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i % 3 === 0 ? 'Renewed' : 'Churned'},${(i % 3 === 0 ? 4 : 2) + (i % 2)}`,
    );
    (await import('node:fs')).writeFileSync(csv, `Outcome,Support\n${rows.join('\n')}\n`);
    const db = join(tmp.dir, 'cat.db');
    await runCliJson([
      'import-survey',
      csv,
      '--outcome',
      'Outcome',
      '--positive',
      'Renewed',
      '--db',
      db,
    ]);
    const { json } = await runCliJson<DriversJson>(['drivers', '--db', db]);
    expect(json.report.overall[0]?.n).toBe(40);
    expect(json.report.overall[0]?.r).toBeGreaterThan(0.8);
    tmp.cleanup();
  });
});
