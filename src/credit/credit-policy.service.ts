import type { ServiceContext } from '../platform/context.js';
import { DomainError, fail } from '../platform/errors.js';
import { compiledBehaviourList, compiledScorecard } from '../rules/compiled-cache.js';
import type { CompiledBehaviourList } from '../rules/kinds/behaviour-list/compile.js';
import type { ScorecardBody } from '../rules/kinds/scorecard/body.js';
import type { CompiledScorecard } from '../rules/kinds/scorecard/compile.js';
import { activeVersion, activeVersionsOfKind, documentOf } from '../rules/rule-sets.service.js';

export interface CreditPolicy {
  scorecard: CompiledScorecard;
  scorecardBody: ScorecardBody;
  list: CompiledBehaviourList;
}

/**
 * The rules that score a kind of subject at an instant: the named scorecard, or the district's primary
 * scorecard for that kind, and the behaviour list it draws on.
 */
export async function creditPolicy(ctx: ServiceContext, subjectKind: 'firm' | 'resident', asOf: Date, scorecardId?: string): Promise<CreditPolicy> {
  let row: Awaited<ReturnType<typeof activeVersion>> | undefined;
  if (scorecardId) {
    row = await activeVersion(ctx, scorecardId, asOf);
  } else {
    const candidates = await activeVersionsOfKind(ctx, 'scorecard', asOf);
    const docs = await Promise.all(candidates.map((r) => documentOf(ctx, r)));
    row = candidates.find((_, i) => {
      const doc = docs[i];
      return doc?.kind === 'scorecard' && doc.body.primary && doc.body.subjectKind === subjectKind;
    });
    if (!row) throw fail.notFound(`district '${ctx.districtId}' has no primary ${subjectKind} scorecard in force`);
  }
  const doc = await documentOf(ctx, row);
  if (doc.kind !== 'scorecard') throw new DomainError('wrong-rule-kind', `rule set '${row.ruleSetId}' is not a scorecard`);
  if (doc.body.subjectKind !== subjectKind) {
    throw new DomainError('wrong-subject-kind', `scorecard '${doc.id}' scores ${doc.body.subjectKind}s, not ${subjectKind}s`);
  }
  if (!doc.body.behaviourList) throw new DomainError('no-behaviour-list', `scorecard '${doc.id}' does not draw on a behaviour list`);
  const listRow = await activeVersion(ctx, doc.body.behaviourList, asOf);
  const listDoc = await documentOf(ctx, listRow);
  if (listDoc.kind !== 'behaviour-list') throw new DomainError('wrong-rule-kind', `rule set '${listRow.ruleSetId}' is not a behaviour list`);
  return {
    scorecard: compiledScorecard(doc, row.hash),
    scorecardBody: doc.body,
    list: compiledBehaviourList(listDoc, listRow.hash),
  };
}

/** Every behaviour list in force, for checks that span subject kinds (the red and black lists). */
export async function activeBehaviourLists(ctx: ServiceContext, asOf: Date): Promise<CompiledBehaviourList[]> {
  const rows = await activeVersionsOfKind(ctx, 'behaviour-list', asOf);
  const docs = await Promise.all(rows.map((r) => documentOf(ctx, r)));
  return rows.flatMap((r, i) => {
    const doc = docs[i];
    return doc?.kind === 'behaviour-list' ? [compiledBehaviourList(doc, r.hash)] : [];
  });
}
