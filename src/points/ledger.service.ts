/**
 * A holder's points: the ledger, expiry oldest first, the balance and the whole account. Every read of
 * an account starts by writing the expire entries that are due, so a balance never counts expired points.
 */
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { getSubject, type SubjectRow } from '../identity/subjects.service.js';
import { logRead } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addDays } from '../platform/dates.js';
import { keyset, pageOf } from '../platform/db/paging.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { pointsLedger } from '../platform/db/schema.js';
import { newId } from '../platform/util/ids.js';
import { type BenefitRow, listBenefits } from './benefits.service.js';
import { expiriesDue, type LedgerEntryLike, lotStates } from './expiry.js';

export type LedgerRow = typeof pointsLedger.$inferSelect;

/** Writes the expire entries that are due for a holder; safe to repeat (one expiry per lot). */
export async function applyExpiry(ctx: ServiceContext, holderId: string): Promise<void> {
  await entriesAfterExpiry(ctx, holderId);
}

/**
 * A holder's entries, oldest first, after writing the expire entries that are due: what every read of an
 * account starts from. One read of the entries, and a write only on the day a lot runs out.
 */
export async function entriesAfterExpiry(ctx: ServiceContext, holderId: string): Promise<LedgerEntryLike[]> {
  const entries = await holderEntries(ctx, holderId);
  const due = expiriesDue(entries, chinaDate(ctx.now));
  if (due.length === 0) return entries;
  await ctx.deps.storage.db
    .insert(pointsLedger)
    .values(
      due.map((lot) => ({
        id: newId('ple', ctx.now),
        districtId: ctx.districtId,
        holderId,
        kind: 'expire' as const,
        points: -lot.remaining,
        actionCode: lot.actionCode,
        earnedOn: addDays(lot.expiresOn, 1),
        availableOn: addDays(lot.expiresOn, 1),
        lotId: lot.lotId,
        reason: `expired: points earned on ${lot.earnedOn} were valid until ${lot.expiresOn}`,
        recordedAt: ctx.now.toISOString(),
        recordedBy: 'system',
      })),
    )
    .onConflictDoNothing();
  // Read again rather than guess: a concurrent read may have written the same expiries first.
  return holderEntries(ctx, holderId);
}

/** Every entry of a holder, as the expiry and balance rules read them; a prepared query, read on every account. */
const entriesOfHolder = preparedQuery((db) =>
  db
    .select({
      id: pointsLedger.id,
      seq: pointsLedger.seq,
      kind: pointsLedger.kind,
      points: pointsLedger.points,
      actionCode: pointsLedger.actionCode,
      earnedOn: pointsLedger.earnedOn,
      availableOn: pointsLedger.availableOn,
      expiresOn: pointsLedger.expiresOn,
      lotId: pointsLedger.lotId,
    })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, sql.placeholder('districtId')), eq(pointsLedger.holderId, sql.placeholder('holderId'))))
    .orderBy(asc(pointsLedger.seq))
    .prepare(),
);

async function holderEntries(ctx: ServiceContext, holderId: string): Promise<LedgerEntryLike[]> {
  return entriesOfHolder(ctx.deps.storage.db).all({ districtId: ctx.districtId, holderId });
}

/** Available and pending points of a holder's entries on `today`. */
function balances(entries: readonly LedgerEntryLike[], today: string): { balance: number; pending: number } {
  let balance = 0;
  let pending = 0;
  for (const e of entries) {
    if (e.availableOn <= today) balance += e.points;
    else pending += e.points;
  }
  return { balance, pending };
}

/**
 * A holder's balance and pending points, expiry applied: the light read (getPointsBalance), logged when
 * anyone but the holder reads it. The whole account (account()) adds the history and the benefits; a
 * consented report carries pointsSummary(), logged with the report.
 */
export async function pointsBalance(ctx: ServiceContext, holderId: string): Promise<{ holder: SubjectRow; balance: number; pending: number }> {
  const holder = await getSubject(ctx, holderId);
  const result = { holder, ...balances(await entriesAfterExpiry(ctx, holder.id), chinaDate(ctx.now)) };
  await logRead(ctx, holder.id, 'getPointsBalance');
  return result;
}

export const balanceSql = (districtId: string, holderId: string, today: string) =>
  sql`(SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE district_id = ${districtId} AND holder_id = ${holderId} AND available_on <= ${today})`;

export async function balanceOf(ctx: ServiceContext, holderId: string, today: string): Promise<number> {
  const [row] = await ctx.deps.storage.db
    .select({ balance: sql<number>`COALESCE(SUM(${pointsLedger.points}), 0)` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.holderId, holderId), lte(pointsLedger.availableOn, today)));
  return Number(row?.balance ?? 0);
}

export interface PointsAccount {
  holder: SubjectRow;
  balance: number;
  pending: number;
  expiringSoon: Array<{ points: number; expiresOn: string; earnedOn: string; actionCode: string | null }>;
  history: LedgerRow[];
  benefits: Array<BenefitRow & { affordable: boolean; left: number | null }>;
}

/** getPointsAccount: the whole account; a read by anyone but the holder is in the holder's query log. */
export async function account(ctx: ServiceContext, holderId: string): Promise<PointsAccount> {
  const holder = await getSubject(ctx, holderId);
  const today = chinaDate(ctx.now);
  const entries = await entriesAfterExpiry(ctx, holder.id);
  const { balance, pending } = balances(entries, today);
  const horizon = addDays(today, 30);
  const expiringSoon = lotStates(entries)
    .filter((l) => !l.expired && l.remaining > 0 && l.availableOn <= today && l.expiresOn <= horizon)
    .map((l) => ({ points: l.remaining, expiresOn: l.expiresOn, earnedOn: l.earnedOn, actionCode: l.actionCode }));
  const history = await ctx.deps.storage.db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.holderId, holder.id)))
    .orderBy(desc(pointsLedger.seq))
    .limit(20);
  const offered = (await listBenefits(ctx, { validOn: today })).filter((b) => b.holderKinds.includes(holder.kind));
  await logRead(ctx, holder.id, 'getPointsAccount');
  return {
    holder,
    balance,
    pending,
    expiringSoon,
    history,
    benefits: offered.map((b) => ({ ...b, affordable: b.cost <= balance && (b.left === null || b.left > 0) })),
  };
}

/** listPointsLedger: a page of a holder's entries; a read by anyone but the holder is in the holder's query log. */
export async function ledgerPage(
  ctx: ServiceContext,
  holderId: string,
  options: { after?: number | undefined; limit: number; order?: 'asc' | 'desc' | undefined },
) {
  const holder = await getSubject(ctx, holderId);
  await applyExpiry(ctx, holder.id);
  // The cursor is the last entry of the page before, in either direction.
  const page = keyset(pointsLedger.seq, options);
  const rows = await ctx.deps.storage.db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.holderId, holder.id), page.where))
    .orderBy(page.orderBy)
    .limit(page.take);
  await logRead(ctx, holder.id, 'listPointsLedger');
  return pageOf(rows, options.limit, (r) => r.seq);
}

/** Balance and pending points only: what a consented report may carry. Not logged here: the report logs its own read. */
export async function pointsSummary(ctx: ServiceContext, holderId: string): Promise<{ balance: number; pending: number }> {
  return balances(await entriesAfterExpiry(ctx, holderId), chinaDate(ctx.now));
}
