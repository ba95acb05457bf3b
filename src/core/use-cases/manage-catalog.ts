// The explicit management calls behind `/cx theme|driver|customer ...`.
import { AppError } from '../domain/errors.js';
import type { Customer, KeyDriver, Theme } from '../domain/types.js';
import { slugify } from '../commands/index.js';
import type { Actor, CoreDeps } from './core-deps.js';
import { audit } from './audit.js';
import { findOrCreateDriver, requireCustomer, requireDriver, requireTheme } from './catalog.js';

export const addTheme = (
  deps: CoreDeps,
  actor: Actor,
  input: { slug: string; name?: string; driver?: string },
): Theme =>
  deps.repos.transaction(() => {
    const slug = slugify(input.slug);
    if (deps.repos.themes.findBySlug(actor.tenantId, slug)) {
      throw new AppError('theme.exists', `Theme #${slug} already exists.`);
    }
    const driverId = input.driver ? findOrCreateDriver(deps, actor, input.driver).id : null;
    const theme = deps.repos.themes.create(actor.tenantId, {
      id: deps.ids.next(),
      slug,
      name: input.name?.trim() || input.slug.replace(/^#/, ''),
      keyDriverId: driverId,
      createdAt: deps.clock.now(),
    });
    audit(deps, actor, 'theme.create', 'theme', theme.id, {
      slug,
      name: theme.name,
      keyDriverId: driverId,
    });
    return theme;
  });

export const renameTheme = (deps: CoreDeps, actor: Actor, from: string, to: string): Theme =>
  deps.repos.transaction(() => {
    const theme = requireTheme(deps, actor.tenantId, from);
    const slug = slugify(to);
    if (slug === '') throw new AppError('theme.invalid', `"${to}" can't be used as a theme name.`);
    if (deps.repos.themes.findBySlug(actor.tenantId, slug)) {
      throw new AppError(
        'theme.exists',
        `Theme #${slug} already exists. Use \`/cx theme merge #${theme.slug} #${slug}\` to combine them.`,
      );
    }
    deps.repos.themes.update(actor.tenantId, theme.id, { slug, name: to.replace(/^#/, '') });
    audit(deps, actor, 'theme.rename', 'theme', theme.id, { from: theme.slug, to: slug });
    return { ...theme, slug, name: to.replace(/^#/, '') };
  });

export const moveTheme = (deps: CoreDeps, actor: Actor, slug: string, driverName: string): Theme =>
  deps.repos.transaction(() => {
    const theme = requireTheme(deps, actor.tenantId, slug);
    const driver = findOrCreateDriver(deps, actor, driverName);
    deps.repos.themes.update(actor.tenantId, theme.id, { keyDriverId: driver.id });
    audit(deps, actor, 'theme.move', 'theme', theme.id, { from: theme.keyDriverId, to: driver.id });
    return { ...theme, keyDriverId: driver.id };
  });

export const mergeThemes = (
  deps: CoreDeps,
  actor: Actor,
  from: string,
  into: string,
): { into: Theme; moved: number } =>
  deps.repos.transaction(() => {
    const source = requireTheme(deps, actor.tenantId, from);
    const target = requireTheme(deps, actor.tenantId, into);
    if (source.id === target.id)
      throw new AppError('theme.merge-self', 'A theme cannot be merged into itself.');
    const moved = deps.repos.themes.merge(actor.tenantId, source.id, target.id);
    audit(deps, actor, 'theme.merge', 'theme', target.id, { from: source.slug, moved });
    return { into: target, moved };
  });

export const addDriver = (deps: CoreDeps, actor: Actor, name: string): KeyDriver =>
  deps.repos.transaction(() => {
    if (deps.repos.keyDrivers.findByName(actor.tenantId, name.trim())) {
      throw new AppError('driver.exists', `Key driver "${name.trim()}" already exists.`);
    }
    return findOrCreateDriver(deps, actor, name);
  });

export const renameDriver = (deps: CoreDeps, actor: Actor, from: string, to: string): KeyDriver =>
  deps.repos.transaction(() => {
    const driver = requireDriver(deps, actor.tenantId, from);
    if (deps.repos.keyDrivers.findByName(actor.tenantId, to.trim())) {
      throw new AppError('driver.exists', `Key driver "${to.trim()}" already exists.`);
    }
    deps.repos.keyDrivers.rename(actor.tenantId, driver.id, to.trim());
    audit(deps, actor, 'key-driver.rename', 'key-driver', driver.id, {
      from: driver.name,
      to: to.trim(),
    });
    return { ...driver, name: to.trim() };
  });

export const deleteDriver = (deps: CoreDeps, actor: Actor, name: string): KeyDriver =>
  deps.repos.transaction(() => {
    const driver = requireDriver(deps, actor.tenantId, name);
    deps.repos.keyDrivers.delete(actor.tenantId, driver.id);
    audit(deps, actor, 'key-driver.delete', 'key-driver', driver.id, { name: driver.name });
    return driver;
  });

export interface CustomerInput {
  name: string;
  annualRevenueCents?: number | null;
  coreGrowth?: boolean;
}

export const addCustomer = (deps: CoreDeps, actor: Actor, input: CustomerInput): Customer =>
  deps.repos.transaction(() => {
    const name = input.name.trim();
    if (name === '') throw new AppError('customer.invalid', 'A customer needs a name.');
    if (deps.repos.customers.findByName(actor.tenantId, name)) {
      throw new AppError(
        'customer.exists',
        `Customer "${name}" already exists. Use \`/cx customer update\` to change it.`,
      );
    }
    const customer = deps.repos.customers.create(actor.tenantId, {
      id: deps.ids.next(),
      name,
      annualRevenueCents: input.annualRevenueCents ?? null,
      coreGrowth: input.coreGrowth ?? false,
      createdAt: deps.clock.now(),
    });
    audit(deps, actor, 'customer.create', 'customer', customer.id, { ...input });
    return customer;
  });

export const updateCustomer = (deps: CoreDeps, actor: Actor, input: CustomerInput): Customer =>
  deps.repos.transaction(() => {
    const customer = requireCustomer(deps, actor.tenantId, input.name);
    const patch: { annualRevenueCents?: number | null; coreGrowth?: boolean } = {};
    if (input.annualRevenueCents !== undefined) patch.annualRevenueCents = input.annualRevenueCents;
    if (input.coreGrowth !== undefined) patch.coreGrowth = input.coreGrowth;
    deps.repos.customers.update(actor.tenantId, customer.id, patch);
    audit(deps, actor, 'customer.update', 'customer', customer.id, patch);
    return { ...customer, ...patch };
  });
