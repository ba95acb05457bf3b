// Bolt's InstallationStore over our SQLite table. The whole installation (it carries the
// bot and user tokens) is sealed with the token cipher before it is stored.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { SlackInstallationRow } from '../../src/storage/repositories/sqlite-slack-installation-repository.js';
import type { TokenCipher } from './token-cipher.js';

/** The storage the store needs; src/storage implements it. */
export interface SlackInstallationRecords {
  save(row: SlackInstallationRow): void;
  get(tenantId: string): SlackInstallationRow | null;
  delete(tenantId: string): void;
}

export interface SlackInstallationStoreDeps {
  records: SlackInstallationRecords;
  cipher: TokenCipher;
  /** Creates the tenant row the installation belongs to. */
  ensureTenant(tenantId: string, name: string | null): void;
  now(): Date;
}

/** One tenant per workspace, or per enterprise for an org-wide install. */
export const tenantIdFor = (ids: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string | undefined =>
  ids.isEnterpriseInstall && ids.enterpriseId ? ids.enterpriseId : (ids.teamId ?? ids.enterpriseId);

export class SqliteSlackInstallationStore implements InstallationStore {
  constructor(private readonly deps: SlackInstallationStoreDeps) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const tenantId = tenantIdFor({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    const botToken = installation.bot?.token;
    if (!tenantId || !botToken) throw new Error('installation has no workspace or bot token');
    const name = installation.team?.name ?? installation.enterprise?.name ?? null;
    this.deps.ensureTenant(tenantId, name);
    const { cipher } = this.deps;
    this.deps.records.save({
      tenantId,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      botToken: cipher.seal(botToken),
      botUserId: installation.bot?.userId ?? null,
      installation: { sealed: cipher.seal(JSON.stringify(installation)) },
      installedAt: this.deps.now(),
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const row = this.row(query);
    const sealed = row?.installation.sealed;
    if (typeof sealed !== 'string') throw new Error('no installation for this workspace');
    return JSON.parse(this.deps.cipher.open(sealed)) as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const tenantId = tenantIdFor(query);
    if (tenantId) this.deps.records.delete(tenantId);
  }

  /** The bot token for a tenant, for calls the core makes outside a request (5-why, digests). */
  botToken(tenantId: string): string | undefined {
    const row = this.deps.records.get(tenantId);
    return row ? this.deps.cipher.open(row.botToken) : undefined;
  }

  private row(query: InstallationQuery<boolean>): SlackInstallationRow | null {
    const tenantId = tenantIdFor(query);
    return tenantId ? this.deps.records.get(tenantId) : null;
  }
}
