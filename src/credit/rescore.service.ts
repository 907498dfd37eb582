/**
 * Scores every subject of a district as of one instant, a page of subjects at a time, so memory stays
 * flat whatever the size of the district.
 *
 * Each page is one aggregate over the covering index credit_events_subject: SQL groups the events by
 * subject and writes each subject's file in the compact form of score-plan.ts (a few bytes an event,
 * reversals apart), and the plan draws the facts from it and scores. Scoring 2 000 000 events takes
 * about the time SQL takes to aggregate them (bench/credit-bench.ts). A file the plan cannot score on
 * its own (score-plan.ts: NeedsFullScore) is scored by scoreSubject, from the full file.
 */
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import type { KindTally } from '../platform/db/json-types.js';
import { subjects } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { SUBJECT_KINDS, type SubjectKind } from '../platform/vocabulary.js';
import { RuleEvaluationError } from '../rules/engine/errors.js';
import { type CreditPolicy, creditPolicy } from './credit-policy.service.js';
import { scoreSubject } from './score.service.js';
import {
  AMOUNTS_MARK,
  CORRECTION_MARK,
  compileScorePlan,
  END_OF_AMOUNTS,
  ENDED_MARK,
  EVENT_SEPARATOR,
  eventsIn,
  NeedsFullScore,
  type ScorePlan,
  scoreOf,
} from './score-plan.js';

export type { SubjectKind } from '../platform/vocabulary.js';

const KINDS = SUBJECT_KINDS;

/** What a rescore scores with: per kind of subject, the scorecard and behaviour list in force at the instant. */
export interface RescorePlan {
  asOf: Date;
  asOfDate: string;
  scorecardId: string | undefined;
  kinds: Map<SubjectKind, { plan: ScorePlan; policy: CreditPolicy }>;
  /** The aggregate that writes a subject's file in the compact form, built once for the plans. */
  fileOf: ReturnType<typeof sql.raw>;
}

/** A job stores its tallies as JSON, so their shape is defined with the storage schema. */
export type { KindTally } from '../platform/db/json-types.js';

export interface PageResult {
  /** The last subject scored; undefined when there was none left. */
  last: string | undefined;
  subjects: number;
  /** Events on file at the instant (corrections included). */
  events: number;
  /** Per kind, subjects by grade. */
  grades: Map<SubjectKind, Record<string, number>>;
  /** Files scored from the full file rather than the plan. */
  fullScores: number;
}

/** Event codes are UPPER-CASE words joined by dashes (behaviour-list/body.ts): safe to write into SQL as they are. */
const CODE_SHAPE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
const literal = (code: string) => {
  if (!CODE_SHAPE.test(code)) throw new Error(`not an event code: ${code}`);
  return `'${code}'`;
};

/**
 * The rules a rescore as of `asOf` scores with: the named scorecard, or each kind's primary one. A kind
 * without a primary scorecard in force is not scored.
 */
