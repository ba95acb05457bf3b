// Reads the committed golden fixtures (written by scripts/golden/make-survey-golden.py).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SurveyColumns } from '../../../src/core/ports/repositories.js';

const GOLDEN_DIR = fileURLToPath(new URL('../../fixtures/golden/', import.meta.url));

export const goldenPath = (name: string): string => GOLDEN_DIR + name;

export const readGoldenJson = <T>(name: string): T =>
  JSON.parse(readFileSync(goldenPath(name), 'utf8')) as T;

/** A numeric CSV (no quoting) as columns; an empty cell is NaN. */
export function readNumericCsv(text: string): Map<string, Float64Array> {
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  const header = (lines[0] ?? '').split(',');
  const columns = header.map(() => new Float64Array(lines.length - 1));
  lines.slice(1).forEach((line, row) => {
    line.split(',').forEach((cell, col) => {
      const column = columns[col];
      if (column) column[row] = cell.trim() === '' ? Number.NaN : Number(cell);
    });
  });
  return new Map(header.map((name, i) => [name, columns[i] as Float64Array]));
}

/** The golden survey as SurveyColumns; a blank core_growth cell is -1 (unknown). */
export function readSurveyColumns(text: string, outcome = 'outcome'): SurveyColumns {
  const csv = readNumericCsv(text);
  const skip = new Set(['respondent', 'core_growth', outcome]);
  const aspects = [...csv.keys()].filter((name) => !skip.has(name));
  const core = csv.get('core_growth') ?? new Float64Array(0);
  return {
    aspects,
    outcome: csv.get(outcome) ?? new Float64Array(0),
    coreGrowth: Int8Array.from(core, (v) => (Number.isNaN(v) ? -1 : v)),
    ratings: Object.fromEntries(aspects.map((a) => [a, csv.get(a) as Float64Array])),
  };
}

export interface GoldenCorrelation {
  n: number;
  tooFew: boolean;
  pearson: { statistic: number; pvalue: number | null; ci95: [number, number] | null } | null;
  spearman: { statistic: number; pvalue: number | null } | null;
}

export interface GoldenSegment {
  aspects: Record<string, GoldenCorrelation>;
  ranking: string[];
}

export interface KeyDriverGolden {
  naValue: number;
  minN: number;
  rows: number;
  n: number;
  nps: { nps: number; promoters: number; passives: number; detractors: number; n: number };
  overall: GoldenSegment;
  segments: { coreGrowth: GoldenSegment; rest: GoldenSegment };
}

export interface CfpbGolden {
  total: number;
  themes: number;
  vitalFewCount: number;
  vitalFewShare: number;
  counts: Array<{ name: string; count: number }>;
}

/** |actual − expected| ≤ tol, or both null. */
export function closeTo(actual: number | null, expected: number | null, tol = 1e-9): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= tol;
}
