/**
 * GEP accounts that never change behind a bank's back. A unit's account for a year is
 * - closed, once the bureau approves it: an immutable revision that loans and reports use; a later
 *   correction is a new revision, and every revision is kept;
 * - open before that, computed from the latest measurements with the method version it was first read,
 *   pledged or reported with (pinned then): publishing a method does not change it.
 * As of any past moment the answer is reproduced exactly: the revision closed by then, or the open
 * account from the measurements recorded by then with the method pinned or in force then.
 */
import Decimal from 'decimal.js';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { logRead } from '../platform/audit/query-log.js';
import type { ServiceContext } from '../platform/context.js';
import { readStored } from '../platform/db/json-types.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { gepAccountPins, gepAccounts } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { exact, toDecimal } from '../rules/formula/exact.js';
import { type AccountRow, type Category, computeAccount, type GepAccount } from '../rules/kinds/gep-method/account.js';
import { convert, type Unit, unitOf } from '../rules/units/units.js';
import type { AccountView } from './account-view.js';
import { FIGURES, measurementsAsOf, requireYearBegun, type StoredMeasurement } from './measurements.service.js';
import { type MethodVersion, methodFor, methodVersion } from './method.service.js';
import { StoredAccount } from './schemas.js';
import { childrenOf, type GepUnitRow, readableUnit } from './units.service.js';

interface Options {
  /** The moment to answer as of; default now. */
  asOf?: Date | undefined;
  /** First use by a reader, a pledge or a report: pins the method version to an open account. */
  pin?: boolean | undefined;
  /** The open account even where a closed revision exists (the bureau's working view). */
  view?: 'current' | 'open' | undefined;
}

/** A closed revision as it was closed. */
const closedView = (row: { id: string; account: unknown }): AccountView => readStored(StoredAccount, row.account, `GEP account ${row.id}`);

async function latestClosed(ctx: ServiceContext, unit: GepUnitRow, year: number, asOf: Date) {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(gepAccounts)
    .where(and(eq(gepAccounts.unitId, unit.id), eq(gepAccounts.year, year), lte(gepAccounts.closedAt, asOf.toISOString())))
    .orderBy(desc(gepAccounts.revision))
    .limit(1);
  return row;
}

async function pinOf(ctx: ServiceContext, unit: GepUnitRow, year: number) {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(gepAccountPins)
    .where(and(eq(gepAccountPins.unitId, unit.id), eq(gepAccountPins.year, year)));
  return row;
}

/** The method an open account is computed with at an instant, pinning it on first use. */
async function methodOf(
  ctx: ServiceContext,
  unit: GepUnitRow,
  year: number,
  asOf: Date,
  pin: boolean,
): Promise<{ method: MethodVersion; pinnedAt: string | null }> {
  const pinned = await pinOf(ctx, unit, year);
  if (pinned && pinned.pinnedAt <= asOf.toISOString()) return { method: await methodVersion(ctx, pinned.methodVersionId), pinnedAt: pinned.pinnedAt };
  const method = await methodFor(ctx, unit, asOf);
  if (!pin || pinned) return { method, pinnedAt: null };
  const [row] = await ctx.deps.storage.db
    .insert(gepAccountPins)
    .values({
      districtId: ctx.districtId,
      unitId: unit.id,
      year,
      methodVersionId: method.versionId,
      pinnedAt: ctx.now.toISOString(),
      pinnedBy: principalRef(ctx.principal),
    })
    .onConflictDoNothing()
    .returning();
  // Two first readers at once: whoever pinned first decides.
  if (!row) return methodOf(ctx, unit, year, asOf, false);
  return { method, pinnedAt: row.pinnedAt };
}

/** A recorded figure in the unit the indicators are computed per (person, yuan), or null where not recorded. */
function figureOf(m: StoredMeasurement | undefined, to: Unit): string | null {
  return m ? toDecimal(convert(exact(m.value), unitOf(m.unit), to)) : null;
}

