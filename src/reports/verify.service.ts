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
import { readStatus, type StatusCheck, statusReferenceOf } from './status-list.js';
import { listOfUri, statusOf } from './status-list.service.js';
import { verifyReport } from './verify.js';

export interface VerifyInput {
  report: string;
  jwks?: JSONWebKeySet | undefined;
  audience?: string | undefined;
  at?: Date | undefined;
  /** A status list the caller fetched or kept (`statuslist+jwt`): checked instead of the district's own. */
  statusList?: string | undefined;
}

export interface Verified {
  valid: true;
  verifiedWith: 'district-keys' | 'supplied-keys';
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** Valid in the status list, or why its status could not be checked. Revoked and suspended are refusals. */
  status: StatusCheck;
}

/**
 * The status of a token of this district at `at`: read from a list the caller supplies (which must be
 * genuine), or derived here for the district's own lists. A list of another issuer is not fetched
 * from the server (that would let a caller make it call anywhere): the answer says it was not checked.
 */
export async function tokenStatus(
  ctx: ServiceContext,
  payload: Record<string, unknown>,
  districtIssuer: string,
  options: { at: Date; statusList?: string | undefined; jwks: JSONWebKeySet },
): Promise<StatusCheck> {
  const ref = statusReferenceOf(payload);
  if (!ref) return { checked: false, reason: 'no-status', detail: 'it carries no status entry (issued before the district kept status lists)' };
  if (options.statusList !== undefined) {
    const read = await readStatus(ref, options.statusList, options.jwks, options.at);
    if (!read.checked && read.reason !== 'stale') {
      throw new DomainError('status-list-tampered', `the status list cannot be trusted: ${read.detail}`, {
        fields: [{ pointer: '/statusList', detail: read.detail }],
        extensions: { reason: read.reason },
      });
    }
    return read;
  }
  const listId = listOfUri(districtIssuer, ref);
  if (listId === null) {
    return {
      checked: false,
      reason: 'unreachable',
      detail: `${ref.uri} is not a status list of this district; fetch it and send it as statusList`,
      uri: ref.uri,
      idx: ref.idx,
    };
  }
  const status = await statusOf(ctx, { listId, idx: ref.idx }, options.at);
  return { checked: true, status, uri: ref.uri, idx: ref.idx, listIssuedAt: options.at.toISOString() };
}

/** Every key the district ever signed with, retired ones included: the only keys that speak for it. */
async function everyDistrictKey(ctx: ServiceContext): Promise<JWK[]> {
  const rows = await ctx.deps.storage.db
    .select({ publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(eq(signingKeys.districtId, ctx.districtId));
  return rows.map((r) => r.publicJwk);
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
  const payload = { ...result.payload } as Record<string, unknown>;
  const status = await tokenStatus(ctx, payload, districtIssuer, { at: input.at ?? ctx.now, statusList: input.statusList, jwks });
  if (status.checked && status.status !== 'valid') {
    const detail =
      status.status === 'revoked'
        ? 'the district revoked this report: an objection to a record it carried was upheld'
        : "the district suspended this report: the subject's consent behind it was revoked or has expired";
    throw new DomainError(`report-${status.status}`, detail, {
      fields: [{ pointer: '/report', detail }],
      extensions: { reason: status.status, verifiedWith, tokenStatus: status },
    });
  }
  return { valid: true, verifiedWith, header: { ...result.header }, payload, status };
}
