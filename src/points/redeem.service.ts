/**
 * Redemptions by holders: a unit of a benefit's stock for its cost in points. The stock and the balance
 * are checked in the statements that write, so two redemptions at once cannot both take the last unit.
 */
import { eq, sql } from 'drizzle-orm';
import { ownSubject } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { commitSql, committedOutcome } from '../platform/db/outcome.js';
import { pointsLedger } from '../platform/db/schema.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { type BenefitRow, getBenefit } from './benefits.service.js';
import { applyExpiry, balanceOf, balanceSql, type LedgerRow } from './ledger.service.js';
import { refuse } from './refusal.js';

export interface RedeemResult {
  redemptionId: string;
  benefit: BenefitRow;
  cost: number;
  entry: LedgerRow;
  balance: number;
}

export async function redeem(ctx: ServiceContext, benefitId: string): Promise<RedeemResult> {
  const holder = await ownSubject(ctx);
  const benefit = await getBenefit(ctx, benefitId);
  const today = chinaDate(ctx.now);
  const committed = committedOutcome<{ redemptionId: string; entryId: string }>(ctx);
  if (committed) return redeemResult(ctx, committed, benefit, holder.id, today);
  await applyExpiry(ctx, holder.id);
  if (!benefit.holderKinds.includes(holder.kind))
    throw refuse('benefit-not-for-holder', '/benefitId', `${benefit.name} is not offered to ${holder.kind}s`);
  if (today < benefit.validFrom || today > benefit.validUntil) {
    throw refuse('benefit-not-valid', '/benefitId', `${benefit.name} can be redeemed from ${benefit.validFrom} to ${benefit.validUntil}`);
  }
  const redemptionId = newId('red', ctx.now);
  const entryId = newId('ple', ctx.now);
  const at = ctx.now.toISOString();
  // Two statements, one atomic unit: the unit of stock is taken only while the balance covers the cost,
  // and the ledger entry is written only if that unit was taken.
  const [taken, written] = await commitSql(
    ctx,
    [
      sql`INSERT INTO redemptions (id, district_id, benefit_id, holder_id, unit, cost, redeemed_at)
      SELECT ${redemptionId}, b.district_id, b.id, ${holder.id},
             COALESCE((SELECT MAX(unit) FROM redemptions WHERE benefit_id = b.id), 0) + 1, b.cost, ${at}
      FROM benefits b
      WHERE b.id = ${benefit.id} AND b.district_id = ${ctx.districtId}
        AND b.valid_from <= ${today} AND b.valid_until >= ${today}
        AND (b.stock IS NULL OR (SELECT COUNT(*) FROM redemptions WHERE benefit_id = b.id) < b.stock)
        AND ${balanceSql(ctx.districtId, holder.id, today)} >= b.cost
      RETURNING id`,
      sql`INSERT INTO points_ledger (id, district_id, holder_id, kind, points, earned_on, available_on, redemption_id, reason, recorded_at, recorded_by)
      SELECT ${entryId}, r.district_id, r.holder_id, 'redeem', -r.cost, ${today}, ${today}, r.id, ${`redeemed: ${benefit.name}`}, ${at}, ${principalRef(ctx.principal)}
      FROM redemptions r WHERE r.id = ${redemptionId}
      RETURNING id`,
    ],
    { redemptionId, entryId },
    sql`SELECT 1 FROM points_ledger WHERE id = ${entryId}`,
  );
  if (!taken?.length || !written?.length) {
    const balance = await balanceOf(ctx, holder.id, today);
    if (balance < benefit.cost)
      throw refuse('insufficient-points', '/benefitId', `${benefit.name} costs ${benefit.cost} points; the balance is ${balance}`);
    throw refuse('sold-out', '/benefitId', `${benefit.name} is sold out`);
  }
  return redeemResult(ctx, { redemptionId, entryId }, benefit, holder.id, today);
}

async function redeemResult(
  ctx: ServiceContext,
  done: { redemptionId: string; entryId: string },
  benefit: BenefitRow,
  holderId: string,
  today: string,
): Promise<RedeemResult> {
  const [entry] = await ctx.deps.storage.db.select().from(pointsLedger).where(eq(pointsLedger.id, done.entryId));
  if (!entry) throw new Error(`ledger entry ${done.entryId} committed but not found`);
  return { redemptionId: done.redemptionId, benefit, cost: -entry.points, entry, balance: await balanceOf(ctx, holderId, today) };
}
