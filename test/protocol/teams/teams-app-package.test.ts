// `npm run teams:package` writes a zip Teams accepts: a manifest that passes Microsoft's
// own schema validator (offline), with the app id from the environment, and the icons.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readManifestTemplate,
  type Manifest,
} from '../../../adapters/teams/app-package/build-app-package.js';
import { pngSize } from '../../../adapters/teams/app-package/png-writer.js';
import { repoRoot, tempDir } from '../../support/run-cli.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

const validate = (manifest: Manifest): Promise<string[]> =>
  AppManifestUtils.validateAgainstSchema(
    manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
  );

const runPackage = (env: Record<string, string>, args: string[]): string => {
  const tsx = join(repoRoot, 'node_modules/.bin/tsx');
  return execFileSync(tsx, ['adapters/teams/app-package/teams-package-cli.ts', ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
};

describe('the Teams app package', () => {
  it('the checked-in manifest passes the schema validator', async () => {
    expect(await validate(readManifestTemplate())).toEqual([]);
  });

  it('npm run teams:package writes a valid zip with the app id from the environment', async () => {
    const out = join(tmp.dir, 'cx-habits-teams.zip');
    runPackage({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'unused-here' }, [
      '--domain',
      'https://cx-bot.example.net/api/messages',
      '--out',
      out,
    ]);
    const files = unzipSync(readFileSync(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
    expect(await validate(manifest)).toEqual([]);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots?.[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
    });
    const lists = manifest.bots?.[0]?.commandLists as Array<{
      scopes: string[];
      commands: Array<{ title: string }>;
    }>;
    expect(lists.map((l) => l.scopes[0])).toEqual(['personal', 'team', 'groupChat']);
    expect(lists[0]?.commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['cx-issue', 'cx-pareto', 'cx-why', 'cx-action', 'cx']),
    );
    expect(manifest.composeExtensions?.[0]).toMatchObject({
      botId: APP_ID,
      commands: [{ id: 'logAsIssue', type: 'action', context: ['message'], fetchTask: true }],
    });
    expect(manifest.validDomains).toContain('cx-bot.example.net');
    expect(pngSize(files['color.png']!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files['outline.png']!)).toEqual({ width: 32, height: 32 });
  });

  it('refuses to package without an app id, saying what to set', () => {
    expect(() => runPackage({}, ['--out', join(tmp.dir, 'nope.zip')])).toThrow(/MICROSOFT_APP_ID/);
  });

  it('the validator rejects a broken manifest, so its verdict means something', async () => {
    const broken = { ...readManifestTemplate(), id: 'not-a-guid' } as Manifest;
    delete (broken as Record<string, unknown>).icons;
    expect((await validate(broken)).length).toBeGreaterThanOrEqual(2);
  });
});
