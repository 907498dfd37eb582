/**
 * Ecological points: awards by recording agencies, redemptions by holders, expiry oldest first.
 * Every check that must hold when the row is written (caps, de-duplication, consent, balance, stock) is
 * part of the SQL statement that writes it, so it holds under concurrent requests on SQLite and on D1.
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { getSubject, ownSubject, resolveSubjectRef, type SubjectRefInput, type SubjectRow } from '../identity/subjects.service.js';
import { logRead } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addDays } from '../platform/dates.js';
import { commit, commitSql, committedOutcome } from '../platform/db/outcome.js';
import { keyset, pageOf } from '../platform/db/paging.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { apiClients, benefits, pointsLedger, pointsMonthly, pointsSourceConsents } from '../platform/db/schema.js';
import { DomainError, type ErrorCode, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import type { SubjectKind } from '../platform/vocabulary.js';
import { availableOn, awardPoints, dedupKeyFor, expiresOn, isRefusal } from '../rules/kinds/points-catalogue/award.js';
import type { PointsAction } from '../rules/kinds/points-catalogue/body.js';
import type { CompiledCatalogue } from '../rules/kinds/points-catalogue/compile.js';
import { inForce } from '../rules/rule-sets.service.js';
import { expiriesDue, type LedgerEntryLike, lotStates } from './expiry.js';

export type LedgerRow = typeof pointsLedger.$inferSelect;
export type BenefitRow = typeof benefits.$inferSelect;

/**
 * The catalogue an award is made under. Several may be in force side by side (the city's, a transit
 * platform's), each with its own caps: the award names its catalogue, or the action must be in one only.
 */
async function catalogueFor(ctx: ServiceContext, actionCode: string, catalogueId: string | undefined): Promise<CompiledCatalogue> {
  const all = (await inForce(ctx, 'points-catalogue')).map((c) => c.compiled);
  if (all.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no points catalogue in force`);
  if (catalogueId !== undefined) {
    const named = all.find((c) => c.ruleSet.id === catalogueId);
    if (!named)
      throw refuse(
        'unknown-action',
        '/catalogue',
        `no points catalogue '${catalogueId}' is in force (in force: ${all.map((c) => c.ruleSet.id).join(', ')})`,
      );
    return named;
  }
  const holding = all.filter((c) => c.actions.has(actionCode));
  if (holding.length > 1) {
    throw refuse(
      'validation',
      '/catalogue',
      `${actionCode} is in several catalogues (${holding.map((c) => c.ruleSet.id).join(', ')}): name the catalogue`,
    );
  }
  return holding[0] ?? (all[0] as CompiledCatalogue);
}

/** Every points catalogue in force: how points are earned, for the pages and the bureau. */
export async function cataloguesInForce(ctx: ServiceContext): Promise<CompiledCatalogue[]> {
  return (await inForce(ctx, 'points-catalogue')).map((c) => c.compiled);
}

/** The catalogues in force, as written: what earns points, how many, with which caps. */
export async function cataloguesAsWritten(ctx: ServiceContext) {
  const all = await inForce(ctx, 'points-catalogue');
  if (all.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no points catalogue in force`);
  return all.map((c) => ({ ruleSet: c.compiled.ruleSet, title: c.document.title, actions: c.document.body.actions }));
}

/** Each data source the catalogue names, and whether this holder lets it award points (on unless switched off). */
export async function sourceStates(ctx: ServiceContext, holderId: string) {
  const holder = await getSubject(ctx, holderId);
  const actions = (await cataloguesAsWritten(ctx)).flatMap((c) => c.actions);
  const rows = await ctx.deps.storage.db
    .select()
    .from(pointsSourceConsents)
    .where(and(eq(pointsSourceConsents.districtId, ctx.districtId), eq(pointsSourceConsents.holderId, holder.id)));
  const bySource = new Map(rows.map((r) => [r.source, r]));
  const sources = new Map<string, string[]>();
  for (const a of actions) if (a.source && a.holders.includes(holder.kind)) sources.set(a.source, [...(sources.get(a.source) ?? []), a.code]);
  // A source switched off earlier stays listed even when the catalogue no longer names it.
  for (const r of rows) if (!sources.has(r.source)) sources.set(r.source, []);
  // Which sources a holder switched off is its own choice about its data: a read by the bureau is logged.
  await logRead(ctx, holder.id, 'listPointsSources');
  return [...sources].map(([source, actionCodes]) => {
    const row = bySource.get(source);
    return { source, actions: actionCodes, enabled: row ? row.enabled : true, changedAt: row?.changedAt ?? null };
  });
}

export interface AwardInput {
  holder: SubjectRefInput;
  action: string;
  amount?: { value: string; unit: string } | undefined;
  occurredOn?: string | undefined;
  reference?: string | undefined;
  evidence?: string | undefined;
  /** The catalogue the action is in, where several in force list it. */
  catalogue?: string | undefined;
}

