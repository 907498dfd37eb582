/**
 * Recording agencies append events to credit files: one or a batch of up to 10 000, all or nothing.
 * Events are never edited or deleted; a correction is a reversing event pointing at the original.
 */
import Decimal from 'decimal.js';
import { and, asc, eq, getTableName, isNotNull, sql } from 'drizzle-orm';
import { getSubject, resolveSubjectRefs } from '../identity/subjects.service.js';
import { logRead } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, commitSql, committedOutcome } from '../platform/db/outcome.js';
import { keyset, pageOf } from '../platform/db/paging.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { creditEvents, objections } from '../platform/db/schema.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { sha256HexAll } from '../platform/util/crypto.js';
import { newId } from '../platform/util/ids.js';
import type { CompiledBehaviourList, EventAmount } from '../rules/kinds/behaviour-list/compile.js';
import { activeBehaviourLists, behaviourListsFor } from './credit-policy.service.js';

export const MAX_BATCH = 10_000;

export type SubjectRef = { id: string } | { kind: 'firm'; uscc: string } | { kind: 'resident'; idNumber: string };

export interface EventInput {
  subject: SubjectRef;
  code: string;
  occurredOn: string;
  endedOn?: string | undefined;
  evidence: string;
  amounts?: EventAmount[] | undefined;
  note?: string | undefined;
  externalId?: string | undefined;
}

export type EventRow = typeof creditEvents.$inferSelect;

export interface RecordOutcome {
  line: number;
  eventId: string;
  status: 'recorded' | 'duplicate';
}

const at = (i: number, field: string): string => `/events/${i}${field ? `/${field}` : ''}`;

function checkDates(i: number, input: EventInput, today: string, errors: FieldIssue[]) {
  if (input.occurredOn > today)
    errors.push({ pointer: at(i, 'occurredOn'), in: 'body', detail: `line ${i + 1}: ${input.occurredOn} is in the future` });
  if (input.endedOn !== undefined) {
    if (input.endedOn < input.occurredOn) {
      errors.push({
        pointer: at(i, 'endedOn'),
        in: 'body',
        detail: `line ${i + 1}: the behaviour cannot end (${input.endedOn}) before it began (${input.occurredOn})`,
      });
    } else if (input.endedOn > today) {
      errors.push({ pointer: at(i, 'endedOn'), in: 'body', detail: `line ${i + 1}: ${input.endedOn} is in the future` });
    }
  }
}

function checkAmounts(i: number, input: EventInput, list: CompiledBehaviourList, errors: FieldIssue[]) {
  const def = list.codes.get(input.code)?.def;
  if (!def) return;
  const given = new Map<string, number>();
  (input.amounts ?? []).forEach((a, j) => {
    const pointer = at(i, `amounts/${j}`);
    if (given.has(a.name)) errors.push({ pointer: `${pointer}/name`, in: 'body', detail: `line ${i + 1}: amount '${a.name}' is given twice` });
    given.set(a.name, j);
    const declared = def.amounts[a.name];
    if (!declared) {
      const known = Object.keys(def.amounts);
      errors.push({
        pointer: `${pointer}/name`,
        in: 'body',
        detail: `line ${i + 1}: ${input.code} carries no amount '${a.name}'${known.length ? ` (it takes: ${known.join(', ')})` : ''}`,
      });
      return;
    }
    if (a.unit !== declared.unit) {
      errors.push({ pointer: `${pointer}/unit`, in: 'body', detail: `line ${i + 1}: '${a.name}' is measured in ${declared.unit}, not ${a.unit}` });
    }
    let value: Decimal;
    try {
      value = new Decimal(a.value);
    } catch {
      errors.push({ pointer: `${pointer}/value`, in: 'body', detail: `line ${i + 1}: '${a.value}' is not a decimal number` });
      return;
    }
    if (declared.min !== undefined && value.lt(declared.min)) {
      errors.push({ pointer: `${pointer}/value`, in: 'body', detail: `line ${i + 1}: '${a.name}' must be at least ${declared.min}` });
    }
    if (declared.max !== undefined && value.gt(declared.max)) {
      errors.push({ pointer: `${pointer}/value`, in: 'body', detail: `line ${i + 1}: '${a.name}' must be at most ${declared.max}` });
    }
  });
  for (const [name, declared] of Object.entries(def.amounts)) {
    if (declared.required && !given.has(name)) {
      errors.push({ pointer: at(i, 'amounts'), in: 'body', detail: `line ${i + 1}: ${input.code} needs the amount '${name}' (${declared.unit})` });
    }
  }
}

