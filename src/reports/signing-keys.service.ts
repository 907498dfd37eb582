/**
 * A district's report-signing keys: one active key; rotation retires it, and a retired key stays in the
 * published JWKS until the last report it signed has expired, so old reports keep verifying.
 */
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { JWK } from 'jose';
import type { ServiceContext } from '../platform/context.js';
import { preparedQuery } from '../platform/db/prepared.js';
import { signingKeys } from '../platform/db/schema.js';
import { fail } from '../platform/errors.js';
import { randomBytes } from '../platform/util/crypto.js';
import { toHex } from '../platform/util/encoding.js';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

function newKid(districtId: string, now: Date): string {
  return `${districtId}-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${toHex(randomBytes(4))}`;
}

// Only the kid: every report reads it, and the public JWK beside it is JSON that drizzle would parse each time.
const activeKeyOf = preparedQuery((db) =>
  db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(and(eq(signingKeys.districtId, sql.placeholder('districtId')), isNull(signingKeys.retiredAt)))
    .limit(1)
    .prepare(),
);

/** The kid of the district's active key: what signs, and what a signature names in its header. */
export async function activeKey(ctx: ServiceContext): Promise<{ kid: string }> {
  const [row] = await activeKeyOf(ctx.deps.storage.db).all({ districtId: ctx.districtId });
  if (!row) throw fail.notFound(`district '${ctx.districtId}' has no signing key; create one with the CLI (keys rotate)`);
  return row;
}

/** Creates the first key of a district, or a new one that replaces (retires) the active key. */
export async function rotateKey(ctx: ServiceContext): Promise<{ active: SigningKeyRow; retired: SigningKeyRow | null }> {
  const kid = newKid(ctx.districtId, ctx.now);
  const publicJwk = await ctx.deps.signingKeys.generate(ctx.districtId, kid);
  const at = ctx.now.toISOString();
  const { db, atomic } = ctx.deps.storage;
  const [retired, created] = await atomic([
    db
      .update(signingKeys)
      .set({ retiredAt: at })
      .where(and(eq(signingKeys.districtId, ctx.districtId), isNull(signingKeys.retiredAt)))
      .returning(),
    db.insert(signingKeys).values({ kid, districtId: ctx.districtId, publicJwk, createdAt: at }).returning(),
  ]);
  return { active: created[0] as SigningKeyRow, retired: retired[0] ?? null };
}

/** The keys a verifier needs: the active one and every retired one that signed a report not yet expired. */
export async function publishedKeys(ctx: ServiceContext): Promise<JWK[]> {
  const rows = await ctx.deps.storage.db
    .select()
    .from(signingKeys)
    .where(
      and(eq(signingKeys.districtId, ctx.districtId), or(isNull(signingKeys.retiredAt), gt(signingKeys.lastReportExpiresAt, ctx.now.toISOString()))),
    )
    // rowid breaks ties between keys made in the same millisecond: oldest first.
    .orderBy(asc(signingKeys.createdAt), asc(sql`rowid`));
  return rows.map(publicJwkOf);
}

/**
 * A key as published. A retired key says when it was retired (`retired_at`, seconds since the epoch,
 * a member of our own beside the JWK's): a verifier refuses anything it signed after that moment.
 */
export function publicJwkOf(row: SigningKeyRow): JWK {
  const jwk = row.publicJwk;
  // JWK allows members beyond its own; jose's type lists only the registered ones.
  return row.retiredAt ? ({ ...jwk, retired_at: Math.floor(Date.parse(row.retiredAt) / 1000) } as JWK) : jwk;
}
