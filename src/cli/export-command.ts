// `cx-habits export`: streams issues as CSV or JSON to a file or to standard output.
import { createWriteStream } from 'node:fs';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { AppError } from '../core/domain/errors.js';
import { EXPORT_COLUMNS, exportIssues, type ExportRow } from '../core/use-cases/export-issues.js';
import { requireDriver, requireTheme } from '../core/use-cases/catalog.js';
import type { CliCommand, CliOutput } from './cli-commands.js';
import { withContext } from './cli-context.js';
import { cliWindow } from './cli-window.js';

/** Streams rows as one JSON array without building it in memory. */
const jsonArray = (): Transform => {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _enc, done) {
      done(null, `${first ? '[\n' : ',\n'}${JSON.stringify(row)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? '[]\n' : '\n]\n');
    },
  });
};

export const exportCommand: CliCommand = {
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    theme: { type: 'string' },
    driver: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
  },
  run: (values, positionals) => {
    if (positionals.length > 0)
      throw new AppError(
        'cli.unexpected',
        `export takes no arguments; use --out FILE to write to a file.`,
      );
    const format = typeof values.format === 'string' ? values.format : values.json ? 'json' : 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new AppError('cli.option', `--format must be csv or json; got "${format}".`);
    const out = typeof values.out === 'string' ? values.out : null;
    return withContext(values, async ({ deps, actor }): Promise<CliOutput> => {
      const { window } = cliWindow(values, deps.clock.now());
      const theme =
        typeof values.theme === 'string' ? requireTheme(deps, actor.tenantId, values.theme) : null;
      const driver =
        typeof values.driver === 'string'
          ? requireDriver(deps, actor.tenantId, values.driver)
          : null;
      let count = 0;
      const rows = Readable.from(
        (function* () {
          for (const row of exportIssues(deps, actor.tenantId, {
            ...window,
            ...(theme ? { themeId: theme.id } : {}),
            ...(driver ? { keyDriverId: driver.id } : {}),
          })) {
            count += 1;
            yield row;
          }
        })(),
      );
      const encoder =
        format === 'csv' ? stringify({ header: true, columns: [...EXPORT_COLUMNS] }) : jsonArray();
      const target: Writable = out ? createWriteStream(out) : process.stdout;
      await pipeline(rows, encoder, target, { end: out !== null });
      const summary = { exported: count, format, out };
      // With no --out the data itself went to standard output; say nothing more there.
      return out
        ? { text: `Exported ${count} issues to ${out} (${format}).`, json: summary }
        : { text: '', json: summary, silent: true };
    });
  },
};
