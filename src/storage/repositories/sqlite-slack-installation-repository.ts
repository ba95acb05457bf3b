// Slack installations, one per tenant (workspace or enterprise). The adapter seals the
// tokens before they arrive here; this table never sees a plain token from it.
import { eq } from 'drizzle-orm';
import type { Db } from '../database.js';
import { slackInstallations } from '../schema/index.js';

export interface SlackInstallationRow {
  tenantId: string;
  teamId: string | null;
  enterpriseId: string | null;
  botToken: string;
  botUserId: string | null;
  installation: Record<string, unknown>;
  installedAt: Date;
}

export class SqliteSlackInstallationRepository {
  constructor(private readonly db: Db) {}

  save(row: SlackInstallationRow): void {
    const { tenantId: _key, ...rest } = row;
    this.db
      .insert(slackInstallations)
      .values(row)
      .onConflictDoUpdate({ target: slackInstallations.tenantId, set: rest })
      .run();
  }

  get(tenantId: string): SlackInstallationRow | null {
    return (
      this.db
        .select()
        .from(slackInstallations)
        .where(eq(slackInstallations.tenantId, tenantId))
        .get() ?? null
    );
  }

  delete(tenantId: string): void {
    this.db.delete(slackInstallations).where(eq(slackInstallations.tenantId, tenantId)).run();
  }
}
