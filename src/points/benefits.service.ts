/** Benefits a bureau registers: what points buy, for whom, from when to when, and how many are left. */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { benefits } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import type { SubjectKind } from '../platform/vocabulary.js';
import { refuse } from './refusal.js';

export type BenefitRow = typeof benefits.$inferSelect;

export interface NewBenefit {
  name: string;
  description?: string | undefined;
  cost: number;
  stock?: number | null | undefined;
  holderKinds: Array<SubjectKind>;
  validFrom: string;
  validUntil: string;
}

export async function createBenefit(ctx: ServiceContext, input: NewBenefit): Promise<BenefitRow> {
  if (input.validUntil < input.validFrom) {
    throw fail.invalid('validUntil is before validFrom', [{ pointer: '/validUntil', in: 'body', detail: 'before validFrom' }]);
  }
  const committed = committedOutcome<{ benefitId: string }>(ctx);
  if (committed) return getBenefit(ctx, committed.benefitId);
  const benefitId = newId('ben', ctx.now);
  const insert = ctx.deps.storage.db
    .insert(benefits)
    .values({
      id: benefitId,
      districtId: ctx.districtId,
      name: input.name,
      description: input.description ?? null,
      cost: input.cost,
      stock: input.stock ?? null,
      holderKinds: input.holderKinds,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      createdAt: ctx.now.toISOString(),
      createdBy: principalRef(ctx.principal),
    })
    .returning();
  const [[row]] = (await commit(ctx, [insert], { benefitId })) as [BenefitRow[]];
  return row as BenefitRow;
}

export async function getBenefit(ctx: ServiceContext, benefitId: string): Promise<BenefitRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(benefits)
    .where(and(eq(benefits.districtId, ctx.districtId), eq(benefits.id, benefitId)));
  if (!row) throw refuse('not-found', '/benefitId', `no benefit '${benefitId}' in district '${ctx.districtId}'`);
  return row;
}

export async function listBenefits(
  ctx: ServiceContext,
  filter: { validOn?: string | undefined } = {},
): Promise<Array<BenefitRow & { left: number | null }>> {
  const conditions = [eq(benefits.districtId, ctx.districtId)];
  if (filter.validOn) conditions.push(lte(benefits.validFrom, filter.validOn), gte(benefits.validUntil, filter.validOn));
  const rows = await ctx.deps.storage.db
    .select({
      benefit: benefits, // Qualified by hand: drizzle renders a lone column unqualified, which inside the subquery would mean r.id.
      taken: sql<number>`(SELECT COUNT(*) FROM redemptions r WHERE r.benefit_id = "benefits"."id")`,
    })
    .from(benefits)
    .where(and(...conditions))
    .orderBy(asc(benefits.cost), asc(benefits.id));
  return rows.map((r) => ({ ...r.benefit, left: r.benefit.stock === null ? null : r.benefit.stock - Number(r.taken) }));
}
