// Streams a CSV file as records with line numbers. Memory stays flat however large the
// file: the file is read a chunk at a time, only as fast as the rows are pulled.
import { createReadStream, statSync } from 'node:fs';
import { CsvParseError, CsvParser, type ParsedRecord } from './csv-parser.js';
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
  const iterator = parsedChunks(path, options.delimiter ?? ',');
  const pending: ParsedRecord[] = [];
  while (pending.length === 0) {
    const chunk = await next(iterator, 1);
    if (chunk.done)
      throw new AppError('csv.empty', `${path} has no header row: the file is empty.`);
    pending.push(...chunk.value);
  }
  const header = (pending.shift() as ParsedRecord).record.map((h) => h.trim());
  try {
    checkHeader(path, header);
  } catch (e: unknown) {
    await iterator.return?.(undefined);
    throw e;
  }
  return { header, rows: records(iterator, pending, header) };
};

/** Large reads: the parser's per-chunk cost is small, but it is paid per chunk. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Records a chunk at a time: one await per chunk instead of one per row. */
async function* parsedChunks(path: string, delimiter: string): AsyncGenerator<ParsedRecord[]> {
  const parser = new CsvParser(delimiter, MAX_RECORD_BYTES);
  // The stream decodes UTF-8 across chunk boundaries; for-await closes the file on return.
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: READ_CHUNK_BYTES });
  for await (const chunk of stream) yield parser.push(chunk as string);
  yield parser.end();
}

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

const checkHeader = (path: string, header: string[]): void => {
  const problem = header.every((h) => h === '')
    ? 'its header row is blank'
    : header.some(hasBinary)
      ? 'its header row holds binary data; is it really a CSV?'
      : new Set(header).size !== header.length
        ? `its header names a column twice (${duplicates(header).join(', ')})`
        : null;
  if (problem) throw new AppError('csv.bad-header', `${path} can't be imported: ${problem}.`);
};

const duplicates = (items: string[]): string[] => [
  ...new Set(items.filter((item, i) => items.indexOf(item) !== i)),
];

const next = async <T>(iterator: AsyncIterator<T>, line: number): Promise<IteratorResult<T>> => {
  try {
    return await iterator.next();
  } catch (e: unknown) {
    const after = e instanceof CsvParseError ? e.line - 1 : line;
    throw new AppError(
      'csv.malformed',
      `The CSV can't be read after line ${after}: ${describeCsvError(e)}. Rows before it were imported.`,
      { cause: e },
    );
  }
};

async function* records(
  iterator: AsyncIterator<ParsedRecord[]>,
  first: ParsedRecord[],
  header: string[],
): AsyncGenerator<CsvRow> {
  let chunk = first;
  let line = 1;
  for (;;) {
    for (const parsed of chunk) {
      const { record } = parsed;
      line = parsed.line;
      const row: CsvRow = { line, record: toRecord(header, record) };
      if (record.length !== header.length)
        row.error = `has ${record.length} fields but the header has ${header.length}`;
      yield row;
    }
    const result = await next(iterator, line);
    if (result.done) return;
    chunk = result.value;
  }
}

// A plain loop, not Object.fromEntries: this runs once per row of a million-row import.
const toRecord = (header: string[], record: string[]): Record<string, string> => {
  // A column named __proto__ must stay a plain property.
  if (header.includes('__proto__'))
    return Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
  const out: Record<string, string> = {};
  for (let i = 0; i < header.length; i++) out[header[i] as string] = record[i] ?? '';
  return out;
};

const describeCsvError = (e: unknown): string => {
  const code = e instanceof CsvParseError ? e.code : undefined;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted field is never closed';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'one record is larger than 4 MB';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote closes in the middle of a field';
  if (code === 'INVALID_OPENING_QUOTE') return 'a quote opens in the middle of a field';
  return 'it is not valid CSV';
};
