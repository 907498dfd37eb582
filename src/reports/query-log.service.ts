/**
 * Reading the query log: who read a subject's data, when, why, under which consent, which report.
 * Subjects see their own entries; auditors see all. The read services write it (platform/audit).
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { keyset, pageOf } from '../platform/db/paging.js';
import { queryLog } from '../platform/db/schema.js';
import { type CountedQueries, chinaDayStart, windowStarts } from './query-history.js';

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

/**
 * The subject's log lines of the last year, counted by actor role, purpose and the narrowest window
 * they fall in: what its query history shows, read in one bounded answer however often it was queried.
 */
export async function recentQueries(ctx: ServiceContext, subjectId: string): Promise<CountedQueries[]> {
  const [w1, w3, w6, w12] = windowStarts(ctx.now).map((w) => chinaDayStart(w.from));
  const months = sql<number>`CASE WHEN ${queryLog.at} >= ${w1} THEN 1 WHEN ${queryLog.at} >= ${w3} THEN 3 WHEN ${queryLog.at} >= ${w6} THEN 6 ELSE 12 END`;
  return ctx.deps.storage.db
    .select({ actorRole: queryLog.actorRole, purpose: queryLog.purpose, months, count: sql<number>`count(*)` })
    .from(queryLog)
    .where(
      and(
        eq(queryLog.districtId, ctx.districtId),
        eq(queryLog.subjectId, subjectId),
        gte(queryLog.at, w12 as string),
        lte(queryLog.at, ctx.now.toISOString()),
      ),
    )
    .groupBy(queryLog.actorRole, queryLog.purpose, months);
}
