/**
 * The claim groups of a subject's eco-credit, gathered once for a report or a credential: score and
 * grade, each item with its events, the red and black lists, disputed marks and statements, query
 * history, points summary, GEP assets, assessments. Which groups a purpose may receive is the
 * district policy's to say; which a consent's scope covers is fixed here.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Scope } from '../consents/consents.service.js';
import type { CountedEvent, SubjectStatement } from '../credit/credit-score.js';
import { scoreSubject } from '../credit/score.service.js';
import { accountOf } from '../gep/accounts.service.js';
import { latestYearWithData } from '../gep/measurements.service.js';
import { unitsOwnedBy } from '../gep/units.service.js';
import type { SubjectRow } from '../identity/subjects.service.js';
import { assessmentsFor } from '../loans/loans.service.js';
import type { ServiceContext } from '../platform/context.js';
import { loanAssessments } from '../platform/db/schema.js';
import { pointsSummary } from '../points/ledger.service.js';
import type { RuleSetRef } from '../rules/engine/ruleset-ref.js';
import { CLAIM_GROUPS, type ClaimGroup } from '../rules/kinds/district-policy/body.js';
import { queryHistory } from './query-history.js';
import { recentQueries } from './query-log.service.js';

/** What each consent scope covers: a consent for `credit` lets a bank see the groups of the credit file. */
export const GROUPS_OF_SCOPE: Record<Scope, readonly ClaimGroup[]> = {
  credit: ['score', 'items', 'lists', 'disputes', 'query-history'],
  'points-summary': ['points-summary'],
  'gep-assets': ['gep-assets', 'assessments'],
};

export const scopeOf = (group: ClaimGroup): Scope =>
  (Object.entries(GROUPS_OF_SCOPE) as Array<[Scope, readonly ClaimGroup[]]>).find(([, groups]) => groups.includes(group))?.[0] as Scope;

/** In the canonical order, without repeats. */
export const ordered = (groups: Iterable<ClaimGroup>): ClaimGroup[] => {
  const set = new Set(groups);
  return CLAIM_GROUPS.filter((g) => set.has(g));
};

/** A statement as a report carries it: what the subject said and how it was answered, not who answered. */
const statementOf = (s: SubjectStatement) => ({
  statement: s.statement,
  filedAt: s.filedAt,
  status: s.status,
  resolution: s.resolution,
  resolvedAt: s.resolvedAt,
});

export interface GatheredClaims {
  values: Partial<Record<ClaimGroup, unknown>>;
  ruleSets: RuleSetRef[];
  /** Every credit event behind the score the claims were drawn from: an upheld objection to one revokes the token. */
  events: string[];
}

export interface GatherOptions {
  /** Events inside items carry their disputed mark and statements (a report that carries `disputes` too). */
  marksInItems: boolean;
  /** The assessments to carry; all of the subject's (newest first, at most 20) when absent. */
  assessmentIds?: readonly string[] | undefined;
}

export async function gatherClaims(
  ctx: ServiceContext,
  subject: SubjectRow,
  groups: readonly ClaimGroup[],
  options: GatherOptions,
): Promise<GatheredClaims> {
  const want = new Set(groups);
  const values: GatheredClaims['values'] = {};
  const ruleSets: RuleSetRef[] = [];
  const events = new Set<string>();
  if (want.has('score') || want.has('items') || want.has('lists') || want.has('disputes')) {
    const { score } = await scoreSubject(ctx, subject.id, { subject });
    const eventOf = (e: CountedEvent) => ({
      eventId: e.eventId,
      code: e.code,
      title: e.title,
      occurredOn: e.occurredOn,
      points: e.points,
      ...(options.marksInItems ? { disputed: e.disputed, ...(e.statements ? { statements: e.statements.map(statementOf) } : {}) } : {}),
    });
    for (const i of score.items) for (const e of i.events) events.add(e.eventId);
    for (const o of score.overrides) for (const e of o.events) events.add(e.eventId);
    for (const l of score.lists) events.add(l.eventId);
    if (want.has('score')) {
      values.score = {
        scorecard: score.ruleSets.scorecard,
        asOf: score.asOf,
        score: score.score,
        grade: score.grade,
        gradeLabel: score.gradeLabel,
        scoreGrade: score.scoreGrade,
        overrides: score.overrides.map((o) => ({ reasonCode: o.id, reason: o.reason, grade: o.grade, events: o.events.map((e) => e.eventId) })),
      };
    }
    if (want.has('items'))
      values.items = score.items.map((i) => ({ reasonCode: i.id, reason: i.reason, points: i.points, events: i.events.map(eventOf) }));
    if (want.has('lists')) values.lists = score.lists;
    if (want.has('disputes')) {
      values.disputes = {
        disputed: score.disputed.map((d) => ({ eventId: d.eventId, statement: d.statement, dueOn: d.dueOn })),
        statements: score.statements.map((s) => ({ eventId: s.eventId, ...statementOf(s) })),
      };
    }
    ruleSets.push(score.ruleSets.scorecard, score.ruleSets.behaviourList);
    if (score.ruleSets.districtPolicy) ruleSets.push(score.ruleSets.districtPolicy);
  }
  if (want.has('query-history')) values['query-history'] = queryHistory(await recentQueries(ctx, subject.id), ctx.now);
  if (want.has('points-summary')) values['points-summary'] = await pointsSummary(ctx, subject.id);
  if (want.has('gep-assets')) {
    const units = [];
    for (const unit of await unitsOwnedBy(ctx, subject.id)) {
      const year = await latestYearWithData(ctx, unit);
      // A report reads the closed revision where there is one; an open account is pinned to its method from now on.
      const account = year === null ? null : await accountOf(ctx, unit, year, { pin: true });
      units.push({
        code: unit.code,
        name: unit.name,
        level: unit.level,
        areaHa: unit.areaHa,
        year,
        gep: account
          ? {
              total: account.total,
              categories: account.categories,
              complete: account.complete,
              notAssessed: account.notAssessed,
              status: account.status,
              revision: account.revision,
              methodVersionId: account.methodVersionId,
              increment: account.values.increment,
            }
          : null,
      });
      if (account) ruleSets.push(account.ruleSet);
    }
    values['gep-assets'] = { units };
  }
  if (want.has('assessments')) {
    const ids = options.assessmentIds ?? (await latestAssessments(ctx, subject.id));
    const assessments = await assessmentsFor(ctx, subject.id, ids);
    values.assessments = assessments.map((a) => ({
      id: a.id,
      at: a.createdAt,
      product: a.product,
      eligible: a.eligible,
      failedConditions: a.failedConditions,
      ceiling: a.ceiling,
      rateAdjustmentBp: a.rateAdjustmentBp,
      reasons: a.reasons,
    }));
  }
  return { values, ruleSets, events: [...events] };
}

async function latestAssessments(ctx: ServiceContext, subjectId: string): Promise<string[]> {
  const rows = await ctx.deps.storage.db
    .select({ id: loanAssessments.id })
    .from(loanAssessments)
    .where(and(eq(loanAssessments.districtId, ctx.districtId), eq(loanAssessments.subjectId, subjectId)))
    .orderBy(desc(loanAssessments.createdAt))
    .limit(20);
  return rows.map((r) => r.id);
}

/** Rule sets named once each, by hash, in the order first met. */
export const distinctRuleSets = (refs: readonly RuleSetRef[]): RuleSetRef[] => refs.filter((r, i) => refs.findIndex((o) => o.hash === r.hash) === i);
