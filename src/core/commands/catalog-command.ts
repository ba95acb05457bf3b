// /cx theme …, /cx driver … and /cx customer …: the catalog an admin keeps tidy.
import { z } from 'zod';
import type { AdminCommand } from './command-types.js';
import { closest } from './edit-distance.js';
import { themeSlugOf } from './issue-command.js';
import { joinText, takeOptions, takeThemes, unexpected, validateCommand } from './options.js';
import { fail, listChoices, ok, quote, type Outcome } from './outcome.js';
import { centsSchema, nameSchema } from './shared-schemas.js';
import type { Token } from './tokenize.js';
import { moneyValue, parseText, textValue, yesNoValue } from './value-schemas.js';

type Area = 'theme' | 'driver' | 'customer';
const VERBS: Readonly<Record<Area, readonly string[]>> = {
  theme: ['list', 'add', 'rename', 'move', 'merge'],
  driver: ['list', 'add', 'rename', 'delete'],
  customer: ['list', 'add', 'update'],
};
const VERB_ALIASES: Readonly<Record<string, string>> = {
  remove: 'delete',
  edit: 'update',
  new: 'add',
};
const MAX_NAME = 200;

const customerOptions = { revenue: moneyValue, 'core-growth': yesNoValue };
const CUSTOMER_ALIASES = { core: 'core-growth', coregrowth: 'core-growth' } as const;

export const customerSchema = z.object({
  kind: z.enum(['customer.add', 'customer.update']),
  name: nameSchema,
  revenueCents: centsSchema.exactOptional(),
  coreGrowth: z.boolean().exactOptional(),
}) satisfies z.ZodType<AdminCommand>;

export function parseCatalogCommand(area: Area, tokens: readonly Token[]): Outcome<AdminCommand> {
  const [first, ...rest] = tokens;
  const word = first?.type === 'word' && !first.quoted ? first.value.toLowerCase() : 'list';
  const verb = Object.hasOwn(VERB_ALIASES, word) ? (VERB_ALIASES[word] ?? word) : word;
  const where = `/cx ${area} ${verb}`;
  if (!VERBS[area].includes(verb)) {
    const suggestion = closest(word, VERBS[area]);
    const hint = suggestion === undefined ? '' : ` Did you mean ${quote(suggestion)}?`;
    return fail(
      'unknown-subcommand',
      `${quote(first?.raw ?? '')} is not a /cx ${area} subcommand. Use ${listChoices(VERBS[area])}.${hint}`,
    );
  }
  if (verb === 'list') {
    const extra = rest[0];
    if (extra !== undefined) return unexpected(extra, where);
    return ok({ kind: `${area}.list` });
  }
  if (area === 'theme') return parseTheme(verb, rest, where);
  if (area === 'driver') return parseDriver(verb, rest, where);
  return parseCustomer(verb === 'add' ? 'customer.add' : 'customer.update', rest, where);
}

function parseTheme(verb: string, tokens: readonly Token[], where: string): Outcome<AdminCommand> {
  const taken = takeOptions(tokens, { driver: textValue('driver name', MAX_NAME) }, where);
  if (!taken.ok) return taken;
  const split = takeThemes(taken.value.rest, where, verb === 'add' || verb === 'move' ? 1 : 2);
  if (!split.ok) return split;
  const slugs = slugsOf(split.value.themes);
  if (!slugs.ok) return slugs;
  const [first, second] = slugs.value;
  const stray = split.value.rest.find((t) => t.type !== 'word');
  if (stray !== undefined) return unexpected(stray, where);
  const name = joinText(split.value.rest);
  const driver = taken.value.values.driver;
  const need = verb === 'add' || verb === 'move' ? 'a #theme' : 'two #themes';
  if (first === undefined || ((verb === 'rename' || verb === 'merge') && second === undefined)) {
    return fail(
      'missing-argument',
      `${quote(where)} needs ${need}, e.g. ${THEME_EXAMPLES[verb] ?? ''}.`,
    );
  }
  if (verb !== 'add' && verb !== 'move' && driver !== undefined) {
    return fail(
      'unexpected-argument',
      `${quote(`driver:${driver}`)} was not expected in ${where}.`,
    );
  }
  if ((verb === 'move' || verb === 'merge') && name !== '') {
    return fail('unexpected-argument', `${quote(name)} was not expected in ${where}.`);
  }
  return themeCommand(verb, {
    first,
    second: second ?? '',
    name,
    driver,
    where,
    raw: split.value.themes[0]?.name ?? first,
  });
}

function slugsOf(themes: readonly (Token & { type: 'theme' })[]): Outcome<string[]> {
  const slugs: string[] = [];
  for (const theme of themes) {
    const slug = themeSlugOf(theme);
    if (!slug.ok) return slug;
    slugs.push(slug.value);
  }
  return ok(slugs);
}

