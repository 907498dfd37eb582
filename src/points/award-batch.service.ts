/**
 * Points awarded in batches of up to 10 000, as a platform sends them (a transit app its day's trips):
 * one atomic unit, each line with its own result.
 *
 * The lines are checked first, all of them: a line the batch cannot mean (an unknown holder or action,
 * an agency that may not award it, a malformed amount, a day in the future) refuses the whole batch,
 * naming each such line, and nothing is written. Then each line is one INSERT … SELECT, in the order of
 * the batch and in one atomic unit, that writes what the caps leave, unless the holder switched the
 * source off or the de-duplication key was seen, as award() does for one (award.service.ts). Each
 * statement sees the lines before it, so the caps, the keys and the switches hold across the lines of
 * one holder as they hold across requests. A line that is refused this way is refused alone: its result
 * says why, and the other lines stand.
 */
import { sql } from 'drizzle-orm';
import { resolveSubjectRefs } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import type { SqlText } from '../platform/db/database.js';
import { commitSql, committedOutcome } from '../platform/db/outcome.js';
import { DomainError, type ErrorCode, type FieldIssue, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import type { RuleSetRef } from '../rules/engine/ruleset-ref.js';
import { availableOn, awardPoints, dedupKeyFor, expiresOn, isRefusal } from '../rules/kinds/points-catalogue/award.js';
import type { PointsAction } from '../rules/kinds/points-catalogue/body.js';
import type { CompiledCatalogue } from '../rules/kinds/points-catalogue/compile.js';
import type { AwardInput } from './award.service.js';
import { cataloguesInForce } from './catalogues.service.js';

export const MAX_AWARD_BATCH = 10_000;

/** A line of a batch says what one award says. */
export type BatchAwardInput = AwardInput;

/** Why a line was refused on its own. */
export type LineRefusal = 'award-refused' | 'cap-reached' | 'duplicate-award' | 'source-switched-off';

export interface BatchLineResult {
  line: number;
  status: 'awarded' | 'refused';
  /** The ledger entry written; null when the line was refused. */
  entryId: string | null;
  holderId: string;
  action: string;
  catalogue: string;
  requested: number;
  awarded: number;
  /** What was not awarded, and why: the whole line, or the part over a cap. */
  refused: { code: LineRefusal; points: number; reason: string } | null;
}

export interface BatchResult {
  awarded: number;
  refused: number;
  points: number;
  lines: BatchLineResult[];
  ruleSets: RuleSetRef[];
}

/** Each line as planned before anything is written; what was written is read back from the ledger. */
interface PlannedLine {
  entryId: string | null;
  holderId: string;
  action: string;
  catalogue: string;
  requested: number;
  dedupKey: string | null;
  source: string | null;
  earnedOn: string;
  /** Refused before any statement ran (the catalogue's minimum or per-unit rule). */
  refusal: { code: 'award-refused'; reason: string } | null;
}

const at = (i: number, field: string) => `/awards/${i}${field ? `/${field}` : ''}`;

/** Problem codes for a batch refused whole, the most telling first. */
const BATCH_CODES: readonly ErrorCode[] = ['action-not-permitted', 'unknown-action', 'action-not-for-holder', 'validation'];

export async function awardBatch(ctx: ServiceContext, inputs: readonly BatchAwardInput[]): Promise<BatchResult> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'recorder' || !p.agency) throw fail.forbidden('only a recording agency awards points');
  const agency = p.agency;
  const catalogues = await cataloguesInForce(ctx);
  if (catalogues.length === 0) throw new DomainError('rule-not-in-force', `district '${ctx.districtId}' has no points catalogue in force`);
  // A retry of a batch that committed (same key, same body) plans the same lines again, with the entry
  // ids the batch wrote: only those are kept with the outcome, which stays small (D1 rows are 2 MB at most).
  const committed = committedOutcome<{ entryIds: Array<string | null> }>(ctx);

  const issues: Array<FieldIssue & { code: ErrorCode }> = [];
  const unresolved: FieldIssue[] = [];
  const holders = await resolveSubjectRefs(
    ctx,
    inputs.map((a) => a.holder),
    (i) => at(i, 'holder'),
    unresolved,
  );
  for (const u of unresolved) issues.push({ ...u, code: 'validation' });
  const today = chinaDate(ctx.now);
  const lines: PlannedLine[] = new Array(inputs.length);
  const shapes = new Map<string, AwardShape>();
  const statements: SqlText[] = [];
  const now = ctx.now.toISOString();
  const by = principalRef(p);
  const byId = new Map(catalogues.map((c) => [c.ruleSet.id, c]));
  // A batch repeats a few actions and days thousands of times: what depends on them only is worked out once.
  const holding = new Map<string, CompiledCatalogue[]>();
  const dates = new Map<string, { availableOn: string; expiresOn: string }>();
  let line = 0;
  const issue = (code: ErrorCode, field: string, detail: string) => {
    issues.push({ code, pointer: at(line, field), in: 'body', detail: `line ${line + 1}: ${detail}` });
  };
  for (let i = 0; i < inputs.length; i++) {
    line = i;
    const input = inputs[i] as BatchAwardInput;
    const catalogue = catalogueOf(catalogues, byId, holding, input, issue);
    const holder = holders[i];
    if (!catalogue || !holder) continue;
    const action = catalogue.actions.get(input.action);
    if (!action) {
      issue('unknown-action', 'action', `${input.action} is not in the points catalogue ${catalogue.ruleSet.id}`);
      continue;
    }
    if (!action.holders.includes(holder.kind)) {
      issue('action-not-for-holder', 'action', `${action.code} is not awarded to ${holder.kind}s`);
      continue;
    }
    if (!action.recorders.includes(agency)) {
      issue('action-not-permitted', 'action', `${agency} may not award ${action.code} (awarded by ${action.recorders.join(', ')})`);
      continue;
    }
    const earnedOn = input.occurredOn ?? today;
    if (earnedOn > today) {
      issue('validation', 'occurredOn', `${earnedOn} is in the future`);
      continue;
    }
    const points = awardPoints(action, input.amount);
    if (isRefusal(points) && points.code === 'validation') {
      issue('validation', points.field.slice(1), points.reason);
      continue;
    }
    const dedupKey = dedupKeyFor(action, { holder: holder.id, date: earnedOn, reference: input.reference });
    if (isRefusal(dedupKey)) {
      issue('validation', dedupKey.field.slice(1), dedupKey.reason);
      continue;
    }
    const source = action.source ?? null;
    if (isRefusal(points)) {
      const refusal = { code: 'award-refused' as const, reason: points.reason };
      lines[i] = {
        entryId: null,
        holderId: holder.id,
        action: action.code,
        catalogue: catalogue.ruleSet.id,
        requested: 0,
        dedupKey,
        source,
        earnedOn,
        refusal,
      };
      continue;
    }
    if (issues.length > 0) continue; // the batch is refused: no need to build its statements
    const entryId = committed ? (committed.entryIds[i] ?? null) : newId('ple', ctx.now);
    if (entryId === null) throw new Error(`line ${i + 1} has no entry in the committed outcome`);
    // Written out rather than spread from a common part: ten thousand lines a batch, each built in one step.
    lines[i] = {
      entryId,
      holderId: holder.id,
      action: action.code,
      catalogue: catalogue.ruleSet.id,
      requested: points,
      dedupKey,
      source,
      earnedOn,
      refusal: null,
    };
    const key = `${catalogue.ruleSet.id}|${action.code}`;
    let shape = shapes.get(key);
    if (!shape) {
      shape = awardShape(action);
      shapes.set(key, shape);
    }
    const reason = `${action.title}${input.amount ? ` (${input.amount.value} ${input.amount.unit})` : ''}`;
    const spendable = datesOf(dates, catalogue.ruleSet.id, action, earnedOn);
    statements.push({
      text: shape.text,
      params: shape.params({
        id: entryId,
        districtId: ctx.districtId,
        holderId: holder.id,
        points,
        action,
        ruleSet: catalogue.ruleSet,
        earnedOn,
        availableOn: spendable.availableOn,
        expiresOn: spendable.expiresOn,
        dedupKey,
        reason,
        evidence: input.evidence ?? null,
        at: now,
        by,
      }),
    });
  }
  if (issues.length > 0) {
    const code = BATCH_CODES.find((c) => issues.some((x) => x.code === c)) ?? 'validation';
    const first = issues.find((x) => x.code === code) ?? issues[0];
    throw new DomainError(code, `${first?.detail}; nothing was awarded`, { fields: issues.map(({ code: _, ...field }) => field) });
  }
  let written: Map<string, number> | undefined;
  if (!committed && (statements.length > 0 || ctx.outcome)) {
    const rows = await commitSql(ctx, statements, { entryIds: lines.map((l) => l.entryId) });
    written = new Map();
    for (const r of rows) if (r[0]) written.set(r[0].id as string, Number(r[0].points));
  }
  const result = await resultOf(ctx, lines, catalogues, written);
  ctx.deps.metrics?.count('pointsAwarded', ctx.districtId, result.points);
  return result;
}

