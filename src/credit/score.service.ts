import { getSubject, type SubjectRow } from '../identity/subjects.service.js';
import { logRead } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { DomainError, fail } from '../platform/errors.js';
import { RuleEvaluationError } from '../rules/engine/errors.js';
import { type CreditPolicy, creditPolicy, scorecardsFor } from './credit-policy.service.js';
import { type CreditScore, computeCreditScore } from './credit-score.js';
import { subjectFile } from './events.service.js';
import { subjectObjections } from './objections.service.js';

export interface ScoreOptions {
  asOf?: Date | undefined;
  scorecard?: string | undefined;
  subject?: SubjectRow | undefined;
  all?: boolean | undefined;
}

export interface ScoreResult {
  subject: SubjectRow;
  score: CreditScore;
  scorecards: CreditScore[];
}

/** getCreditScore: a subject's score as someone asks for it; a read by anyone but the subject is in its query log. */
export async function getCreditScore(ctx: ServiceContext, subjectId: string, options: ScoreOptions): Promise<ScoreResult> {
  const result = await scoreSubject(ctx, subjectId, options);
  await logRead(ctx, result.subject.id, 'getCreditScore');
  return result;
}

/**
 * A subject's score, computed from its file every time: there is no stored score to go stale.
 * `asOf` reproduces a past score exactly: later events, objections and rule versions are left out.
 * It writes no query-log line: its callers log the read with their own write (a report, a loan
 * assessment), or score for the district itself (a rescore, an allocation's grade, recorded in it).
 */
export async function scoreSubject(ctx: ServiceContext, subjectId: string, options: ScoreOptions): Promise<ScoreResult> {
  const asOf = options.asOf ?? ctx.now;
  if (asOf > ctx.now) throw fail.invalid('asOf cannot be in the future', [{ pointer: '/asOf', in: 'query', detail: 'in the future' }]);
  // A caller that has just read (and access-checked) the subject passes it in.
  const subject = options.subject?.id === subjectId ? options.subject : await getSubject(ctx, subjectId);
  const policy = await creditPolicy(ctx, subject.kind, asOf, options.scorecard);
  const others = options.all
    ? (await scorecardsFor(ctx, subject.kind, asOf)).filter((p) => p.scorecard.ruleSet.hash !== policy.scorecard.ruleSet.hash)
    : [];
  const [events, objections] = await Promise.all([subjectFile(ctx, subjectId), subjectObjections(ctx, subjectId)]);
  const scoreWith = (p: CreditPolicy) =>
    computeCreditScore({
      events,
      objections,
      list: p.list,
      scorecard: p.scorecard,
      scorecardBody: p.scorecardBody,
      primary: p.primary,
      asOf,
      asOfDate: chinaDate(asOf),
    });
  try {
    const score = scoreWith(policy);
    return { subject, score, scorecards: [score, ...others.map(scoreWith)] };
  } catch (error) {
    if (error instanceof RuleEvaluationError) {
      throw new DomainError('scorecard-incomplete', `the scorecard cannot score this subject: ${error.message}`);
    }
    throw error;
  }
}
