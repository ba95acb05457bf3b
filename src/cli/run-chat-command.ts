// `cx-habits run "/cx-pareto by:revenue"`: any chat command, answered in the terminal.
import { AppError } from '../core/domain/errors.js';
import { handleLine } from '../core/bot/handle-command.js';
import { renderPlainText } from '../core/views/render-plain-text.js';
import type { CliCommand } from './cli-commands.js';
import { withContext } from './cli-context.js';

export const runChatCommand: CliCommand = {
  options: {},
  run: (values, positionals) => {
    const line = positionals.join(' ').trim();
    if (line === '')
      throw new AppError(
        'cli.run',
        'run needs a chat command, e.g. cx-habits run "/cx-pareto by:revenue".',
      );
    return withContext(values, async ({ deps, actor }) => {
      const ctx = {
        user: {
          platform: 'cli' as const,
          tenantId: actor.tenantId,
          userId: actor.userId ?? 'cli',
          name: actor.name ?? 'cx-habits CLI',
        },
        conversation: { platform: 'cli' as const, tenantId: actor.tenantId, channelId: 'cli' },
      };
      const reply = await handleLine(deps, ctx, line);
      return {
        text: renderPlainText(reply),
        json: reply,
        ...(reply.tone === 'error' ? { exitCode: 1 } : {}),
      };
    });
  },
};