/** The catalogue a line is awarded under: the one it names, or the only one in force listing its action. */
function catalogueOf(
  all: readonly CompiledCatalogue[],
  byId: ReadonlyMap<string, CompiledCatalogue>,
  byAction: Map<string, CompiledCatalogue[]>,
  input: BatchAwardInput,
  issue: (code: ErrorCode, field: string, detail: string) => void,
): CompiledCatalogue | undefined {
  if (input.catalogue !== undefined) {
    const named = byId.get(input.catalogue);
    if (!named)
      issue('unknown-action', 'catalogue', `no points catalogue '${input.catalogue}' is in force (in force: ${[...byId.keys()].join(', ')})`);
    return named;
  }
  let holding = byAction.get(input.action);
  if (!holding) {
    holding = all.filter((c) => c.actions.has(input.action));
    byAction.set(input.action, holding);
  }
  if (holding.length > 1) {
    issue('validation', 'catalogue', `${input.action} is in several catalogues (${holding.map((c) => c.ruleSet.id).join(', ')}): name the catalogue`);
    return undefined;
  }
  return holding[0] ?? all[0];
}

/** The days an award earned on `earnedOn` can be spent from and until, under its catalogue. */
function datesOf(cache: Map<string, { availableOn: string; expiresOn: string }>, catalogue: string, action: PointsAction, earnedOn: string) {
  const key = `${catalogue}|${action.code}|${earnedOn}`;
  let dates = cache.get(key);
  if (!dates) {
    dates = { availableOn: availableOn(action, earnedOn), expiresOn: expiresOn(action, earnedOn) };
    cache.set(key, dates);
  }
  return dates;
}

