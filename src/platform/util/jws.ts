/**
 * A signed JWT in the compact JWS serialization (RFC 7515 §7.1), EdDSA over Ed25519, signed through
 * the runtime's fastest backend (platform/util/crypto.ts). jose's SignJWT signs only through WebCrypto;
 * this gives the bytes SignJWT gives for the same header and claims (a test holds them equal), and jose
 * verifies them. Claims are serialized in the order given: JWT claims after the payload's own, as SignJWT
 * sets them.
 */
import { base64url, type CryptoKey } from 'jose';
import { signEd25519 } from './crypto.js';
import { utf8 } from './encoding.js';

export interface EdDsaHeader {
  alg: 'EdDSA';
  kid: string;
  typ?: string;
}

export async function signEdDsaJwt(header: EdDsaHeader, claims: Record<string, unknown>, key: CryptoKey | Uint8Array): Promise<string> {
  // A key store hands out what jose's importJWK gives; an Ed25519 JWK always imports as a CryptoKey.
  if (key instanceof Uint8Array) throw new TypeError('an EdDSA signature needs an Ed25519 key, not a secret');
  const signingInput = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  return `${signingInput}.${base64url.encode(await signEd25519(key, utf8(signingInput)))}`;
}
