// Runs one import in its own process so its peak memory can be read on its own.
// Usage: tsx bench/import-child.ts core|baseline FILE.csv DB
import Database from 'better-sqlite3';
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { openCsv } from '../src/cli/csv-reader.js';
import { importIssueRows } from '../src/core/use-cases/import-issues.js';
import { createRepositories } from '../src/storage/create-repositories.js';
import { openDatabase } from '../src/storage/database.js';
import { systemClock } from '../src/core/ports/clock.js';
import { TextChatGateway } from '../src/runtime/text-chat-gateway.js';
import { timeOrderedIdSource } from '../src/runtime/time-ordered-id-source.js';

const [mode, file, dbPath] = process.argv.slice(2) as [string, string, string];
const MAPPING = {
  theme: 'Issue',
  driver: 'Product',
  customer: 'Company',
  description: 'Consumer complaint narrative',
  date: 'Date received',
  id: 'Complaint ID',
};

const core = async (): Promise<number> => {
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
    { mapping: MAPPING },
  );
  database.close();
  return report.imported;
};

// The baseline: the same CSV parser feeding a bare table through one prepared statement.
const baseline = async (): Promise<number> => {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE raw (date TEXT, product TEXT, issue TEXT, company TEXT, narrative TEXT, id TEXT)',
  );
  const insert = db.prepare('INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?)');
  const many = db.transaction((rows: string[][]) => rows.forEach((r) => insert.run(...r)));
  let batch: string[][] = [];
  let count = 0;
  for await (const record of createReadStream(file).pipe(parse({ from_line: 2 }))) {
    batch.push(record as string[]);
    if (batch.length === 2000) {
      many(batch);
      count += batch.length;
      batch = [];
    }
  }
  many(batch);
  db.close();
  return count + batch.length;
};

const started = performance.now();
const rows = mode === 'core' ? await core() : await baseline();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  JSON.stringify({ mode, rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
);
