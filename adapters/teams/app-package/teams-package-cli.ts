// `npm run teams:package [-- --domain HOST] [--out FILE]`: writes the Teams app package
// with MICROSOFT_APP_ID (read through the config module) filled in, ready to upload.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../../src/config/config.js';
import {
  appIcons,
  buildAppPackage,
  buildManifest,
  readManifestTemplate,
} from './build-app-package.js';

const DEFAULT_OUT = 'dist/cx-habits-teams.zip';

const run = (): void => {
  const { values } = parseArgs({
    options: { domain: { type: 'string' }, out: { type: 'string', default: DEFAULT_OUT } },
  });
  // The icons are regenerated beside the manifest so the folder shows what the zip holds.
  for (const [name, png] of Object.entries(appIcons())) {
    writeFileSync(new URL(`./${name}`, import.meta.url), png);
  }
  const appId = loadConfig().env.MICROSOFT_APP_ID;
  if (!appId) {
    throw new Error(
      'Set MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD) to your Azure Bot’s values first.',
    );
  }
  const manifest = buildManifest(readManifestTemplate(), {
    appId,
    ...(values.domain ? { domain: values.domain } : {}),
  });
  const out = resolve(values.out ?? DEFAULT_OUT);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildAppPackage(manifest));
  process.stdout.write(
    `Wrote ${out}\nUpload it in Teams: Apps → Manage your apps → Upload an app.\n`,
  );
};

try {
  run();
} catch (e: unknown) {
  const message = e instanceof ConfigError || e instanceof Error ? e.message : String(e);
  process.stderr.write(`teams:package failed: ${message}\n`);
  process.exit(1);
}
