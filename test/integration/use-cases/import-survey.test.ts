// Survey import through the core: customers link rows to segments, "not applicable"
// only touches aspects, and a file with no good rows leaves nothing behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSurveyRows } from '../../../src/core/use-cases/import-survey.js';
import { driversReport } from '../../../src/core/use-cases/drivers-report.js';
import type { CsvRow } from '../../../src/core/use-cases/import-report.js';
import { openCoreHarness, type CoreHarness } from '../../support/core-harness.js';

let h: CoreHarness;
beforeEach(async () => {
  h = openCoreHarness();
  await h.say('/cx customer add "Core Co" core-growth:yes');
});
afterEach(() => h.close());

const rowsOf = async function* (header: string[], lines: string[][]): AsyncGenerator<CsvRow> {
  let line = 2;
  for (const cells of lines)
    yield { line: line++, record: Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])) };
};

const actor = { tenantId: 'T1', userId: 'U-ann' };

describe('importSurveyRows', () => {
  it('takes the segment from the customer when the file has no segment column', async () => {
    const header = ['NPS', 'Support', 'Account'];
    const lines = Array.from({ length: 40 }, (_, i) => [
      String(i % 11),
      String(1 + (i % 5)),
      i % 2 ? 'Core Co' : 'Other Co',
    ]);
    const report = await importSurveyRows(h.deps, actor, header, rowsOf(header, lines), {
      name: 'q3',
      outcome: 'NPS',
      aspects: ['Support'],
      customer: 'Account',
    });
    expect(report.imported).toBe(40);
    const { report: drivers } = driversReport(h.deps, 'T1', {});
    expect(drivers.segments.coreGrowth?.[0]?.n).toBe(20);
    expect(drivers.segments.rest?.[0]?.n).toBe(20);
  });

  it('treats the n/a value as missing in aspects but keeps 0 as an outcome score', async () => {
    const header = ['NPS', 'Support'];
    const lines = [
      ['0', '0'],
      ['0', '3'],
      ['10', '5'],
      ['5', '0'],
    ];
    await importSurveyRows(h.deps, actor, header, rowsOf(header, lines), {
      name: 'na',
      outcome: 'NPS',
      na: 0,
    });
    const { report } = driversReport(h.deps, 'T1', {});
    expect(report.n).toBe(4);
    expect(report.overall[0]?.n).toBe(2);
    expect(report.nps?.detractors).toBe(3);
  });

  it('keeps no empty survey when every row is bad', async () => {
    const header = ['NPS', 'Support'];
    const report = await importSurveyRows(
      h.deps,
      actor,
      header,
      rowsOf(header, [
        ['x', '1'],
        ['9', 'y'],
      ]),
      { name: 'bad', outcome: 'NPS' },
    );
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(h.deps.repos.surveys.listImports('T1')).toEqual([]);
  });

  it('refuses an outcome that is also an aspect', async () => {
    await expect(
      importSurveyRows(h.deps, actor, ['NPS'], rowsOf(['NPS'], []), {
        name: 'x',
        outcome: 'NPS',
        aspects: ['NPS'],
      }),
    ).rejects.toThrow(/can't also be an aspect/);
  });
});