const ratio = (a: Decimal.Value, b: Decimal.Value, places: number) =>
  new Decimal(a).div(b).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);

/** The account as it stands (closed revision or open account), as of an instant. */
export async function accountOf(ctx: ServiceContext, unit: GepUnitRow, year: number, options: Options = {}): Promise<AccountView> {
  requireYearBegun(ctx, year, 'path');
  const asOf = options.asOf ?? ctx.now;
  if (asOf > ctx.now) throw fail.field('/asOf', 'in the future', 'asOf cannot be in the future');
  if (options.view !== 'open') {
    const closed = await latestClosed(ctx, unit, year, asOf);
    if (closed) return closedView(closed);
  }
  return openAccount(ctx, unit, year, asOf, options.pin === true && options.asOf === undefined);
}

async function openAccount(ctx: ServiceContext, unit: GepUnitRow, year: number, asOf: Date, pin: boolean, depth = 0): Promise<AccountView> {
  if (depth > 8) throw fail.invalid(`the hierarchy above ${unit.code} is deeper than 8 levels`, [{ pointer: '/unitCode', detail: 'too deep' }]);
  const { method, pinnedAt } = await methodOf(ctx, unit, year, asOf, pin);
  const stored = await measurementsAsOf(ctx, unit, year, asOf);
  const figures = {
    population: figureOf(stored.get('population'), FIGURES.population.unit),
    gdp: figureOf(stored.get('gdp'), FIGURES.gdp.unit),
    areaKm2: new Decimal(unit.areaHa).div(100).toString(),
  };
  let account: GepAccount;
  let children: AccountView['children'] = null;
  if (unit.rollUp) {
    const kids = await childrenOf(ctx, unit);
    const views = [];
    for (const child of kids) {
      const closed = await latestClosed(ctx, child, year, asOf);
      views.push({ child, view: closed ? closedView(closed) : await openAccount(ctx, child, year, asOf, pin, depth + 1) });
    }
    children = views.map(({ child, view }) => ({
      code: child.code,
      name: child.name,
      total: view.total,
      status: view.status,
      revision: view.revision,
    }));
    account = sumOfChildren(
      computeAccount(method.compiled, unit.areaHa, year, new Map()),
      views.map((v) => ({ code: v.child.code, account: v.view })),
    );
  } else {
    account = computeAccount(
      method.compiled,
      unit.areaHa,
      year,
      new Map([...stored].map(([name, m]) => [name, { indicator: name, value: m.value, unit: m.unit, source: m.source }])),
    );
  }
  const previous = year > 1990 ? await previousYear(ctx, unit, year - 1, asOf, depth) : null;
  const total = new Decimal(account.total);
  const rate = method.compiled.assetRate;
  return {
    ...account,
    status: 'open',
    revision: null,
    closedAt: null,
    closedBy: null,
    note: null,
    methodVersionId: method.versionId,
    pinnedAt,
    measurements: [...stored.values()].sort((a, b) => a.seq - b.seq).map(({ seq: _s, ...m }) => m),
    children,
    figures,
    indicators: {
      perPerson: figures.population && !new Decimal(figures.population).isZero() ? ratio(total, figures.population, 2) : null,
      perKm2: ratio(total, figures.areaKm2, 2),
      gepToGdp: figures.gdp && !new Decimal(figures.gdp).isZero() ? ratio(total, figures.gdp, 6) : null,
    },
    values: {
      annual: account.total,
      increment: previous ? total.minus(previous.total).toFixed(2) : null,
      asset: rate ? toDecimal(exact(account.total).div(rate.rate).round(2), 2) : null,
      previousYear: previous,
      assetBasis: rate ? `annual GEP ÷ discount rate ${toDecimal(rate.rate)} (${rate.source})` : null,
    },
  };
}

