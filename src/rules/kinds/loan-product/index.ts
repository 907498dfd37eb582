import { defineKind } from '../kind.js';
import { LoanProductBody } from './body.js';
import { compileLoanProduct } from './compile.js';

export const loanProductKind = defineKind({
  name: 'loan-product',
  title: 'GEP 生态贷产品：准入条件、质押率、额度上限与利率调整',
  body: LoanProductBody,
  compile: compileLoanProduct,
  references: (body) => [
    ...(body.eligibility.scorecard ? [{ pointer: '/body/eligibility/scorecard', ruleSetId: body.eligibility.scorecard, kind: 'scorecard' }] : []),
    ...body.gradeAdjustments.map((a, i) => ({ pointer: `/body/gradeAdjustments/${i}/scorecard`, ruleSetId: a.scorecard, kind: 'scorecard' })),
  ],
});
