import { z } from '@hono/zod-openapi';
import { SUBJECT_KINDS } from '../../../platform/vocabulary.js';
import { EventCode } from '../behaviour-list/body.js';
import { DecimalValue, Slug } from '../common.js';

export const PLEDGE_TYPES = ['gep', 'forest-rights', 'discharge-rights', 'water-rights', 'carbon-sink'] as const;
export type PledgeType = (typeof PLEDGE_TYPES)[number];
/** The three values of a GEP account: the year's flow, its change from the year before, the capitalised asset. */
export const GEP_VALUE_TYPES = ['annual', 'increment', 'asset'] as const;
export type GepValueType = (typeof GEP_VALUE_TYPES)[number];

const Ratio = DecimalValue.refine((v) => Number(v) > 0 && Number(v) <= 1, 'a ratio between 0 and 1');

export const LoanProductBody = z
  .strictObject({
    name: z.string().min(1),
    description: z.string().optional(),
    borrowerKinds: z.array(z.enum(SUBJECT_KINDS)).min(1),
    eligibility: z.strictObject({
      scorecard: Slug.optional().describe(
        "The scorecard whose grade minGrade and rateByGrade read; default: the district's primary scorecard for the borrower's kind",
      ),
      minGrade: z
        .strictObject({ firm: Slug.optional(), resident: Slug.optional() })
        .optional()
        .describe("The lowest credit grade accepted, by kind, from the primary scorecard's bands"),
      noMajorIncidentYears: z.number().int().positive().optional().describe('No major environmental incident in this many years'),
      noAdminPenaltyMonths: z.number().int().positive().optional().describe('No administrative penalty in this many months'),
      adminPenaltyCodes: z.array(EventCode).default(['ENV-PENALTY']),
      notBlackListed: z.boolean().default(true),
      requireEcoPledge: z.boolean().default(false).describe('A signed eco-protection pledge (生态保护承诺书)'),
    }),
    pledges: z
      .strictObject({
        gep: z
          .strictObject({
            ratio: Ratio,
            valueType: z
              .enum(GEP_VALUE_TYPES)
              .default('annual')
              .describe(
                "Which value is lent against: the year's GEP (annual, a flow), its increment over the year before, or the capitalised asset value (VEP)",
              ),
            closedOnly: z.boolean().default(false).describe('Only accounts the bureau has closed (approved) are taken'),
          })
          .optional()
          .describe("GEP of the borrower's own accounting units (latest year, or the year named) × ratio"),
        'forest-rights': z.strictObject({ ratio: Ratio }).optional().describe('Appraised value × ratio'),
        'discharge-rights': z.strictObject({ ratio: Ratio }).optional(),
        'water-rights': z.strictObject({ ratio: Ratio }).optional(),
        'carbon-sink': z
          .strictObject({ referencePrice: DecimalValue, ratio: Ratio.default('1') })
          .optional()
          .describe('Verified tCO2e × reference price (yuan/t-CO2) × ratio'),
      })
      .refine((p) => Object.keys(p).length > 0, 'a product accepts at least one kind of pledge'),
    caps: z
      .array(z.strictObject({ borrowerKind: z.enum(SUBJECT_KINDS), guarantee: z.enum(['none', 'guaranteed', 'collateral']), max: DecimalValue }))
      .min(1)
      .describe('Largest loan per borrower kind and guarantee'),
    maxTermMonths: z.number().int().positive(),
    rateByGrade: z
      .record(Slug, z.strictObject({ bp: z.number().int().min(-1000).max(1000), lineMultiplier: DecimalValue.default('1') }))
      .describe('Rate adjustment in basis points and credit-line multiplier per grade'),
    gradeAdjustments: z
      .array(
        z.strictObject({
          id: Slug,
          reason: z.string().min(1).describe('What the loan officer reads, e.g. 碳账户深绿：授信额度上浮20%，利率下调50BP'),
          scorecard: Slug.describe('Any scorecard of the district, e.g. resident-carbon-account'),
          grades: z.array(Slug).min(1).describe('The grades of that scorecard that earn the adjustment'),
          lineMultiplier: DecimalValue.default('1').describe('Multiplies the credit line, e.g. 1.2 for +20%'),
          bp: z.number().int().min(-1000).max(1000).default(0).describe('Added to the rate adjustment, e.g. -50'),
          required: z.boolean().default(false).describe('Only borrowers with one of these grades are eligible'),
        }),
      )
      .default([])
      .describe('Conditions on the grade of another scorecard: e.g. a deep-green carbon account adds 20% to the line and takes 50 bp off'),
  })
  .superRefine((body, ctx) => {
    for (const kind of body.borrowerKinds) {
      if (!body.caps.some((c) => c.borrowerKind === kind)) ctx.addIssue({ code: 'custom', path: ['caps'], message: `no cap for ${kind} borrowers` });
    }
  });
export type LoanProductBody = z.infer<typeof LoanProductBody>;
