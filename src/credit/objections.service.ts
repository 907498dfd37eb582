/**
 * Objections (异议): a subject disputes an event in its file; the event is marked disputed in every score
 * and report until the bureau or the recording agency answers, within the days the district policy in
 * force on filing allows (credit regulation: 20). Upheld: the event is reversed. Rejected: the reason is
 * kept and the event counts as before.
 */
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { ownSubject } from '../identity/subjects.service.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { addDays } from '../platform/dates.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { type Page, pageOf } from '../platform/db/paging.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { creditEvents, objections } from '../platform/db/schema.js';
import { DomainError, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { newId } from '../platform/util/ids.js';
import type { ObjectionStatus } from '../platform/vocabulary.js';
import { districtPolicy } from '../rules/district-policy.service.js';
import { getEvent, reversalRow } from './events.service.js';

export type ObjectionRow = typeof objections.$inferSelect;

export async function fileObjection(ctx: ServiceContext, eventId: string, statement: string): Promise<ObjectionRow> {
  const subject = await ownSubject(ctx);
  const committed = committedOutcome<{ objectionId: string }>(ctx);
  if (committed) return getObjection(ctx, committed.objectionId);
  const event = await getEvent(ctx, eventId);
  if (event.subjectId !== subject.id) throw fail.forbidden('you may object only to events in your own file');
  if (event.reversesEventId) throw new DomainError('objection-to-reversal', 'this event is itself a correction; object to the original instead');
  const [reversal] = await ctx.deps.storage.db
    .select({ id: creditEvents.id })
    .from(creditEvents)
    .where(and(eq(creditEvents.districtId, ctx.districtId), eq(creditEvents.reversesEventId, eventId)));
  if (reversal) throw new DomainError('already-reversed', 'this event has already been reversed and no longer counts');
  // The deadline is fixed when the objection is filed: a later policy does not move it.
  const { objectionAnswerDays } = await districtPolicy(ctx, ctx.now);
  const objectionId = newId('obj', ctx.now);
  const insert = ctx.deps.storage.db
    .insert(objections)
    .values({
      id: objectionId,
      districtId: ctx.districtId,
      subjectId: subject.id,
      eventId,
      statement,
      filedAt: ctx.now.toISOString(),
      dueOn: addDays(chinaDate(ctx.now), objectionAnswerDays),
      status: 'open',
    })
    .onConflictDoNothing()
    .returning();
  const [filed] = (await commit(ctx, [insert], { objectionId }, sql`SELECT 1 FROM objections WHERE id = ${objectionId}`)) as [ObjectionRow[]];
  if (!filed[0]) throw new DomainError('objection-open', 'there is already an open objection to this event');
  return filed[0];
}

export async function getObjection(ctx: ServiceContext, objectionId: string): Promise<ObjectionRow> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(objections)
    .where(and(eq(objections.districtId, ctx.districtId), eq(objections.id, objectionId)));
  if (!row) throw fail.notFound(`no objection '${objectionId}' in district '${ctx.districtId}'`);
  return row;
}

