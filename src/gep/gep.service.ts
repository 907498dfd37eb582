/**
 * GEP accounting units, their yearly measurements and their accounts.
 */
import Decimal from 'decimal.js';
import { and, asc, desc, eq, getTableColumns, lte } from 'drizzle-orm';
import { getSubject, resolveSubjectRef, type SubjectRefInput } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { chunkRows } from '../platform/db/database.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { gepMeasurements, gepUnits } from '../platform/db/schema.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { exact, type Fraction } from '../rules/formula/exact.js';
import { computeAccount, type GepAccount, type Measurement } from '../rules/kinds/gep-method/account.js';
import type { CompiledGepMethod } from '../rules/kinds/gep-method/compile.js';
import { inForce, inForceById } from '../rules/rule-sets.service.js';
import { convert, UnitError, unitOf } from '../rules/units/units.js';

export type GepUnitRow = typeof gepUnits.$inferSelect;

/**
 * The accounting method a unit uses: the one it names, or, where it names none, the district's only
 * method in force. Several methods may be in force side by side; a unit of a district with several
 * must name its own.
 */
export async function gepMethod(
  ctx: ServiceContext,
  unit: Pick<GepUnitRow, 'code' | 'methodId'> | null,
  asOf: Date = ctx.now,
): Promise<CompiledGepMethod> {
  if (unit?.methodId) return (await inForceById(ctx, 'gep-method', unit.methodId, asOf)).compiled;
  const methods = await inForce(ctx, 'gep-method', asOf);
  if (methods.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no GEP accounting method in force`);
  if (methods.length > 1) {
    throw fail.field(
      '/method',
      `several GEP methods are in force (${methods.map((m) => m.document.id).join(', ')}): the unit names the one it uses`,
      `unit '${unit?.code ?? ''}' must name its GEP method`,
    );
  }
  return (methods[0] as (typeof methods)[number]).compiled;
}

export interface UnitInput {
  name: string;
  level: 'district' | 'town' | 'plot' | 'project';
  owner?: SubjectRefInput | null | undefined;
  areaHa: string;
  ecosystemTypes: string[];
  /** The GEP method the unit is accounted by (a gep-method rule set id). */
  method?: string | null | undefined;
}

/** Creates or updates an accounting unit by its code; the id stays the same across updates. */
export async function upsertUnit(ctx: ServiceContext, code: string, input: UnitInput): Promise<{ row: GepUnitRow; created: boolean }> {
  const owner = input.owner ? await resolveSubjectRef(ctx, input.owner, '/owner') : null;
  if (input.method) {
    const named = await inForce(ctx, 'gep-method');
    if (!named.some((m) => m.document.id === input.method)) {
      throw fail.field('/method', `no GEP method '${input.method}' is in force (in force: ${named.map((m) => m.document.id).join(', ') || 'none'})`);
    }
  }
  if (new Decimal(input.areaHa).lte(0))
    throw fail.invalid('the area must be positive', [{ pointer: '/areaHa', in: 'body', detail: 'must be more than 0 ha' }]);
  const at = ctx.now.toISOString();
  const values = {
    name: input.name,
    level: input.level,
    ownerSubjectId: owner?.id ?? null,
    areaHa: new Decimal(input.areaHa).toString(),
    ecosystemTypes: JSON.stringify(input.ecosystemTypes),
    methodId: input.method ?? null,
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

export async function unitsOwnedBy(ctx: ServiceContext, subjectId: string): Promise<GepUnitRow[]> {
  return ctx.deps.storage.db
    .select()
    .from(gepUnits)
    .where(and(eq(gepUnits.districtId, ctx.districtId), eq(gepUnits.ownerSubjectId, subjectId)))
    .orderBy(asc(gepUnits.code));
}

export interface MeasurementInput {
  indicator: string;
  value: string;
  unit: string;
  source: string;
}

// Drizzle binds one parameter per column of the table on every row, given or not.
const MEASUREMENT_COLUMNS = Object.keys(getTableColumns(gepMeasurements)).length;

/** Checks every measurement against the method (indicator, unit, sign), then writes all or none. */
export async function recordMeasurements(ctx: ServiceContext, code: string, year: number, inputs: readonly MeasurementInput[]): Promise<number> {
  const committed = committedOutcome<number>(ctx);
  if (committed !== undefined) return committed;
  const unit = await getUnit(ctx, code);
  requireYearBegun(ctx, year, 'body');
  const method = await gepMethod(ctx, unit);
  const errors: FieldIssue[] = [];
  const rows: Array<typeof gepMeasurements.$inferInsert> = [];
  const seen = new Set<string>();
  inputs.forEach((m, i) => {
    const at = (f: string) => `/measurements/${i}/${f}`;
    const ind = method.indicators.get(m.indicator);
    if (!ind) {
      errors.push({ pointer: at('indicator'), in: 'body', detail: `${m.indicator} is not an indicator of ${method.ruleSet.id}` });
      return;
    }
    if (seen.has(m.indicator)) errors.push({ pointer: at('indicator'), in: 'body', detail: `${m.indicator} is given twice` });
    seen.add(m.indicator);
    let quantity: Fraction;
    try {
      // Checked against the method in force now; stored as sent, and converted again whenever read.
      quantity = convert(exact(m.value), unitOf(m.unit), ind.quantityUnit);
    } catch (error) {
      const detail =
        error instanceof UnitError && !error.message.startsWith('unknown')
          ? `${m.indicator} is measured in ${ind.def.quantity.unit}; ${m.unit} measures something else`
          : `${m.indicator}: ${(error as Error).message}`;
      errors.push({ pointer: at('unit'), in: 'body', detail });
      return;
    }
    if (quantity.compare(0) < 0 && !ind.def.quantity.allowNegative) {
      errors.push({ pointer: at('value'), in: 'body', detail: `${m.indicator} cannot be negative` });
      return;
    }
    rows.push({
      districtId: ctx.districtId,
      unitId: unit.id,
      year,
      indicator: m.indicator,
      value: m.value,
      unit: m.unit,
      source: m.source,
      recordedAt: ctx.now.toISOString(),
      recordedBy: principalRef(ctx.principal),
    });
  });
  if (errors.length) throw fail.invalid(`${errors[0]?.detail}; nothing was recorded`, errors);
  const { db, maxBoundParameters } = ctx.deps.storage;
  const chunks = chunkRows(rows, MEASUREMENT_COLUMNS, maxBoundParameters).map((c) =>
    db.insert(gepMeasurements).values(c).returning({ seq: gepMeasurements.seq }),
  );
  if (chunks.length) await commit(ctx, chunks as unknown as Parameters<typeof commit>[1], rows.length);
  return rows.length;
}

/**
 * A year that has not begun in China has no measurements and no account: recording it and reading its
 * account are refused alike, never answered with a total of zero.
 */
function requireYearBegun(ctx: ServiceContext, year: number, from: 'body' | 'path'): void {
  const thisYear = Number(chinaDate(ctx.now).slice(0, 4));
  if (year > thisYear) {
    throw new DomainError('gep-future-year', `${year} has not begun yet (it is ${thisYear} in China)`, {
      fields: [{ pointer: '/year', in: from, detail: 'in the future' }],
    });
  }
}

/** The account of a unit for a year, from the latest measurement of each indicator. */
export async function unitAccount(ctx: ServiceContext, unit: GepUnitRow, year: number): Promise<GepAccount> {
  requireYearBegun(ctx, year, 'path');
  const method = await gepMethod(ctx, unit);
  const rows = await ctx.deps.storage.db
    .select()
    .from(gepMeasurements)
    .where(and(eq(gepMeasurements.unitId, unit.id), eq(gepMeasurements.year, year), lte(gepMeasurements.recordedAt, ctx.now.toISOString())))
    .orderBy(desc(gepMeasurements.seq));
  const latest = new Map<string, Measurement>();
  for (const r of rows)
    if (!latest.has(r.indicator)) latest.set(r.indicator, { indicator: r.indicator, value: r.value, unit: r.unit, source: r.source });
  return computeAccount(method, unit.areaHa, year, latest);
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

export async function latestYearWithData(ctx: ServiceContext, unit: GepUnitRow): Promise<number | null> {
  const [row] = await ctx.deps.storage.db
    .select({ year: gepMeasurements.year })
    .from(gepMeasurements)
    .where(eq(gepMeasurements.unitId, unit.id))
    .orderBy(desc(gepMeasurements.year))
    .limit(1);
  return row?.year ?? null;
}