export interface AwardResult {
  entry: LedgerRow;
  requested: number;
  awarded: number;
  refused: { points: number; reason: string } | null;
  ruleSet: { id: string; version: number; hash: string };
}

const refuse = (code: ErrorCode, field: string, detail: string) => new DomainError(code, detail, { fields: [{ pointer: field, detail }] });

export async function award(ctx: ServiceContext, input: AwardInput): Promise<AwardResult> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'recorder' || !p.agency) throw fail.forbidden('only a recording agency awards points');
  const holder = await resolveSubjectRef(ctx, input.holder, '/holder');
  const { ruleSet: ref, actions } = await catalogueFor(ctx, input.action, input.catalogue);
  const committed = committedOutcome<AwardOutcome>(ctx);
  if (committed) return awardResult(ctx, committed, actions.get(input.action), ref);
  const action = actions.get(input.action);
  if (!action) throw refuse('unknown-action', '/action', `${input.action} is not in the points catalogue ${ref.id}`);
  if (!action.holders.includes(holder.kind)) throw refuse('action-not-for-holder', '/action', `${action.code} is not awarded to ${holder.kind}s`);
  if (!action.recorders.includes(p.agency))
    throw refuse('action-not-permitted', '/action', `${p.agency} may not award ${action.code} (awarded by ${action.recorders.join(', ')})`);
  const today = chinaDate(ctx.now);
  const earnedOn = input.occurredOn ?? today;
  if (earnedOn > today) throw refuse('validation', '/occurredOn', `${earnedOn} is in the future`);
  const points = awardPoints(action, input.amount);
  if (isRefusal(points)) throw refuse(points.code, points.field, points.reason);
  const dedupKey = dedupKeyFor(action, { holder: holder.id, date: earnedOn, reference: input.reference });
  if (isRefusal(dedupKey)) throw refuse(dedupKey.code, dedupKey.field, dedupKey.reason);

  const id = newId('ple', ctx.now);
  const dayCap = action.caps.perDay ?? Number.MAX_SAFE_INTEGER;
  const monthCap = action.caps.perMonth ?? Number.MAX_SAFE_INTEGER;
  const dayActions = action.caps.perDayActions ?? Number.MAX_SAFE_INTEGER;
  const monthActions = action.caps.perMonthActions ?? Number.MAX_SAFE_INTEGER;
  const month = earnedOn.slice(0, 7);
  const reason = `${action.title}${input.amount ? ` (${input.amount.value} ${input.amount.unit})` : ''}`;
  // Caps count what stands, per catalogue: an award less what was reversed of it (a wrong award,
  // withdrawn, frees its room), and an award reversed whole is no longer an action.
  const standing = sql`(e.points + COALESCE((SELECT SUM(r.points) FROM points_ledger r WHERE r.lot_id = e.id AND r.kind = 'reverse'), 0))`;
  const sameAction = (from: string, to: string) =>
    sql`FROM points_ledger e WHERE e.district_id = ${ctx.districtId} AND e.holder_id = ${holder.id} AND e.action_code = ${action.code} AND e.rule_set_id = ${ref.id} AND e.kind = 'earn' AND e.earned_on BETWEEN ${from} AND ${to}`;
  const usedOn = (from: string, to: string) => sql`(SELECT COALESCE(SUM(${standing}), 0) ${sameAction(from, to)})`;
  const actionsOn = (from: string, to: string) => sql`(SELECT COUNT(*) ${sameAction(from, to)} AND ${standing} > 0)`;
  // One statement: the grant is cut to what is left under both caps, and nothing is written when
  // nothing is left, when the holder switched the source off, or when the key was seen before.
  const outcome: AwardOutcome = { entryId: id, requested: points };
  const rows = await commitSql(
    ctx,
    [
      sql`INSERT INTO points_ledger (id, district_id, holder_id, kind, points, action_code, source, earned_on, available_on, expires_on, dedup_key, reason, evidence, recorded_at, recorded_by, rule_set_id, rule_set_hash)
      SELECT ${id}, ${ctx.districtId}, ${holder.id}, 'earn', g.grant, ${action.code}, ${action.source ?? null}, ${earnedOn}, ${availableOn(action, earnedOn)}, ${expiresOn(action, earnedOn)}, ${dedupKey}, ${reason}, ${input.evidence ?? null}, ${ctx.now.toISOString()}, ${principalRef(p)}, ${ref.id}, ${ref.hash}
      FROM (SELECT MIN(${points}, ${dayCap} - ${usedOn(earnedOn, earnedOn)}, ${monthCap} - ${usedOn(`${month}-01`, `${month}-31`)}) AS grant) AS g
      WHERE g.grant > 0
        AND ${actionsOn(earnedOn, earnedOn)} < ${dayActions}
        AND ${actionsOn(`${month}-01`, `${month}-31`)} < ${monthActions}
        AND NOT EXISTS (SELECT 1 FROM points_source_consents c WHERE c.district_id = ${ctx.districtId} AND c.holder_id = ${holder.id} AND c.source = ${action.source ?? ''} AND c.enabled = 0)
      ON CONFLICT DO NOTHING
      RETURNING id, points`,
    ],
    outcome,
    sql`SELECT 1 FROM points_ledger WHERE id = ${id}`,
  );
  const inserted = rows[0]?.[0] as { id: string; points: number } | undefined;
  if (!inserted) throw await whyNotAwarded(ctx, holder, action, { dedupKey, earnedOn, month });
  ctx.deps.metrics?.count('pointsAwarded', ctx.districtId, inserted.points);
  return awardResult(ctx, outcome, action, ref);
}

