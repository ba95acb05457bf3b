// Child processes the crash tests kill: run one of the repository's TypeScript entry points
// (compiled to JavaScript, see compiled-scripts.ts, or through tsx when that is not
// possible), watch their output for a marker, SIGKILL them there, and wait for them to be
// gone.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/run-cli.js';
import { compiledScripts } from './compiled-scripts.js';

export interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** What the child wrote to stdout so far. */
  stdout(): string;
  /** Resolves when a line of stdout starts with `marker`, with the rest of that line. */
  waitFor(marker: string): Promise<string>;
  /** Writes one line to the child's stdin. */
  send(line: string): void;
  kill(): Promise<void>;
  /** Resolves with the exit code when the child ends by itself. */
  exited(): Promise<number | null>;
}

/** How `script` (a .ts path from the repository root) is started: node's arguments. */
const commandFor = async (script: string): Promise<string[]> => {
  const compiled = await compiledScripts();
  return compiled
    ? [join(compiled, script.replace(/\.ts$/, '.js'))]
    : ['--import', 'tsx', join(repoRoot, script)];
};

const running = new Set<Child>();

/** SIGKILLs every child this file started that is still running (for afterAll). */
export const killChildren = async (): Promise<void> => {
  await Promise.all([...running].map((c) => c.kill()));
};

export const spawnScript = async (script: string, args: string[]): Promise<Child> => {
  const child = spawn(process.execPath, [...(await commandFor(script)), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let out = '';
  let err = '';
  let closed = false;
  const waiters: Array<() => void> = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    wake();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.on('error', (e) => (err += `${e.message}\n`));
  // A child killed before it read its stdin makes writes to it fail: that is expected.
  child.stdin.on('error', () => undefined);
  const exit = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      closed = true;
      wake();
      resolve(code);
    }),
  );
  const handle: Child = {
    process: child,
    output: () => `${out}${err}`,
    stdout: () => out,
    waitFor: (marker) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const line = out.split('\n').find((l) => l.startsWith(marker));
          if (line !== undefined) return resolve(line.slice(marker.length).trim());
          if (closed) return reject(new Error(`child ended before "${marker}":\n${out}\n${err}`));
          waiters.push(check);
        };
        check();
      }),
    send: (line) => void child.stdin.write(`${line}\n`),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
    exited: () => exit,
  };
  running.add(handle);
  void exit.then(() => running.delete(handle));
  return handle;
};

/** Runs `script` to its end: its exit code and what it printed. */
export const runScript = async (
  script: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; output: string }> => {
  const child = await spawnScript(script, args);
  const code = await child.exited();
  return { code, stdout: child.stdout(), output: child.output() };
};
