/**
 * Compensation allocations and the bureau's rule lifecycle: simulate a draft, diff it against what is
 * published, publish it with an effective date, run allocations, and re-run an old one to the fen.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { readStored } from '../platform/db/json-types.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { allocationRuns } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { compiledOf } from '../rules/compiled-cache.js';
import { RuleCompileError } from '../rules/engine/errors.js';
import { AllocationError, type AllocationInput, type AllocationResult, allocate, type RecordRead } from '../rules/kinds/allocation/allocate.js';
import { activeVersion, documentOf, getVersion, type RuleSetVersionHead } from '../rules/rule-sets.service.js';
import { changeOf, fenOf, totalOf } from './changes.js';
import { fillFromRecords, type RunRequest } from './record-inputs.service.js';
import { StoredAllocationInput, StoredAllocationResult } from './schemas.js';
import { summary } from './statistics.js';

export type AllocationRunRow = typeof allocationRuns.$inferSelect;

const resultOf = (run: AllocationRunRow) => readStored(StoredAllocationResult, run.result, `result of allocation ${run.id}`);
const inputsOf = (run: Pick<AllocationRunRow, 'id' | 'inputs'>) => readStored(StoredAllocationInput, run.inputs, `inputs of allocation ${run.id}`);

export type { RunRequest } from './record-inputs.service.js';

async function compiledAllocation(ctx: ServiceContext, row: RuleSetVersionHead) {
  const doc = await documentOf(ctx, row);
  if (doc.kind !== 'allocation') throw new DomainError('wrong-rule-kind', `rule set '${row.ruleSetId}' is a ${doc.kind}, not an allocation`);
  return compiledOf(doc, row.hash);
}

function refused(row: RuleSetVersionHead, error: unknown): never {
  if (error instanceof AllocationError || error instanceof RuleCompileError) {
    throw new DomainError('allocation-refused', `${row.ruleSetId}: ${error.message}`, {
      fields: [{ pointer: error.pointer, detail: error.message }],
    });
  }
  throw error;
}

/**
 * A version run on a request: the inputs the rule file takes from the records filled in first (and
 * kept with what was read), then the allocation. Gives back the input as filled: what a re-run needs.
 */
async function compute(
  ctx: ServiceContext,
  row: RuleSetVersionHead,
  request: RunRequest,
  reads?: RecordRead[],
): Promise<{ input: AllocationInput; result: AllocationResult }> {
  const compiled = await compiledAllocation(ctx, row);
  const filled = reads ? { input: request, reads } : await fillFromRecords(ctx, compiled.body, request);
  try {
    const result = allocate(compiled, filled.input);
    return { input: filled.input, result: filled.reads.length ? { ...result, reads: filled.reads } : result };
  } catch (error) {
    refused(row, error);
  }
}

export async function runAllocation(
  ctx: ServiceContext,
  ruleSetId: string,
  request: RunRequest,
): Promise<{ run: AllocationRunRow; result: AllocationResult }> {
  const committed = committedOutcome<{ runId: string }>(ctx);
  if (committed) {
    const run = await getRun(ctx, committed.runId);
    return { run, result: resultOf(run) };
  }
  const version = await activeVersion(ctx, ruleSetId, ctx.now);
  const { input, result } = await compute(ctx, version, request);
  const runId = newId('alc', ctx.now);
  const insert = ctx.deps.storage.db
    .insert(allocationRuns)
    .values({
      id: runId,
      districtId: ctx.districtId,
      ruleSetId,
      versionId: version.id,
      hash: version.hash,
      period: input.period,
      fund: result.fund,
      total: result.total,
      inputs: input,
      result,
      createdAt: ctx.now.toISOString(),
      createdBy: principalRef(ctx.principal),
    })
    .returning();
  const [[run]] = (await commit(ctx, [insert], { runId })) as [AllocationRunRow[]];
  return { run: run as AllocationRunRow, result };
}

async function getRun(ctx: ServiceContext, id: string): Promise<AllocationRunRow> {
  const [run] = await ctx.deps.storage.db
    .select()
    .from(allocationRuns)
    .where(and(eq(allocationRuns.districtId, ctx.districtId), eq(allocationRuns.id, id)));
  if (!run) throw fail.notFound(`no allocation '${id}' in district '${ctx.districtId}'`);
  return run;
}

export async function getAllocation(ctx: ServiceContext, id: string, recompute: boolean) {
  const run = await getRun(ctx, id);
  const stored = resultOf(run);
  if (!recompute) return { run, result: stored, reproduced: null };
  // The version the run used, whatever has been published since, with the inputs it stored.
  const { result: again } = await compute(ctx, await getVersion(ctx, run.versionId), inputsOf(run), stored.reads ?? []);
  // Compared with the column as stored (drizzle's parse of it stringifies back to the same text), not
  // with the schema's copy, whose keys are in the schema's order.
  return { run, result: stored, reproduced: JSON.stringify(again) === JSON.stringify(run.result) };
}

