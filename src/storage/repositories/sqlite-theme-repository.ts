import { and, asc, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { AppError } from '../../core/domain/errors.js';
import type { Theme } from '../../core/domain/types.js';
import type { ThemeRepository } from '../../core/ports/repositories.js';
import type { Db } from '../database.js';
import { actionPlans, issues, metrics, rootCauses, themes, whySessions } from '../schema/index.js';
import { notFound, withConflict } from '../storage-errors.js';

type ThemeRow = typeof themes.$inferSelect;
type NewTheme = {
  id: string;
  slug: string;
  name: string;
  keyDriverId: string | null;
  createdAt: Date;
};
type ThemePatch = { name?: string; slug?: string; keyDriverId?: string | null };

const toTheme = (row: ThemeRow): Theme => ({
  id: row.id,
  tenantId: row.tenantId,
  slug: row.slug,
  name: row.name,
  keyDriverId: row.keyDriverId,
  createdAt: row.createdAt,
});

/** Tables whose rows belong to a theme and follow it when it is merged away. */
const THEME_CHILDREN = [issues, actionPlans, metrics, rootCauses, whySessions] as const;

export class SqliteThemeRepository implements ThemeRepository {
  constructor(private readonly db: Db) {}

  create(tenantId: string, theme: NewTheme): Theme {
    const row = { ...theme, tenantId };
    withConflict(`Theme #${theme.slug}`, () => this.db.insert(themes).values(row).run());
    return toTheme(row);
  }

  findBySlug(tenantId: string, slug: string): Theme | null {
    return this.one(tenantId, eq(themes.slug, slug));
  }

  get(tenantId: string, id: string): Theme | null {
    return this.one(tenantId, eq(themes.id, id));
  }

  list(tenantId: string, filter: { keyDriverId?: string } = {}): Theme[] {
    const byDriver =
      filter.keyDriverId === undefined ? undefined : eq(themes.keyDriverId, filter.keyDriverId);
    return this.db
      .select()
      .from(themes)
      .where(and(eq(themes.tenantId, tenantId), byDriver))
      .orderBy(asc(themes.slug))
      .all()
      .map(toTheme);
  }

  update(tenantId: string, id: string, patch: ThemePatch): void {
    const set: Partial<ThemeRow> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.slug !== undefined) set.slug = patch.slug;
    if (patch.keyDriverId !== undefined) set.keyDriverId = patch.keyDriverId;
    if (Object.keys(set).length === 0) return;
    withConflict(`Theme #${patch.slug ?? id}`, () =>
      this.db
        .update(themes)
        .set(set)
        .where(and(eq(themes.tenantId, tenantId), eq(themes.id, id)))
        .run(),
    );
  }

  /** Returns how many issues moved. Plans, metrics, root causes and 5-why sessions move too. */
  merge(tenantId: string, fromId: string, intoId: string): number {
    if (fromId === intoId) throw new AppError('invalid', 'A theme cannot be merged into itself.');
    return this.db.$client
      .transaction(() => {
        if (!this.get(tenantId, fromId)) throw notFound('Theme', fromId);
        if (!this.get(tenantId, intoId)) throw notFound('Theme', intoId);
        let movedIssues = 0;
        for (const table of THEME_CHILDREN) {
          const { changes } = this.db
            .update(table)
            .set({ themeId: intoId })
            .where(and(eq(table.tenantId, tenantId), eq(table.themeId, fromId)))
            .run();
          if (table === issues) movedIssues = changes;
        }
        this.db
          .delete(themes)
          .where(and(eq(themes.tenantId, tenantId), eq(themes.id, fromId)))
          .run();
        return movedIssues;
      })
      .immediate();
  }

  private one(tenantId: string, where: SQL): Theme | null {
    const row = this.db
      .select()
      .from(themes)
      .where(and(eq(themes.tenantId, tenantId), where))
      .get();
    return row ? toTheme(row) : null;
  }
}
