import { getSubject, type SubjectRow } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { DomainError, fail } from '../platform/errors.js';
import { RuleEvaluationError } from '../rules/engine/errors.js';
import type { EventAmount } from '../rules/kinds/behaviour-list/compile.js';
import { creditPolicy } from './credit-policy.service.js';
import { type CreditScore, computeCreditScore } from './credit-score.js';
import { subjectFile } from './events.service.js';
import { subjectObjections } from './objections.service.js';

/**
 * A subject's score, computed from its file every time: there is no stored score to go stale.
 * `asOf` reproduces a past score exactly: later events, objections and rule versions are left out.
 */
export async function getCreditScore(
  ctx: ServiceContext,
  subjectId: string,
  options: { asOf?: Date | undefined; scorecard?: string | undefined; subject?: SubjectRow | undefined },
): Promise<{ subject: SubjectRow; score: CreditScore }> {
  const asOf = options.asOf ?? ctx.now;
  if (asOf > ctx.now) throw fail.invalid('asOf cannot be in the future', [{ pointer: '/asOf', in: 'query', detail: 'in the future' }]);
  // A caller that has just read (and access-checked) the subject passes it in.
  const subject = options.subject?.id === subjectId ? options.subject : await getSubject(ctx, subjectId);
  const policy = await creditPolicy(ctx, subject.kind, asOf, options.scorecard);
  const [events, objections] = await Promise.all([subjectFile(ctx, subjectId), subjectObjections(ctx, subjectId)]);
  try {
    const score = computeCreditScore({
      events: events.map((e) => ({ ...e, amounts: JSON.parse(e.amounts) as EventAmount[] })),
      objections,
      list: policy.list,
      scorecard: policy.scorecard,
      scorecardBody: policy.scorecardBody,
      asOf,
      asOfDate: chinaDate(asOf),
    });
    return { subject, score };
  } catch (error) {
    if (error instanceof RuleEvaluationError) {
      throw new DomainError('scorecard-incomplete', `the scorecard cannot score this subject: ${error.message}`);
    }
    throw error;
  }
}
