/**
 * A district rescore as a job a bureau starts and follows: every subject registered by the instant,
 * scored as of it with the rules then in force (rescore.service.ts), in slices of a second or so.
 *
 * A slice takes the job's lease, scores pages of subjects from the job's cursor, and commits the
 * cursor, the counts and the grades in one statement that holds only while it still has the lease.
 * So a slice that dies commits nothing, and whoever takes the lease after it (the runner of another
 * process, or a follower's read once the lease has run out) starts again from the last commit: no
 * subject is counted twice or left out. The result is the same whenever it is computed, since nothing
 * recorded after the instant counts.
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import type { JobFailure } from '../platform/db/json-types.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { rescoreJobs } from '../platform/db/schema.js';
import { yieldToOthers } from '../platform/deps.js';
import { DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { addPage, emptyTallies, type KindTally, planRescore, RESCORE_PAGE, rescorePage, subjectsToScore } from './rescore.service.js';

export type RescoreJobRow = typeof rescoreJobs.$inferSelect;

/** How long a slice may hold a job before another may take it over: far longer than a slice runs. */
const LEASE_MS = 60_000;
/** How long a slice scores before it commits its progress. */
export const SLICE_MS = 1000;

export interface RescoreJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  asOf: string;
  scorecardId: string | null;
  subjectsTotal: number;
  subjectsDone: number;
  eventsDone: number;
  results: KindTally[];
  error: JobFailure | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  finishedAt: string | null;
}

function toJob(row: RescoreJobRow): RescoreJob {
  return {
    id: row.id,
    status: row.status,
    asOf: row.asOf,
    scorecardId: row.scorecardId,
    subjectsTotal: row.subjectsTotal,
    subjectsDone: row.subjectsDone,
    eventsDone: row.eventsDone,
    results: row.results,
    error: row.error,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    updatedAt: row.updatedAt,
    finishedAt: row.finishedAt,
  };
}

/** Starts a rescore as of `asOf` (default: now) with the named scorecard or each kind's primary one. */
export async function startRescore(ctx: ServiceContext, input: { asOf?: Date | undefined; scorecard?: string | undefined }): Promise<RescoreJob> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'bureau') throw fail.forbidden('only the bureau rescores the district');
  const committed = committedOutcome<{ jobId: string }>(ctx);
  if (committed) return getRescoreJob(ctx, committed.jobId);
  const asOf = input.asOf ?? ctx.now;
  if (asOf > ctx.now) throw fail.invalid('asOf cannot be in the future', [{ pointer: '/asOf', in: 'body', detail: 'in the future' }]);
  const plan = await planRescore(ctx, { asOf, scorecardId: input.scorecard });
  const total = await subjectsToScore(ctx, plan);
  const id = newId('rsj', ctx.now);
  const at = ctx.now.toISOString();
  const insert = ctx.deps.storage.db
    .insert(rescoreJobs)
    .values({
      id,
      districtId: ctx.districtId,
      status: 'running',
      asOf: asOf.toISOString(),
      scorecardId: input.scorecard ?? null,
      subjectsTotal: total,
      results: emptyTallies(plan),
      createdAt: at,
      createdBy: principalRef(p),
      updatedAt: at,
    })
    .returning();
  const [[row]] = (await commit(ctx, [insert], { jobId: id })) as [RescoreJobRow[]];
  return toJob(row as RescoreJobRow);
}

export async function getRescoreJob(ctx: ServiceContext, jobId: string): Promise<RescoreJob> {
  return toJob(await jobRow(ctx, jobId));
}

async function jobRow(ctx: ServiceContext, jobId: string): Promise<RescoreJobRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(rescoreJobs)
    .where(and(eq(rescoreJobs.districtId, ctx.districtId), eq(rescoreJobs.id, jobId)));
  if (!row) throw fail.notFound(`no rescore job '${jobId}' in district '${ctx.districtId}'`);
  return row;
}

export async function listRescoreJobs(ctx: ServiceContext, limit = 20): Promise<RescoreJob[]> {
  const rows = await ctx.deps.storage.db
    .select()
    .from(rescoreJobs)
    .where(eq(rescoreJobs.districtId, ctx.districtId))
    .orderBy(desc(rescoreJobs.createdAt), desc(rescoreJobs.id))
    .limit(limit);
  return rows.map(toJob);
}

