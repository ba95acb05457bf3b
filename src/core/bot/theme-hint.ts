import type { CoreDeps } from '../use-cases/core-deps.js';

/** "Existing themes: #a, #b, #c" so a person can pick one instead of inventing a near-duplicate. */
export const themeHint = (deps: CoreDeps, tenantId: string, max = 8): string => {
  const themes = deps.repos.themes.list(tenantId);
  if (themes.length === 0)
    return 'For example: `/cx-issue Parcel arrived a week late #late-delivery`.';
  const shown = themes
    .slice(0, max)
    .map((t) => `#${t.slug}`)
    .join(', ');
  return `Existing themes: ${shown}${themes.length > max ? `, and ${themes.length - max} more` : ''}.`;
};