/** What one kind of subject may be recorded under one code: the lists that know it and who records it. */
interface CodeRule {
  knowing: CompiledBehaviourList[];
  recorders: string[];
  /** Some list in force declares amounts for the code, so every line of it has its amounts checked. */
  takesAmounts: boolean;
}

/**
 * The content a line's hash covers, as canonicalJson (rules/canonical.ts) writes it: keys sorted, no
 * spaces. Written out for this one shape because the generic walk was a tenth of a batch's time; a test
 * holds the two equal, since a retried line is recognised by comparing hashes with rows stored earlier.
 */
export function eventContentJson(c: {
  subjectId: string;
  code: string;
  occurredOn: string;
  endedOn: string | null;
  evidence: string;
  amounts: readonly EventAmount[];
  note: string | null;
}): string {
  let amounts = '[';
  for (let j = 0; j < c.amounts.length; j++) {
    const a = c.amounts[j] as EventAmount;
    amounts += `${j === 0 ? '' : ','}{"name":${JSON.stringify(a.name)},"unit":${JSON.stringify(a.unit)},"value":${JSON.stringify(a.value)}}`;
  }
  const str = JSON.stringify;
  return (
    `{"amounts":${amounts}],"code":${str(c.code)},"endedOn":${c.endedOn === null ? 'null' : str(c.endedOn)},` +
    `"evidence":${str(c.evidence)},"note":${c.note === null ? 'null' : str(c.note)},"occurredOn":${str(c.occurredOn)},"subjectId":${str(c.subjectId)}}`
  );
}