/** A running job whose lease has run out: its slice died (or none has started yet), and anyone may take it up. */
export async function isAbandoned(ctx: ServiceContext, jobId: string): Promise<boolean> {
  const row = await jobRow(ctx, jobId);
  return row.status === 'running' && row.leaseUntil < ctx.deps.clock.now().toISOString();
}

/**
 * Runs one slice of the job, if no one else holds it: scores pages for about `budgetMs`, then commits.
 * Gives back the job as committed, and whether this call held it (false: another slice has it, or it is over).
 */
export async function advanceRescoreJob(
  ctx: ServiceContext,
  jobId: string,
  options: { budgetMs?: number; pageSize?: number; holder?: string; keep?: boolean } = {},
): Promise<{ job: RescoreJob; held: boolean; holder: string }> {
  const { db } = ctx.deps.storage;
  const now = () => ctx.deps.clock.now();
  const holder = options.holder ?? newId('lease', now());
  const leaseUntil = () => new Date(now().getTime() + LEASE_MS).toISOString();
  const [claimed] = await db
    .update(rescoreJobs)
    .set({ leaseHolder: holder, leaseUntil: leaseUntil() })
    .where(
      and(
        eq(rescoreJobs.districtId, ctx.districtId),
        eq(rescoreJobs.id, jobId),
        eq(rescoreJobs.status, 'running'),
        or(sql`${rescoreJobs.leaseUntil} < ${now().toISOString()}`, eq(rescoreJobs.leaseHolder, holder)),
      ),
    )
    .returning();
  if (!claimed) return { job: await getRescoreJob(ctx, jobId), held: false, holder };

  const started = Date.now();
  const budget = options.budgetMs ?? SLICE_MS;
  let after = claimed.cursor;
  let subjectsDone = claimed.subjectsDone;
  let eventsDone = claimed.eventsDone;
  const results = claimed.results;
  let finished = false;
  let failure: JobFailure | undefined;
  try {
    const plan = await planRescore(ctx, { asOf: new Date(claimed.asOf), scorecardId: claimed.scorecardId ?? undefined });
    do {
      const page = await rescorePage(ctx, plan, after, options.pageSize ?? RESCORE_PAGE);
      if (page.last === undefined) {
        finished = true;
        break;
      }
      after = page.last;
      subjectsDone += page.subjects;
      eventsDone += page.events;
      addPage(results, page);
      // better-sqlite3 answers synchronously: give other requests their turn between pages.
      await yieldToOthers(ctx.deps);
    } while (Date.now() - started < budget);
  } catch (error) {
    if (!(error instanceof DomainError)) {
      ctx.deps.logger.error('rescore job failed', { jobId, error: error instanceof Error ? error.message : String(error) });
    }
    failure =
      error instanceof DomainError ? { code: error.code, detail: error.message } : { code: 'internal', detail: 'the rescore failed on our side' };
  }
  const at = now().toISOString();
  const [saved] = await db
    .update(rescoreJobs)
    .set({
      cursor: after,
      subjectsDone,
      eventsDone,
      results,
      updatedAt: at,
      // Kept by a runner that goes on with the next slice, released otherwise.
      leaseHolder: options.keep && !finished && !failure ? holder : null,
      leaseUntil: options.keep && !finished && !failure ? leaseUntil() : '',
      ...(failure ? { status: 'failed' as const, error: failure, finishedAt: at } : {}),
      ...(finished ? { status: 'done' as const, finishedAt: at } : {}),
    })
    .where(and(eq(rescoreJobs.id, jobId), eq(rescoreJobs.leaseHolder, holder)))
    .returning();
  if (!saved) return { job: await getRescoreJob(ctx, jobId), held: false, holder };
  return { job: toJob(saved), held: true, holder };
}

/** Slices until the job is over or someone else holds it; `onProgress` after each. */
export async function runRescoreJob(ctx: ServiceContext, jobId: string, onProgress?: (job: RescoreJob) => void): Promise<RescoreJob> {
  let holder: string | undefined;
  for (;;) {
    const slice = await advanceRescoreJob(ctx, jobId, { holder, keep: true });
    holder = slice.holder;
    onProgress?.(slice.job);
    if (!slice.held || slice.job.status !== 'running') return slice.job;
  }
}
