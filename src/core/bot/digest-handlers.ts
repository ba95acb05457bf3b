// /cx-digest: show, set, preview, post now and stop this channel's digest.
import { AppError } from '../domain/errors.js';
import type { DigestCommand } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import {
  digestPostedView,
  noScheduleView,
  scheduleOffView,
  scheduleSetView,
  scheduleView,
} from '../views/digest-schedule-views.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import {
  channelSchedule,
  setDigestSchedule,
  stopDigestSchedule,
} from '../digest/digest-schedules.js';
import { buildDigestView } from '../digest/digest-builder.js';
import { nextRuns } from '../cron/next-runs.js';
import type { CommandContext } from './command-context.js';

const scopeName = (deps: CoreDeps, tenantId: string, keyDriverId: string | null): string =>
  keyDriverId
    ? `the key driver “${deps.repos.keyDrivers.get(tenantId, keyDriverId)?.name ?? 'unknown'}”`
    : 'all key drivers';

const preview = async (deps: CoreDeps, ctx: CommandContext): Promise<MessageView> => {
  const current = channelSchedule(deps, ctx.conversation)?.schedule ?? null;
  return buildDigestView(deps, deps.charts ?? null, {
    tenantId: ctx.user.tenantId,
    keyDriverId: current?.keyDriverId ?? null,
    since: current ? deps.repos.digestRuns.lastPosted(current.tenantId, current.id) : null,
    late: false,
  });
};

export const handleDigestCommand = async (
  deps: CoreDeps,
  ctx: CommandContext,
  command: DigestCommand,
): Promise<MessageView> => {
  const { tenantId } = ctx.user;
  switch (command.kind) {
    case 'digest.show': {
      const current = channelSchedule(deps, ctx.conversation);
      return current
        ? scheduleView(
            current.schedule,
            current.next,
            scopeName(deps, tenantId, current.schedule.keyDriverId),
          )
        : noScheduleView();
    }
    case 'digest.set': {
      const { schedule, becameAdmin } = setDigestSchedule(
        deps,
        ctx.user,
        ctx.conversation,
        command,
      );
      const next = nextRuns(schedule.cron, schedule.tz, deps.clock.now(), 3);
      return scheduleSetView(
        schedule,
        next,
        scopeName(deps, tenantId, schedule.keyDriverId),
        becameAdmin,
      );
    }
    case 'digest.preview':
      // Only the person who asked sees a preview.
      return { ...(await preview(deps, ctx)), visibility: 'private' };
    case 'digest.now': {
      const result = await deps.gateway.post(ctx.conversation, await preview(deps, ctx));
      if (!result.ok)
        throw new AppError(
          'digest.post-failed',
          'The digest could not be posted just now. Please try again in a minute.',
        );
      return digestPostedView();
    }
    case 'digest.off':
      return scheduleOffView(stopDigestSchedule(deps, ctx.user, ctx.conversation));
  }
};
