import { z } from '@hono/zod-openapi';
import { HOLDER_KINDS } from '../../../platform/vocabulary.js';
import { EventCode } from '../behaviour-list/body.js';
import { Slug, UnitText } from '../common.js';

const PLACEHOLDERS = ['holder', 'action', 'date', 'month', 'year', 'reference'] as const;

const PointsAction = z
  .strictObject({
    code: EventCode.describe('The action code, e.g. WASTE-SORTING'),
    title: z.string().min(1),
    holders: z.array(z.enum(HOLDER_KINDS)).min(1).describe('Who can earn it'),
    points: z.number().int().positive().optional().describe('Whole points per award'),
    perUnit: z
      .strictObject({
        unit: UnitText.describe('The unit the amount is given in, e.g. kg or trip'),
        points: z.number().positive().describe('Points per unit; the product is rounded down to whole points'),
      })
      .optional(),
    minAmount: z.number().nonnegative().optional().describe('Smallest amount that qualifies, in the unit of perUnit or amountUnit'),
    amountUnit: UnitText.optional().describe(
      'For fixed-points actions with a minAmount: the unit the amount is given in, e.g. yuan for "a payment of at least 1 yuan"',
    ),
    caps: z
      .strictObject({
        perDay: z.number().int().positive().optional().describe('Most points a day (China time)'),
        perMonth: z.number().int().positive().optional().describe('Most points a calendar month'),
        perDayActions: z.number().int().positive().optional().describe('Most awards (actions) a day, e.g. 10 payments'),
        perMonthActions: z.number().int().positive().optional().describe('Most awards (actions) a calendar month, e.g. 10 utility bills'),
      })
      .default({})
      .describe('What a holder can earn from this action: points and actions per day and per month; reversed awards do not count'),
    dedupKey: z
      .string()
      .min(1)
      .refine((t) => [...t.matchAll(/\{([a-z]+)\}/g)].every((m) => (PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')), {
        message: `placeholders are ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      })
      .optional()
      .describe('Awards with the same key count once, e.g. "{holder}:{month}" for one utility bill a month'),
    delayDays: z.number().int().min(0).default(0).describe('Days before awarded points can be spent'),
    expiry: z
      .union([z.strictObject({ endOfYearAfter: z.literal(true) }), z.strictObject({ days: z.number().int().positive() })])
      .describe('endOfYearAfter: points earned in year Y expire at the end of Y+1; or a number of days'),
    recorders: z.array(z.string().min(1)).min(1).describe('Agencies that may award it'),
    source: Slug.optional().describe('The data source, which a holder can switch off (e.g. transit-app)'),
  })
  .superRefine((a, ctx) => {
    if ((a.points === undefined) === (a.perUnit === undefined))
      ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of points or perUnit' });
    if (a.minAmount !== undefined && a.perUnit === undefined && a.amountUnit === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['amountUnit'],
        message: 'a fixed-points action with a minAmount says the unit of the amount (amountUnit)',
      });
    if (a.amountUnit !== undefined && a.perUnit !== undefined)
      ctx.addIssue({ code: 'custom', path: ['amountUnit'], message: 'a perUnit action takes its amount in perUnit.unit' });
  });
export type PointsAction = z.infer<typeof PointsAction>;

export const PointsCatalogueBody = z.strictObject({ actions: z.array(PointsAction).min(1) }).superRefine((body, ctx) => {
  const seen = new Set<string>();
  body.actions.forEach((a, i) => {
    if (seen.has(a.code)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'code'], message: `action ${a.code} is listed twice` });
    seen.add(a.code);
  });
});
export type PointsCatalogueBody = z.infer<typeof PointsCatalogueBody>;