/** The runs of the district, newest first, optionally of one rule set: heads only, without inputs and results. */
export async function listRuns(ctx: ServiceContext, filter: { ruleSetId?: string | undefined; limit: number }) {
  const conditions = [eq(allocationRuns.districtId, ctx.districtId)];
  if (filter.ruleSetId) conditions.push(eq(allocationRuns.ruleSetId, filter.ruleSetId));
  return (
    ctx.deps.storage.db
      .select({
        id: allocationRuns.id,
        ruleSetId: allocationRuns.ruleSetId,
        versionId: allocationRuns.versionId,
        hash: allocationRuns.hash,
        period: allocationRuns.period,
        fund: allocationRuns.fund,
        total: allocationRuns.total,
        createdAt: allocationRuns.createdAt,
        createdBy: allocationRuns.createdBy,
      })
      .from(allocationRuns)
      .where(and(...conditions))
      // Runs made in the same millisecond (a fixed clock, a batch) keep the order they were written in.
      .orderBy(desc(allocationRuns.createdAt), desc(sql`rowid`))
      .limit(filter.limit)
  );
}

async function lastInputs(ctx: ServiceContext, ruleSetId: string): Promise<AllocationInput> {
  // Only the inputs: a run's stored result is several megabytes at 10 000 recipients, and not needed here.
  const [last] = await ctx.deps.storage.db
    .select({ id: allocationRuns.id, inputs: allocationRuns.inputs })
    .from(allocationRuns)
    .where(and(eq(allocationRuns.districtId, ctx.districtId), eq(allocationRuns.ruleSetId, ruleSetId)))
    .orderBy(desc(allocationRuns.createdAt), desc(sql`rowid`))
    .limit(1);
  if (!last) throw new DomainError('no-inputs', `rule set '${ruleSetId}' has never been run: give the inputs to simulate with`);
  return inputsOf(last);
}

export async function simulate(
  ctx: ServiceContext,
  versionId: string,
  request?: RunRequest,
): Promise<{ inputsFrom: 'given' | 'last-run'; result: AllocationResult }> {
  const version = await getVersion(ctx, versionId);
  const { result } = await compute(ctx, version, request ?? (await lastInputs(ctx, version.ruleSetId)));
  return { inputsFrom: request ? 'given' : 'last-run', result };
}

export interface RecipientChange {
  id: string;
  before: string | null;
  after: string | null;
  change: string;
  changePercent: string | null;
  crossed: string[];
}

export async function diff(ctx: ServiceContext, ruleSetId: string, candidateVersionId: string, baseVersionId?: string, request?: RunRequest) {
  const candidate = await getVersion(ctx, candidateVersionId);
  const base = baseVersionId ? await getVersion(ctx, baseVersionId) : await activeVersion(ctx, ruleSetId, ctx.now);
  if (candidate.ruleSetId !== ruleSetId || base.ruleSetId !== ruleSetId) {
    throw fail.invalid('both versions must belong to the rule set compared', [
      { pointer: '/candidateVersionId', in: 'body', detail: `not a version of ${ruleSetId}` },
    ]);
  }
  const given = request ?? (await lastInputs(ctx, ruleSetId));
  const { input, result: before } = await compute(ctx, base, given);
  const { result: after } = await compute(ctx, candidate, given);
  const amounts = (r: AllocationResult) => new Map(r.recipients.map((x) => [x.id, x]));
  const b = amounts(before);
  const a = amounts(after);
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const changes: RecipientChange[] = ids.map((id) => {
    const x = b.get(id);
    const y = a.get(id);
    const crossed: string[] = [];
    if (x?.constrained !== y?.constrained) {
      if (y?.constrained) crossed.push(`now at the ${y.constrained}`);
      if (x?.constrained) crossed.push(`no longer at the ${x.constrained}`);
    }
    return {
      id,
      before: x?.amount ?? null,
      after: y?.amount ?? null,
      ...changeOf(fenOf(x?.amount ?? '0'), fenOf(y?.amount ?? '0')),
      crossed,
    };
  });
  const amountsOf = (r: AllocationResult) => r.recipients.map((x) => x.amount);
  return {
    ruleSetId,
    base: { versionId: base.id, hash: base.hash, status: base.status },
    candidate: { versionId: candidate.id, hash: candidate.hash, status: candidate.status },
    period: input.period,
    changes,
    totalChange: totalOf(changes),
    summary: { before: summary(amountsOf(before)), after: summary(amountsOf(after)) },
    before,
    after,
  };
}
