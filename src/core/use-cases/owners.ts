// Who owns a plan: a mention names them exactly; a plain @name must match one known person.
import { AppError } from '../domain/errors.js';
import type { UserRef } from '../domain/types.js';
import type { UserMention } from '../commands/command-types.js';
import type { CoreDeps } from './core-deps.js';

export const resolveOwner = (
  deps: CoreDeps,
  tenantId: string,
  mention: UserMention | undefined,
  self: UserRef,
): { userId: string; name: string | null } => {
  if (mention === undefined || mention.kind === 'self') {
    return { userId: self.userId, name: self.name ?? null };
  }
  if (mention.kind === 'id') {
    // Ensured so that nudges and "mine" work for someone the bot has not met yet.
    const user = deps.repos.users.ensure(tenantId, mention.userId, mention.name ?? null);
    return { userId: user.id, name: user.name };
  }
  const name = mention.name.replace(/^@/, '').trim();
  const key = name.toLowerCase();
  const matches = deps.repos.users
    .list(tenantId)
    .filter((u) => u.name !== null && u.name.trim().toLowerCase() === key);
  const [only, second] = matches;
  if (only !== undefined && second === undefined) return { userId: only.id, name: only.name };
  throw new AppError(
    'plan.owner-unknown',
    second === undefined
      ? `I don't know @${name}. Mention them with @ so I can pick the right person.`
      : `More than one person is called @${name}. Mention them with @ so I can pick the right person.`,
  );
};