/** Checks a whole batch, then writes all of it in one atomic unit or nothing. */
export async function recordEvents(ctx: ServiceContext, inputs: readonly EventInput[]): Promise<RecordOutcome[]> {
  const p = ctx.principal;
  if (p.type !== 'client' || p.role !== 'recorder' || !p.agency) throw fail.forbidden('only a recording agency records credit events');
  const agency = p.agency;
  const committed = committedOutcome<RecordOutcome[]>(ctx);
  if (committed) return committed;
  const today = chinaDate(ctx.now);
  const errors: FieldIssue[] = [];
  const forbidden: FieldIssue[] = [];
  const found = await resolveSubjectRefs(
    ctx,
    inputs.map((input) => input.subject),
    (i) => at(i, 'subject'),
    errors,
  );
  // Several lists may be in force for the same subjects: an event is checked against each that knows its code.
  const lists = new Map<string, CompiledBehaviourList[]>();
  for (const kind of new Set(found.flatMap((f) => (f ? [f.kind] : [])))) lists.set(kind, await behaviourListsFor(ctx, kind, ctx.now));
  // A batch repeats a few codes thousands of times: work out each kind and code once.
  const rules = new Map<string, CodeRule>();
  const ruleOf = (kind: string, code: string): CodeRule => {
    const key = `${kind}|${code}`;
    let rule = rules.get(key);
    if (!rule) {
      const knowing = (lists.get(kind) ?? []).filter((l) => l.codes.has(code));
      rule = {
        knowing,
        recorders: [...new Set(knowing.flatMap((l) => l.codes.get(code)?.def.recorders ?? []))],
        takesAmounts: knowing.some((l) => Object.keys(l.codes.get(code)?.def.amounts ?? {}).length > 0),
      };
      rules.set(key, rule);
    }
    return rule;
  };

  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as EventInput;
    checkDates(i, input, today, errors);
    const subject = found[i];
    if (!subject) continue;
    const { knowing, recorders, takesAmounts } = ruleOf(subject.kind, input.code);
    if (knowing.length === 0) {
      errors.push({ pointer: at(i, 'code'), in: 'body', detail: `line ${i + 1}: ${input.code} is on no ${subject.kind} behaviour list in force` });
      continue;
    }
    if (!recorders.includes(agency)) {
      forbidden.push({
        pointer: at(i, 'code'),
        in: 'body',
        detail: `line ${i + 1}: ${agency} may not record ${input.code} (recorded by ${recorders.join(', ')})`,
      });
    }
    if (input.amounts !== undefined || takesAmounts) {
      for (const list of knowing) checkAmounts(i, input, list, errors);
    }
  }
  if (forbidden.length > 0) {
    throw new DomainError('code-not-permitted', `${forbidden[0]?.detail}; nothing was recorded`, { fields: [...forbidden, ...errors] });
  }
  if (errors.length > 0) throw fail.invalid(`${errors[0]?.detail}; nothing was recorded`, errors);

  // Content hashes tell a retried line (same external id, same content) from a clash (same id, new content).
  const amountsOf: EventAmount[][] = new Array(inputs.length);
  const contents: string[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as EventInput;
    const amounts = input.amounts?.length ? input.amounts.map((a) => ({ name: a.name, value: new Decimal(a.value).toString(), unit: a.unit })) : [];
    amountsOf[i] = amounts;
    contents[i] = eventContentJson({
      subjectId: (found[i] as { id: string }).id,
      code: input.code,
      occurredOn: input.occurredOn,
      endedOn: input.endedOn ?? null,
      evidence: input.evidence,
      amounts,
      note: input.note ?? null,
    });
  }
  const hashes = await sha256HexAll(contents);

  const outcomes: RecordOutcome[] = new Array(inputs.length);
  const existing = await recordedExternalIds(ctx, agency, inputs);
  const now = ctx.now.toISOString();
  const by = principalRef(p);
  const toInsert: unknown[][] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as EventInput;
    const ext = input.externalId;
    const contentHash = hashes[i] as string;
    const earlier = ext ? existing.get(ext) : undefined;
    if (earlier) {
      if (earlier.contentHash !== contentHash) {
        errors.push({
          pointer: at(i, 'externalId'),
          in: 'body',
          detail: `line ${i + 1}: externalId '${ext}' was recorded before with other content`,
        });
      }
      outcomes[i] = { line: i + 1, eventId: earlier.id, status: 'duplicate' };
      continue;
    }
    const id = newId('evt', ctx.now);
    if (ext) existing.set(ext, { id, contentHash });
    const amounts = amountsOf[i] as EventAmount[];
    // In the order of EVENT_INSERT_COLUMNS.
    toInsert.push([
      id,
      ctx.districtId,
      (found[i] as { id: string }).id,
      input.code,
      input.occurredOn,
      input.endedOn ?? null,
      now,
      by,
      agency,
      input.evidence,
      amounts.length === 0 ? '[]' : JSON.stringify(amounts),
      input.note ?? null,
      null,
      ext ?? null,
      contentHash,
    ]);
    outcomes[i] = { line: i + 1, eventId: id, status: 'recorded' };
  }
  if (errors.length > 0) throw new DomainError('external-id-clash', `${errors[0]?.detail}; nothing was recorded`, { fields: errors });
  if (toInsert.length > 0) await insertEvents(ctx, toInsert, outcomes);
  ctx.deps.metrics?.count('eventsRecorded', ctx.districtId, toInsert.length);
  return outcomes;
}

/**
 * The events this agency already recorded under the batch's external ids, by external id. The ids go
 * as one JSON array parameter: one statement whatever the batch size, under D1's 100 parameters, and
 * no IN list for drizzle to render parameter by parameter.
 */
