// Builds the Teams app package: the manifest with this bot's app id (and the public
// domain) filled in, plus the two generated icons, zipped as Teams expects them.
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { colorIcon, outlineIcon } from './app-icons.js';

export type Manifest = Record<string, unknown> & {
  id: string;
  bots?: Array<Record<string, unknown>>;
  composeExtensions?: Array<Record<string, unknown>>;
  validDomains?: string[];
};

export interface PackageOptions {
  /** The Azure Bot's Microsoft App ID; Teams wants it as the app id and the bot id. */
  appId: string;
  /** The public host the bot is reached at (e.g. a tunnel), for validDomains. */
  domain?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checked-in manifest, with a placeholder app id. */
export const readManifestTemplate = (): Manifest =>
  JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Manifest;

/** `https://abc.example.com/api/messages` or `abc.example.com` → `abc.example.com`. */
export const hostOf = (domain: string): string => {
  const trimmed = domain.trim();
  return /^https?:\/\//i.test(trimmed) ? new URL(trimmed).host : trimmed.split('/')[0]!;
};

export const buildManifest = (template: Manifest, options: PackageOptions): Manifest => {
  if (!GUID.test(options.appId)) {
    throw new Error(
      `MICROSOFT_APP_ID must be the bot's app id, a GUID such as 00000000-0000-0000-0000-000000000000.`,
    );
  }
  const withBot = (entries: Array<Record<string, unknown>>) =>
    entries.map((entry) => ({ ...entry, botId: options.appId }));
  const domains = new Set(template.validDomains ?? []);
  if (options.domain) domains.add(hostOf(options.domain));
  return {
    ...template,
    id: options.appId,
    ...(template.bots ? { bots: withBot(template.bots) } : {}),
    ...(template.composeExtensions
      ? { composeExtensions: withBot(template.composeExtensions) }
      : {}),
    validDomains: [...domains],
  };
};

/** The icons the manifest names, drawn by the project. */
export const appIcons = (): Record<string, Uint8Array> => ({
  'color.png': colorIcon(),
  'outline.png': outlineIcon(),
});

/** The zip to upload to Teams: manifest.json and the icons at its root. */
export const buildAppPackage = (manifest: Manifest): Uint8Array =>
  zipSync({
    'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    ...appIcons(),
  });
