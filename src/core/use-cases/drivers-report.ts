// Key-driver analysis over the survey responses imported so far (or one import).
import { AppError } from '../domain/errors.js';
import type { SurveyImport } from '../domain/types.js';
import { keyDriversFromCrosstabs, type KeyDriverReport } from '../analytics/index.js';
import type { CoreDeps } from './core-deps.js';

export interface DriversReport {
  report: KeyDriverReport;
  surveys: Array<Pick<SurveyImport, 'id' | 'name' | 'outcomeColumn' | 'rowCount' | 'createdAt'>>;
}

const findSurvey = (surveys: SurveyImport[], key: string): SurveyImport | undefined =>
  surveys.find((s) => s.id === key) ??
  surveys.find((s) => s.name.toLowerCase() === key.toLowerCase());

export const driversReport = (
  deps: CoreDeps,
  tenantId: string,
  input: { survey?: string | null },
): DriversReport => {
  const all = deps.repos.surveys.listImports(tenantId);
  if (all.length === 0) {
    throw new AppError(
      'drivers.no-surveys',
      'No survey responses yet. Import some with `cx-habits import-survey FILE.csv --outcome COLUMN`.',
    );
  }
  const chosen = input.survey ? findSurvey(all, input.survey) : undefined;
  if (input.survey && !chosen) {
    throw new AppError(
      'drivers.survey-not-found',
      `There is no survey "${input.survey}". Surveys: ${all.map((s) => s.name).join(', ')}.`,
    );
  }
  // The stored frequency tables hold everything the analysis needs, so no response is read.
  // "Not applicable" answers were turned into gaps at import, so nothing more to remove here.
  const tables = deps.repos.surveys.crosstabs(tenantId, chosen?.id);
  const report = keyDriversFromCrosstabs(tables, { naValue: null });
  const surveys = (chosen ? [chosen] : all).map(
    ({ id, name, outcomeColumn, rowCount, createdAt }) => ({
      id,
      name,
      outcomeColumn,
      rowCount,
      createdAt,
    }),
  );
  return { report, surveys };
};
