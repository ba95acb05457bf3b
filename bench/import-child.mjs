/* global process, performance */
// Runs one import in its own process, on the compiled code (dist/) as the CLI runs it, so
// its peak memory is its own and carries no TypeScript loader.
// Usage: node bench/import-child.mjs FILE.csv DB  → prints { rows, errors, seconds, maxRssMb }
import { openCsv } from '../dist/src/cli/csv-reader.js';
import { importIssueRows } from '../dist/src/core/use-cases/import-issues.js';
import { createRepositories } from '../dist/src/storage/create-repositories.js';
import { openDatabase } from '../dist/src/storage/database.js';
import { systemClock } from '../dist/src/core/ports/clock.js';
import { TextChatGateway } from '../dist/src/runtime/text-chat-gateway.js';
import { timeOrderedIdSource } from '../dist/src/runtime/time-ordered-id-source.js';
// The README's CFPB mapping, the same one the playground's demo data uses.
import { DEMO_MAPPING as CFPB_MAPPING } from '../dist/adapters/local/demo-data.js';

const [file, dbPath] = process.argv.slice(2);
const started = performance.now();
const database = openDatabase(dbPath);
const repos = createRepositories(database.db);
repos.tenants.ensure('bench', 'cli');
const csv = await openCsv(file);
const report = await importIssueRows(
  {
    repos,
    clock: systemClock,
    ids: timeOrderedIdSource,
    gateway: new TextChatGateway(() => undefined),
  },
  { tenantId: 'bench', userId: null },
  csv.header,
  csv.rows,
  { mapping: CFPB_MAPPING },
);
database.close();
process.stdout.write(
  JSON.stringify({
    rows: report.imported,
    errors: report.errors.length,
    seconds: (performance.now() - started) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
