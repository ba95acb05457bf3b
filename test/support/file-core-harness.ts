// Like the core harness, but on a database file, so a test can close the "process" and open a
// fresh one on the same file to check that state survives a restart.
import { createRepositories } from '../../src/storage/create-repositories.js';
import { openDatabase } from '../../src/storage/database.js';
import type { CoreDeps } from '../../src/core/use-cases/core-deps.js';
import type { CommandContext } from '../../src/core/bot/command-context.js';
import { handleLine } from '../../src/core/bot/handle-command.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { fakeClock, sequentialIds, type CoreHarness } from './core-harness.js';
import { RecordingChatGateway } from './recording-chat-gateway.js';

let runs = 0;

/** Opens the core on `path`; ids are unique per open so a reopened run never reuses one. */
export const openFileCoreHarness = (path: string, now = '2026-11-02T09:00:00Z'): CoreHarness => {
  const database = openDatabase(path);
  const clock = fakeClock(now);
  const gateway = new RecordingChatGateway();
  runs += 1;
  const deps: CoreDeps = {
    repos: createRepositories(database.db, { clock }),
    clock,
    ids: sequentialIds(`run${runs}`),
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
