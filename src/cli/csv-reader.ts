// Streams a CSV file as records with line numbers. Memory stays flat however large the
// file: rows are pulled one at a time and the parser applies back-pressure to the file.
import { createReadStream, statSync } from 'node:fs';
import { parse, type Parser } from 'csv-parse';
import { AppError } from '../core/domain/errors.js';
import type { CsvRow } from '../core/use-cases/import-report.js';

/** One field larger than this is certainly not a CSV we understand. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

export interface CsvFile {
  header: string[];
  rows: AsyncIterable<CsvRow>;
}

export interface CsvOptions {
  delimiter?: string;
}

export const openCsv = async (path: string, options: CsvOptions = {}): Promise<CsvFile> => {
  checkFile(path);
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter: options.delimiter ?? ',',
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_BYTES,
      info: true,
    }),
  );
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: { lines: number };
  }>;
  const first = await next(iterator, 1);
  if (first.done) {
    parser.destroy();
    throw new AppError('csv.empty', `${path} has no header row: the file is empty.`);
  }
  const header = first.value.record.map((h) => h.trim());
  checkHeader(path, header, parser);
  return { header, rows: records(iterator, header, first.value.info.lines) };
};

const checkFile = (path: string): void => {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('csv.not-a-file', `${path} is not a file.`);
    size = stat.size;
  } catch (e: unknown) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'csv.unreadable',
      `Can't read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'permission denied or not readable'}.`,
    );
  }
  if (size === 0) throw new AppError('csv.empty', `${path} is empty.`);
};

// Control characters other than tab and line breaks mean the file is not text.
const hasBinary = (text: string): boolean =>
  [...text].some((ch) => {
    const code = ch.charCodeAt(0);
    return code < 9 || (code > 13 && code < 32);
  });

const checkHeader = (path: string, header: string[], parser: Parser): void => {
  const problem = header.every((h) => h === '')
    ? 'its header row is blank'
    : header.some(hasBinary)
      ? 'its header row holds binary data; is it really a CSV?'
      : new Set(header).size !== header.length
        ? `its header names a column twice (${duplicates(header).join(', ')})`
        : null;
  if (problem) {
    parser.destroy();
    throw new AppError('csv.bad-header', `${path} can't be imported: ${problem}.`);
  }
};

const duplicates = (items: string[]): string[] => [
  ...new Set(items.filter((item, i) => items.indexOf(item) !== i)),
];

const next = async <T>(iterator: AsyncIterator<T>, line: number): Promise<IteratorResult<T>> => {
  try {
    return await iterator.next();
  } catch (e: unknown) {
    throw new AppError(
      'csv.malformed',
      `The CSV can't be read after line ${line}: ${describeCsvError(e)}. Rows before it were imported.`,
      { cause: e },
    );
  }
};

async function* records(
  iterator: AsyncIterator<{ record: string[]; info: { lines: number } }>,
  header: string[],
  headerEndLine: number,
): AsyncGenerator<CsvRow> {
  let line = headerEndLine + 1;
  for (;;) {
    const result = await next(iterator, line - 1);
    if (result.done) return;
    const { record, info } = result.value;
    const row: CsvRow = {
      line,
      record: Object.fromEntries(header.map((h, i) => [h, record[i] ?? ''])),
    };
    if (record.length !== header.length)
      row.error = `has ${record.length} fields but the header has ${header.length}`;
    yield row;
    line = info.lines + 1;
  }
}

const describeCsvError = (e: unknown): string => {
  const code = (e as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'one record is larger than 4 MB';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote closes in the middle of a field';
  return 'it is not valid CSV';
};
