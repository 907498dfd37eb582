/**
 * Reading a Token Status List (IETF draft-ietf-oauth-status-list, `statuslist+jwt`): what a verifier
 * does with the list a report or credential points at. jose checks the list's signature against the
 * district's keys; @sd-jwt/jwt-status-list decodes the compressed list. Pure apart from the clock it
 * is given; runs in Node, Workers and browsers.
 */
import { getListFromStatusListJWT } from '@sd-jwt/jwt-status-list';
import { createLocalJWKSet, decodeProtectedHeader, errors, type JSONWebKeySet, jwtVerify } from 'jose';

export const STATUS_LIST_TYPE = 'statuslist+jwt';
export const STATUS_LIST_MEDIA_TYPE = 'application/statuslist+jwt';
/** Two bits a token: 0 valid, 1 invalid (revoked), 2 suspended. */
export const STATUS_BITS = 2;
export const STATUS = { valid: 0, revoked: 1, suspended: 2 } as const;
export type TokenStatus = keyof typeof STATUS;

/** Where a token says its status is kept (the `status` claim of the draft). */
export interface StatusReference {
  idx: number;
  uri: string;
}

export type StatusCheck =
  | { checked: true; status: TokenStatus; uri: string; idx: number; listIssuedAt: string }
  | { checked: false; reason: StatusUncheckedReason; detail: string; uri?: string; idx?: number };

/** Why a status could not be read: the list was not reached, or what came back cannot be trusted. */
export type StatusUncheckedReason = 'no-status' | 'unreachable' | 'tampered' | 'wrong-list' | 'stale' | 'out-of-range';

export function statusReferenceOf(payload: Record<string, unknown>): StatusReference | null {
  const ref = (payload.status as { status_list?: { idx?: unknown; uri?: unknown } } | undefined)?.status_list;
  if (!ref || typeof ref.uri !== 'string' || typeof ref.idx !== 'number' || !Number.isInteger(ref.idx) || ref.idx < 0) return null;
  return { idx: ref.idx, uri: ref.uri };
}

/** Checks the list's signature, type, subject and freshness, then reads the token's entry. */
export async function readStatus(ref: StatusReference, statusListJwt: string, jwks: JSONWebKeySet, now: Date): Promise<StatusCheck> {
  const token = statusListJwt.trim();
  const refuse = (reason: StatusUncheckedReason, detail: string): StatusCheck => ({ checked: false, reason, detail, uri: ref.uri, idx: ref.idx });
  let payload: Record<string, unknown>;
  try {
    decodeProtectedHeader(token);
    ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks), { algorithms: ['EdDSA'], typ: STATUS_LIST_TYPE, currentDate: now }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return refuse('stale', 'the status list has expired: fetch a fresh one');
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'typ') return refuse('tampered', `the list is not a ${STATUS_LIST_TYPE}`);
    return refuse('tampered', "the status list's signature does not match its content, or it was not signed by a key of the district");
  }
  if (payload.sub !== ref.uri) return refuse('wrong-list', `the list is ${String(payload.sub)}, not ${ref.uri}`);
  let value: number;
  try {
    value = getListFromStatusListJWT(token).getStatus(ref.idx);
  } catch {
    return refuse('out-of-range', `the list has no entry ${ref.idx}`);
  }
  const status = (Object.entries(STATUS).find(([, v]) => v === value)?.[0] ?? 'revoked') as TokenStatus;
  return { checked: true, status, uri: ref.uri, idx: ref.idx, listIssuedAt: new Date(Number(payload.iat) * 1000).toISOString() };
}

/** Fetches a list (with a time limit) and reads the token's entry; says plainly when the list could not be reached. */
export async function fetchStatus(
  ref: StatusReference,
  jwks: JSONWebKeySet,
  now: Date,
  fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch,
  timeoutMs = 5000,
): Promise<StatusCheck> {
  let text: string;
  try {
    const res = await fetcher(ref.uri, { headers: { accept: STATUS_LIST_MEDIA_TYPE }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) return { checked: false, reason: 'unreachable', detail: `${ref.uri} answered ${res.status}`, uri: ref.uri, idx: ref.idx };
    text = await res.text();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { checked: false, reason: 'unreachable', detail: `could not reach ${ref.uri}: ${why}`, uri: ref.uri, idx: ref.idx };
  }
  return readStatus(ref, text, jwks, now);
}
