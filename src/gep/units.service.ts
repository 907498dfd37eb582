/**
 * GEP accounting units: a district, town, village, plot or project, each under a parent, owned by a
 * subject where it has an owner, with the areas that compensation factors read.
 */
import Decimal from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import { getSubject, resolveSubjectRef, type SubjectRefInput } from '../identity/subjects.service.js';
import type { ServiceContext } from '../platform/context.js';
import { gepUnits } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { newId } from '../platform/util/ids.js';
import type { UnitLevel } from '../platform/vocabulary.js';
import { inForce } from '../rules/rule-sets.service.js';

export type GepUnitRow = typeof gepUnits.$inferSelect;
export { UNIT_LEVELS } from '../platform/vocabulary.js';

export interface UnitInput {
  name: string;
  level: UnitLevel;
  owner?: SubjectRefInput | null | undefined;
  areaHa: string;
  ecosystemTypes: string[];
  /** The GEP method the unit is accounted by (a gep-method rule set id). */
  method?: string | null | undefined;
  /** The unit it belongs to, by code. */
  parent?: string | null | undefined;
  /** Its account is the sum of its children's. */
  rollUp?: boolean | undefined;
  redLineAreaHa?: string | null | undefined;
  forestAreaHa?: string | null | undefined;
}

const positiveOrNull = (v: string | null | undefined, pointer: string) => {
  if (v === null || v === undefined) return null;
  if (new Decimal(v).lt(0)) throw fail.field(pointer, 'cannot be negative');
  return new Decimal(v).toString();
};

/** Creates or updates an accounting unit by its code; the id stays the same across updates. */
export async function upsertUnit(ctx: ServiceContext, code: string, input: UnitInput): Promise<{ row: GepUnitRow; created: boolean }> {
  const owner = input.owner ? await resolveSubjectRef(ctx, input.owner, '/owner') : null;
  if (input.method) {
    const named = await inForce(ctx, 'gep-method');
    if (!named.some((m) => m.document.id === input.method)) {
      throw fail.field('/method', `no GEP method '${input.method}' is in force (in force: ${named.map((m) => m.document.id).join(', ') || 'none'})`);
    }
  }
  if (new Decimal(input.areaHa).lte(0)) throw fail.field('/areaHa', 'must be more than 0 ha', 'the area must be positive');
  if (input.parent) {
    if (input.parent === code) throw fail.field('/parent', 'a unit cannot be its own parent');
    const parent = await getUnit(ctx, input.parent).catch(() => {
      throw fail.field('/parent', `no GEP accounting unit '${input.parent}' in district '${ctx.districtId}'`);
    });
    // Walk up: a unit may not end up below itself.
    let at: GepUnitRow | undefined = parent;
    for (let depth = 0; at && depth < 16; depth++) {
      if (at.code === code) throw fail.field('/parent', `'${input.parent}' lies below '${code}': the hierarchy would loop`);
      at = at.parentCode ? await getUnit(ctx, at.parentCode).catch(() => undefined) : undefined;
    }
  }
  const at = ctx.now.toISOString();
  const values = {
    name: input.name,
    level: input.level,
    ownerSubjectId: owner?.id ?? null,
    areaHa: new Decimal(input.areaHa).toString(),
    ecosystemTypes: input.ecosystemTypes,
    methodId: input.method ?? null,
    parentCode: input.parent ?? null,
    rollUp: input.rollUp ?? false,
    redLineAreaHa: positiveOrNull(input.redLineAreaHa, '/redLineAreaHa'),
    forestAreaHa: positiveOrNull(input.forestAreaHa, '/forestAreaHa'),
    updatedAt: at,
  };
  const [row] = await ctx.deps.storage.db
    .insert(gepUnits)
    .values({ id: newId('gpu', ctx.now), districtId: ctx.districtId, code, createdAt: at, ...values })
    .onConflictDoUpdate({ target: [gepUnits.districtId, gepUnits.code], set: values })
    .returning();
  const unit = row as GepUnitRow;
  return { row: unit, created: unit.createdAt === at && unit.updatedAt === at };
}

export async function getUnit(ctx: ServiceContext, code: string): Promise<GepUnitRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(gepUnits)
    .where(and(eq(gepUnits.districtId, ctx.districtId), eq(gepUnits.code, code)));
  if (!row) throw fail.notFound(`no GEP accounting unit '${code}' in district '${ctx.districtId}'`);
  return row;
}

export async function childrenOf(ctx: ServiceContext, unit: GepUnitRow): Promise<GepUnitRow[]> {
  return ctx.deps.storage.db
    .select()
    .from(gepUnits)
    .where(and(eq(gepUnits.districtId, ctx.districtId), eq(gepUnits.parentCode, unit.code)))
    .orderBy(asc(gepUnits.code));
}

export async function unitsOwnedBy(ctx: ServiceContext, subjectId: string): Promise<GepUnitRow[]> {
  return ctx.deps.storage.db
    .select()
    .from(gepUnits)
    .where(and(eq(gepUnits.districtId, ctx.districtId), eq(gepUnits.ownerSubjectId, subjectId)))
    .orderBy(asc(gepUnits.code));
}

/** Who may read a unit's account: the district's staff, and the owner itself. Banks go through assessments and reports. */
export async function readableUnit(ctx: ServiceContext, code: string): Promise<GepUnitRow> {
  const unit = await getUnit(ctx, code);
  if (ctx.principal.type === 'subject') {
    if (!unit.ownerSubjectId) throw fail.forbidden('this unit has no owner; its account is for the district');
    await getSubject(ctx, unit.ownerSubjectId);
  }
  return unit;
}
