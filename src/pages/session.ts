/**
 * Server-side sessions of the pages. The cookie carries a random secret; the table keeps only its
 * SHA-256, the district, who signed in (a client id, or a subject's kind, lookup hash and identity
 * provider) and when the session ends. No token and no API key is ever kept: a staff session is
 * resumed from the client's row (so revoking the key ends it), a subject's from its lookup hash.
 */
import { and, eq, gt, lte } from 'drizzle-orm';
import { pageSessions } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { activeClientPrincipal } from '../platform/http/auth.js';
import type { Principal } from '../platform/http/principal.js';
import { randomBytes, sha256Hex } from '../platform/util/crypto.js';
import { toBase64Url } from '../platform/util/encoding.js';

/** How long a sign-in lasts; signing out ends it sooner. */
export const SESSION_TTL_MS = 2 * 3_600_000;
/** How long the identity provider has to send the visitor back. */
export const LOGIN_TTL_MS = 10 * 60_000;

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const SECRET = /^[A-Za-z0-9_-]{43}$/;
const newSecret = () => toBase64Url(randomBytes(32));

/** Signs in: a new session for `principal` (never reusing an earlier id). Returns the cookie's secret. */
export async function openSession(deps: AppDeps, districtId: string, principal: Principal): Promise<string> {
  const now = deps.clock.now();
  await purgeExpired(deps, now);
  const secret = newSecret();
  await deps.storage.db.insert(pageSessions).values({
    id: await sha256Hex(secret),
    districtId,
    kind: principal.type,
    clientId: principal.type === 'client' ? principal.clientId : null,
    subjectKind: principal.type === 'subject' ? principal.subjectKind : null,
    lookupHash: principal.type === 'subject' ? principal.lookupHash : null,
    issuer: principal.type === 'subject' ? principal.issuer : null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  });
  return secret;
}

/** The principal of a live session of this district, or undefined. */
export async function resumeSession(deps: AppDeps, districtId: string, secret: string | undefined): Promise<Principal | undefined> {
  if (!secret || !SECRET.test(secret)) return undefined;
  const now = deps.clock.now().toISOString();
  const [row] = await deps.storage.db
    .select()
    .from(pageSessions)
    .where(and(eq(pageSessions.id, await sha256Hex(secret)), eq(pageSessions.districtId, districtId), gt(pageSessions.expiresAt, now)));
  if (!row) return undefined;
  if (row.kind === 'client' && row.clientId) {
    const principal = await activeClientPrincipal(deps, row.clientId);
    return principal?.type === 'client' && principal.districtId === districtId ? principal : undefined;
  }
  if (row.kind === 'subject' && row.subjectKind && row.lookupHash && row.issuer) {
    return { type: 'subject', subjectKind: row.subjectKind, lookupHash: row.lookupHash, issuer: row.issuer };
  }
  return undefined;
}

/** Signs out. */
export async function closeSession(deps: AppDeps, secret: string | undefined): Promise<void> {
  if (!secret || !SECRET.test(secret)) return;
  await deps.storage.db.delete(pageSessions).where(eq(pageSessions.id, await sha256Hex(secret)));
}

/** Remembers an OpenID Connect sign-in on its way to the provider. Returns the cookie's secret. */
export async function openLogin(deps: AppDeps, districtId: string, login: PendingLogin): Promise<string> {
  const now = deps.clock.now();
  await purgeExpired(deps, now);
  const secret = newSecret();
  await deps.storage.db.insert(pageSessions).values({
    id: await sha256Hex(secret),
    districtId,
    kind: 'login',
    login,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + LOGIN_TTL_MS).toISOString(),
  });
  return secret;
}

/** The pending sign-in, taken (deleted) so that its state, nonce and verifier are used once only. */
export async function takeLogin(deps: AppDeps, districtId: string, secret: string | undefined): Promise<PendingLogin | undefined> {
  if (!secret || !SECRET.test(secret)) return undefined;
  const now = deps.clock.now().toISOString();
  const [row] = await deps.storage.db
    .delete(pageSessions)
    .where(and(eq(pageSessions.id, await sha256Hex(secret)), eq(pageSessions.kind, 'login'), eq(pageSessions.districtId, districtId)))
    .returning();
  if (!row?.login || row.expiresAt <= now) return undefined;
  return row.login;
}

async function purgeExpired(deps: AppDeps, now: Date): Promise<void> {
  await deps.storage.db.delete(pageSessions).where(lte(pageSessions.expiresAt, now.toISOString()));
}