interface AwardValues {
  id: string;
  districtId: string;
  holderId: string;
  points: number;
  action: PointsAction;
  ruleSet: RuleSetRef;
  earnedOn: string;
  availableOn: string;
  expiresOn: string;
  dedupKey: string | null;
  reason: string;
  evidence: string | null;
  at: string;
  by: string;
}

interface AwardShape {
  text: string;
  params(v: AwardValues): unknown[];
}

/**
 * One action's award statement, with only the checks its catalogue entry asks for: the same text for
 * every line of the action, so that the driver prepares it once. Written with named slots (`{holder}`)
 * that become anonymous parameters, bound in the order they occur (better-sqlite3 reads `?1` as a name,
 * D1 as a position, so numbered ones would not do for both).
 */
function awardShape(action: PointsAction): AwardShape {
  const { perDay, perMonth, perDayActions, perMonthActions } = action.caps;
  // Caps count what stands, per catalogue: an award less what was reversed of it.
  const standing = `(e.points + COALESCE((SELECT SUM(r.points) FROM points_ledger r WHERE r.lot_id = e.id AND r.kind = 'reverse'), 0))`;
  const same = (from: string, to: string) =>
    `FROM points_ledger e WHERE e.district_id = {district} AND e.holder_id = {holder} AND e.action_code = {action} AND e.rule_set_id = {catalogue} AND e.kind = 'earn' AND e.earned_on BETWEEN ${from} AND ${to}`;
  const used = (from: string, to: string) => `(SELECT COALESCE(SUM(${standing}), 0) ${same(from, to)})`;
  const actions = (from: string, to: string) => `(SELECT COUNT(*) ${same(from, to)} AND ${standing} > 0)`;
  const limits = [
    ...(perDay !== undefined ? [`{dayCap} - ${used('{earned}', '{earned}')}`] : []),
    ...(perMonth !== undefined ? [`{monthCap} - ${used('{monthStart}', '{monthEnd}')}`] : []),
  ];
  const grant = limits.length === 0 ? '{points}' : `MIN({points}, ${limits.join(', ')})`;
  const where = [
    'g.grant > 0',
    ...(perDayActions !== undefined ? [`${actions('{earned}', '{earned}')} < {dayActions}`] : []),
    ...(perMonthActions !== undefined ? [`${actions('{monthStart}', '{monthEnd}')} < {monthActions}`] : []),
    ...(action.source !== undefined
      ? [
          'NOT EXISTS (SELECT 1 FROM points_source_consents c WHERE c.district_id = {district} AND c.holder_id = {holder} AND c.source = {source} AND c.enabled = 0)',
        ]
      : []),
  ];
  const template = `INSERT INTO points_ledger (id, district_id, holder_id, kind, points, action_code, source, earned_on, available_on, expires_on, dedup_key, reason, evidence, recorded_at, recorded_by, rule_set_id, rule_set_hash)
    SELECT {id}, {district}, {holder}, 'earn', g.grant, {action}, {source}, {earned}, {available}, {expires}, {dedup}, {reason}, {evidence}, {at}, {by}, {catalogue}, {hash}
    FROM (SELECT ${grant} AS grant) AS g
    WHERE ${where.join(' AND ')}
    ON CONFLICT DO NOTHING
    RETURNING id, points`;
  const order = SLOT_NAMES as readonly string[];
  const slots: number[] = [];
  const text = template.replace(/\{([a-zA-Z]+)\}/g, (_, name: string) => {
    const index = order.indexOf(name);
    if (index < 0) throw new Error(`no slot ${name}`);
    slots.push(index);
    return '?';
  });
  const caps = [perDay ?? null, perMonth ?? null, perDayActions ?? null, perMonthActions ?? null];
  return {
    text,
    params: (v) => {
      const month = v.earnedOn.slice(0, 7);
      // In the order of SLOT_NAMES.
      const values = [
        v.id,
        v.districtId,
        v.holderId,
        v.points,
        v.action.code,
        v.action.source ?? null,
        v.earnedOn,
        v.availableOn,
        v.expiresOn,
        v.dedupKey,
        v.reason,
        v.evidence,
        v.at,
        v.by,
        v.ruleSet.id,
        v.ruleSet.hash,
        `${month}-01`,
        `${month}-31`,
        ...caps,
      ];
      const params: unknown[] = new Array(slots.length);
      for (let k = 0; k < slots.length; k++) params[k] = values[slots[k] as number];
      return params;
    },
  };
}