/** Last year's total for the increment: its closed revision, or its open account where anything was assessed. */
async function previousYear(ctx: ServiceContext, unit: GepUnitRow, year: number, asOf: Date, depth: number) {
  const closed = await latestClosed(ctx, unit, year, asOf);
  if (closed) return { year, total: closed.total, status: 'closed' as const };
  if (depth > 0) return null;
  const stored = await measurementsAsOf(ctx, unit, year, asOf);
  if (stored.size === 0 && !unit.rollUp) return null;
  try {
    const open = await openAccount(ctx, unit, year, asOf, false, depth + 1);
    return open.rows.some((r) => r.status === 'assessed') ? { year, total: open.total, status: 'open' as const } : null;
  } catch {
    return null;
  }
}

/** A parent's account as the sum of its children's, indicator by indicator. */
function sumOfChildren(template: GepAccount, children: Array<{ code: string; account: GepAccount }>): GepAccount {
  const rows: AccountRow[] = template.rows.map((row) => {
    const parts = children.flatMap((c) => {
      const r = c.account.rows.find((x) => x.indicator === row.indicator && x.status === 'assessed');
      return r?.value ? [{ code: c.code, value: r.value }] : [];
    });
    if (parts.length === 0) return { ...row, note: 'no child unit has it assessed' };
    const value = parts.reduce((s, p) => s.plus(p.value), new Decimal(0)).toFixed(2);
    return {
      ...row,
      status: 'assessed' as const,
      value,
      formula: parts.map((p) => `${p.code} ${p.value}`).join(' + '),
      steps: parts.map((p) => ({ kind: 'line' as const, name: p.code, title: null, value: p.value, unit: 'yuan' })),
      source: 'sum of the child units',
    };
  });
  const categories: Record<Category, Decimal> = { material: new Decimal(0), regulating: new Decimal(0), cultural: new Decimal(0) };
  for (const r of rows) if (r.value) categories[r.category] = categories[r.category].plus(r.value);
  const total = categories.material.plus(categories.regulating).plus(categories.cultural);
  const share = (v: Decimal.Value) => (total.isZero() ? '0' : new Decimal(v).div(total).toDecimalPlaces(6).toString());
  for (const r of rows) r.share = r.value ? share(r.value) : null;
  const subtotals = new Map<string, { category: string; subtotal: string; value: Decimal; assessed: number; notAssessed: number }>();
  for (const r of rows) {
    const key = `${r.category}|${r.subtotal}`;
    const s = subtotals.get(key) ?? { category: r.category, subtotal: r.subtotal, value: new Decimal(0), assessed: 0, notAssessed: 0 };
    if (r.value) {
      s.value = s.value.plus(r.value);
      s.assessed++;
    } else s.notAssessed++;
    subtotals.set(key, s);
  }
  const notAssessed = rows.filter((r) => r.status !== 'assessed').map((r) => r.indicator);
  return {
    ...template,
    rows,
    subtotals: [...subtotals.values()].map((s) => ({ ...s, value: s.value.toFixed(2), share: share(s.value) })),
    categories: { material: categories.material.toFixed(2), regulating: categories.regulating.toFixed(2), cultural: categories.cultural.toFixed(2) },
    categoryShares: { material: share(categories.material), regulating: share(categories.regulating), cultural: share(categories.cultural) },
    total: total.toFixed(2),
    notAssessed,
    complete: notAssessed.length === 0,
  };
}

/**
 * Closes (approves) a year's account: the open account as it stands becomes an immutable revision.
 * `rebase`: take the method version in force now instead of the pinned one.
 */
