/**
 * A subject's own eco-credit credential (SD-JWT VC, `dc+sd-jwt`): the holder presents some of its
 * claim groups with a key-binding JWT over a bank's nonce and audience; the bank verifies it offline
 * against the district's JWKS. Disclosures, digests and key binding are the @sd-jwt packages' work;
 * this module adds what a verifier must also refuse (a disclosure the issuer never signed, a key
 * binding for another bank or older than allowed, a key used after it was retired) and names each
 * refusal. Pure apart from the clock it is given; runs in Node, Workers and browsers.
 */
import { SDJwtInstance } from '@sd-jwt/core';
import { createHashMapping, decodeSdJwt, getSDAlgAndPayload, unpack } from '@sd-jwt/decode';
import { importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { toBase64Url } from '../platform/util/encoding.js';
import { CLAIM_GROUPS, type ClaimGroup } from '../rules/kinds/district-policy/body.js';
import { cnfVerifier, holderAlgorithm, jwksVerifier, sha256Hasher } from './sd-jwt-crypto.js';

/** The JOSE `typ` and the media type of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc). */
export const CREDENTIAL_TYPE = 'dc+sd-jwt';
export const CREDENTIAL_MEDIA_TYPE = 'application/dc+sd-jwt';
/** The credential type (`vct`) of a subject's eco-credit record. */
export const CREDENTIAL_VCT = 'urn:eco-credit:vct:eco-credit-record:1';
/** How old a key binding may be when the bank checks it, unless the bank says otherwise. */
export const KEY_BINDING_MAX_AGE_SECONDS = 300;
const CLOCK_SKEW_SECONDS = 60;

/** The claim groups a credential or presentation discloses, by their claim names. */
export const isClaimGroup = (name: string): name is ClaimGroup => (CLAIM_GROUPS as readonly string[]).includes(name);

export interface PresentOptions {
  /** The claim groups to disclose; the others stay hidden. */
  claims: readonly ClaimGroup[];
  nonce: string;
  /** Who the presentation is for: the bank's client id, as the bank asked. */
  audience: string;
  now: Date;
}

const enc = new TextEncoder();

async function holderSigner(privateJwk: JWK): Promise<{ sign: (data: string) => Promise<string>; alg: 'EdDSA' | 'ES256' }> {
  const alg = holderAlgorithm(privateJwk);
  if (!alg || !privateJwk.d) throw new Error('the holder key must be a private Ed25519 or P-256 JWK');
  // jose imports a private JWK as a WebCrypto key; WebCrypto's ECDSA gives the r||s form JWS wants.
  const key = (await importJWK(privateJwk, alg)) as Parameters<typeof crypto.subtle.sign>[1];
  const params = alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  return { alg, sign: async (data) => toBase64Url(new Uint8Array(await crypto.subtle.sign(params, key, enc.encode(data)))) };
}

/** The holder's side: the chosen claim groups (every item of `items`) and a key binding over the bank's nonce and audience. */
export async function createPresentation(credential: string, holderPrivateJwk: JWK, options: PresentOptions): Promise<string> {
  const signer = await holderSigner(holderPrivateJwk);
  const sdjwt = new SDJwtInstance({ hasher: sha256Hasher, kbSigner: signer.sign, kbSignAlg: signer.alg });
  const chosen = new Set<string>(options.claims);
  const frame: Record<string, true | Record<string, true>> = {};
  for (const key of await sdjwt.presentableKeys(credential.trim())) {
    const [group, index] = key.split('.');
    if (!group || !chosen.has(group)) continue;
    if (index === undefined) frame[group] ??= true;
    else {
      const nested = frame[group];
      frame[group] = { ...(typeof nested === 'object' ? nested : {}), [index]: true };
    }
  }
  return sdjwt.present(credential.trim(), frame, {
    kb: { payload: { iat: Math.floor(options.now.getTime() / 1000), aud: options.audience, nonce: options.nonce } },
  });
}

export type PresentationFailure =
  | 'malformed'
  | 'wrong-type'
  | 'unknown-kid'
  | 'retired-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'disclosure-not-in-credential'
  | 'key-binding-missing'
  | 'key-binding-malformed'
  | 'key-binding-bad-signature'
  | 'key-binding-wrong-hash'
  | 'key-binding-wrong-nonce'
  | 'key-binding-wrong-audience'
  | 'key-binding-expired'
  | 'key-binding-not-yet-valid';

export interface VerifiedPresentation {
  valid: true;
  header: Record<string, unknown>;
  /** Everything the verifier can read: the always-visible claims and the disclosed groups. */
  claims: Record<string, unknown>;
  /** The claim groups the holder disclosed, in the canonical order. */
  disclosed: ClaimGroup[];
  keyBinding: { aud: string; nonce: string; iat: number };
}

export type PresentationResult = VerifiedPresentation | { valid: false; reason: PresentationFailure; detail: string };

export interface VerifyPresentationOptions {
  /** The bank's nonce: the key binding must be over exactly it. */
  nonce: string;
  /** The bank itself: the key binding must name it. */
  audience: string;
  now: Date;
  issuer?: string | undefined;
  maxKeyBindingAgeSeconds?: number | undefined;
}

const fail = (reason: PresentationFailure, detail: string): PresentationResult => ({ valid: false, reason, detail });
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The bank's side, offline: the issuer's signature under a key of the district's JWKS (and not used
 * after its retirement, where the key set says when that was), the validity period, that every
 * disclosure is one the issuer signed, and the key binding: present, signed by the bound key, over
 * these disclosures, this nonce and this audience, and fresh.
 */
