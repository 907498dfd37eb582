/**
 * Awards by recording agencies, and their reversal. Every check that must hold when the entry is written
 * (caps, de-duplication, the holder's consent to the source, the balance a reversal leaves) is part of
 * the SQL statement that writes it, so it holds under concurrent requests on SQLite and on D1.
 */
import { and, eq, sql } from 'drizzle-orm';
import { resolveSubjectRef, type SubjectRefInput, type SubjectRow } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { commitSql, committedOutcome } from '../platform/db/outcome.js';
import { apiClients, pointsLedger, pointsSourceConsents } from '../platform/db/schema.js';
import { type DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import { availableOn, awardPoints, dedupKeyFor, expiresOn, isRefusal } from '../rules/kinds/points-catalogue/award.js';
import type { PointsAction } from '../rules/kinds/points-catalogue/body.js';
import { catalogueFor } from './catalogues.service.js';
import { lotStates } from './expiry.js';
import { entriesAfterExpiry, type LedgerRow } from './ledger.service.js';
import { refuse } from './refusal.js';

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
