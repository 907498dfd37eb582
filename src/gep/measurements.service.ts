/**
 * Yearly measurements of a unit: the indicators measured directly, the inputs a method's formulas read
 * (precipitation, NPP, erosion …), and the unit's figures (population, GDP). Kept exactly as recorded;
 * converted into the method's units whenever an account is read.
 */
import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { chunkRows } from '../platform/db/database.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { gepAccounts, gepMeasurements } from '../platform/db/schema.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { exact, type Fraction } from '../rules/formula/exact.js';
import { convert, type Unit, UnitError, unitOf } from '../rules/units/units.js';
import { gepMethod } from './method.service.js';
import { type GepUnitRow, getUnit } from './units.service.js';

/** Figures of a unit that are no indicator: per person, per GDP. */
export const FIGURES = {
  population: { unit: unitOf('person'), title: '常住人口' },
  gdp: { unit: unitOf('yuan'), title: '地区生产总值（GDP）' },
} satisfies Record<string, { unit: Unit; title: string }>;

export interface MeasurementInput {
  indicator: string;
  value: string;
  unit: string;
  source: string;
}

// Drizzle binds one parameter per column of the table on every row, given or not.
const MEASUREMENT_COLUMNS = Object.keys(getTableColumns(gepMeasurements)).length;

/**
 * A year that has not begun in China has no measurements and no account: recording it and reading its
 * account are refused alike, never answered with a total of zero.
 */
export function requireYearBegun(ctx: ServiceContext, year: number, from: 'body' | 'path'): void {
  const thisYear = Number(chinaDate(ctx.now).slice(0, 4));
  if (year > thisYear) {
    throw new DomainError('gep-future-year', `${year} has not begun yet (it is ${thisYear} in China)`, {
      fields: [{ pointer: '/year', in: from, detail: 'in the future' }],
    });
  }
}

/**
 * Checks every measurement against the unit's method (name, unit, sign), then writes all or none.
 * A closed year takes measurements only as a stated correction; a roll-up unit takes no indicator or
 * input of its own (its children hold them: counting both would count twice).
 */
export async function recordMeasurements(
  ctx: ServiceContext,
  code: string,
  year: number,
  inputs: readonly MeasurementInput[],
  correction?: string | undefined,
): Promise<number> {
  const committed = committedOutcome<number>(ctx);
  if (committed !== undefined) return committed;
  const unit = await getUnit(ctx, code);
  requireYearBegun(ctx, year, 'body');
  const [closed] = await ctx.deps.storage.db
    .select({ revision: gepAccounts.revision, closedAt: gepAccounts.closedAt })
    .from(gepAccounts)
    .where(and(eq(gepAccounts.unitId, unit.id), eq(gepAccounts.year, year)))
    .orderBy(desc(gepAccounts.revision))
    .limit(1);
  if (closed && !correction) {
    throw new DomainError(
      'gep-account-closed',
      `the ${year} account of ${code} was closed on ${closed.closedAt} (revision ${closed.revision}): record a correction (with its reason), then close a new revision`,
      { fields: [{ pointer: '/correction', detail: 'required for a closed year' }] },
    );
  }
  const method = await gepMethod(ctx, unit);
  const errors: FieldIssue[] = [];
  const rows: Array<typeof gepMeasurements.$inferInsert> = [];
  const seen = new Set<string>();
  inputs.forEach((m, i) => {
    const at = (f: string) => `/measurements/${i}/${f}`;
    const name = m.indicator;
    const ind = method.indicators.get(name);
    const input = method.inputs.get(name);
    const figure = name in FIGURES ? FIGURES[name as keyof typeof FIGURES] : undefined;
    let target: { unit: Unit; allowNegative: boolean; label: string } | undefined;
    if (ind) {
      if (ind.formula) {
        const needs = ind.needs.inputs.length ? `: record ${ind.needs.inputs.join(', ')}` : '';
        errors.push({ pointer: at('indicator'), detail: `${name} is computed by ${method.ruleSet.id} (${ind.formula.source})${needs}` });
        return;
      }
      target = { unit: ind.quantityUnit, allowNegative: ind.def.quantity.allowNegative, label: ind.def.quantity.unit };
    } else if (input) target = { unit: input.unit, allowNegative: input.allowNegative, label: input.unit.text };
    else if (figure) target = { unit: figure.unit, allowNegative: false, label: figure.unit.text };
    if (!target) {
      errors.push({
        pointer: at('indicator'),
        detail: `${name} is neither an indicator nor an input of ${method.ruleSet.id}, nor population or gdp`,
      });
      return;
    }
    if (unit.rollUp && !figure) {
      errors.push({
        pointer: at('indicator'),
        detail: `${code} adds up its children's accounts: ${name} is measured on them, not here (it would count twice)`,
      });
      return;
    }
    if (seen.has(name)) errors.push({ pointer: at('indicator'), detail: `${name} is given twice` });
    seen.add(name);
    let quantity: Fraction;
    try {
      // Checked against the method in force now; stored as sent, and converted again whenever read.
      quantity = convert(exact(m.value), unitOf(m.unit), target.unit);
    } catch (error) {
      const detail =
        error instanceof UnitError && !error.message.startsWith('unknown')
          ? `${name} is measured in ${target.label}; ${m.unit} measures something else`
          : `${name}: ${(error as Error).message}`;
      errors.push({ pointer: at('unit'), detail });
      return;
    }
    if (quantity.compare(0) < 0 && !target.allowNegative) {
      errors.push({ pointer: at('value'), detail: `${name} cannot be negative` });
      return;
    }
    rows.push({
      districtId: ctx.districtId,
      unitId: unit.id,
      year,
      indicator: name,
      value: m.value,
      unit: m.unit,
      source: correction ? `${m.source}（更正：${correction}）` : m.source,
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

export interface StoredMeasurement {
  name: string;
  value: string;
  unit: string;
  source: string;
  recordedAt: string;
  seq: number;
}

/** The latest measurement of each name for a unit and year, as known at an instant. */
export async function measurementsAsOf(ctx: ServiceContext, unit: GepUnitRow, year: number, asOf: Date): Promise<Map<string, StoredMeasurement>> {
  const rows = await ctx.deps.storage.db
    .select()
    .from(gepMeasurements)
    .where(and(eq(gepMeasurements.unitId, unit.id), eq(gepMeasurements.year, year), sql`${gepMeasurements.recordedAt} <= ${asOf.toISOString()}`))
    .orderBy(desc(gepMeasurements.seq));
  const latest = new Map<string, StoredMeasurement>();
  for (const r of rows) {
    if (!latest.has(r.indicator))
      latest.set(r.indicator, { name: r.indicator, value: r.value, unit: r.unit, source: r.source, recordedAt: r.recordedAt, seq: r.seq });
  }
  return latest;
}

export async function latestYearWithData(ctx: ServiceContext, unit: GepUnitRow): Promise<number | null> {
  const [row] = await ctx.deps.storage.db
    .select({ year: gepMeasurements.year })
    .from(gepMeasurements)
    .where(eq(gepMeasurements.unitId, unit.id))
    .orderBy(desc(gepMeasurements.year))
    .limit(1);
  const [closed] = await ctx.deps.storage.db
    .select({ year: gepAccounts.year })
    .from(gepAccounts)
    .where(eq(gepAccounts.unitId, unit.id))
    .orderBy(desc(gepAccounts.year))
    .limit(1);
  const years = [row?.year, closed?.year].filter((y): y is number => y !== undefined);
  return years.length ? Math.max(...years) : null;
}
