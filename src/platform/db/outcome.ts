/**
 * A retry-safe call's result, committed with its business write (see ServiceContext.outcome). Services
 * write through `commit` instead of `storage.atomic` and start with `committedOutcome`: the two together
 * make a retry after a crash neither write twice nor lose the answer.
 */
import type { SQL } from 'drizzle-orm';
import type { ServiceContext } from '../context.js';
import type { AtomicStatement, RawStatement } from './database.js';

/** What a first attempt committed, when this call is its retry; undefined otherwise. */
export function committedOutcome<T>(ctx: ServiceContext): T | undefined {
  // The stored result was written by the same service from a value of this type.
  return ctx.outcome?.committed?.result as T | undefined;
}

/**
 * Runs the statements as one atomic unit together with the call's result; gives back their rows.
 * `onlyIf`, for a write that may do nothing (ON CONFLICT DO NOTHING, INSERT … SELECT … WHERE): a query
 * that finds the written row, so the result is recorded only when the write took effect.
 */
export async function commit(
  ctx: ServiceContext,
  statements: readonly [AtomicStatement, ...AtomicStatement[]],
  result: unknown,
  onlyIf?: SQL,
): Promise<unknown[][]> {
  const all = ctx.outcome ? [...statements, ctx.outcome.statement(result, onlyIf)] : [...statements];
  const rows = (await ctx.deps.storage.atomic(all as unknown as [AtomicStatement, ...AtomicStatement[]])) as unknown[][];
  return rows.slice(0, statements.length);
}

/** The same for raw statements (INSERT … SELECT with checks in the WHERE). */
export async function commitSql(
  ctx: ServiceContext,
  statements: readonly RawStatement[],
  result: unknown,
  onlyIf?: SQL,
): Promise<Array<Array<Record<string, unknown>>>> {
  // A drizzle query builder renders to SQL; the outcome statement ends in RETURNING like every raw one.
  const extra = ctx.outcome ? [(ctx.outcome.statement(result, onlyIf) as unknown as { getSQL(): SQL }).getSQL()] : [];
  const rows = await ctx.deps.storage.atomicSql([...statements, ...extra]);
  return rows.slice(0, statements.length);
}
