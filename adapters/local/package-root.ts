// The repository's root folder, found from this file whether it runs from the sources
// (tests, tsx) or compiled into dist/. The playground reads its client script and the demo
// data from there.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = (from: string = fileURLToPath(import.meta.url)): string => {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
};
