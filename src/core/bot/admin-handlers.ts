// `/cx`: help, admins, nudges, and managing themes, key drivers and customers.
import { AppError } from '../domain/errors.js';
import type { AdminCommand, UserMention } from '../commands/index.js';
import type { MessageView } from '../views/message-view.js';
import { confirmationView } from '../views/feedback-views.js';
import { customerListView, driverListView, themeListView } from '../views/catalog-views.js';
import { adminListView, helpView } from '../views/help-views.js';
import { formatMoney } from '../views/format.js';
import * as catalog from '../use-cases/manage-catalog.js';
import type { CoreDeps } from '../use-cases/core-deps.js';
import { audit } from '../use-cases/audit.js';
import { actorOf, type CommandContext } from './command-context.js';

export const handleAdminCommand = (
  deps: CoreDeps,
  ctx: CommandContext,
  command: AdminCommand,
): MessageView => {
  const actor = actorOf(ctx);
  const { tenantId } = actor;
  switch (command.kind) {
    case 'help':
      return helpView(command.topic);
    case 'admins.list':
      return adminListView(deps.repos.users.list(tenantId).filter((u) => u.isAdmin));
    case 'admins.add':
    case 'admins.remove':
      return changeAdmin(deps, ctx, command.user, command.kind === 'admins.add');
    case 'nudges.set':
      deps.repos.transaction(() => {
        deps.repos.users.setNudges(tenantId, ctx.user.userId, command.enabled);
        audit(deps, actor, command.enabled ? 'nudges.on' : 'nudges.off', 'user', ctx.user.userId);
      });
      return confirmationView(
        command.enabled
          ? 'Nudges are on: I will remind you of plans that fall due.'
          : 'Nudges are off. Turn them back on with `/cx nudges on`.',
      );
    case 'theme.list':
      return themeListView(deps.repos.themes.list(tenantId), deps.repos.keyDrivers.list(tenantId));
    case 'theme.add': {
      const theme = catalog.addTheme(deps, actor, {
        slug: command.slug,
        name: command.name,
        ...(command.driver ? { driver: command.driver } : {}),
      });
      return confirmationView(
        `Added theme #${theme.slug}${command.driver ? ` under “${command.driver}”` : ''}.`,
        'public',
      );
    }
    case 'theme.rename': {
      const theme = catalog.renameTheme(
        deps,
        actor,
        command.fromSlug,
        command.name ?? command.toSlug,
      );
      return confirmationView(`Renamed #${command.fromSlug} to #${theme.slug}.`, 'public');
    }
    case 'theme.move':
      catalog.moveTheme(deps, actor, command.slug, command.driver);
      return confirmationView(
        `Moved #${command.slug} under the key driver “${command.driver}”.`,
        'public',
      );
    case 'theme.merge': {
      const { into, moved } = catalog.mergeThemes(deps, actor, command.fromSlug, command.intoSlug);
      return confirmationView(
        `Merged #${command.fromSlug} into #${into.slug}: ${moved} issues moved.`,
        'public',
      );
    }
    case 'driver.list':
      return driverListView(deps.repos.keyDrivers.list(tenantId));
    case 'driver.add':
      return confirmationView(
        `Added the key driver “${catalog.addDriver(deps, actor, command.name).name}”.`,
        'public',
      );
    case 'driver.rename':
      catalog.renameDriver(deps, actor, command.from, command.to);
      return confirmationView(
        `Renamed the key driver “${command.from}” to “${command.to}”.`,
        'public',
      );
    case 'driver.delete':
      catalog.deleteDriver(deps, actor, command.name);
      return confirmationView(
        `Deleted the key driver “${command.name}”. Its themes and issues are kept, with no driver.`,
        'public',
      );
    case 'customer.list':
      return customerListView(deps.repos.customers.list(tenantId));
    case 'customer.add':
    case 'customer.update': {
      const input = {
        name: command.name,
        ...(command.revenueCents !== undefined ? { annualRevenueCents: command.revenueCents } : {}),
        ...(command.coreGrowth !== undefined ? { coreGrowth: command.coreGrowth } : {}),
      };
      const c =
        command.kind === 'customer.add'
          ? catalog.addCustomer(deps, actor, input)
          : catalog.updateCustomer(deps, actor, input);
      const revenue =
        c.annualRevenueCents === null
          ? 'no revenue set'
          : `revenue ${formatMoney(c.annualRevenueCents)}`;
      return confirmationView(
        `${command.kind === 'customer.add' ? 'Added' : 'Updated'} customer “${c.name}”: ${revenue}, ${c.coreGrowth ? 'core growth' : 'not core growth'}.`,
      );
    }
  }
};

/** Only an admin may change the admins, except that the first one may name themselves. */
const changeAdmin = (
  deps: CoreDeps,
  ctx: CommandContext,
  mention: UserMention,
  add: boolean,
): MessageView => {
  const { tenantId, userId } = ctx.user;
  const admins = deps.repos.users.list(tenantId).filter((u) => u.isAdmin);
  const target = mention.kind === 'self' ? userId : mention.kind === 'id' ? mention.userId : null;
  if (target === null)
    throw new AppError(
      'admins.need-mention',
      'Mention the person with @ so I know exactly who they are.',
    );
  const allowed =
    admins.some((a) => a.id === userId) || (admins.length === 0 && add && target === userId);
  if (!allowed)
    throw new AppError(
      'admins.forbidden',
      admins.length === 0
        ? 'There are no admins yet: the first admin must add themselves with `/cx admins add @me`.'
        : 'Only an admin can change the admins. Ask one of them.',
    );
  if (!add && admins.length === 1 && admins[0]?.id === target)
    throw new AppError(
      'admins.last',
      'You are the last admin; add another admin before removing yourself.',
    );
  deps.repos.transaction(() => {
    deps.repos.users.ensure(
      tenantId,
      target,
      mention.kind === 'id' ? (mention.name ?? null) : null,
    );
    deps.repos.users.setAdmin(tenantId, target, add);
    audit(deps, actorOf(ctx), add ? 'admins.add' : 'admins.remove', 'user', target);
  });
  return confirmationView(
    add ? `<@${target}> is now an admin.` : `<@${target}> is no longer an admin.`,
    'public',
  );
};
