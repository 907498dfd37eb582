import type { ServiceContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { compiledScorecard } from './compiled-cache.js';
import { RuleEvaluationError } from './engine/errors.js';
import type { Facts, ScorecardResult } from './kinds/scorecard/compile.js';
import { activeVersion, documentOf } from './rule-sets.service.js';

/** Evaluates the scorecard in force on a date against given facts: the bureau's sandbox. */
export async function evaluateScorecard(ctx: ServiceContext, ruleSetId: string, facts: Facts, onDate?: string): Promise<ScorecardResult> {
  const row = await activeVersion(ctx, ruleSetId, onDate ? new Date(`${onDate}T23:59:59.999+08:00`) : ctx.now);
  const document = await documentOf(ctx, row);
  if (document.kind !== 'scorecard') {
    throw new DomainError('wrong-rule-kind', `rule set '${ruleSetId}' is a ${document.kind}, not a scorecard`);
  }
  try {
    return compiledScorecard(document, row.hash).evaluate(facts);
  } catch (error) {
    if (error instanceof RuleEvaluationError) {
      throw new DomainError('evaluation-failed', error.message, { fields: [{ pointer: error.path, detail: error.message }] });
    }
    throw error;
  }
}