const THEME_EXAMPLES: Readonly<Record<string, string>> = {
  add: '/cx theme add #late-delivery "Late delivery" driver:"Delivery"',
  rename: '/cx theme rename #late #late-delivery',
  move: '/cx theme move #late-delivery driver:"Delivery"',
  merge: '/cx theme merge #late-parcel #late-delivery',
};

interface ThemeParts {
  first: string;
  second: string;
  name: string;
  driver: string | undefined;
  where: string;
  /** The theme as typed after '#', the default display name. */
  raw: string;
}

function themeCommand(verb: string, p: ThemeParts): Outcome<AdminCommand> {
  if (verb === 'add') {
    const name = parseText(p.name === '' ? p.raw : p.name, 'theme name', MAX_NAME);
    if (!name.ok) return name;
    return ok(
      p.driver === undefined
        ? { kind: 'theme.add', slug: p.first, name: name.value }
        : { kind: 'theme.add', slug: p.first, name: name.value, driver: p.driver },
    );
  }
  if (verb === 'move') {
    if (p.driver === undefined)
      return fail(
        'missing-argument',
        `${quote(p.where)} needs driver:"Name", e.g. ${THEME_EXAMPLES['move'] ?? ''}.`,
      );
    return ok({ kind: 'theme.move', slug: p.first, driver: p.driver });
  }
  if (p.first === p.second)
    return fail(
      'invalid-value',
      `${quote(`#${p.first}`)} is given twice; name two different themes.`,
    );
  if (verb === 'merge') return ok({ kind: 'theme.merge', fromSlug: p.first, intoSlug: p.second });
  const name = p.name === '' ? undefined : parseText(p.name, 'theme name', MAX_NAME);
  if (name?.ok === false) return name;
  return ok(
    name === undefined
      ? { kind: 'theme.rename', fromSlug: p.first, toSlug: p.second }
      : { kind: 'theme.rename', fromSlug: p.first, toSlug: p.second, name: name.value },
  );
}

function parseDriver(verb: string, tokens: readonly Token[], where: string): Outcome<AdminCommand> {
  const taken = takeOptions(tokens, {}, where);
  if (!taken.ok) return taken;
  const stray = taken.value.rest.find((t) => t.type !== 'word');
  if (stray !== undefined) return unexpected(stray, where);
  const words = taken.value.rest;
  if (verb === 'rename') {
    const [from, to, extra] = words;
    if (extra !== undefined)
      return unexpected(extra, where, 'Quote names with spaces: rename "Old name" "New name".');
    if (from === undefined || to === undefined) {
      return fail(
        'missing-argument',
        `${quote(where)} needs the old and the new name, e.g. /cx driver rename "Delivery" "Delivery & returns".`,
      );
    }
    const [a, b] = [
      parseText(joinText([from]), 'driver name', MAX_NAME),
      parseText(joinText([to]), 'driver name', MAX_NAME),
    ];
    if (!a.ok) return a;
    return b.ok ? ok({ kind: 'driver.rename', from: a.value, to: b.value }) : b;
  }
  const name = parseText(joinText(words), 'driver name', MAX_NAME);
  if (!name.ok) {
    return name.code === 'missing-value'
      ? fail('missing-argument', `${quote(where)} needs a driver name, e.g. ${where} "Delivery".`)
      : name;
  }
  return ok({ kind: verb === 'add' ? 'driver.add' : 'driver.delete', name: name.value });
}

function parseCustomer(
  kind: 'customer.add' | 'customer.update',
  tokens: readonly Token[],
  where: string,
): Outcome<AdminCommand> {
  const taken = takeOptions(tokens, customerOptions, where, CUSTOMER_ALIASES);
  if (!taken.ok) return taken;
  const stray = taken.value.rest.find((t) => t.type !== 'word');
  if (stray !== undefined) return unexpected(stray, where);
  const name = parseText(joinText(taken.value.rest), 'customer name', MAX_NAME);
  if (!name.ok) {
    return name.code === 'missing-value'
      ? fail(
          'missing-argument',
          `${quote(where)} needs a customer name, e.g. ${where} "Acme Ltd" revenue:120k.`,
        )
      : name;
  }
  const v = taken.value.values;
  if (kind === 'customer.update' && v.revenue === undefined && v['core-growth'] === undefined) {
    return fail(
      'missing-argument',
      `${quote(where)} needs something to change: revenue:N or core-growth:yes|no.`,
    );
  }
  return validateCommand(customerSchema, {
    kind,
    name: name.value,
    revenueCents: v.revenue,
    coreGrowth: v['core-growth'],
  });
}
