// Runs one CLI command: parses its options, calls the core, prints text or JSON.
import { parseArgs } from 'node:util';
import { isAppError } from '../core/domain/errors.js';
import { ConfigError } from '../config/config.js';
import { CLI_USAGE } from './cli-usage.js';
import { CLI_COMMANDS, type CliOutput } from './cli-commands.js';

const COMMON_OPTIONS = {
  db: { type: 'string' },
  tenant: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const fail = (message: string, json: boolean): number => {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`);
  else process.stderr.write(`cx-habits: ${message}\n\nRun "cx-habits --help" for usage.\n`);
  return 1;
};

export const runCli = async (argv: string[]): Promise<number> => {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(CLI_USAGE);
    return name ? 0 : 1;
  }
  const command = CLI_COMMANDS[name];
  const json = rest.includes('--json');
  if (!command)
    return fail(
      `unknown command "${name}". Commands: ${Object.keys(CLI_COMMANDS).join(', ')}.`,
      json,
    );
  let output: CliOutput;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(CLI_USAGE);
      return 0;
    }
    output = await command.run(values as Record<string, string | boolean | undefined>, positionals);
  } catch (e: unknown) {
    if (isAppError(e) || e instanceof ConfigError) return fail(e.message, json);
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      return fail((e as Error).message, json);
    throw e;
  }
  if (!output.silent)
    process.stdout.write(json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
  return output.exitCode ?? 0;
};
