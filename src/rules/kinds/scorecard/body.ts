import { z } from '@hono/zod-openapi';
import { SUBJECT_KINDS } from '../../../platform/vocabulary.js';
import { Comparison, FactName, Formula, Slug, UnitText } from '../common.js';

/** How a fact is drawn from a subject's credit file: which events, over which window, measured how. */
export const FactSource = z
  .strictObject({
    codes: z.array(z.string().min(1)).min(1).optional().describe('Only these event codes'),
    polarity: z.enum(['positive', 'negative']).optional(),
    severity: z.enum(['major', 'general']).optional(),
    window: z
      .strictObject({
        days: z.number().int().positive().optional(),
        months: z.number().int().positive().optional(),
        years: z.number().int().positive().optional(),
      })
      .refine((w) => Object.values(w).filter((v) => v !== undefined).length === 1, { message: 'give one of days, months or years' })
      .optional()
      .describe('Rolling window ending on the scoring date; without one, every event still within its retention'),
    measure: z
      .union([z.enum(['count', 'points']), z.strictObject({ amount: FactName })])
      .describe('count: events; points: behaviour-list points; { amount: name }: the sum of that amount'),
  })
  .describe('Drawn from the credit file when the scorecard scores a subject');
export type FactSource = z.infer<typeof FactSource>;

const FactDeclaration = z.strictObject({
  type: z.enum(['number', 'boolean']).describe('number facts are counts or amounts; boolean facts are flags'),
  unit: UnitText.optional().describe(
    'For a number fact that is an amount: its unit (yuan for fines, kg-CO2e for reductions); counts and points have none',
  ),
  description: z.string().optional(),
  from: FactSource.optional(),
});

/**
 * One line of the scorecard. Exactly one of `points` (fixed, when the fact meets `when`; default: a
 * positive number or true), `perUnit` (points per unit of a numeric fact, e.g. 0.5 per tree) or
 * `formula` (an exact formula over the facts, for what the first two cannot say; it gives points, a pure number).
 */
export const ScorecardItem = z
  .strictObject({
    id: Slug,
    reason: z.string().min(1).describe('The reason shown to the subject and the bank, e.g. 环境行政处罚'),
    fact: FactName.optional().describe('The fact this item reads; needed for points and perUnit'),
    when: Comparison.optional().describe('The item applies only while this holds of the fact'),
    points: z.number().optional().describe('Points added (negative: deducted) when the item applies'),
    perUnit: z.number().optional().describe('Points per unit of the fact'),
    formula: Formula.optional(),
    cap: z
      .strictObject({ min: z.number().optional(), max: z.number().optional() })
      .optional()
      .describe("Clamps the item's contribution into [min, max]"),
  })
  .superRefine((item, ctx) => {
    const shapes = (['points', 'perUnit', 'formula'] as const).filter((k) => item[k] !== undefined);
    if (shapes.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `give exactly one of points, perUnit or formula (found ${shapes.length ? shapes.join(', ') : 'none'})`,
      });
    }
    if ((item.points !== undefined || item.perUnit !== undefined) && item.fact === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fact'], message: 'points and perUnit items need a fact' });
    }
  });
export type ScorecardItem = z.infer<typeof ScorecardItem>;

const Band = z.strictObject({
  grade: Slug.describe('Machine grade code, e.g. green'),
  label: z.string().describe('What people read, e.g. 诚信'),
  min: z.number().optional().describe('Lowest score in the band (inclusive); the last band may omit it'),
});

const Override = z.strictObject({
  id: Slug,
  reason: z.string().min(1),
  fact: FactName,
  when: Comparison.optional(),
  /** `lowest` sends the subject to the last band (one-vote veto); a number lowers it that many bands. */
  effect: z.union([z.literal('lowest'), z.strictObject({ lowerBy: z.number().int().min(1) })]),
});

export const ScorecardBody = z
  .strictObject({
    subjectKind: z.enum(SUBJECT_KINDS),
    behaviourList: Slug.optional().describe('The behaviour list whose events feed the facts with a `from`'),
    primary: z.boolean().default(false).describe("The district's credit scorecard for this kind of subject"),
    facts: z.record(FactName, FactDeclaration).describe('Every input the scorecard reads, declared with its type'),
    baseScore: z.number(),
    minScore: z.number().optional(),
    maxScore: z.number().optional(),
    items: z.array(ScorecardItem).min(1),
    bands: z.array(Band).min(1).describe('Highest band first; a score falls in the first band whose min it reaches'),
    overrides: z.array(Override).default([]),
  })
  .superRefine((body, ctx) => {
    body.items.forEach((item, i) => {
      if (item.fact !== undefined && !(item.fact in body.facts)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'fact'], message: `fact '${item.fact}' is not declared under facts` });
      }
      if (item.perUnit !== undefined && item.fact !== undefined && body.facts[item.fact]?.type === 'boolean') {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'perUnit'], message: `perUnit needs a number fact; '${item.fact}' is boolean` });
      }
    });
    body.overrides.forEach((o, i) => {
      if (!(o.fact in body.facts))
        ctx.addIssue({ code: 'custom', path: ['overrides', i, 'fact'], message: `fact '${o.fact}' is not declared under facts` });
    });
    for (const [name, fact] of Object.entries(body.facts)) {
      if (fact.from && fact.type !== 'number') {
        ctx.addIssue({ code: 'custom', path: ['facts', name, 'type'], message: 'a fact drawn from events is a number' });
      }
      if (fact.from && !body.behaviourList) {
        ctx.addIssue({ code: 'custom', path: ['behaviourList'], message: `fact '${name}' is drawn from events: name the behaviour list` });
      }
    }
    const ids = new Set<string>();
    body.items.forEach((item, i) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `item id '${item.id}' is used twice` });
      ids.add(item.id);
    });
    for (let i = 1; i < body.bands.length; i++) {
      const prev = body.bands[i - 1]?.min;
      const cur = body.bands[i]?.min;
      if (prev === undefined) ctx.addIssue({ code: 'custom', path: ['bands', i - 1, 'min'], message: 'only the last band may omit min' });
      else if (cur !== undefined && cur >= prev)
        ctx.addIssue({ code: 'custom', path: ['bands', i, 'min'], message: 'bands must be listed highest first' });
    }
  });
export type ScorecardBody = z.infer<typeof ScorecardBody>;
