import { eq } from 'drizzle-orm';
import type { ServiceContext } from '../platform/context.js';
import { districts } from '../platform/db/schema.js';
import type { RuleSource } from '../platform/deps.js';
import { DomainError, fail } from '../platform/errors.js';
import { rotateKey } from '../reports/signing-keys.service.js';
import { installShippedRules } from '../rules/rule-sets.service.js';

export type DistrictRow = typeof districts.$inferSelect;

export async function getDistrict(ctx: ServiceContext): Promise<DistrictRow> {
  const [row] = await ctx.deps.storage.db.select().from(districts).where(eq(districts.id, ctx.districtId));
  if (!row) throw fail.notFound(`no district '${ctx.districtId}'`);
  return row;
}

/**
 * Creates a district and publishes the shipped default rule sets for it, so that it can score from day
 * one. Used by the CLI and the seeds; an operator task, not an API operation.
 */
export async function createDistrict(ctx: ServiceContext, name: string, rules: readonly RuleSource[]): Promise<DistrictRow> {
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(ctx.districtId)) {
    throw fail.invalid('a district id is 2-40 lower-case letters, digits or dashes, starting with a letter', [
      { pointer: '/id', in: 'body', detail: 'invalid district id' },
    ]);
  }
  const [row] = await ctx.deps.storage.db
    .insert(districts)
    .values({ id: ctx.districtId, name, createdAt: ctx.now.toISOString() })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new DomainError('district-exists', `district '${ctx.districtId}' exists already`);
  await installShippedRules(ctx, rules);
  await rotateKey(ctx);
  return row;
}