export async function verifyPresentation(presentation: string, jwks: JSONWebKeySet, options: VerifyPresentationOptions): Promise<PresentationResult> {
  const text = presentation.trim();
  let decoded: Awaited<ReturnType<typeof decodeSdJwt>>;
  try {
    decoded = await decodeSdJwt(text, sha256Hasher);
  } catch (error) {
    return fail('malformed', `not an SD-JWT presentation: ${message(error)}`);
  }
  const header = decoded.jwt.header as Record<string, unknown>;
  const payload = decoded.jwt.payload as Record<string, unknown>;
  if (header.typ !== CREDENTIAL_TYPE || payload.vct !== CREDENTIAL_VCT) {
    return fail('wrong-type', `not an eco-credit credential: typ ${String(header.typ)}, vct ${String(payload.vct)}`);
  }
  const key = jwks.keys.find((k) => k.kid === header.kid);
  if (!key) return fail('unknown-kid', `no key '${String(header.kid ?? '(none)')}' in the key set`);
  const seconds = Math.floor(options.now.getTime() / 1000);
  const sdjwt = new SDJwtInstance({ hasher: sha256Hasher, verifier: jwksVerifier(jwks), kbVerifier: cnfVerifier });
  try {
    await sdjwt.validate(text, { currentDate: seconds });
  } catch (error) {
    const m = message(error);
    if (/expired/i.test(m)) return fail('expired', `the credential expired at ${new Date(Number(payload.exp) * 1000).toISOString()}`);
    if (/not yet valid/i.test(m)) return fail('not-yet-valid', 'the credential is not valid yet');
    if (/signature/i.test(m)) return fail('bad-signature', 'the signature does not match the content: it was changed or signed by another key');
    return fail('malformed', m);
  }
  // A genuine signature by a key after its retirement: what a leaked old key could make.
  const retiredAt = typeof (key as { retired_at?: unknown }).retired_at === 'number' ? (key as { retired_at: number }).retired_at : null;
  if (retiredAt !== null && typeof payload.iat === 'number' && payload.iat > retiredAt) {
    return fail(
      'retired-key',
      `signed at ${new Date(payload.iat * 1000).toISOString()} by key '${String(header.kid)}', which the district retired at ${new Date(retiredAt * 1000).toISOString()}`,
    );
  }
  if (options.issuer && payload.iss !== options.issuer) return fail('wrong-issuer', `issued by ${String(payload.iss)}, not ${options.issuer}`);

  // Every disclosure must be one the issuer's payload names by digest, directly or inside another.
  const { _sd_alg } = getSDAlgAndPayload(payload);
  const byDigest = await createHashMapping(decoded.disclosures, { hasher: sha256Hasher, alg: _sd_alg });
  const { disclosureKeymap } = await unpack(payload, decoded.disclosures, sha256Hasher);
  const referenced = new Set(Object.values(disclosureKeymap));
  const stray = Object.keys(byDigest).find((digest) => !referenced.has(digest));
  if (stray) return fail('disclosure-not-in-credential', `a disclosure (digest ${stray}) is not one this credential contains`);

  if (!decoded.kbJwt) return fail('key-binding-missing', 'the presentation has no key-binding JWT: anyone holding a copy could have sent it');
  let kb: { aud: string; nonce: string; iat: number };
  try {
    const verified = await sdjwt.verify(text, { currentDate: seconds, keyBindingNonce: options.nonce });
    if (!verified.kb) return fail('key-binding-missing', 'the presentation has no key-binding JWT');
    kb = { aud: verified.kb.payload.aud, nonce: verified.kb.payload.nonce, iat: verified.kb.payload.iat };
  } catch (error) {
    const m = message(error);
    if (/nonce/i.test(m)) return fail('key-binding-wrong-nonce', `the key binding is over another nonce, not ${options.nonce}`);
    if (/sd_hash/i.test(m)) return fail('key-binding-wrong-hash', 'the key binding was made over other disclosures than those presented');
    if (/signature/i.test(m)) return fail('key-binding-bad-signature', 'the key binding is not signed by the key the credential is bound to');
    return fail('key-binding-malformed', m);
  }
  if (kb.aud !== options.audience)
    return fail('key-binding-wrong-audience', `the presentation was made for ${JSON.stringify(kb.aud)}, not ${options.audience}`);
  const maxAge = options.maxKeyBindingAgeSeconds ?? KEY_BINDING_MAX_AGE_SECONDS;
  if (kb.iat > seconds + CLOCK_SKEW_SECONDS) return fail('key-binding-not-yet-valid', 'the key binding is dated in the future');
  if (seconds - kb.iat > maxAge) {
    return fail('key-binding-expired', `the key binding was made at ${new Date(kb.iat * 1000).toISOString()}, more than ${maxAge} seconds ago`);
  }
  const claims = (await sdjwt.getClaims(text)) as Record<string, unknown>;
  return { valid: true, header, claims, disclosed: CLAIM_GROUPS.filter((g) => g in claims), keyBinding: kb };
}
