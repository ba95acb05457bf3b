// driversReport reads the stored frequency tables; it must report what the raw responses
// give, after several imports (segments from a column or from customers), for all surveys
// and for one, and after a customer's core-growth flag is changed by command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyDrivers } from '../../../src/core/analytics/index.js';
import { driversReport } from '../../../src/core/use-cases/drivers-report.js';
import type { CsvRow } from '../../../src/core/use-cases/import-report.js';
import { importSurveyRows } from '../../../src/core/use-cases/import-survey.js';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';
import { expectSameReport } from '../../unit/analytics/key-driver-match.js';

let h: CoreHarness;
beforeEach(() => {
  h = openCoreHarness();
});
afterEach(() => h.close());

const actor = { tenantId: 'T1', userId: 'U-ann' };

const rowsOf = async function* (header: string[], lines: string[][]): AsyncGenerator<CsvRow> {
  let line = 2;
  for (const cells of lines)
    yield { line: line++, record: Object.fromEntries(header.map((c, i) => [c, cells[i] ?? ''])) };
};

let seed = 5;
const next = (m: number): number => (seed = (seed * 48271) % 2147483647) % m;
// Mostly 0–10 with blanks, the n/a value 0 and the odd half point.
const cell = (): string => ['', '0', '7.5'][next(12)] ?? String(next(11));

async function importBoth(): Promise<{ q1: string; q2: string }> {
  await h.say('/cx customer add "Core Co" core-growth:yes');
  await h.say('/cx customer add "Other Co" core-growth:no');
  const byColumn = ['NPS', 'Speed', 'Price', 'Core'];
  const q1 = await importSurveyRows(
    h.deps,
    actor,
    byColumn,
    rowsOf(
      byColumn,
      Array.from({ length: 150 }, () => [cell(), cell(), cell(), ['yes', 'no', ''][next(3)] ?? '']),
    ),
    { name: 'q1', outcome: 'NPS', segment: 'Core', na: 0, batchSize: 40 },
  );
  const byCustomer = ['NPS', 'Price', 'Support', 'Account'];
  const accounts = ['Core Co', 'Other Co', 'New Co', ''];
  const q2 = await importSurveyRows(
    h.deps,
    actor,
    byCustomer,
    rowsOf(
      byCustomer,
      Array.from({ length: 150 }, () => [cell(), cell(), cell(), accounts[next(4)] ?? '']),
    ),
    { name: 'q2', outcome: 'NPS', customer: 'Account', batchSize: 40 },
  );
  return { q1: q1.surveyId ?? '', q2: q2.surveyId ?? '' };
}

function expectMatchesColumns(survey: string | null, importId?: string): void {
  const { report, surveys } = driversReport(h.deps, 'T1', { survey });
  const columns = h.deps.repos.surveys.columns('T1', importId);
  expectSameReport(report, keyDrivers(columns, { naValue: null }));
  expect(surveys.map((s) => s.id)).toEqual(
    importId ? [importId] : h.deps.repos.surveys.listImports('T1').map((s) => s.id),
  );
}

describe('driversReport', () => {
  it('equals the analysis of the raw responses, for all surveys and for each', async () => {
    const { q1, q2 } = await importBoth();
    expectMatchesColumns(null);
    expectMatchesColumns('q1', q1);
    expectMatchesColumns(q2, q2);
    const { report } = driversReport(h.deps, 'T1', {});
    expect(report.rows).toBe(300);
    expect(report.segments.coreGrowth).not.toBeNull();
    expect(report.overall.map((a) => a.aspect).sort()).toEqual(['Price', 'Speed', 'Support']);
  });

  it('follows a customer moved between segments', async () => {
    const { q2 } = await importBoth();
    const before = driversReport(h.deps, 'T1', { survey: 'q2' }).report;
    await h.say('/cx customer update "Core Co" core-growth:no');
    await h.say('/cx customer update "New Co" core-growth:yes');
    expectMatchesColumns(null);
    expectMatchesColumns('q2', q2);
    const after = driversReport(h.deps, 'T1', { survey: 'q2' }).report;
    expect(after.segments.rest?.[0]?.n).not.toBe(before.segments.rest?.[0]?.n);
  });
});
