/**
 * Reading the query log: who read a subject's data, when, why, under which consent, which report.
 * Subjects see their own entries; auditors see all. The read services write it (platform/audit).
 */
import { and, desc, eq, gte, lt } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { queryLog } from '../platform/db/schema.js';

export type QueryLogRow = typeof queryLog.$inferSelect;

export async function listLog(
  ctx: ServiceContext,
  filter: { subjectId?: string | undefined; actor?: string | undefined; before?: number | undefined; limit: number },
) {
  const conditions = [eq(queryLog.districtId, ctx.districtId)];
  if (filter.subjectId) conditions.push(eq(queryLog.subjectId, filter.subjectId));
  if (filter.actor) conditions.push(eq(queryLog.actor, filter.actor));
  if (filter.before !== undefined) conditions.push(lt(queryLog.seq, filter.before));
  const rows = await ctx.deps.storage.db
    .select()
    .from(queryLog)
    .where(and(...conditions))
    .orderBy(desc(queryLog.seq))
    .limit(filter.limit + 1);
  const items = rows.slice(0, filter.limit);
  return { items, nextCursor: rows.length > filter.limit ? String(items[items.length - 1]?.seq) : null };
}

/** The log lines of the last year (and a day) about a subject: what its query history counts. */
export async function recentQueries(ctx: ServiceContext, subjectId: string): Promise<Array<{ at: string; actorRole: string; purpose: string }>> {
  const since = new Date(ctx.now.getTime() - 367 * 86_400_000).toISOString();
  return ctx.deps.storage.db
    .select({ at: queryLog.at, actorRole: queryLog.actorRole, purpose: queryLog.purpose })
    .from(queryLog)
    .where(and(eq(queryLog.districtId, ctx.districtId), eq(queryLog.subjectId, subjectId), gte(queryLog.at, since)));
}
