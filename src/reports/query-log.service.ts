/**
 * Reading the query log: who read a subject's data, when, why, under which consent, which report.
 * Subjects see their own entries; auditors see all. The read services write it (platform/audit).
 */
import { and, eq, gte } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { keyset, pageOf } from '../platform/db/paging.js';
import { queryLog } from '../platform/db/schema.js';

export type QueryLogRow = typeof queryLog.$inferSelect;

export async function listLog(
  ctx: ServiceContext,
  filter: { subjectId?: string | undefined; actor?: string | undefined; before?: number | undefined; limit: number },
) {
  const conditions = [eq(queryLog.districtId, ctx.districtId)];
  if (filter.subjectId) conditions.push(eq(queryLog.subjectId, filter.subjectId));
  if (filter.actor) conditions.push(eq(queryLog.actor, filter.actor));
  // Newest first: the cursor is the oldest entry of the page before.
  const page = keyset(queryLog.seq, { after: filter.before, limit: filter.limit, order: 'desc' });
  const rows = await ctx.deps.storage.db
    .select()
    .from(queryLog)
    .where(and(...conditions, page.where))
    .orderBy(page.orderBy)
    .limit(page.take);
  return pageOf(rows, filter.limit, (r) => r.seq);
}

/** The log lines of the last year (and a day) about a subject: what its query history counts. */
export async function recentQueries(ctx: ServiceContext, subjectId: string): Promise<Array<{ at: string; actorRole: string; purpose: string }>> {
  const since = new Date(ctx.now.getTime() - 367 * 86_400_000).toISOString();
  return ctx.deps.storage.db
    .select({ at: queryLog.at, actorRole: queryLog.actorRole, purpose: queryLog.purpose })
    .from(queryLog)
    .where(and(eq(queryLog.districtId, ctx.districtId), eq(queryLog.subjectId, subjectId), gte(queryLog.at, since)));
}
