// Opens the database the CLI works on and builds the core's dependencies.
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../storage/database.js';
import { createRepositories } from '../storage/create-repositories.js';
import { systemClock } from '../core/ports/clock.js';
import { TextChatGateway } from '../runtime/text-chat-gateway.js';
import { timeOrderedIdSource } from '../runtime/time-ordered-id-source.js';
import type { Actor, CoreDeps } from '../core/use-cases/core-deps.js';

export interface CliContext {
  deps: CoreDeps;
  actor: Actor;
  close(): void;
}

/** The CLI works as the local workspace's tenant unless --tenant names another. */
export const DEFAULT_TENANT = 'local';

export const openCliContext = (options: {
  db?: string | undefined;
  tenant?: string | undefined;
}): CliContext => {
  const path = options.db ?? loadConfig().env.DATABASE_PATH;
  const database = openDatabase(path);
  const repos = createRepositories(database.db);
  const tenantId = options.tenant ?? DEFAULT_TENANT;
  repos.transaction(() => {
    repos.tenants.ensure(tenantId, 'cli');
    repos.users.ensure(tenantId, 'cli', 'cx-habits CLI');
  });
  return {
    // Whatever the core posts (a 5-why thread, say) is printed where the reply is.
    deps: {
      repos,
      clock: systemClock,
      ids: timeOrderedIdSource,
      gateway: new TextChatGateway((m) => process.stdout.write(`${m.text}\n\n`)),
    },
    actor: { tenantId, userId: 'cli', name: 'cx-habits CLI' },
    close: () => database.close(),
  };
};

/** Opens the database for one command and always closes it, even when the command fails. */
export const withContext = async <T>(
  values: Record<string, string | boolean | undefined>,
  fn: (ctx: CliContext) => Promise<T> | T,
): Promise<T> => {
  const text = (key: string): string | undefined =>
    typeof values[key] === 'string' ? (values[key] as string) : undefined;
  const ctx = openCliContext({ db: text('db'), tenant: text('tenant') });
  try {
    return await fn(ctx);
  } finally {
    ctx.close();
  }
};
