// Demo data for the playground: the CFPB complaints sample (test/fixtures, with its
// provenance in test/fixtures/README.md), imported through the same path as
// `cx-habits import-issues` with the README's mapping, so Pareto, digests and 5-whys
// have real data to work on.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCsv } from '../../src/cli/csv-reader.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import { importIssueRows, type IssueMapping } from '../../src/core/use-cases/import-issues.js';
import type { ImportReport } from '../../src/core/use-cases/import-report.js';
import { packageRoot } from './package-root.js';
import { LOCAL_TENANT } from './playground-inbound.js';

export const DEMO_FILE = join('test', 'fixtures', 'cfpb_complaints_sample.csv');

export const DEMO_MAPPING: IssueMapping = {
  theme: 'Issue',
  driver: 'Product',
  customer: 'Company',
  description: 'Consumer complaint narrative',
  date: 'Date received',
  id: 'Complaint ID',
};

export const demoFilePath = (): string => join(packageRoot(), DEMO_FILE);

export const demoAvailable = (): boolean => existsSync(demoFilePath());

export const isWorkspaceEmpty = (deps: CoreDeps): boolean =>
  deps.repos.issues.search(LOCAL_TENANT, { limit: 1 }).total === 0;

/** Imports the sample into the playground's workspace. Rows already there are skipped. */
export const seedDemoWorkspace = async (
  deps: CoreDeps,
  by: { userId: string | null; name: string | null } = { userId: null, name: 'demo data' },
): Promise<ImportReport> => {
  deps.repos.transaction(() => deps.repos.tenants.ensure(LOCAL_TENANT, 'local'));
  const csv = await openCsv(demoFilePath());
  return importIssueRows(deps, { tenantId: LOCAL_TENANT, ...by }, csv.header, csv.rows, {
    mapping: DEMO_MAPPING,
  });
};
