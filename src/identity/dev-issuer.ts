/**
 * A development identity provider: it lets a newcomer (and the tests) act as a resident or a firm's
 * representative without the government login. It signs like the real one (EdDSA JWTs checked against
 * a JWKS), so the verification path is the production one. It refuses to work in production.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { SubjectTokenIssuer } from '../platform/deps.js';
import type { SubjectKind } from '../platform/identifiers/subject-identifier.js';

export const DEV_ISSUER = 'urn:eco-credit:dev-idp';
export const DEFAULT_TOKEN_AUDIENCE = 'eco-credit';

export async function generateDevIssuerKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'EdDSA' };
}

export function devIssuerConfig(privateJwk: JWK, audience = DEFAULT_TOKEN_AUDIENCE): SubjectTokenIssuer {
  const { d: _private, ...publicJwk } = privateJwk;
  return { issuer: DEV_ISSUER, audience, jwks: { keys: [publicJwk] }, development: true };
}

export interface MintOptions {
  kind: SubjectKind;
  /** The resident ID number or USCC, as the real identity provider would assert it. */
  identifier: string;
  audience?: string;
  ttlSeconds?: number;
  now?: Date;
}

export async function mintDevToken(privateJwk: JWK, environment: string, options: MintOptions): Promise<string> {
  if (environment === 'production') throw new Error('the development issuer cannot mint tokens when NODE_ENV=production');
  const key = await importJWK(privateJwk, 'EdDSA');
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ subject_kind: options.kind })
    .setProtectedHeader({ alg: 'EdDSA', kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
    .setIssuer(DEV_ISSUER)
    .setAudience(options.audience ?? DEFAULT_TOKEN_AUDIENCE)
    .setSubject(options.identifier)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600))
    .sign(key);
}
