/**
 * The credit rules in force at an instant. A district may run several side by side for the same
 * subjects (a village eco-credit list and scorecard beside a carbon account): an event is checked
 * against every behaviour list in force that knows its code and counts in each; every scorecard in force
 * scores the subject from its own list.
 */
import type { ServiceContext } from '../platform/context.js';
import { DomainError, fail } from '../platform/errors.js';
import { LruCache } from '../platform/lru.js';
import type { SubjectKind } from '../platform/vocabulary.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import { type CompiledBehaviourList, type ScoringBehaviourList, withRetentionDefaults } from '../rules/kinds/behaviour-list/compile.js';
import type { ScorecardBody } from '../rules/kinds/scorecard/body.js';
import type { CompiledScorecard } from '../rules/kinds/scorecard/compile.js';
import { inForce, inForceById } from '../rules/rule-sets.service.js';

export interface CreditPolicy {
  scorecard: CompiledScorecard;
  scorecardBody: ScorecardBody;
  /** The behaviour list the scorecard's facts are drawn from, with the district policy's retention defaults filled in. */
  list: ScoringBehaviourList;
  primary: boolean;
}

/** Every behaviour list in force for a kind of subject. */
export async function behaviourListsFor(ctx: ServiceContext, subjectKind: SubjectKind, asOf: Date): Promise<CompiledBehaviourList[]> {
  return (await inForce(ctx, 'behaviour-list', asOf)).map((l) => l.compiled).filter((l) => l.subjectKind === subjectKind);
}

/** Every behaviour list in force, for checks that span subject kinds (the red and black lists). */
export async function activeBehaviourLists(ctx: ServiceContext, asOf: Date): Promise<CompiledBehaviourList[]> {
  return (await inForce(ctx, 'behaviour-list', asOf)).map((l) => l.compiled);
}

async function withList(ctx: ServiceContext, scorecard: Awaited<ReturnType<typeof inForce<'scorecard'>>>[number], asOf: Date): Promise<CreditPolicy> {
  const body = scorecard.document.body;
  if (!body.behaviourList) throw new DomainError('no-behaviour-list', `scorecard '${scorecard.document.id}' does not draw on a behaviour list`);
  const [list, policy] = await Promise.all([inForceById(ctx, 'behaviour-list', body.behaviourList, asOf), districtPolicy(ctx, asOf)]);
  return { scorecard: scorecard.compiled, scorecardBody: body, list: scoringList(list.compiled, policy), primary: body.primary };
}

const scoringLists = new LruCache<string, ScoringBehaviourList>(256);

/** The list with the retention of the policy in force; both are named by hash, so the pair is cached. */
function scoringList(list: CompiledBehaviourList, policy: Awaited<ReturnType<typeof districtPolicy>>): ScoringBehaviourList {
  const key = `${list.ruleSet.hash}|${policy.ruleSet.hash}`;
  return scoringLists.getOrSet(key, () => withRetentionDefaults(list, policy.retention, policy.ruleSet));
}

/** Every scorecard in force for a kind of subject, the primary one first. */
export async function scorecardsFor(ctx: ServiceContext, subjectKind: SubjectKind, asOf: Date): Promise<CreditPolicy[]> {
  const cards = (await inForce(ctx, 'scorecard', asOf)).filter((s) => s.document.body.subjectKind === subjectKind && s.document.body.behaviourList);
  const policies = await Promise.all(cards.map((c) => withList(ctx, c, asOf)));
  return policies.sort((a, b) => Number(b.primary) - Number(a.primary) || (a.scorecard.ruleSet.id < b.scorecard.ruleSet.id ? -1 : 1));
}

/** The named scorecard, or the district's primary one for the kind, with the behaviour list it draws on. */
export async function creditPolicy(ctx: ServiceContext, subjectKind: SubjectKind, asOf: Date, scorecardId?: string): Promise<CreditPolicy> {
  if (scorecardId) {
    const card = await inForceById(ctx, 'scorecard', scorecardId, asOf);
    if (card.document.body.subjectKind !== subjectKind) {
      throw new DomainError('wrong-subject-kind', `scorecard '${scorecardId}' scores ${card.document.body.subjectKind}s, not ${subjectKind}s`);
    }
    return withList(ctx, card, asOf);
  }
  const primary = (await inForce(ctx, 'scorecard', asOf)).find((s) => s.document.body.primary && s.document.body.subjectKind === subjectKind);
  if (!primary) throw fail.notFound(`district '${ctx.districtId}' has no primary ${subjectKind} scorecard in force`);
  return withList(ctx, primary, asOf);
}
