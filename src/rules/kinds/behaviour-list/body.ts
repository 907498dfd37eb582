import { z } from '@hono/zod-openapi';
import { CREDIT_LISTS, SUBJECT_KINDS } from '../../../platform/vocabulary.js';
import { FactName, Formula, UnitText } from '../common.js';

/** Event codes read like `ENV-PENALTY`: upper-case words joined by dashes. */
export const EventCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an event code is UPPER-CASE words joined by dashes')
  .describe('An event code from the behaviour list, e.g. ENV-PENALTY');

const AmountDeclaration = z.strictObject({
  unit: UnitText.describe('The only unit accepted, e.g. yuan, tree, kg-co2e'),
  required: z.boolean().default(false),
  min: z.number().optional().describe('Smallest value accepted, e.g. 0 for a fine'),
  max: z.number().optional(),
  description: z.string().optional(),
});

const BehaviourCode = z
  .strictObject({
    code: EventCode,
    title: z.string().min(1).describe('What people read, e.g. 环境行政处罚'),
    polarity: z.enum(['positive', 'negative']),
    points: z.number().optional().describe('Fixed points per event (negative for a deduction)'),
    formula: Formula.optional().describe('Points from the event amounts, e.g. "-(fine_yuan / 100000.0)"'),
    amounts: z.record(FactName, AmountDeclaration).default({}).describe('The amounts an event of this code may carry, with their units'),
    cap: z
      .strictObject({
        per: z.enum(['day', 'month', 'year']),
        maxPoints: z.number().positive().describe('Largest absolute number of points the code gives in one period'),
      })
      .optional(),
    recorders: z.array(z.string().min(1)).min(1).describe('The agencies that may record it, e.g. [生态环境局]'),
    retentionYears: z.number().positive().optional().describe('Years it counts after the behaviour ends; default from the list'),
    severity: z.enum(['major', 'general']).optional().describe('For incidents: major sends a firm to the lowest grade, general lowers it one'),
    list: z
      .strictObject({
        name: z.enum(CREDIT_LISTS).describe('red: 守信激励 (reward); black: 失信惩戒 (punishment)'),
        years: z.number().positive().describe('How long the subject stays listed after the behaviour ends'),
      })
      .optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.points === undefined) === (c.formula === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'give exactly one of points or formula' });
    }
    if (c.points !== undefined && (c.polarity === 'negative' ? c.points > 0 : c.points < 0)) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: `a ${c.polarity} code cannot give ${c.points} points` });
    }
  });
export type BehaviourCode = z.infer<typeof BehaviourCode>;

export const BehaviourListBody = z
  .strictObject({
    subjectKind: z.enum(SUBJECT_KINDS),
    retention: z
      .strictObject({
        negativeYears: z.number().positive().optional(),
        positiveYears: z.number().positive().optional(),
      })
      .default({})
      .describe('Default years an event counts after the behaviour ends; what the list leaves unsaid comes from the district policy (shipped: 5)'),
    codes: z.array(BehaviourCode).min(1),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.codes.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['codes', i, 'code'], message: `code ${c.code} is listed twice` });
      seen.add(c.code);
    });
  });
export type BehaviourListBody = z.infer<typeof BehaviourListBody>;