/** What an award commits with its ledger entry: the rest is read back from the entry. */
interface AwardOutcome {
  entryId: string;
  requested: number;
}

async function awardResult(
  ctx: ServiceContext,
  outcome: AwardOutcome,
  action: PointsAction | undefined,
  ruleSet: AwardResult['ruleSet'],
): Promise<AwardResult> {
  const [entry] = await ctx.deps.storage.db.select().from(pointsLedger).where(eq(pointsLedger.id, outcome.entryId));
  if (!entry) throw new Error(`ledger entry ${outcome.entryId} committed but not found`);
  const refusedPoints = outcome.requested - entry.points;
  return {
    entry,
    requested: outcome.requested,
    awarded: entry.points,
    refused: refusedPoints > 0 ? { points: refusedPoints, reason: action ? capReason(action) : 'capped' } : null,
    ruleSet: entry.ruleSetId && entry.ruleSetHash ? { ...ruleSet, id: entry.ruleSetId, hash: entry.ruleSetHash } : ruleSet,
  };
}

function capReason(action: PointsAction): string {
  const caps = [
    action.caps.perDay ? `${action.caps.perDay} points a day` : '',
    action.caps.perMonth ? `${action.caps.perMonth} points a month` : '',
    action.caps.perDayActions ? `${action.caps.perDayActions} awards a day` : '',
    action.caps.perMonthActions ? `${action.caps.perMonthActions} awards a month` : '',
  ].filter(Boolean);
  return `${action.code} gives at most ${caps.join(' and ')}`;
}

/** After a refused insert: say which check refused it. */
async function whyNotAwarded(
  ctx: ServiceContext,
  holder: SubjectRow,
  action: PointsAction,
  at: { dedupKey: string | null; earnedOn: string; month: string },
): Promise<DomainError> {
  const { db } = ctx.deps.storage;
  if (at.dedupKey) {
    const [dup] = await db
      .select({ id: pointsLedger.id })
      .from(pointsLedger)
      .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.dedupKey, at.dedupKey)));
    if (dup) return refuse('duplicate-award', '/reference', `this ${action.title} was already awarded (entry ${dup.id}); it counts once`);
  }
  if (action.source) {
    const [off] = await db
      .select()
      .from(pointsSourceConsents)
      .where(
        and(
          eq(pointsSourceConsents.districtId, ctx.districtId),
          eq(pointsSourceConsents.holderId, holder.id),
          eq(pointsSourceConsents.source, action.source),
          eq(pointsSourceConsents.enabled, false),
        ),
      );
    if (off) return refuse('source-switched-off', '/action', `the holder switched off points from ${action.source} on ${off.changedAt.slice(0, 10)}`);
  }
  return refuse('cap-reached', '/action', `${capReason(action)}; nothing is left for ${at.earnedOn}`);
}

/** Writes the expire entries that are due for a holder; safe to repeat (one expiry per lot). */
export async function applyExpiry(ctx: ServiceContext, holderId: string): Promise<void> {
  await entriesAfterExpiry(ctx, holderId);
}

/**
 * A holder's entries, oldest first, after writing the expire entries that are due: what every read of an
 * account starts from. One read of the entries, and a write only on the day a lot runs out.
 */
async function entriesAfterExpiry(ctx: ServiceContext, holderId: string): Promise<LedgerEntryLike[]> {
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

const balanceSql = (districtId: string, holderId: string, today: string) =>
  sql`(SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE district_id = ${districtId} AND holder_id = ${holderId} AND available_on <= ${today})`;

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
  const kinds = JSON.parse(benefit.holderKinds) as string[];
  if (!kinds.includes(holder.kind)) throw refuse('benefit-not-for-holder', '/benefitId', `${benefit.name} is not offered to ${holder.kind}s`);
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

async function balanceOf(ctx: ServiceContext, holderId: string, today: string): Promise<number> {
  const [row] = await ctx.deps.storage.db
    .select({ balance: sql<number>`COALESCE(SUM(${pointsLedger.points}), 0)` })
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.holderId, holderId), lte(pointsLedger.availableOn, today)));
  return Number(row?.balance ?? 0);
}

