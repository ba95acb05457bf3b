// A real core over a real (in-memory) database with a fake clock and predictable ids.
import { createRepositories } from '../../src/storage/create-repositories.js';
import { openDatabase } from '../../src/storage/database.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { CommandContext } from '../../src/core/bot/command-context.js';
import { handleLine } from '../../src/core/bot/handle-command.js';
import { RecordingChatGateway } from './recording-chat-gateway.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import type { MessageView } from '../../src/core/views/message-view.js';

export interface FakeClock {
  now(): Date;
  set(iso: string): void;
}

export const fakeClock = (iso = '2026-11-02T09:00:00Z'): FakeClock => {
  let current = new Date(iso);
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) };
};

export const sequentialIds = (prefix = 'id') => {
  let n = 0;
  return { next: () => `${prefix}-${++n}` };
};

export interface CoreHarness {
  deps: CoreDeps;
  gateway: RecordingChatGateway;
  clock: FakeClock;
  say(line: string, user?: string, tenant?: string): Promise<{ view: MessageView; text: string }>;
  close(): void;
}

/** The core over the database at `path` (':memory:' by default), with a fake clock. */
export const openCoreHarness = (
  path = ':memory:',
  options: { now?: string; idPrefix?: string } = {},
): CoreHarness => {
  const database = openDatabase(path);
  const clock = fakeClock(options.now);
  const gateway = new RecordingChatGateway();
  const deps: CoreDeps = {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(options.idPrefix),
    gateway,
  };
  return {
    deps,
    gateway,
    clock,
    say: async (line, user = 'U-ann', tenant = 'T1') => {
      const ctx: CommandContext = {
        user: { platform: 'local', tenantId: tenant, userId: user, name: user },
        conversation: { platform: 'local', tenantId: tenant, channelId: 'C1' },
      };
      const view = await handleLine(deps, ctx, line);
      return { view, text: renderPlainText(view) };
    },
    close: () => database.close(),
  };
};