export async function closeAccount(
  ctx: ServiceContext,
  unit: GepUnitRow,
  year: number,
  input: { note?: string | undefined; rebase?: boolean | undefined },
): Promise<AccountView> {
  const committed = committedOutcome<{ accountId: string }>(ctx);
  if (committed) return viewOf(ctx, committed.accountId);
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'bureau') throw fail.forbidden('only the bureau closes an account');
  if (input.rebase) await ctx.deps.storage.db.delete(gepAccountPins).where(and(eq(gepAccountPins.unitId, unit.id), eq(gepAccountPins.year, year)));
  const open = await openAccount(ctx, unit, year, ctx.now, true);
  if (!open.rows.some((r) => r.status === 'assessed')) {
    throw fail.invalid(`nothing of ${unit.code}'s ${year} account is assessed: there is nothing to close`, [
      { pointer: '/year', in: 'path', detail: 'no data' },
    ]);
  }
  const [last] = await ctx.deps.storage.db
    .select({ revision: gepAccounts.revision, total: gepAccounts.total })
    .from(gepAccounts)
    .where(and(eq(gepAccounts.unitId, unit.id), eq(gepAccounts.year, year)))
    .orderBy(desc(gepAccounts.revision))
    .limit(1);
  const revision = (last?.revision ?? 0) + 1;
  const id = newId('gac', ctx.now);
  const at = ctx.now.toISOString();
  const view: AccountView = {
    ...open,
    status: 'closed',
    revision,
    closedAt: at,
    closedBy: principalRef(p),
    note: input.note ?? null,
    pinnedAt: open.pinnedAt,
  };
  const insert = ctx.deps.storage.db
    .insert(gepAccounts)
    .values({
      id,
      districtId: ctx.districtId,
      unitId: unit.id,
      year,
      revision,
      methodVersionId: open.methodVersionId,
      methodHash: open.ruleSet.hash,
      total: open.total,
      account: view,
      note: input.note ?? null,
      closedAt: at,
      closedBy: principalRef(p),
    })
    .onConflictDoNothing()
    .returning({ id: gepAccounts.id });
  const [[row]] = (await commit(ctx, [insert], { accountId: id })) as [Array<{ id: string }>];
  if (!row) throw new DomainError('gep-account-closed', `revision ${revision} of ${unit.code}'s ${year} account was closed a moment ago`);
  return view;
}

async function viewOf(ctx: ServiceContext, accountId: string): Promise<AccountView> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(gepAccounts)
    .where(and(eq(gepAccounts.districtId, ctx.districtId), eq(gepAccounts.id, accountId)));
  if (!row) throw fail.notFound(`no closed account '${accountId}'`);
  return closedView(row);
}

/**
 * getGepAccount: a unit's account as someone asks for it. An owned unit's account is its owner's data:
 * a read by anyone but the owner is in the owner's query log. A unit without an owner (a town, the
 * district) belongs to no subject and is not logged.
 */
export async function readGepAccount(
  ctx: ServiceContext,
  unitCode: string,
  year: number,
  options: Omit<Options, 'pin'>,
): Promise<{ unit: GepUnitRow; account: AccountView }> {
  const unit = await readableUnit(ctx, unitCode);
  const account = await accountOf(ctx, unit, year, { ...options, pin: true });
  if (unit.ownerSubjectId) await logRead(ctx, unit.ownerSubjectId, 'getGepAccount');
  return { unit, account };
}

/** listGepAccountRevisions: every closed revision of a unit's year, oldest first; logged for an owned unit as getGepAccount is. */
export async function readGepAccountRevisions(ctx: ServiceContext, unitCode: string, year: number) {
  const unit = await readableUnit(ctx, unitCode);
  const revisions = await revisionsOf(ctx, unit, year);
  if (unit.ownerSubjectId) await logRead(ctx, unit.ownerSubjectId, 'listGepAccountRevisions');
  return revisions;
}

/** Every closed revision of a unit's year, oldest first. */
async function revisionsOf(ctx: ServiceContext, unit: GepUnitRow, year: number) {
  const rows = await ctx.deps.storage.db
    .select()
    .from(gepAccounts)
    .where(and(eq(gepAccounts.unitId, unit.id), eq(gepAccounts.year, year)))
    .orderBy(asc(gepAccounts.revision));
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    total: r.total,
    methodVersionId: r.methodVersionId,
    methodHash: r.methodHash,
    note: r.note,
    closedAt: r.closedAt,
    closedBy: r.closedBy,
  }));
}
