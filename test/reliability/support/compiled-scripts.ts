// The repository's TypeScript compiled to JavaScript for the child processes the crash tests
// start (the CLI, crash-child.ts). `node` starts such a child several times faster than
// `node --import tsx`, which compiles and loads every module through loader hooks.
//
// The output lives in node_modules/.cache and mirrors the repository (src/, adapters/,
// test/...), with links to the folders the code finds from its own location (migrations/,
// assets/...); as in tsc's build, files beside the sources that are not TypeScript are not
// copied. Each output file ends with the hash of the source it was compiled from, and
// only files whose source changed are compiled again, each written whole by a rename: test
// files running side by side, or in two runs at once, can share the folder. On a fresh
// clone this takes a few tenths of a second, afterwards a few milliseconds. Without esbuild
// (it comes with tsx and drizzle-kit) the tests fall back to tsx: slower, never different.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../support/run-cli.js';

const OUT = join(repoRoot, 'node_modules/.cache/cx-habits-child-scripts');
const SOURCES = ['src', 'adapters', 'test/support', 'test/reliability/support'];
/** Browser code, built by tsconfig.client.json. */
const SKIPPED = 'adapters/local/client/';
const LINKED = ['migrations', 'assets', 'data', 'dist'];
const STAMP = '\n// compiled-from-sha1=';
const OPTIONS = { format: 'esm', platform: 'node', target: 'node20', bundle: false } as const;

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    outputFiles: Array<{ path: string; text: string }>;
  }>;
}

/** esbuild from the top of node_modules, or the one tsx runs on. */
const loadEsbuild = (): Esbuild | null => {
  const require = createRequire(import.meta.url);
  const places = [
    () => require('esbuild') as Esbuild,
    () => createRequire(require.resolve('tsx/package.json'))('esbuild') as Esbuild,
  ];
  for (const load of places) {
    try {
      return load();
    } catch {
      // Not there: try the next place.
    }
  }
  return null;
};

const typeScriptFiles = (): string[] =>
  SOURCES.flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
      .map((file) => `${dir}/${file}`)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .filter((file) => !file.startsWith(SKIPPED)),
  );

const outputOf = (source: string): string => join(OUT, source.replace(/\.ts$/, '.js'));

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

/** What else decides the output: the compiler options, ours and tsconfig.json's. */
const salt = (): string =>
  sha1(`${JSON.stringify(OPTIONS)}${readFileSync(join(repoRoot, 'tsconfig.json'), 'utf8')}`);

const isCurrent = (output: string, hash: string): boolean => {
  try {
    return readFileSync(output, 'utf8').endsWith(`${STAMP}${hash}\n`);
  } catch {
    return false;
  }
};

/** Writes `text` to `path` whole: a reader sees the old file or the new one, never half. */
const writeWhole = (path: string, text: string): void => {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
};

/** package.json marks the output as ES modules and is where the code finds its root. */
const prepareFolder = (): void => {
  mkdirSync(OUT, { recursive: true });
  const manifest = join(OUT, 'package.json');
  if (!existsSync(manifest)) writeWhole(manifest, '{ "type": "module" }\n');
  for (const name of LINKED) {
    try {
      symlinkSync(join(repoRoot, name), join(OUT, name));
    } catch (e: unknown) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
};

interface Stale {
  source: string;
  hash: string;
}

const build = async (esbuild: Esbuild, files: Stale[]): Promise<void> => {
  const { outputFiles } = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: files.map((s) => s.source),
    outbase: '.',
    outdir: OUT,
    write: false,
    logLevel: 'silent',
    ...OPTIONS,
  });
  const hashes = new Map(files.map((s) => [outputOf(s.source), s.hash]));
  for (const file of outputFiles) {
    const hash = hashes.get(file.path);
    if (hash) writeWhole(file.path, `${file.text}${STAMP}${hash}\n`);
  }
};

/**
 * A file that does not compile (someone is halfway through editing it) loses its output, so
 * a child that imports it fails as it would under tsx, instead of running its old version.
 */
const buildEach = async (esbuild: Esbuild, files: Stale[]): Promise<void> => {
  for (const file of files) {
    try {
      await build(esbuild, [file]);
    } catch {
      rmSync(outputOf(file.source), { force: true });
    }
  }
};

const compile = async (): Promise<string | null> => {
  const options = salt();
  const stale = typeScriptFiles().flatMap((source) => {
    const hash = sha1(`${options}${readFileSync(join(repoRoot, source), 'utf8')}`);
    return isCurrent(outputOf(source), hash) ? [] : [{ source, hash }];
  });
  if (stale.length === 0) return OUT;
  const esbuild = loadEsbuild();
  if (!esbuild) return null;
  prepareFolder();
  await build(esbuild, stale).catch(() => buildEach(esbuild, stale));
  return OUT;
};

let compiled: Promise<string | null> | undefined;

/**
 * The folder of compiled scripts, brought up to date once per test file; null when that is
 * not possible (no esbuild, node_modules not writable), and the children then run on tsx.
 */
export const compiledScripts = (): Promise<string | null> =>
  (compiled ??= compile().catch((e: unknown) => {
    console.warn(`Child scripts run through tsx: could not compile them (${String(e)})`);
    return null;
  }));
