// Builds the columnar view of survey responses that key-driver analysis consumes.
import type { SurveyImport } from '../../core/domain/types.js';
import type { SurveyColumns } from '../../core/ports/repositories.js';

export interface ResponseCells {
  import_id: string;
  core_growth: number | null;
  outcome: number | null;
  ratings: string;
}

/** Union of the imports' aspects, in first-seen order. */
export function unionAspects(imports: SurveyImport[]): string[] {
  const seen = new Set<string>();
  for (const survey of imports) for (const aspect of survey.aspects) seen.add(aspect);
  return [...seen];
}

const rating = (value: unknown, naValue: number | null): number =>
  typeof value === 'number' && Number.isFinite(value) && value !== naValue ? value : Number.NaN;

/**
 * A row with its ratings already picked out of the JSON by SQLite (json_extract), in
 * `aspects` order: [import_id, core_growth, outcome, ...ratings]. Parsing the JSON in
 * JavaScript, one object per row, was most of the time key drivers took on a million rows.
 */
export type ExtractedCells = [string, number | null, number | null, ...unknown[]];

/** SQLite JSON path labels are double-quoted; a name holding a quote or backslash can't be one. */
export const extractable = (aspects: string[]): boolean =>
  aspects.every((a) => !a.includes('"') && !a.includes('\\'));

export const jsonPath = (aspect: string): string => `$."${aspect}"`;

/** Fills columns from rows whose ratings SQLite extracted (see ExtractedCells). */
export function toColumnsExtracted(
  imports: SurveyImport[],
  size: number,
  rows: Iterable<ExtractedCells>,
): SurveyColumns {
  const aspects = unionAspects(imports);
  const naByImport = new Map(imports.map((survey) => [survey.id, survey.naValue]));
  const outcome = new Float64Array(size).fill(Number.NaN);
  const coreGrowth = new Int8Array(size).fill(-1);
  const columns = aspects.map(() => new Float64Array(size).fill(Number.NaN));
  let i = 0;
  for (const row of rows) {
    if (i >= size) break; // rows added after the count was taken are left out
    outcome[i] = row[2] ?? Number.NaN;
    coreGrowth[i] = row[1] === null ? -1 : row[1];
    const naValue = naByImport.get(row[0]) ?? null;
    for (let a = 0; a < columns.length; a++)
      (columns[a] as Float64Array)[i] = rating(row[a + 3], naValue);
    i += 1;
  }
  const ratings: Record<string, Float64Array> = {};
  aspects.forEach((aspect, a) => (ratings[aspect] = columns[a] as Float64Array));
  return { aspects, outcome, coreGrowth, ratings };
}

/** Fills columns from `rows`; NaN marks a missing or not-applicable rating. */
export function toColumns(
  imports: SurveyImport[],
  size: number,
  rows: Iterable<ResponseCells>,
): SurveyColumns {
  const aspects = unionAspects(imports);
  const naByImport = new Map(imports.map((survey) => [survey.id, survey.naValue]));
  const outcome = new Float64Array(size).fill(Number.NaN);
  const coreGrowth = new Int8Array(size).fill(-1);
  const ratings: Record<string, Float64Array> = {};
  for (const aspect of aspects) ratings[aspect] = new Float64Array(size).fill(Number.NaN);
  let i = 0;
  for (const row of rows) {
    if (i >= size) break; // rows added after the count was taken are left out
    outcome[i] = row.outcome ?? Number.NaN;
    coreGrowth[i] = row.core_growth === null ? -1 : row.core_growth;
    const values = JSON.parse(row.ratings) as Record<string, unknown>;
    const naValue = naByImport.get(row.import_id) ?? null;
    for (const aspect of aspects) {
      const column = ratings[aspect];
      if (column) column[i] = rating(values[aspect], naValue);
    }
    i += 1;
  }
  return { aspects, outcome, coreGrowth, ratings };
}
