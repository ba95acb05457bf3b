// Bad files and bad options: each gets a clear message, no stack trace, no crash.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runCliJson, tempDir } from '../../support/run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};
const db = join(tmp.dir, 'bad.db');

const expectCleanFailure = (
  run: { code: number | null; stdout: string; stderr: string },
  pattern: RegExp,
): void => {
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
};

describe('import-issues with bad input', () => {
  it('an empty file', async () => {
    expectCleanFailure(
      await runCli(['import-issues', file('empty.csv', ''), '--map', 'theme=Issue', '--db', db]),
      /empty/,
    );
  });

  it('a missing file', async () => {
    expectCleanFailure(
      await runCli([
        'import-issues',
        join(tmp.dir, 'nope.csv'),
        '--map',
        'theme=Issue',
        '--db',
        db,
      ]),
      /no such file/,
    );
  });

  it('wrong columns name the missing ones and list the real ones', async () => {
    const run = await runCli([
      'import-issues',
      file('cols.csv', 'a,b\n1,2\n'),
      '--map',
      'theme=Issue,customer=Company',
      '--db',
      db,
    ]);
    expectCleanFailure(run, /theme="Issue", customer="Company".*The file's columns are: a, b/);
  });

  it('binary garbage', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    const run = await runCli([
      'import-issues',
      file('garbage.csv', bytes),
      '--map',
      'theme=Issue',
      '--db',
      db,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/cx-habits: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad mapping says which field is unknown', async () => {
    expectCleanFailure(
      await runCli([
        'import-issues',
        file('ok.csv', 'Issue\nx\n'),
        '--map',
        'theme=Issue,colour=Red',
        '--db',
        db,
      ]),
      /unknown field "colour"/,
    );
  });

  it('an unknown option', async () => {
    expectCleanFailure(await runCli(['pareto', '--colour', 'red', '--db', db]), /colour/);
  });

  it('an unknown command suggests the list', async () => {
    expectCleanFailure(await runCli(['paretto']), /unknown command "paretto"/);
  });

  it('bad rows are reported by line and the good rows still import', async () => {
    const csv =
      'Issue,Date,Cost\nLate,2024-01-02,10\n,2024-01-03,5\nLate,2024-02-30,5\nLost,2024-01-04,abc\n"Broken, badly",2024-01-05,7.50\nLate,2024-01-06,1,extra\n';
    const { run, json } = await runCliJson<{
      imported: number;
      errorCount: number;
      errors: Array<{ line: number; message: string }>;
    }>([
      'import-issues',
      file('mixed.csv', csv),
      '--map',
      'theme=Issue,date=Date,cost=Cost',
      '--db',
      db,
    ]);
    expect(run.code).toBe(0);
    expect(json.imported).toBe(2);
    expect(json.errorCount).toBe(4);
    expect(json.errors.map((e) => e.line)).toEqual([3, 4, 5, 7]);
    expect(json.errors[0]?.message).toMatch(/theme column "Issue" is empty/);
    expect(json.errors[1]?.message).toMatch(/not a real calendar date/);
    expect(json.errors[2]?.message).toMatch(/"abc" is not an amount/);
    expect(json.errors[3]?.message).toMatch(/has 4 fields but the header has 3/);
  });

  it('line numbers count the lines inside quoted multi-line fields', async () => {
    const csv = 'Issue,Text\nLate,"one\ntwo\nthree"\n,empty theme\n';
    const { json } = await runCliJson<{ errors: Array<{ line: number }> }>([
      'import-issues',
      file('multi.csv', csv),
      '--map',
      'theme=Issue,description=Text',
      '--db',
      db,
    ]);
    expect(json.errors.map((e) => e.line)).toEqual([5]);
  });

  it('an unclosed quote stops with a message, keeping the rows before it', async () => {
    const csv = `Issue\n${'Late\n'.repeat(10)}"never closed\nmore\n`;
    const run = await runCli([
      'import-issues',
      file('quote.csv', csv),
      '--map',
      'theme=Issue',
      '--db',
      join(tmp.dir, 'quote.db'),
    ]);
    expectCleanFailure(run, /quoted field is never closed/);
  });

  it('a 200 MB file with one endless field fails fast with a message', async () => {
    const path = join(tmp.dir, 'huge.csv');
    const fd = openSync(path, 'w');
    writeSync(fd, 'Issue,Text\nLate,"');
    const chunk = Buffer.alloc(8 * 1024 * 1024, 'x');
    for (let i = 0; i < 25; i++) writeSync(fd, chunk);
    closeSync(fd);
    const run = await runCli([
      'import-issues',
      path,
      '--map',
      'theme=Issue,description=Text',
      '--db',
      db,
    ]);
    expectCleanFailure(run, /larger than 4 MB/);
  }, 60_000);
});

describe('import-survey with bad input', () => {
  it('non-numeric ratings are reported by line and column', async () => {
    const csv = 'NPS,Delivery,Support\n9,5,4\n7,five,3\n10,4,\n';
    const { run, json } = await runCliJson<{
      imported: number;
      errors: Array<{ line: number; message: string }>;
    }>(['import-survey', file('survey.csv', csv), '--outcome', 'NPS', '--db', db]);
    expect(run.code).toBe(0);
    expect(json.imported).toBe(2);
    expect(json.errors).toEqual([{ line: 3, message: 'Delivery: "five" is not a number' }]);
  });

  it('a missing outcome column is named', async () => {
    const run = await runCli([
      'import-survey',
      file('s2.csv', 'A,B\n1,2\n'),
      '--outcome',
      'NPS',
      '--db',
      db,
    ]);
    expectCleanFailure(run, /"NPS"/);
  });

  it('needs --outcome', async () => {
    expectCleanFailure(
      await runCli(['import-survey', file('s3.csv', 'A,B\n1,2\n'), '--db', db]),
      /--outcome/,
    );
  });

  it('drivers before any survey explains what to do', async () => {
    expectCleanFailure(
      await runCli(['drivers', '--db', join(tmp.dir, 'fresh.db')]),
      /No survey responses yet/,
    );
  });
});
