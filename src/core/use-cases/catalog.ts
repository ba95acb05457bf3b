// Themes, key drivers and customers: find-or-create helpers used by logging and
// importing, and the explicit management calls behind `/cx theme|driver|customer`.
import { AppError } from '../domain/errors.js';
import type { Customer, KeyDriver, Theme } from '../domain/types.js';
import { slugify } from '../commands/index.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';

export const findOrCreateDriver = (deps: CoreDeps, actor: Actor, name: string): KeyDriver => {
  const clean = name.trim();
  const found = deps.repos.keyDrivers.findByName(actor.tenantId, clean);
  if (found) return found;
  const driver = deps.repos.keyDrivers.create(actor.tenantId, {
    id: deps.ids.next(),
    name: clean,
    createdAt: deps.clock.now(),
  });
  audit(deps, actor, 'key-driver.create', 'key-driver', driver.id, { name: clean });
  return driver;
};

export const findOrCreateTheme = (
  deps: CoreDeps,
  actor: Actor,
  name: string,
  keyDriverId: string | null,
): { theme: Theme; created: boolean } => {
  const slug = slugify(name);
  if (slug === '') throw new AppError('theme.invalid', `"${name}" can't be used as a theme name.`);
  const found = deps.repos.themes.findBySlug(actor.tenantId, slug);
  if (found) return { theme: found, created: false };
  const theme = deps.repos.themes.create(actor.tenantId, {
    id: deps.ids.next(),
    slug,
    name: name.trim().replace(/^#/, ''),
    keyDriverId,
    createdAt: deps.clock.now(),
  });
  audit(deps, actor, 'theme.create', 'theme', theme.id, { slug, name: theme.name, keyDriverId });
  return { theme, created: true };
};

export const findOrCreateCustomer = (deps: CoreDeps, actor: Actor, name: string): Customer => {
  const clean = name.trim();
  const found = deps.repos.customers.findByName(actor.tenantId, clean);
  if (found) return found;
  const customer = deps.repos.customers.create(actor.tenantId, {
    id: deps.ids.next(),
    name: clean,
    annualRevenueCents: null,
    coreGrowth: false,
    createdAt: deps.clock.now(),
  });
  audit(deps, actor, 'customer.create', 'customer', customer.id, { name: clean });
  return customer;
};

export const requireTheme = (deps: CoreDeps, tenantId: string, slugOrName: string): Theme => {
  const theme = deps.repos.themes.findBySlug(tenantId, slugify(slugOrName));
  if (!theme)
    throw new AppError('theme.not-found', `There is no theme #${slugify(slugOrName)} yet.`);
  return theme;
};

export const requireDriver = (deps: CoreDeps, tenantId: string, name: string): KeyDriver => {
  const driver = deps.repos.keyDrivers.findByName(tenantId, name.trim());
  if (!driver)
    throw new AppError('driver.not-found', `There is no key driver called "${name.trim()}".`);
  return driver;
};

export const requireCustomer = (deps: CoreDeps, tenantId: string, name: string): Customer => {
  const customer = deps.repos.customers.findByName(tenantId, name.trim());
  if (!customer)
    throw new AppError('customer.not-found', `There is no customer called "${name.trim()}".`);
  return customer;
};