async function recordedExternalIds(ctx: ServiceContext, agency: string, inputs: readonly EventInput[]) {
  const external = new Set<string>();
  for (const input of inputs) if (input.externalId) external.add(input.externalId);
  const existing = new Map<string, { id: string; contentHash: string }>();
  if (external.size === 0) return existing;
  const rows = await ctx.deps.storage.db.all<{ id: string; externalId: string; contentHash: string }>(
    sql`SELECT id, external_id AS externalId, content_hash AS contentHash FROM credit_events
        WHERE district_id = ${ctx.districtId} AND agency = ${agency} AND external_id IN (SELECT value FROM json_each(${JSON.stringify([...external])}))`,
  );
  for (const e of rows) existing.set(e.externalId, e);
  return existing;
}

/** Every column but `seq`, which SQLite assigns: the order of the values recordEvents builds. */
const EVENT_INSERT_COLUMNS = [
  creditEvents.id,
  creditEvents.districtId,
  creditEvents.subjectId,
  creditEvents.code,
  creditEvents.occurredOn,
  creditEvents.endedOn,
  creditEvents.recordedAt,
  creditEvents.recordedBy,
  creditEvents.agency,
  creditEvents.evidence,
  creditEvents.amounts,
  creditEvents.note,
  creditEvents.reversesEventId,
  creditEvents.externalId,
  creditEvents.contentHash,
].map((c) => c.name);

async function insertEvents(ctx: ServiceContext, rows: unknown[][], outcomes: RecordOutcome[]) {
  try {
    await commitSql(ctx, [{ insertInto: getTableName(creditEvents), columns: EVENT_INSERT_COLUMNS, rows }], outcomes);
  } catch (error) {
    if (String((error as { code?: string }).code ?? error).includes('CONSTRAINT')) {
      throw new DomainError('event-conflict', 'another request recorded one of these events at the same moment; retry the batch');
    }
    throw error;
  }
}

export async function getEvent(ctx: ServiceContext, eventId: string): Promise<EventRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.districtId, ctx.districtId), eq(creditEvents.id, eventId)));
  if (!row) throw fail.notFound(`no credit event '${eventId}' in district '${ctx.districtId}'`);
  return row;
}

/** Cancels an event with a new event that points at it: by its recording agency or the bureau. */
export async function reverseEvent(
  ctx: ServiceContext,
  subjectId: string,
  eventId: string,
  input: { reason: string; evidence: string },
): Promise<EventRow> {
  const original = await getEvent(ctx, eventId);
  if (original.subjectId !== subjectId) throw fail.notFound(`event '${eventId}' is not in the file of subject '${subjectId}'`);
  const p = ctx.principal;
  const allowed = p.type === 'client' && (p.role === 'bureau' || (p.role === 'recorder' && p.agency === original.agency));
  if (!allowed) throw fail.forbidden(`only the bureau or ${original.agency} may reverse this event`);
  if (original.reversesEventId)
    throw new DomainError('reversal-of-reversal', 'a reversing event cannot itself be reversed; record the event again instead');
  return insertReversal(ctx, original, input);
}

export async function insertReversal(ctx: ServiceContext, original: EventRow, input: { reason: string; evidence: string }): Promise<EventRow> {
  const committed = committedOutcome<{ eventId: string }>(ctx);
  if (committed) return getEvent(ctx, committed.eventId);
  const reversal = reversalRow(ctx, original, input);
  try {
    const insert = ctx.deps.storage.db.insert(creditEvents).values(reversal).returning();
    const [[row]] = (await commit(ctx, [insert], { eventId: reversal.id })) as [EventRow[]];
    return row as EventRow;
  } catch (error) {
    if (String((error as { code?: string }).code ?? error).includes('CONSTRAINT')) {
      throw new DomainError('already-reversed', `event '${original.id}' has already been reversed`);
    }
    throw error;
  }
}

