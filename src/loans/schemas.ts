/** Schemas of loans that the routes and the stored assessments share. */
import { z } from '@hono/zod-openapi';
import type { Assessment } from '../rules/kinds/loan-product/assess.js';
import { GEP_VALUE_TYPES, PLEDGE_TYPES } from '../rules/kinds/loan-product/body.js';
import { RuleSetRefSchema } from '../rules/schemas.js';

/** An assessment as a bank receives it. */
export const GepLoanAssessment = z
  .object({
    id: z.string(),
    eligible: z.boolean(),
    failedConditions: z.array(z.object({ condition: z.string(), reason: z.string() })),
    pledges: z.array(
      z.object({
        type: z.string(),
        reference: z.string(),
        basis: z.string(),
        basisDescription: z.string(),
        ratio: z.string(),
        ceiling: z.string(),
        account: z
          .object({
            unitCode: z.string(),
            year: z.number().int(),
            valueType: z.enum(GEP_VALUE_TYPES),
            status: z.enum(['open', 'closed']),
            revision: z.number().int().nullable(),
            methodVersionId: z.string(),
          })
          .optional()
          .describe('For a GEP pledge: the account version read (a closed revision, or the open account pinned to its method)'),
      }),
    ),
    pledgeTotal: z.string(),
    lineMultiplier: z.string(),
    cap: z.object({ borrowerKind: z.string(), guarantee: z.string(), max: z.string() }).nullable(),
    ceiling: z.string(),
    requestedAmount: z.string(),
    withinCeiling: z.boolean(),
    termMonths: z.number().int(),
    maxTermMonths: z.number().int(),
    rateAdjustmentBp: z.number().int(),
    grade: z.string(),
    scorecard: RuleSetRefSchema.describe('The scorecard whose grade decided eligibility and the rate'),
    gradeAdjustments: z
      .array(
        z.object({
          id: z.string(),
          reason: z.string(),
          scorecard: z.string(),
          grade: z.string().nullable(),
          applied: z.boolean(),
          lineMultiplier: z.string(),
          bp: z.number().int(),
        }),
      )
      .describe("Conditions on another scorecard's grade (a carbon account, say): whether each applied"),
    reasons: z.array(z.string()),
    ruleSets: z.array(RuleSetRefSchema),
  })
  .openapi('GepLoanAssessment');

/**
 * An assessment as stored with its row: the answer without its id, read back with the answer's schema.
 * The API documents a pledge's type as a string; the stored assessment holds one of the pledge types.
 */
export const StoredAssessment: z.ZodType<Assessment> = GepLoanAssessment.omit({ id: true }).extend({
  pledges: z.array(GepLoanAssessment.shape.pledges.element.extend({ type: z.enum(PLEDGE_TYPES) })),
});
