/**
 * Which GEP accounting method a unit is accounted by: the one it names, or the district's only method
 * in force, or, where several are in force side by side, the one marked primary.
 */
import type { ServiceContext } from '../platform/context.js';
import type { gepUnits } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { compiledOf } from '../rules/compiled-cache.js';
import type { CompiledGepMethod } from '../rules/kinds/gep-method/compile.js';
import { documentOf, getVersion, inForce, inForceById } from '../rules/rule-sets.service.js';

export interface MethodVersion {
  versionId: string;
  compiled: CompiledGepMethod;
}

type UnitLike = Pick<typeof gepUnits.$inferSelect, 'code' | 'methodId'> | null;

export async function methodFor(ctx: ServiceContext, unit: UnitLike, asOf: Date = ctx.now): Promise<MethodVersion> {
  if (unit?.methodId) {
    const named = await inForceById(ctx, 'gep-method', unit.methodId, asOf);
    return { versionId: named.head.id, compiled: named.compiled };
  }
  const methods = await inForce(ctx, 'gep-method', asOf);
  if (methods.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no GEP accounting method in force`);
  const primaries = methods.filter((m) => m.compiled.primary);
  if (methods.length > 1 && primaries.length !== 1) {
    throw fail.field(
      '/method',
      `several GEP methods are in force (${methods.map((m) => m.document.id).join(', ')}) and ${primaries.length ? 'more than one' : 'none'} is marked primary: the unit names the one it uses`,
      `unit '${unit?.code ?? ''}' must name its GEP method`,
    );
  }
  const only = (methods.length === 1 ? methods[0] : primaries[0]) as (typeof methods)[number];
  return { versionId: only.head.id, compiled: only.compiled };
}

/** A stored method version, whatever is in force now: what a pinned or closed account was made with. */
export async function methodVersion(ctx: ServiceContext, versionId: string): Promise<MethodVersion> {
  const row = await getVersion(ctx, versionId);
  const doc = await documentOf(ctx, row);
  if (doc.kind !== 'gep-method') throw new DomainError('wrong-rule-kind', `version ${versionId} is a ${doc.kind}, not a GEP method`);
  return { versionId, compiled: compiledOf(doc, row.hash) };
}

/** The compiled method a unit uses now (for checks at recording time). */
export async function gepMethod(ctx: ServiceContext, unit: UnitLike, asOf: Date = ctx.now): Promise<CompiledGepMethod> {
  return (await methodFor(ctx, unit, asOf)).compiled;
}
