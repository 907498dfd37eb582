import { z } from '@hono/zod-openapi';
import Decimal from 'decimal.js';
import { SUBJECT_KINDS, type SubjectKind } from '../../../platform/vocabulary.js';
import { defineKind } from '../kind.js';
import { assessLoan } from './assess.js';
import { LoanProductBody, PLEDGE_TYPES } from './body.js';
import { compileLoanProduct } from './compile.js';

const ref = { id: 'example', version: 1, hash: 'example' };

export const loanProductKind = defineKind({
  name: 'loan-product',
  title: 'GEP 生态贷产品：准入条件、质押率、额度上限与利率调整',
  body: LoanProductBody,
  compile: compileLoanProduct,
  references: (body) => [
    ...(body.eligibility.scorecard ? [{ pointer: '/body/eligibility/scorecard', ruleSetId: body.eligibility.scorecard, kind: 'scorecard' }] : []),
    ...body.gradeAdjustments.map((a, i) => ({ pointer: `/body/gradeAdjustments/${i}/scorecard`, ruleSetId: a.scorecard, kind: 'scorecard' })),
  ],
  examples: {
    input: z.strictObject({
      borrower: z.strictObject({
        kind: z.enum(SUBJECT_KINDS),
        grade: z.string(),
        gradeOrder: z.array(z.string()).min(1).describe("The scorecard's grades, best first"),
        blackListed: z.boolean().default(false),
        otherGrades: z.record(z.string(), z.string()).default({}).describe('Grades on other scorecards, by scorecard id'),
      }),
      pledges: z.array(z.strictObject({ type: z.enum(PLEDGE_TYPES), reference: z.string(), basis: z.string().describe('yuan') })).min(1),
      request: z.strictObject({
        requestedAmount: z.string(),
        termMonths: z.number().int(),
        guarantee: z.enum(['none', 'guaranteed', 'collateral']),
        ecoPledgeSigned: z.boolean().default(true),
      }),
    }),
    run: (compiled, input) => {
      const { borrower, pledges, request } = input as {
        borrower: { kind: SubjectKind; grade: string; gradeOrder: string[]; blackListed: boolean; otherGrades: Record<string, string> };
        pledges: Array<{ type: (typeof PLEDGE_TYPES)[number]; reference: string; basis: string }>;
        request: { requestedAmount: string; termMonths: number; guarantee: 'none' | 'guaranteed' | 'collateral'; ecoPledgeSigned: boolean };
      };
      const a = assessLoan(
        compiled.body,
        compiled.ruleSet,
        {
          ...borrower,
          gradeLabel: borrower.grade,
          majorIncidents: [],
          adminPenalties: [],
          incidentSince: null,
          penaltySince: null,
          scorecard: ref,
          otherGrades: Object.fromEntries(
            Object.entries(borrower.otherGrades).map(([id, grade]) => [id, { grade, gradeLabel: grade, ruleSet: ref }]),
          ),
        },
        pledges.map((p) => ({ ...p, basis: new Decimal(p.basis), basisDescription: `${p.basis} yuan` })),
        { ...request, requestedAmount: new Decimal(request.requestedAmount) },
        [],
      );
      return { eligible: a.eligible, ceiling: a.ceiling, rateAdjustmentBp: a.rateAdjustmentBp, failed: a.failedConditions.map((f) => f.condition) };
    },
  },
});