export async function planRescore(ctx: ServiceContext, options: { asOf: Date; scorecardId?: string | undefined }): Promise<RescorePlan> {
  const { asOf } = options;
  const asOfDate = chinaDate(asOf);
  const policies = new Map<SubjectKind, CreditPolicy>();
  if (options.scorecardId) {
    const errors: unknown[] = [];
    for (const kind of KINDS) {
      try {
        policies.set(kind, await creditPolicy(ctx, kind, asOf, options.scorecardId));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors.push(error);
      }
    }
    if (policies.size === 0) throw errors[0];
  } else {
    for (const kind of KINDS) {
      try {
        policies.set(kind, await creditPolicy(ctx, kind, asOf));
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'not-found')) throw error;
      }
    }
    if (policies.size === 0)
      throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no primary scorecard in force on ${asOfDate}`);
  }
  const kinds = new Map<SubjectKind, { plan: ScorePlan; policy: CreditPolicy }>();
  for (const [kind, policy] of policies) {
    kinds.set(kind, {
      policy,
      plan: compileScorePlan({ list: policy.list, scorecard: policy.scorecard, scorecardBody: policy.scorecardBody, asOfDate }),
    });
  }
  // Every piece of the compact form costs SQLite per event, so each is written only where it can occur;
  // codes off the list are left for the plan to skip, which costs less than testing them here.
  const amountCodes = [...new Set([...kinds.values()].flatMap((k) => [...k.plan.amountCodes]))];
  const token = [
    `code || ' ' || occurred_on`,
    `ifnull('${ENDED_MARK}' || ended_on, '')`,
    ...(amountCodes.length > 0
      ? [`iif(code IN (${amountCodes.map(literal).join(', ')}), '${AMOUNTS_MARK}' || amounts || char(${END_OF_AMOUNTS.charCodeAt(0)}), '')`]
      : []),
    `iif(reverses_event_id IS NULL, '', '${CORRECTION_MARK}')`,
  ].join(' || ');
  const fileOf = sql.raw(`group_concat(${token}, '${EVENT_SEPARATOR}')`);
  return { asOf, asOfDate, scorecardId: options.scorecardId, kinds, fileOf };
}

/** Subjects registered by the instant, of the kinds the plan scores. */
export async function subjectsToScore(ctx: ServiceContext, plan: RescorePlan): Promise<number> {
  const [row] = await ctx.deps.storage.db
    .select({ n: sql<number>`count(*)` })
    .from(subjects)
    .where(
      and(eq(subjects.districtId, ctx.districtId), lte(subjects.createdAt, plan.asOf.toISOString()), inArray(subjects.kind, [...plan.kinds.keys()])),
    );
  return Number(row?.n ?? 0);
}

/**
 * One statement a page: the subjects in id order, each with its file in the compact form, read from
 * the covering index (a subject without events gets none), given as arrays rather than objects.
 */
export function pageQuery(ctx: ServiceContext, plan: RescorePlan, after: string, pageSize: number) {
  const asOfIso = plan.asOf.toISOString();
  return sql`SELECT s.id, s.kind,
          (SELECT ${plan.fileOf} FROM credit_events e
            WHERE e.district_id = s.district_id AND e.subject_id = s.id AND e.recorded_at <= ${asOfIso} AND e.occurred_on <= ${plan.asOfDate})
        FROM subjects s
        WHERE s.district_id = ${ctx.districtId} AND s.id > ${after} AND s.created_at <= ${asOfIso} AND s.kind IN (${sql.join(
          [...plan.kinds.keys()].map((k) => sql`${k}`),
          sql`, `,
        )})
        ORDER BY s.id LIMIT ${pageSize}`;
}

/** Scores the next `pageSize` subjects after `after` (a subject id; '' for the first page). */
export async function rescorePage(
  ctx: ServiceContext,
  plan: RescorePlan,
  after: string,
  pageSize: number,
  onScore?: (subjectId: string, score: { score: number; grade: string }) => void,
): Promise<PageResult> {
  const page = await ctx.deps.storage.db.values<[string, SubjectKind, string | null]>(pageQuery(ctx, plan, after, pageSize));
  const result: PageResult = { last: page[page.length - 1]?.[0], subjects: 0, events: 0, grades: new Map(), fullScores: 0 };
  for (const [id, subjectKind, file] of page) {
    const kind = plan.kinds.get(subjectKind);
    if (!kind) continue;
    let score: { score: number; grade: string; events: number };
    try {
      score = scoreOf(kind.plan, file ?? '');
    } catch (error) {
      if (error instanceof NeedsFullScore) {
        score = { ...(await fullScore(ctx, plan, id)), events: eventsIn(file ?? '') };
        result.fullScores++;
      } else if (error instanceof RuleEvaluationError) {
        throw new DomainError('scorecard-incomplete', `the scorecard cannot score subject '${id}': ${error.message}`);
      } else throw error;
    }
    result.subjects++;
    result.events += score.events;
    const grades = result.grades.get(subjectKind) ?? {};
    grades[score.grade] = (grades[score.grade] ?? 0) + 1;
    result.grades.set(subjectKind, grades);
    onScore?.(id, { score: score.score, grade: score.grade });
  }
  return result;
}

async function fullScore(ctx: ServiceContext, plan: RescorePlan, subjectId: string): Promise<{ score: number; grade: string }> {
  const { score } = await scoreSubject({ ...ctx, now: ctx.now < plan.asOf ? plan.asOf : ctx.now }, subjectId, {
    asOf: plan.asOf,
    scorecard: plan.scorecardId,
  });
  return { score: score.score, grade: score.grade };
}

export interface RescoreSummary {
  subjects: number;
  events: number;
  fullScores: number;
  kinds: KindTally[];
}

/** The running totals of a rescore, as its pages come in. */
export function emptyTallies(plan: RescorePlan): KindTally[] {
  return [...plan.kinds].map(([subjectKind, k]) => ({ subjectKind, ruleSets: k.plan.ruleSets, subjects: 0, grades: {} }));
}

export function addPage(tallies: KindTally[], page: PageResult): void {
  for (const [kind, grades] of page.grades) {
    const tally = tallies.find((t) => t.subjectKind === kind);
    if (!tally) continue;
    for (const [grade, n] of Object.entries(grades)) {
      tally.grades[grade] = (tally.grades[grade] ?? 0) + n;
      tally.subjects += n;
    }
  }
}

/** The whole district in one call: for the CLI, the benchmark and tests. The API runs it as a job (rescore-jobs.service.ts). */
export async function rescoreDistrict(
  ctx: ServiceContext,
  options: {
    asOf?: Date;
    scorecardId?: string;
    pageSize?: number;
    onScore?: (subjectId: string, score: { score: number; grade: string }) => void;
  } = {},
): Promise<RescoreSummary> {
  const plan = await planRescore(ctx, { asOf: options.asOf ?? ctx.now, scorecardId: options.scorecardId });
  const kinds = emptyTallies(plan);
  const summary: RescoreSummary = { subjects: 0, events: 0, fullScores: 0, kinds };
  let after = '';
  for (;;) {
    const page = await rescorePage(ctx, plan, after, options.pageSize ?? RESCORE_PAGE, options.onScore);
    if (page.last === undefined) break;
    after = page.last;
    summary.subjects += page.subjects;
    summary.events += page.events;
    summary.fullScores += page.fullScores;
    addPage(kinds, page);
  }
  return summary;
}

/** Subjects a page: about 20 000 events for a village district, some tens of milliseconds of work. */
export const RESCORE_PAGE = 1000;
