import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const coreDir = join(root, 'src/core');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });

const importsOf = (source: string): string[] =>
  [
    ...source.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);

const FORBIDDEN = [
  /^@slack\//,
  /^botbuilder/,
  /^drizzle-orm/,
  /^better-sqlite3$/,
  /^node-cron$/,
  /^pino$/,
  /^node:/,
];
const OUTSIDE = [
  '/storage/',
  '/adapters/',
  '/scheduling/',
  '/charts/',
  '/config/',
  '/logging/',
  '/server/',
  '/cli/',
];

describe('src/core purity', () => {
  const sources = files(coreDir);

  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((f) => [relative(root, f), f]))(
    '%s imports no platform, storage or I/O module',
    (_name, file) => {
      const bad = importsOf(readFileSync(file as string, 'utf8')).filter(
        (spec) =>
          FORBIDDEN.some((re) => re.test(spec)) ||
          (spec.startsWith('.') &&
            OUTSIDE.some((dir) => join(file as string, '..', spec).includes(dir))),
      );
      expect(bad).toEqual([]);
    },
  );

  it('the scanner itself catches a forbidden import', () => {
    expect(
      importsOf(`import { App } from '@slack/bolt';\nimport x from "../storage/db.js";`),
    ).toEqual(['@slack/bolt', '../storage/db.js']);
  });
});
