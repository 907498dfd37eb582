import { z } from '@hono/zod-openapi';
import { isCalendarDate } from '../../platform/dates.js';
import { UNITS } from '../units/vocabulary.js';

/** Comparison on one value; several operators in one condition all have to hold. */
export const Comparison = z
  .strictObject({
    eq: z.union([z.number(), z.string(), z.boolean()]).optional(),
    ne: z.union([z.number(), z.string(), z.boolean()]).optional(),
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
    in: z
      .array(z.union([z.number(), z.string()]))
      .min(1)
      .optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'a condition needs at least one operator' })
  .describe('All operators given must hold, e.g. { gte: 1, lt: 5 }');
export type Comparison = z.infer<typeof Comparison>;

export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'lower-case letters, digits, dot, dash or underscore; at most 80')
  .describe('An identifier: lower-case letters, digits, dot, dash, underscore');

export const FactName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'a fact name is lower_snake_case')
  .describe('A fact the rule set reads, lower_snake_case');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'no such date' });

/** A formula (see rules/formula): checked at upload against the names and units it may read. */
export const Formula = z
  .string()
  .min(1)
  .max(4000)
  .describe(
    'An exact formula: numbers, declared names, unit names after a number (1000000 yuan), + - * / ^, comparisons, and/or/not, cond ? a : b, min, max, abs, round(x, step, "half-up")',
  );

/** A decimal written as a string ('6.11') or a plain YAML number; always read exactly. */
export const DecimalValue = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number'), z.number().finite()])
  .transform((v) => String(v))
  .describe('A decimal number, e.g. "6.11"');

/**
 * A unit as a rule file writes it: a name from the vocabulary (GET …/units), with 万/亿 where wanted,
 * joined by *, × or · and at most one /. Editors see each name with what it means; the upload checks the
 * whole unit (an unknown name is refused there, with the vocabulary named).
 */
export const UnitText = z
  .union([
    ...UNITS.filter((u) => u.code !== '1').map((u) => z.literal(u.code).describe(`${u.zh ? `${u.zh}：` : ''}${u.description}`)),
    z.literal('1').describe('a pure number (a ratio, a coefficient, points)'),
    z
      .string()
      .min(1)
      .max(80)
      .describe('a compound or prefixed unit, e.g. yuan/t-CO2, mm×km2, 万元/亩, wan-m3; Chinese names (万立方米, 元/吨) are accepted too'),
  ])
  .describe('A unit from the vocabulary (GET /v1/districts/{districtId}/units)');
