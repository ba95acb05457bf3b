/** What an import did, shown to the user and returned as JSON by the CLI. */
export interface ImportReport {
  kind: 'issues' | 'survey';
  rowsRead: number;
  imported: number;
  skippedDuplicates: number;
  errorCount: number;
  /** The first errors, by line number in the file (the header is line 1). */
  errors: Array<{ line: number; message: string }>;
  created: { themes: number; drivers: number; customers: number };
  surveyId?: string;
}

export const MAX_REPORTED_ERRORS = 100;

export const emptyReport = (kind: ImportReport['kind']): ImportReport => ({
  kind,
  rowsRead: 0,
  imported: 0,
  skippedDuplicates: 0,
  errorCount: 0,
  errors: [],
  created: { themes: 0, drivers: 0, customers: 0 },
});

export const addRowError = (report: ImportReport, line: number, message: string): void => {
  report.errorCount += 1;
  if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, message });
};

/** One CSV record with its line number in the file. */
export interface CsvRow {
  line: number;
  record: Record<string, string>;
  /** Set when the reader could not make a record of the line (e.g. a wrong column count). */
  error?: string;
}
