/**
 * What the @sd-jwt packages ask of their host, in WebCrypto and jose only (so the same code runs in
 * Node, in Workers and in a browser): a hasher, a salt generator, a signer over a private key, and
 * verifiers that check an issuer's signature against a JWKS and a holder's against its `cnf` key.
 */
import type { Hasher, KbVerifier, SaltGenerator, Signer, Verifier } from '@sd-jwt/types';
import { type CryptoKey, compactVerify, createLocalJWKSet, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { toBase64Url } from '../platform/util/encoding.js';

const encoder = new TextEncoder();

export const sha256Hasher: Hasher = async (data, alg) => {
  if (alg.toLowerCase() !== 'sha-256') throw new Error(`hash algorithm ${alg} is not accepted; sha-256 only`);
  const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
};

export const saltGenerator: SaltGenerator = (length) => toBase64Url(crypto.getRandomValues(new Uint8Array(length)));

/** Signs `header.payload` with an Ed25519 key (a CryptoKey from jose's importJWK or generateKeyPair). */
export function ed25519Signer(key: CryptoKey | JWK): Signer {
  let imported: Promise<CryptoKey> | undefined;
  return async (data) => {
    // jose imports an Ed25519 JWK as a WebCrypto CryptoKey.
    imported ??= 'kty' in key ? (importJWK(key as JWK, 'EdDSA') as Promise<CryptoKey>) : Promise.resolve(key as CryptoKey);
    const signature = await crypto.subtle.sign({ name: 'Ed25519' }, await imported, encoder.encode(data));
    return toBase64Url(new Uint8Array(signature));
  };
}

/** The issuer's signature, against the key of its `kid` in the set (jose picks the key and checks the algorithm). */
export function jwksVerifier(jwks: JSONWebKeySet): Verifier {
  const keys = createLocalJWKSet(jwks);
  return async (data, signature) => {
    try {
      await compactVerify(`${data}.${signature}`, keys, { algorithms: ['EdDSA'] });
      return true;
    } catch {
      return false;
    }
  };
}

/** The holder's key-binding signature, against the key the credential binds (`cnf.jwk`). */
export const cnfVerifier: KbVerifier = async (data, signature, payload) => {
  const jwk = (payload.cnf as { jwk?: JWK } | undefined)?.jwk;
  if (!jwk) return false;
  try {
    const key = await importJWK(jwk, jwk.alg ?? (jwk.kty === 'OKP' ? 'EdDSA' : 'ES256'));
    await compactVerify(`${data}.${signature}`, key);
    return true;
  } catch {
    return false;
  }
};

/** The JOSE algorithm a holder key signs with: Ed25519 or P-256 only. */
export function holderAlgorithm(jwk: JWK): 'EdDSA' | 'ES256' | null {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  return null;
}
