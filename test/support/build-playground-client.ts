// vitest globalSetup: compiles the playground's page script (adapters/local/client) once,
// before any test file runs, so browser tests run today's sources and parallel test
// files never read a half-written build. Skipped when the build is newer than the sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const sources = join(root, 'adapters/local/client');
const output = join(root, 'dist/client');

const newest = (dir: string, ext: string): number =>
  existsSync(dir)
    ? Math.max(
        0,
        ...readdirSync(dir)
          .filter((f) => f.endsWith(ext))
          .map((f) => statSync(join(dir, f)).mtimeMs),
      )
    : 0;

export const setup = (): void => {
  const built = newest(output, '.js');
  if (built > 0 && built >= newest(sources, '.ts')) return;
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.client.json'],
    { cwd: root, stdio: 'pipe' },
  );
};