export function reversalRow(ctx: ServiceContext, original: EventRow, input: { reason: string; evidence: string }): typeof creditEvents.$inferInsert {
  const p = ctx.principal;
  return {
    id: newId('evt', ctx.now),
    districtId: ctx.districtId,
    subjectId: original.subjectId,
    code: original.code,
    occurredOn: original.occurredOn,
    endedOn: original.endedOn,
    recordedAt: ctx.now.toISOString(),
    recordedBy: principalRef(p),
    agency: p.type === 'client' && p.agency ? p.agency : original.agency,
    evidence: input.evidence,
    amounts: original.amounts,
    note: input.reason,
    reversesEventId: original.id,
    externalId: null,
    contentHash: `reversal:${original.id}`,
  };
}

export async function listSubjectEvents(ctx: ServiceContext, subjectId: string, options: { after?: number | undefined; limit: number }) {
  const page = keyset(creditEvents.seq, options);
  const rows = await ctx.deps.storage.db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.districtId, ctx.districtId), eq(creditEvents.subjectId, subjectId), page.where))
    .orderBy(page.orderBy)
    .limit(page.take);
  return pageOf(rows, options.limit, (r) => r.seq);
}

export interface CreditFilePage {
  items: EventRow[];
  nextCursor: string | null;
  /** Each reversed event's reversal. */
  reversedBy: Map<string, string>;
  /** Events with an open objection. */
  disputed: Set<string>;
  /** An event code's title in the behaviour lists in force, null for a code no list names now. */
  titleOf: (code: string) => string | null;
}

/** listCreditEvents: a page of a subject's file with each event's state; a read by anyone but the subject is logged. */
export async function creditFilePage(
  ctx: ServiceContext,
  subjectId: string,
  options: { after?: number | undefined; limit: number },
): Promise<CreditFilePage> {
  const subject = await getSubject(ctx, subjectId);
  const page = await listSubjectEvents(ctx, subject.id, options);
  const { reversedBy, disputed } = await fileState(ctx, subject.id);
  const lists = await activeBehaviourLists(ctx, ctx.now);
  await logRead(ctx, subject.id, 'listCreditEvents');
  return { ...page, reversedBy, disputed, titleOf: (code) => lists.find((l) => l.codes.has(code))?.codes.get(code)?.def.title ?? null };
}

/** The whole file of one subject, for scoring. */
const fileOfSubject = preparedQuery((db) =>
  db
    .select()
    .from(creditEvents)
    .where(and(eq(creditEvents.districtId, sql.placeholder('districtId')), eq(creditEvents.subjectId, sql.placeholder('subjectId'))))
    .orderBy(asc(creditEvents.seq))
    .prepare(),
);

export async function subjectFile(ctx: ServiceContext, subjectId: string): Promise<EventRow[]> {
  return fileOfSubject(ctx.deps.storage.db).all({ districtId: ctx.districtId, subjectId });
}

/** Which events of a file are reversed (and by what) and which are disputed: the state each event shows. */
export async function fileState(ctx: ServiceContext, subjectId: string): Promise<{ reversedBy: Map<string, string>; disputed: Set<string> }> {
  const { db } = ctx.deps.storage;
  const [reversals, open] = await Promise.all([
    db
      .select({ id: creditEvents.id, reverses: creditEvents.reversesEventId })
      .from(creditEvents)
      .where(and(eq(creditEvents.districtId, ctx.districtId), eq(creditEvents.subjectId, subjectId), isNotNull(creditEvents.reversesEventId))),
    db
      .select({ eventId: objections.eventId })
      .from(objections)
      .where(and(eq(objections.districtId, ctx.districtId), eq(objections.subjectId, subjectId), eq(objections.status, 'open'))),
  ]);
  return { reversedBy: new Map(reversals.map((r) => [r.reverses as string, r.id])), disputed: new Set(open.map((o) => o.eventId)) };
}
