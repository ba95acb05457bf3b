#!/usr/bin/env node
// The cx-habits CLI: batch imports and reports over the same database as the bot.
import { runCli } from './run-cli.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // The one catch-all: no stack traces for users, but enough to report a bug.
    process.stderr.write(
      `cx-habits: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exitCode = 70;
  },
);