/** Reverses an award (a wrong or withdrawn one) without letting the balance go below zero. */
export async function reverseAward(ctx: ServiceContext, entryId: string, reason: string): Promise<LedgerRow> {
  const committed = committedOutcome<{ entryId: string }>(ctx);
  if (committed) return (await ctx.deps.storage.db.select().from(pointsLedger).where(eq(pointsLedger.id, committed.entryId)))[0] as LedgerRow;
  const [lot] = await ctx.deps.storage.db
    .select()
    .from(pointsLedger)
    .where(and(eq(pointsLedger.districtId, ctx.districtId), eq(pointsLedger.id, entryId)));
  if (!lot) throw fail.notFound(`no points entry '${entryId}'`);
  if (lot.kind !== 'earn') throw refuse('not-an-award', '/entryId', 'only an award can be reversed');
  const p = ctx.principal;
  const awardedBy = await agencyOf(ctx, lot.recordedBy);
  const allowed = p.type === 'client' && (p.role === 'bureau' || (p.role === 'recorder' && p.agency !== null && p.agency === awardedBy));
  if (!allowed) throw fail.forbidden(`only the bureau or ${awardedBy ?? 'the agency that made it'} may reverse this award`);
  const state = lotStates(await entriesAfterExpiry(ctx, lot.holderId)).find((l) => l.lotId === lot.id);
  const take = state?.remaining ?? 0;
  if (take <= 0) throw refuse('already-spent', '/entryId', 'the points of this award were already spent, expired or reversed');
  const id = newId('ple', ctx.now);
  const rows = await commitSql(
    ctx,
    [
      sql`INSERT INTO points_ledger (id, district_id, holder_id, kind, points, action_code, earned_on, available_on, lot_id, reason, recorded_at, recorded_by)
      SELECT ${id}, ${ctx.districtId}, ${lot.holderId}, 'reverse', ${-take}, ${lot.actionCode}, ${chinaDate(ctx.now)}, ${lot.availableOn}, ${lot.id}, ${`reversed: ${reason}`}, ${ctx.now.toISOString()}, ${principalRef(p)}
      WHERE (SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE district_id = ${ctx.districtId} AND holder_id = ${lot.holderId}) >= ${take}
      ON CONFLICT DO NOTHING
      RETURNING id`,
    ],
    { entryId: id },
    sql`SELECT 1 FROM points_ledger WHERE id = ${id}`,
  );
  if (!rows[0]?.length) throw refuse('already-spent', '/entryId', 'reversing now would take the balance below zero, or it was reversed already');
  return (await ctx.deps.storage.db.select().from(pointsLedger).where(eq(pointsLedger.id, id)))[0] as LedgerRow;
}

/** The agency an entry was recorded for, through the client that recorded it. */
async function agencyOf(ctx: ServiceContext, recordedBy: string): Promise<string | null> {
  const [row] = await ctx.deps.storage.db
    .select({ agency: apiClients.agency })
    .from(apiClients)
    .where(and(eq(apiClients.districtId, ctx.districtId), eq(apiClients.id, recordedBy)));
  return row?.agency ?? null;
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
  const offered = (await listBenefits(ctx, { validOn: today })).filter((b) => (JSON.parse(b.holderKinds) as string[]).includes(holder.kind));
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

export async function setSourceConsent(ctx: ServiceContext, holderId: string, source: string, enabled: boolean) {
  const holder = await getSubject(ctx, holderId);
  if (ctx.principal.type !== 'subject') throw fail.forbidden('only the holder decides which sources may award points');
  const changedAt = ctx.now.toISOString();
  const [row] = await ctx.deps.storage.db
    .insert(pointsSourceConsents)
    .values({ districtId: ctx.districtId, holderId: holder.id, source, enabled, changedAt })
    .onConflictDoUpdate({
      target: [pointsSourceConsents.districtId, pointsSourceConsents.holderId, pointsSourceConsents.source],
      set: { enabled, changedAt },
    })
    .returning();
  return row as typeof pointsSourceConsents.$inferSelect;
}

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
      holderKinds: JSON.stringify(input.holderKinds),
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

/** Balance and pending points only: what a consented report may carry. Not logged here: the report logs its own read. */
export async function pointsSummary(ctx: ServiceContext, holderId: string): Promise<{ balance: number; pending: number }> {
  return balances(await entriesAfterExpiry(ctx, holderId), chinaDate(ctx.now));
}
