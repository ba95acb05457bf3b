// Setting, showing and stopping a channel's digest. Only admins change schedules; the
// first person to set one in a workspace with no admins becomes its first admin.
import { AppError } from '../domain/errors.js';
import type { DigestSchedule } from '../domain/digests.js';
import type { ConversationRef, UserRef } from '../domain/types.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { audit } from '../use-cases/audit.js';
import { requireDriver } from '../use-cases/catalog.js';
import { nextRuns } from '../cron/next-runs.js';

export interface ScheduleInput {
  cron: string;
  tz?: string | undefined;
  driver?: string | undefined;
  label: string;
}

export const DEFAULT_TIME_ZONE = 'UTC';

/** Returns true when the user became the workspace's first admin by doing this. */
const requireAdmin = (deps: CoreDeps, user: UserRef): boolean => {
  const admins = deps.repos.users.list(user.tenantId).filter((u) => u.isAdmin);
  if (admins.some((a) => a.id === user.userId)) return false;
  if (admins.length > 0) {
    throw new AppError(
      'digest.admin-only',
      `Only an admin can change this channel's digest. Admins: ${admins.map((a) => `<@${a.id}>`).join(', ')}.`,
    );
  }
  deps.repos.users.setAdmin(user.tenantId, user.userId, true);
  return true;
};

export const setDigestSchedule = (
  deps: CoreDeps,
  user: UserRef,
  conversation: ConversationRef,
  input: ScheduleInput,
): { schedule: DigestSchedule; becameAdmin: boolean } =>
  deps.repos.transaction(() => {
    const becameAdmin = requireAdmin(deps, user);
    const driver = input.driver ? requireDriver(deps, user.tenantId, input.driver) : null;
    const schedule = deps.repos.digestSchedules.upsertForChannel(user.tenantId, {
      id: deps.ids.next(),
      platform: conversation.platform,
      channelId: conversation.channelId,
      cron: input.cron,
      tz: input.tz ?? DEFAULT_TIME_ZONE,
      label: input.label,
      keyDriverId: driver?.id ?? null,
      createdBy: user.userId,
      createdAt: deps.clock.now(),
    });
    const actor = { tenantId: user.tenantId, userId: user.userId };
    if (becameAdmin)
      audit(deps, actor, 'admins.add', 'user', user.userId, { reason: 'first digest schedule' });
    audit(deps, actor, 'digest.set', 'digest-schedule', schedule.id, {
      cron: schedule.cron,
      tz: schedule.tz,
      channel: conversation.channelId,
    });
    return { schedule, becameAdmin };
  });

export const stopDigestSchedule = (
  deps: CoreDeps,
  user: UserRef,
  conversation: ConversationRef,
): DigestSchedule | null =>
  deps.repos.transaction(() => {
    const schedule = deps.repos.digestSchedules.getForChannel(
      user.tenantId,
      conversation.platform,
      conversation.channelId,
    );
    if (!schedule) return null;
    requireAdmin(deps, user);
    deps.repos.digestSchedules.deactivate(user.tenantId, schedule.id);
    audit(
      deps,
      { tenantId: user.tenantId, userId: user.userId },
      'digest.off',
      'digest-schedule',
      schedule.id,
    );
    return schedule;
  });

export const channelSchedule = (
  deps: CoreDeps,
  conversation: ConversationRef,
): { schedule: DigestSchedule; next: Date[] } | null => {
  const schedule = deps.repos.digestSchedules.getForChannel(
    conversation.tenantId,
    conversation.platform,
    conversation.channelId,
  );
  return schedule
    ? { schedule, next: nextRuns(schedule.cron, schedule.tz, deps.clock.now(), 3) }
    : null;
};
