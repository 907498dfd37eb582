/** The bureau's statistics: points issued, redeemed, expired and reversed per month and action. */
import { and, eq, gte, lte } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { pointsMonthly } from '../platform/db/schema.js';

export interface StatisticsRow {
  month: string;
  actionCode: string | null;
  issued: number;
  redeemed: number;
  expired: number;
  reversed: number;
}

/**
 * Points issued, expired and reversed per action code and month; redeemed per month (spending is not
 * tied to an action). Read from the monthly sums the database keeps with every entry (points_monthly),
 * so a year of a large district is a few hundred rows, not millions.
 */
export async function statistics(ctx: ServiceContext, range: { from: string; to: string }): Promise<StatisticsRow[]> {
  const rows = await ctx.deps.storage.db
    .select({ month: pointsMonthly.month, kind: pointsMonthly.kind, actionCode: pointsMonthly.actionCode, points: pointsMonthly.points })
    .from(pointsMonthly)
    .where(and(eq(pointsMonthly.districtId, ctx.districtId), gte(pointsMonthly.month, range.from), lte(pointsMonthly.month, range.to)));
  const out = new Map<string, StatisticsRow>();
  for (const r of rows) {
    const actionCode = r.kind === 'redeem' || r.actionCode === '' ? null : r.actionCode;
    const key = `${r.month}|${actionCode ?? ''}`;
    const row = out.get(key) ?? { month: r.month, actionCode, issued: 0, redeemed: 0, expired: 0, reversed: 0 };
    const pts = Number(r.points);
    if (r.kind === 'earn') row.issued += pts;
    else if (r.kind === 'redeem') row.redeemed += -pts;
    else if (r.kind === 'expire') row.expired += -pts;
    else row.reversed += -pts;
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) =>
    a.month === b.month ? (a.actionCode ?? '').localeCompare(b.actionCode ?? '') : a.month < b.month ? -1 : 1,
  );
}
