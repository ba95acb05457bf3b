// Child processes the crash tests kill: run TypeScript sources with `node --import tsx`,
// watch their output for a marker, SIGKILL them there, and wait for them to be gone.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../support/run-cli.js';

export interface Child {
  process: ChildProcessWithoutNullStreams;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves when a line of stdout starts with `marker`, with the rest of that line. */
  waitFor(marker: string): Promise<string>;
  kill(): Promise<void>;
  /** Resolves with the exit code when the child ends by itself. */
  exited(): Promise<number | null>;
}

export const spawnTs = (script: string, args: string[]): Child => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, script), ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    process: child,
    output: () => `${out}${err}`,
    waitFor: (marker) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const line = out.split('\n').find((l) => l.startsWith(marker));
          if (line !== undefined) return resolve(line.slice(marker.length).trim());
          if (child.exitCode !== null)
            return reject(new Error(`child ended before "${marker}":\n${out}\n${err}`));
          waiters.push(check);
        };
        child.once('close', check);
        check();
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
    exited: () => exit,
  };
};
