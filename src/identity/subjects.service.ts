/**
 * Subjects: firms by USCC, residents by ID number. A resident's number is validated, hashed with the
 * deployment's HMAC key and masked; the number itself is never stored.
 */
import { and, eq, sql } from 'drizzle-orm';
import { logRead } from '../platform/audit/query-log.js';
import { chinaDate } from '../platform/clock.js';
import type { ServiceContext } from '../platform/context.js';
import { commit, committedOutcome } from '../platform/db/outcome.js';
import { keyset, type Page, pageOf } from '../platform/db/paging.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { subjects } from '../platform/db/schema.js';
import { DomainError, type FieldIssue, fail } from '../platform/errors.js';
import { principalRef } from '../platform/http/principal.js';
import { type SubjectKind, subjectIdentifier } from '../platform/identifiers/subject-identifier.js';
import { newId } from '../platform/util/ids.js';

export type SubjectRow = typeof subjects.$inferSelect;

export interface RegisterSubjectInput {
  kind: SubjectKind;
  /** The USCC (firm) or resident ID number; only its hash and masked form are kept. */
  identifier: string;
  /** Where the identifier came from in the request, for error pointers. */
  identifierPointer: string;
  name?: string | undefined;
}

async function identify(ctx: ServiceContext, kind: SubjectKind, raw: string, pointer: string) {
  const result = await subjectIdentifier(kind, raw, chinaDate(ctx.now), ctx.deps.secrets.idNumberHmacKey);
  if (!result.ok) {
    const what = kind === 'firm' ? 'Unified Social Credit Code' : 'resident ID number';
    throw fail.invalid(`${pointer.slice(1)}: not a valid ${what}: ${result.reason}`, [{ pointer, in: 'body', detail: result.reason }]);
  }
  return result;
}

export async function registerSubject(ctx: ServiceContext, input: RegisterSubjectInput): Promise<SubjectRow> {
  const committed = committedOutcome<{ subjectId: string }>(ctx);
  if (committed) return getSubject(ctx, committed.subjectId);
  const id = await identify(ctx, input.kind, input.identifier, input.identifierPointer);
  const subjectId = newId('sub', ctx.now);
  const insert = ctx.deps.storage.db
    .insert(subjects)
    .values({
      id: subjectId,
      districtId: ctx.districtId,
      kind: input.kind,
      lookupHash: id.lookupHash,
      displayId: id.displayId,
      name: input.name ?? null,
      regionCode: id.regionCode,
      createdAt: ctx.now.toISOString(),
      createdBy: principalRef(ctx.principal),
    })
    .onConflictDoNothing()
    .returning();
  const [inserted] = (await commit(ctx, [insert], { subjectId }, sql`SELECT 1 FROM subjects WHERE id = ${subjectId}`)) as [SubjectRow[]];
  if (inserted[0]) return inserted[0];
  const existing = await findByHash(ctx, id.lookupHash);
  throw new DomainError('subject-exists', `this ${input.kind} is already registered in district '${ctx.districtId}'`, {
    extensions: { subjectId: existing?.id },
  });
}

async function findByHash(ctx: ServiceContext, lookupHash: string): Promise<SubjectRow | undefined> {
  const [row] = await ctx.deps.storage.db
    .select()
    .from(subjects)
    .where(and(eq(subjects.districtId, ctx.districtId), eq(subjects.lookupHash, lookupHash)));
  return row;
}

/** A subject by id, visible to the district's clients and to the subject itself. */
const subjectById = preparedQuery((db) =>
  db
    .select()
    .from(subjects)
    .where(and(eq(subjects.districtId, sql.placeholder('districtId')), eq(subjects.id, sql.placeholder('subjectId'))))
    .prepare(),
);

/**
 * A subject by id, access checked, for every service that acts on one. It writes no query-log line: the
 * services that answer with a subject's data log their own read (readSubject, the score, the points…).
 */
export async function getSubject(ctx: ServiceContext, subjectId: string): Promise<SubjectRow> {
  const [row] = await subjectById(ctx.deps.storage.db).all({ districtId: ctx.districtId, subjectId });
  if (!row) throw fail.notFound(`no subject '${subjectId}' in district '${ctx.districtId}'`);
  if (ctx.principal.type === 'subject' && ctx.principal.lookupHash !== row.lookupHash) {
    throw fail.forbidden('a subject may only see its own record');
  }
  return row;
}

/** getSubject, the operation: a subject's record as someone asks for it, logged unless the subject itself reads. */
export async function readSubject(ctx: ServiceContext, subjectId: string): Promise<SubjectRow> {
  const row = await getSubject(ctx, subjectId);
  await logRead(ctx, row.id, 'getSubject');
  return row;
}

/** lookupSubject: finding a subject by its identifier is a read of its record, and is logged. */
export async function lookupSubject(ctx: ServiceContext, kind: SubjectKind, identifier: string, pointer: string): Promise<SubjectRow> {
  const id = await identify(ctx, kind, identifier, pointer);
  const row = await findByHash(ctx, id.lookupHash);
  if (!row) throw fail.notFound(`no ${kind} with that identifier in district '${ctx.districtId}'`);
  await logRead(ctx, row.id, 'lookupSubject');
  return row;
}

