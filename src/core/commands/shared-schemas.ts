// zod schemas for the value shapes shared by several commands. Command schemas use them to
// check the assembled command before it leaves the parser.
import { z } from 'zod';
import type { DateSpec, DriverFilter, TimeSpec, UserMention } from './command-types.js';
import { MAX_CENTS, MAX_SLUG_LENGTH } from './values.js';

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const slugSchema = z.string().min(1).max(MAX_SLUG_LENGTH);
export const centsSchema = z.number().int().min(0).max(MAX_CENTS);
export const idSchema = z.number().int().positive();
export const nameSchema = z.string().min(1).max(200);

export const timeSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relative'), days: z.number().int().positive() }),
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('all') }),
]) satisfies z.ZodType<TimeSpec>;

export const dateSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('date'), date: isoDateSchema }),
  z.object({ kind: z.literal('today') }),
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('weekday'), weekday: z.number().int().min(0).max(6) }),
  z.object({ kind: z.literal('offset'), days: z.number().int().positive() }),
  z.object({ kind: z.literal('next-week') }),
]) satisfies z.ZodType<DateSpec>;

export const userMentionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('id'),
    userId: z.string().min(1),
    name: z.string().min(1).exactOptional(),
  }),
  z.object({ kind: z.literal('name'), name: z.string().min(1) }),
  z.object({ kind: z.literal('self') }),
]) satisfies z.ZodType<UserMention>;

export const driverFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('named'), name: nameSchema }),
]) satisfies z.ZodType<DriverFilter>;