export async function resolveObjection(
  ctx: ServiceContext,
  objectionId: string,
  input: { decision: 'upheld' | 'rejected'; reason: string; evidence?: string | undefined },
): Promise<ObjectionRow> {
  if (committedOutcome(ctx)) return getObjection(ctx, objectionId);
  const objection = await getObjection(ctx, objectionId);
  const event = await getEvent(ctx, objection.eventId);
  const p = ctx.principal;
  const allowed = p.type === 'client' && (p.role === 'bureau' || (p.role === 'recorder' && p.agency === event.agency));
  if (!allowed) throw fail.forbidden(`only the bureau or ${event.agency} may answer this objection`);
  if (objection.status !== 'open') throw new DomainError('objection-closed', `this objection was ${objection.status} already`);

  const { db } = ctx.deps.storage;
  const resolvedAt = ctx.now.toISOString();
  const isOpen = and(eq(objections.id, objectionId), eq(objections.status, 'open'));
  // Closing the objection is the claim: only the request that flips it from open writes anything.
  const close = (reversalEventId: string | null) =>
    db
      .update(objections)
      .set({ status: input.decision, resolvedAt, resolvedBy: principalRef(p), resolution: input.reason, reversalEventId })
      .where(isOpen)
      .returning();
  const closedNow = sql`SELECT 1 FROM objections WHERE id = ${objectionId} AND status <> 'open'`;
  if (input.decision === 'rejected') {
    const [[row]] = (await commit(ctx, [close(null)], { objectionId }, closedNow)) as [ObjectionRow[]];
    if (!row) throw new DomainError('objection-closed', 'this objection was answered a moment ago');
    return row;
  }
  const reversal = reversalRow(ctx, event, {
    reason: `objection ${objectionId} upheld: ${input.reason}`,
    evidence: input.evidence ?? `objection:${objectionId}`,
  });
  // The reversal is written only while the objection is still open, in the same atomic unit as the close.
  const insertReversal = db
    .insert(creditEvents)
    .select(
      db
        .select({
          // NULL lets SQLite assign the next sequence number, as a plain insert would.
          seq: sql<number>`null`.as('seq'),
          id: sql<string>`${reversal.id}`.as('id'),
          districtId: sql<string>`${reversal.districtId}`.as('district_id'),
          subjectId: sql<string>`${reversal.subjectId}`.as('subject_id'),
          code: sql<string>`${reversal.code}`.as('code'),
          occurredOn: sql<string>`${reversal.occurredOn}`.as('occurred_on'),
          endedOn: sql<string | null>`${reversal.endedOn}`.as('ended_on'),
          recordedAt: sql<string>`${reversal.recordedAt}`.as('recorded_at'),
          recordedBy: sql<string>`${reversal.recordedBy}`.as('recorded_by'),
          agency: sql<string>`${reversal.agency}`.as('agency'),
          evidence: sql<string>`${reversal.evidence}`.as('evidence'),
          // A raw select writes the column's text itself: the same text drizzle writes for the column.
          amounts: sql<string>`${JSON.stringify(reversal.amounts)}`.as('amounts'),
          note: sql<string | null>`${reversal.note}`.as('note'),
          reversesEventId: sql<string>`${reversal.reversesEventId}`.as('reverses_event_id'),
          externalId: sql<string | null>`${null}`.as('external_id'),
          contentHash: sql<string>`${reversal.contentHash}`.as('content_hash'),
        })
        .from(objections)
        .where(isOpen),
    )
    .returning({ id: creditEvents.id });
  try {
    const [inserted, closed] = (await commit(ctx, [insertReversal, close(reversal.id as string)], { objectionId }, closedNow)) as [
      unknown[],
      ObjectionRow[],
    ];
    if (inserted.length === 0 || closed.length === 0) throw new DomainError('objection-closed', 'this objection was answered a moment ago');
    return closed[0] as ObjectionRow;
  } catch (error) {
    if (String((error as { code?: string }).code ?? error).includes('CONSTRAINT')) {
      throw new DomainError('already-reversed', 'the event was reversed by another correction in the meantime');
    }
    throw error;
  }
}

/** Where a page of objections ends: its last row's due date and id, the order they are listed in. */
export interface ObjectionCursor {
  dueOn: string;
  id: string;
}

export const objectionCursorText = (row: ObjectionCursor) => `${row.dueOn}~${row.id}`;

/** A cursor as objectionCursorText wrote it (the route has checked its form). */
export function parseObjectionCursor(text: string): ObjectionCursor {
  const cut = text.indexOf('~');
  return { dueOn: text.slice(0, cut), id: text.slice(cut + 1) };
}

export async function listObjections(
  ctx: ServiceContext,
  filter: {
    subjectId?: string | undefined;
    status?: ObjectionStatus | undefined;
    overdue?: boolean | undefined;
    after?: ObjectionCursor | undefined;
    limit: number;
  },
): Promise<Page<ObjectionRow>> {
  const conditions = [eq(objections.districtId, ctx.districtId)];
  if (ctx.principal.type === 'subject') conditions.push(eq(objections.subjectId, (await ownSubject(ctx)).id));
  else if (filter.subjectId) conditions.push(eq(objections.subjectId, filter.subjectId));
  if (filter.overdue) conditions.push(eq(objections.status, 'open'), lt(objections.dueOn, chinaDate(ctx.now)));
  else if (filter.status) conditions.push(eq(objections.status, filter.status));
  // Keyset paging on (due date, id): a page costs the same however deep it is, and an objection
  // filed or answered meanwhile neither repeats nor pushes another off the list.
  const after = filter.after;
  if (after) conditions.push(sql`(${objections.dueOn}, ${objections.id}) > (${after.dueOn}, ${after.id})`);
  const rows = await ctx.deps.storage.db
    .select()
    .from(objections)
    .where(and(...conditions))
    .orderBy(asc(objections.dueOn), asc(objections.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, objectionCursorText);
}

const objectionsOfSubject = preparedQuery((db) =>
  db
    .select()
    .from(objections)
    .where(and(eq(objections.districtId, sql.placeholder('districtId')), eq(objections.subjectId, sql.placeholder('subjectId'))))
    .prepare(),
);

export async function subjectObjections(ctx: ServiceContext, subjectId: string): Promise<ObjectionRow[]> {
  return objectionsOfSubject(ctx.deps.storage.db).all({ districtId: ctx.districtId, subjectId });
}
