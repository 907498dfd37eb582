import type { ServiceContext } from '../platform/context.js';
import { DomainError } from '../platform/errors.js';
import { RuleEvaluationError } from './engine/errors.js';
import type { Facts, ScorecardResult } from './kinds/scorecard/compile.js';
import { inForceById } from './rule-sets.service.js';

/** Evaluates the scorecard in force on a date against given facts: the bureau's sandbox. */
export async function evaluateScorecard(ctx: ServiceContext, ruleSetId: string, facts: Facts, onDate?: string): Promise<ScorecardResult> {
  const { compiled } = await inForceById(ctx, 'scorecard', ruleSetId, onDate ? new Date(`${onDate}T23:59:59.999+08:00`) : ctx.now);
  try {
    return compiled.evaluate(facts);
  } catch (error) {
    if (error instanceof RuleEvaluationError) {
      throw new DomainError('evaluation-failed', error.message, { fields: [{ pointer: error.path, detail: error.message }] });
    }
    throw error;
  }
}
