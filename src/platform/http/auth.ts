/**
 * Authentication: API keys for clients (banks, agencies, bureaus, auditors) and bearer JWTs from a
 * government identity provider for subjects acting for themselves.
 */
import { eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose';
import { chinaDate } from '../clock.js';
import { preparedQuery } from '../db/prepared.js';
import { apiClients } from '../db/schema.js';
import type { AppDeps, SubjectTokenIssuer } from '../deps.js';
import { fail } from '../errors.js';
import { subjectIdentifier } from '../identifiers/subject-identifier.js';
import { hmacSha256Verify } from '../util/crypto.js';
import type { AppEnv } from './env.js';
import { inProcessPrincipal } from './in-process.js';
import type { ClientRole, Principal } from './principal.js';

/** API keys read `eck_<client hex>_<secret hex>`: the client part finds the row, the secret is checked by HMAC. */
const API_KEY_PATTERN = /^eck_([0-9a-f]{32})_([0-9a-f]{64})$/;

export function formatApiKey(clientId: string, secretHex: string): string {
  return `eck_${clientId.replace(/^cli_/, '')}_${secretHex}`;
}

const keySets = new WeakMap<SubjectTokenIssuer, JWTVerifyGetKey>();
function keySetOf(issuer: SubjectTokenIssuer): JWTVerifyGetKey {
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = 'url' in issuer.jwks ? createRemoteJWKSet(new URL(issuer.jwks.url)) : createLocalJWKSet(issuer.jwks);
    keySets.set(issuer, keys);
  }
  return keys;
}

const clientById = preparedQuery((db) =>
  db
    .select()
    .from(apiClients)
    .where(eq(apiClients.id, sql.placeholder('id')))
    .prepare(),
);

/** The client an API key belongs to; also used by the pages' staff sign-in. */
export async function clientPrincipal(deps: AppDeps, token: string): Promise<Principal> {
  const match = API_KEY_PATTERN.exec(token);
  if (!match) throw fail.unauthenticated('the API key is malformed');
  const { storage, secrets } = deps;
  const clientId = `cli_${match[1]}`;
  const [row] = await clientById(storage.db).all({ id: clientId });
  // Verify even when the row is missing, so unknown and wrong keys take the same time.
  const expected = row ? base64UrlBytes(row.secretHash) : new Uint8Array(32);
  const valid = await hmacSha256Verify(secrets.apiKeyPepper, match[2] ?? '', expected);
  if (!row || !valid) throw fail.unauthenticated('the API key is not valid');
  if (row.revokedAt) throw fail.unauthenticated('the API key has been revoked');
  return { type: 'client', clientId: row.id, districtId: row.districtId, role: row.role, agency: row.agency, name: row.name };
}

/** A client by id, unless it is unknown or revoked: how a staff member's page session is resumed. */
export async function activeClientPrincipal(deps: AppDeps, clientId: string): Promise<Principal | undefined> {
  const [row] = await clientById(deps.storage.db).all({ id: clientId });
  if (!row || row.revokedAt) return undefined;
  return { type: 'client', clientId: row.id, districtId: row.districtId, role: row.role, agency: row.agency, name: row.name };
}

function base64UrlBytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
}

/** The subject a token from a configured identity provider names; also used by the pages' token sign-in. */
export async function subjectPrincipal(deps: AppDeps, token: string): Promise<Principal> {
  const { subjectIssuers, config, clock, secrets } = deps;
  let claimedIssuer: string | undefined;
  try {
    claimedIssuer = decodeJwt(token).iss;
  } catch {
    throw fail.unauthenticated('the bearer token is neither an API key nor a JWT');
  }
  const issuer = subjectIssuers.find((i) => i.issuer === claimedIssuer);
  if (!issuer) throw fail.unauthenticated(`tokens from issuer '${claimedIssuer ?? '(none)'}' are not accepted`);
  if (issuer.development && config.environment === 'production') {
    throw fail.unauthenticated('the development issuer is disabled in production');
  }
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, keySetOf(issuer), {
      issuer: issuer.issuer,
      audience: issuer.audience,
      currentDate: clock.now(),
      requiredClaims: ['sub', 'exp'],
    }));
  } catch (error) {
    const reason =
      error instanceof joseErrors.JWTExpired
        ? 'the token has expired'
        : error instanceof joseErrors.JWTClaimValidationFailed
          ? `the token's '${error.claim}' claim is not valid`
          : 'the token signature could not be verified';
    throw fail.unauthenticated(reason);
  }
  const kind = payload.subject_kind;
  if (kind !== 'firm' && kind !== 'resident') throw fail.unauthenticated("the token must name a 'subject_kind' of firm or resident");
  const identifier = await subjectIdentifier(kind, String(payload.sub), chinaDate(clock.now()), secrets.idNumberHmacKey);
  if (!identifier.ok) throw fail.unauthenticated(`the token's subject is not a valid ${kind} identifier: ${identifier.reason}`);
  return { type: 'subject', subjectKind: kind, lookupHash: identifier.lookupHash, issuer: issuer.issuer };
}

/** Requires credentials on every request it guards; sets `principal`. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  // The pages' own calls, made for a signed-in session, carry its principal (see in-process.ts).
  const own = inProcessPrincipal(c.env);
  if (own) {
    c.set('principal', own);
    return next();
  }
  const header = c.req.header('authorization');
  if (!header) throw fail.unauthenticated('send an API key or a subject token as `Authorization: Bearer …`');
  const [scheme, token] = header.split(/\s+/, 2);
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw fail.unauthenticated('only the Bearer scheme is accepted');
  const principal = token.startsWith('eck_') ? await clientPrincipal(c.var.deps, token) : await subjectPrincipal(c.var.deps, token);
  c.set('principal', principal);
  await next();
};

export function isClientRole(p: Principal, ...roles: ClientRole[]): boolean {
  return p.type === 'client' && roles.includes(p.role);
}

export { API_KEY_PATTERN };
