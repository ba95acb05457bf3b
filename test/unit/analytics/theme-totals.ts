// Builds ThemeTotals for tests: an id and slug derived from the name, zero money unless given.
import type { ThemeTotals } from '../../../src/core/domain/types.js';

export const theme = (
  name: string,
  count: number,
  extra: Partial<ThemeTotals> = {},
): ThemeTotals => ({
  themeId: `id-${name}`,
  slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  name,
  keyDriverId: null,
  count,
  customerCostCents: 0,
  companyCostCents: 0,
  affectedRevenueCents: 0,
  affectedCustomers: 0,
  ...extra,
});
