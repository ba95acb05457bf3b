// Runs the real CLI in a child process, from the TypeScript sources, as a user would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export const runCli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'src/cli/main.ts'), ...args],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

export const runCliJson = async <T = unknown>(
  args: string[],
): Promise<{ run: CliRun; json: T }> => {
  const run = await runCli([...args, '--json']);
  try {
    return { run, json: JSON.parse(run.stdout) as T };
  } catch {
    throw new Error(`CLI did not print JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
};

/** A fresh temporary folder, removed by the returned cleanup. */
export const tempDir = (): { dir: string; cleanup: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-habits-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
};

export const CFPB_CSV = join(repoRoot, 'test/fixtures/cfpb_complaints_sample.csv');
export const CFPB_MAP =
  'theme=Issue,driver=Product,customer=Company,description="Consumer complaint narrative",date="Date received"';
