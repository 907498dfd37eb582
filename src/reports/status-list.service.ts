/**
 * The district's Token Status Lists. Every report and credential takes a random slot in the open
 * list when it is issued; the list a verifier fetches is signed with the district's key and derived
 * from the record at that moment: a token is revoked once an objection to an event it carried has been
 * upheld, and suspended while the consent behind a bank's report is revoked or expired. Nothing is
 * written when that happens, so no path can forget to, and the token itself never changes.
 */
import { createHeaderAndPayload, StatusList } from '@sd-jwt/jwt-status-list';
import { and, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import type { ServiceContext } from '../platform/context.js';
import { type AtomicStatement, chunkRows } from '../platform/db/database.js';
import { consents, objections, statusEntries, statusEntryEvents, statusLists } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { activeKey } from './signing-keys.service.js';
import { STATUS, STATUS_BITS, STATUS_LIST_TYPE, type StatusReference, type TokenStatus } from './status-list.js';

/** Entries a list holds: 2 bits each, 16 KiB before compression. */
export const LIST_SIZE = 65_536;
/** A list takes new tokens until a quarter is used: random slots stay cheap to find, and each token hides among many. */
export const LIST_FILL = LIST_SIZE / 4;
/** How long a verifier may keep a list before fetching it again (the list's `ttl`, and its Cache-Control). */
export const LIST_TTL_SECONDS = 300;
const LIST_LIFETIME_SECONDS = 86_400;

export const statusListUri = (issuer: string, listId: number) => `${issuer}/status-lists/${listId}`;

export interface StatusSlot {
  listId: number;
  idx: number;
}

/** A free random slot in the open list. Taken again by a concurrent issue, the unique index refuses the second. */
export async function allocateSlot(ctx: ServiceContext): Promise<StatusSlot> {
  const { db } = ctx.deps.storage;
  // The newest list and how many entries it holds, from the counts kept beside the entries: counting
  // the open list's entries made issuing a token slower with each token the list held.
  const [newest] = await db
    .select({ listId: statusLists.listId, used: statusLists.used })
    .from(statusLists)
    .where(eq(statusLists.districtId, ctx.districtId))
    .orderBy(desc(statusLists.listId))
    .limit(1);
  const listId = !newest ? 1 : newest.used >= LIST_FILL ? newest.listId + 1 : newest.listId;
  for (;;) {
    const candidates = [...crypto.getRandomValues(new Uint32Array(8))].map((n) => n % LIST_SIZE);
    const taken = await db
      .select({ idx: statusEntries.idx })
      .from(statusEntries)
      .where(and(eq(statusEntries.districtId, ctx.districtId), eq(statusEntries.listId, listId), inArray(statusEntries.idx, candidates)));
    const free = candidates.find((c) => !taken.some((t) => t.idx === c));
    if (free !== undefined) return { listId, idx: free };
  }
}

/** True when a write failed because another token took the same slot in the meantime. */
export const isSlotTaken = (error: unknown) => /UNIQUE constraint failed: status_entries\./.test(String((error as Error)?.message ?? error));

/** The entry and the events it carried: to be written in the same atomic unit as the token's own record. */
export function statusEntryStatements(
  ctx: ServiceContext,
  entry: {
    id: string;
    slot: StatusSlot;
    kind: 'report' | 'credential';
    subjectId: string;
    consentId: string | null;
    issuedAt: Date;
    expiresAt: Date;
  },
  events: readonly string[],
): AtomicStatement[] {
  const { db, maxBoundParameters } = ctx.deps.storage;
  const statements: AtomicStatement[] = [
    db
      .insert(statusEntries)
      .values({
        id: entry.id,
        districtId: ctx.districtId,
        listId: entry.slot.listId,
        idx: entry.slot.idx,
        kind: entry.kind,
        subjectId: entry.subjectId,
        consentId: entry.consentId,
        issuedAt: entry.issuedAt.toISOString(),
        expiresAt: entry.expiresAt.toISOString(),
      })
      .returning({ id: statusEntries.id }),
    // In the same unit as the entry, so the count is exact: a slot taken meanwhile undoes both.
    db
      .insert(statusLists)
      .values({ districtId: ctx.districtId, listId: entry.slot.listId, used: 1 })
      .onConflictDoUpdate({ target: [statusLists.districtId, statusLists.listId], set: { used: sql`${statusLists.used} + 1` } })
      .returning({ used: statusLists.used }),
  ];
  for (const chunk of chunkRows([...new Set(events)], 3, maxBoundParameters)) {
    statements.push(
      db
        .insert(statusEntryEvents)
        .values(chunk.map((eventId) => ({ districtId: ctx.districtId, entryId: entry.id, eventId })))
        .returning({ eventId: statusEntryEvents.eventId }),
    );
  }
  return statements;
}

/** The status of every entry of a list that is not valid, at an instant. */
async function statusesOf(ctx: ServiceContext, listId: number, at: Date): Promise<Map<number, TokenStatus>> {
  const { db } = ctx.deps.storage;
  const iso = at.toISOString();
  const [revoked, suspended] = await Promise.all([
    db
      .selectDistinct({ idx: statusEntries.idx })
      .from(statusEntries)
      .innerJoin(statusEntryEvents, eq(statusEntryEvents.entryId, statusEntries.id))
      .innerJoin(objections, and(eq(objections.districtId, statusEntryEvents.districtId), eq(objections.eventId, statusEntryEvents.eventId)))
      .where(
        and(
          eq(statusEntries.districtId, ctx.districtId),
          eq(statusEntries.listId, listId),
          eq(objections.status, 'upheld'),
          lte(objections.resolvedAt, iso),
          lte(statusEntries.issuedAt, iso),
        ),
      ),
    db
      .select({ idx: statusEntries.idx })
      .from(statusEntries)
      .innerJoin(consents, eq(consents.id, statusEntries.consentId))
      .where(
        and(
          eq(statusEntries.districtId, ctx.districtId),
          eq(statusEntries.listId, listId),
          isNotNull(statusEntries.consentId),
          lte(statusEntries.issuedAt, iso),
          or(lte(consents.revokedAt, iso), lte(consents.expiresAt, iso)),
        ),
      ),
  ]);
  const out = new Map<number, TokenStatus>();
  for (const r of suspended) out.set(r.idx, 'suspended');
  // Revoked wins over suspended: it is final.
  for (const r of revoked) out.set(r.idx, 'revoked');
  return out;
}

/** The status of one token, as the list published at `at` says it. */
export async function statusOf(ctx: ServiceContext, ref: { listId: number; idx: number }, at: Date): Promise<TokenStatus> {
  return (await statusesOf(ctx, ref.listId, at)).get(ref.idx) ?? 'valid';
}

/** The list a status URI of this district names, or null when it names another issuer's or none. */
export function listOfUri(issuer: string, ref: StatusReference): number | null {
  const prefix = `${issuer}/status-lists/`;
  if (!ref.uri.startsWith(prefix)) return null;
  const id = Number(ref.uri.slice(prefix.length));
  return Number.isInteger(id) && id >= 1 && ref.idx < LIST_SIZE ? id : null;
}

export interface SignedStatusList {
  token: string;
  issuedAt: Date;
}

/**
 * The list as a signed `statuslist+jwt`. Its `iat` is the start of the current five-minute period, so
 * that requests within one period get the same bytes (Ed25519 signatures are deterministic) while the
 * statuses are those of the moment of the request.
 */
export async function signedStatusList(ctx: ServiceContext, issuer: string, listId: number): Promise<SignedStatusList> {
  const { db } = ctx.deps.storage;
  const [exists] = await db
    .select({ idx: statusEntries.idx })
    .from(statusEntries)
    .where(and(eq(statusEntries.districtId, ctx.districtId), eq(statusEntries.listId, listId)))
    .limit(1);
  if (!exists) throw fail.notFound(`district '${ctx.districtId}' has no status list ${listId}`);
  const statuses = await statusesOf(ctx, listId, ctx.now);
  const values = new Array<number>(LIST_SIZE).fill(STATUS.valid);
  for (const [idx, status] of statuses) values[idx] = STATUS[status];
  const list = new StatusList(values, STATUS_BITS);
  const iat = Math.floor(ctx.now.getTime() / 1000 / LIST_TTL_SECONDS) * LIST_TTL_SECONDS;
  const key = await activeKey(ctx);
  const { header, payload } = createHeaderAndPayload(
    list,
    { sub: statusListUri(issuer, listId), iat, exp: iat + LIST_LIFETIME_SECONDS, ttl: LIST_TTL_SECONDS },
    { alg: 'EdDSA', typ: STATUS_LIST_TYPE, kid: key.kid },
  );
  const token = await new SignJWT(payload)
    .setProtectedHeader({ ...header, alg: 'EdDSA', typ: STATUS_LIST_TYPE, kid: key.kid })
    .sign(await ctx.deps.signingKeys.privateKey(key.kid));
  return { token, issuedAt: new Date(iat * 1000) };
}
