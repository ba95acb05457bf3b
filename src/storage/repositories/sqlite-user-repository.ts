import { and, asc, eq } from 'drizzle-orm';
import type { User } from '../../core/domain/types.js';
import type { Clock } from '../../core/ports/clock.js';
import type { UserRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { users } from '../schema/index.js';

type UserRow = typeof users.$inferSelect;

const toUser = (row: UserRow): User => ({
  tenantId: row.tenantId,
  id: row.userId,
  name: row.name,
  isAdmin: row.isAdmin,
  nudges: row.nudges,
  createdAt: row.createdAt,
});

export class SqliteUserRepository implements UserRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  ensure(tenantId: string, userId: string, name?: string | null): User {
    const base = { tenantId, userId, name: name ?? null, createdAt: this.clock.now() };
    const insert = this.db.insert(users).values(base);
    // Keep the latest display name, but never erase a known one with "unknown".
    if (name !== undefined && name !== null) {
      insert.onConflictDoUpdate({ target: [users.tenantId, users.userId], set: { name } }).run();
    } else {
      insert.onConflictDoNothing().run();
    }
    const user = this.get(tenantId, userId);
    if (!user) throw new Error(`User ${userId} vanished after ensure`);
    return user;
  }

  get(tenantId: string, userId: string): User | null {
    const row = this.db
      .select()
      .from(users)
      .where(and(eq(users.tenantId, tenantId), eq(users.userId, userId)))
      .get();
    return row ? toUser(row) : null;
  }

  list(tenantId: string): User[] {
    return this.db
      .select()
      .from(users)
      .where(eq(users.tenantId, tenantId))
      .orderBy(asc(users.userId))
      .all()
      .map(toUser);
  }

  setAdmin(tenantId: string, userId: string, isAdmin: boolean): void {
    this.upsertFlags(tenantId, userId, { isAdmin });
  }

  setNudges(tenantId: string, userId: string, on: boolean): void {
    this.upsertFlags(tenantId, userId, { nudges: on });
  }

  /** Upserts so an admin can configure someone the bot has not met yet. */
  private upsertFlags(
    tenantId: string,
    userId: string,
    flags: { isAdmin: boolean } | { nudges: boolean },
  ): void {
    this.db
      .insert(users)
      .values({ tenantId, userId, name: null, createdAt: this.clock.now(), ...flags })
      .onConflictDoUpdate({ target: [users.tenantId, users.userId], set: flags })
      .run();
  }
}