/** The subject a token names, in this district. */
export async function ownSubject(ctx: ServiceContext): Promise<SubjectRow> {
  const p = ctx.principal;
  if (p.type !== 'subject') throw fail.forbidden('only a subject token has an own record');
  const row = await findByHash(ctx, p.lookupHash);
  if (!row) throw fail.notFound(`you are not registered as a ${p.subjectKind} in district '${ctx.districtId}'`);
  return row;
}

export async function listSubjects(
  ctx: ServiceContext,
  options: { kind?: SubjectKind | undefined; after?: string | undefined; limit: number },
): Promise<Page<SubjectRow>> {
  const conditions = [eq(subjects.districtId, ctx.districtId)];
  if (options.kind) conditions.push(eq(subjects.kind, options.kind));
  // An empty cursor is the first page, as no cursor is.
  const page = keyset(subjects.id, { after: options.after || undefined, limit: options.limit });
  const rows = await ctx.deps.storage.db
    .select()
    .from(subjects)
    .where(and(...conditions, page.where))
    .orderBy(page.orderBy)
    .limit(page.take);
  return pageOf(rows, options.limit, (r) => r.id);
}

export type SubjectRefInput = { id: string } | { kind: 'firm'; uscc: string } | { kind: 'resident'; idNumber: string };

/** A subject named by id, USCC or ID number, in this district; `pointer` names the field in errors. */
export async function resolveSubjectRef(ctx: ServiceContext, ref: SubjectRefInput, pointer: string): Promise<SubjectRow> {
  if ('id' in ref) {
    const [row] = await ctx.deps.storage.db
      .select()
      .from(subjects)
      .where(and(eq(subjects.districtId, ctx.districtId), eq(subjects.id, ref.id)));
    if (!row) throw fail.invalid(`no subject '${ref.id}' in district '${ctx.districtId}'`, [{ pointer, in: 'body', detail: 'no such subject' }]);
    return row;
  }
  const raw = ref.kind === 'firm' ? ref.uscc : ref.idNumber;
  const id = await identify(ctx, ref.kind, raw, `${pointer}/${ref.kind === 'firm' ? 'uscc' : 'idNumber'}`);
  const row = await findByHash(ctx, id.lookupHash);
  if (!row) throw fail.invalid(`no such ${ref.kind} in district '${ctx.districtId}'`, [{ pointer, in: 'body', detail: 'no such subject' }]);
  return row;
}

/** What a batch needs of each subject it names. */
export interface ResolvedSubject {
  id: string;
  kind: SubjectKind;
  lookupHash: string;
}

/**
 * Every subject reference of a batch (credit events, point awards), with two queries rather than one per
 * line, each identifier validated and hashed once however often the batch names it. A line whose subject
 * is malformed or unknown gets undefined, and an issue at `pointerOf(line)`.
 */
export async function resolveSubjectRefs(
  ctx: ServiceContext,
  refs: readonly SubjectRefInput[],
  pointerOf: (line: number) => string,
  errors: FieldIssue[],
): Promise<Array<ResolvedSubject | undefined>> {
  const { db } = ctx.deps.storage;
  const today = chinaDate(ctx.now);
  const ids = new Set<string>();
  const hashes = new Map<number, string>();
  const seen = new Map<string, Awaited<ReturnType<typeof subjectIdentifier>>>();
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i] as SubjectRefInput;
    if ('id' in ref) ids.add(ref.id);
    else {
      const raw = ref.kind === 'firm' ? ref.uscc : ref.idNumber;
      const key = `${ref.kind}:${raw}`;
      let r = seen.get(key);
      if (!r) {
        r = await subjectIdentifier(ref.kind, raw, today, ctx.deps.secrets.idNumberHmacKey);
        seen.set(key, r);
      }
      if (r.ok) hashes.set(i, r.lookupHash);
      else errors.push({ pointer: `${pointerOf(i)}/${ref.kind === 'firm' ? 'uscc' : 'idNumber'}`, in: 'body', detail: `line ${i + 1}: ${r.reason}` });
    }
  }
  const byId = new Map<string, ResolvedSubject>();
  const byHash = new Map<string, ResolvedSubject>();
  // Each list goes as one JSON array parameter: one statement whatever the batch, under D1's 100 parameters.
  const lookup = (column: 'id' | 'lookup_hash', values: Iterable<string>) =>
    db.all<ResolvedSubject>(
      sql`SELECT id, kind, lookup_hash AS lookupHash FROM subjects
          WHERE district_id = ${ctx.districtId} AND ${sql.raw(column)} IN (SELECT value FROM json_each(${JSON.stringify([...values])}))`,
    );
  if (ids.size > 0) for (const s of await lookup('id', ids)) byId.set(s.id, s);
  if (hashes.size > 0) for (const s of await lookup('lookup_hash', new Set(hashes.values()))) byHash.set(s.lookupHash, s);
  return refs.map((ref, i): ResolvedSubject | undefined => {
    const found = 'id' in ref ? byId.get(ref.id) : hashes.has(i) ? byHash.get(hashes.get(i) as string) : undefined;
    if (!found && ('id' in ref || hashes.has(i))) {
      errors.push({ pointer: pointerOf(i), in: 'body', detail: `line ${i + 1}: no such subject in district '${ctx.districtId}'` });
    }
    return found;
  });
}
