/**
 * verifyCreditReport: is this report genuine? By default against the keys the district publishes.
 * A caller may bring its own key set (one saved years ago, say); the answer then says so, and a report
 * that claims to come from this district is never called genuine under a key the district never had.
 */

import { eq } from 'drizzle-orm';
import type { JSONWebKeySet, JWK } from 'jose';
import type { ServiceContext } from '../platform/context.js';
import { signingKeys } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { publishedKeys } from './signing-keys.service.js';
import { verifyReport } from './verify.js';

export interface VerifyInput {
  report: string;
  jwks?: JSONWebKeySet | undefined;
  audience?: string | undefined;
  at?: Date | undefined;
}

export interface Verified {
  valid: true;
  verifiedWith: 'district-keys' | 'supplied-keys';
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Every key the district ever signed with, retired ones included: the only keys that speak for it. */
async function everyDistrictKey(ctx: ServiceContext): Promise<JWK[]> {
  const rows = await ctx.deps.storage.db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(eq(signingKeys.districtId, ctx.districtId));
  return rows.map((r) => JSON.parse(r.publicJwk) as JWK);
}

const sameKey = (a: JWK, b: JWK) => a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.kid === b.kid;

export async function verifyCreditReport(ctx: ServiceContext, input: VerifyInput, districtIssuer: string): Promise<Verified> {
  const p = ctx.principal;
  const audience = input.audience ?? (p.type === 'client' && p.role === 'bank' ? p.clientId : undefined);
  const verifiedWith = input.jwks ? 'supplied-keys' : 'district-keys';
  const jwks = input.jwks ?? { keys: await publishedKeys(ctx) };
  const result = await verifyReport(input.report, jwks, { audience, now: input.at ?? ctx.now });
  if (!result.valid) {
    throw new DomainError(`report-${result.reason}`, result.detail, {
      fields: [{ pointer: '/report', detail: result.detail }],
      extensions: { reason: result.reason, verifiedWith },
    });
  }
  if (verifiedWith === 'supplied-keys') {
    const used = jwks.keys.find((k) => k.kid === result.header.kid) as JWK;
    const ours = await everyDistrictKey(ctx);
    const claimsThisDistrict =
      result.payload.iss === districtIssuer ||
      String(result.payload.iss ?? '').endsWith(`/districts/${ctx.districtId}`) ||
      ours.some((k) => k.kid === result.header.kid);
    if (claimsThisDistrict && !ours.some((k) => sameKey(k, used))) {
      const detail = `the report claims to come from district '${ctx.districtId}', but the key '${String(result.header.kid)}' that verifies it is not one the district published`;
      throw new DomainError('report-not-published-key', detail, {
        fields: [{ pointer: '/jwks', detail }],
        extensions: { reason: 'not-published-key', verifiedWith },
      });
    }
  }
  return { valid: true, verifiedWith, header: { ...result.header }, payload: { ...result.payload } };
}