const SLOT_NAMES = [
  'id',
  'district',
  'holder',
  'points',
  'action',
  'source',
  'earned',
  'available',
  'expires',
  'dedup',
  'reason',
  'evidence',
  'at',
  'by',
  'catalogue',
  'hash',
  'monthStart',
  'monthEnd',
  'dayCap',
  'monthCap',
  'dayActions',
  'monthActions',
] as const;

function capReason(action: PointsAction | undefined): string {
  if (!action) return 'capped';
  const caps = [
    action.caps.perDay ? `${action.caps.perDay} points a day` : '',
    action.caps.perMonth ? `${action.caps.perMonth} points a month` : '',
    action.caps.perDayActions ? `${action.caps.perDayActions} awards a day` : '',
    action.caps.perMonthActions ? `${action.caps.perMonthActions} awards a month` : '',
  ].filter(Boolean);
  return caps.length > 0 ? `${action.code} gives at most ${caps.join(' and ')}` : `${action.code}: nothing left to award`;
}

/**
 * Each line's result, from what the ledger holds: the entries written (their points after the caps),
 * and for a line with no entry, why: its key was seen before (by an earlier request or an earlier line),
 * the holder switched its source off, or the caps left nothing.
 */
async function resultOf(
  ctx: ServiceContext,
  lines: readonly PlannedLine[],
  catalogues: readonly CompiledCatalogue[],
  /** The entries the batch wrote, with their points, as its statements returned them; read back on a retry. */
  writtenNow?: Map<string, number>,
): Promise<BatchResult> {
  const { db } = ctx.deps.storage;
  let written = writtenNow;
  if (!written) {
    written = new Map();
    const ids = lines.flatMap((l) => (l.entryId ? [l.entryId] : []));
    if (ids.length > 0) {
      for (const r of await db.all<{ id: string; points: number }>(
        sql`SELECT id, points FROM points_ledger WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
      ))
        written.set(r.id, Number(r.points));
    }
  }
  const held = written;
  const missing = lines.filter((l) => l.entryId !== null && !held.has(l.entryId));
  const catalogueById = new Map(catalogues.map((c) => [c.ruleSet.id, c]));
  const keysHeld = new Set<string>();
  const switchedOff = new Set<string>();
  if (missing.length > 0) {
    const keys = [...new Set(missing.flatMap((l) => (l.dedupKey ? [l.dedupKey] : [])))];
    if (keys.length > 0) {
      for (const r of await db.all<{ key: string }>(
        sql`SELECT dedup_key AS key FROM points_ledger WHERE district_id = ${ctx.districtId} AND dedup_key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`,
      ))
        keysHeld.add(r.key);
    }
    const holders = [...new Set(missing.filter((l) => l.source).map((l) => l.holderId))];
    if (holders.length > 0) {
      for (const r of await db.all<{ holderId: string; source: string }>(
        sql`SELECT holder_id AS holderId, source FROM points_source_consents
            WHERE district_id = ${ctx.districtId} AND enabled = 0 AND holder_id IN (SELECT value FROM json_each(${JSON.stringify(holders)}))`,
      ))
        switchedOff.add(`${r.holderId}|${r.source}`);
    }
  }
  const actionOf = (l: PlannedLine) => catalogueById.get(l.catalogue)?.actions.get(l.action);
  let awarded = 0;
  let points = 0;
  const results: BatchLineResult[] = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as PlannedLine;
    // A line refused before any statement ran has no entry id, so no entry.
    const entry = l.entryId ? held.get(l.entryId) : undefined;
    let refused: BatchLineResult['refused'];
    if (l.refusal) refused = { code: l.refusal.code, reason: l.refusal.reason, points: 0 };
    else if (entry !== undefined) {
      awarded++;
      points += entry;
      const cut = l.requested - entry;
      refused = cut > 0 ? { code: 'cap-reached', points: cut, reason: capReason(actionOf(l)) } : null;
    }
    // Another line holding the key is an entry written with it, by this batch or before it.
    else if (l.dedupKey && keysHeld.has(l.dedupKey))
      refused = { code: 'duplicate-award', points: l.requested, reason: `this ${l.action} was already awarded; it counts once` };
    else if (l.source && switchedOff.has(`${l.holderId}|${l.source}`))
      refused = { code: 'source-switched-off', points: l.requested, reason: `the holder switched off points from ${l.source}` };
    else refused = { code: 'cap-reached', points: l.requested, reason: `${capReason(actionOf(l))}; nothing is left for ${l.earnedOn}` };
    results[i] = {
      line: i + 1,
      holderId: l.holderId,
      action: l.action,
      catalogue: l.catalogue,
      requested: l.requested,
      status: entry !== undefined ? 'awarded' : 'refused',
      entryId: entry !== undefined ? l.entryId : null,
      awarded: entry ?? 0,
      refused,
    };
  }
  const used = new Set(lines.map((l) => l.catalogue));
  return {
    awarded,
    refused: results.length - awarded,
    points,
    lines: results,
    ruleSets: catalogues.filter((c) => used.has(c.ruleSet.id)).map((c) => c.ruleSet),
  };
}
