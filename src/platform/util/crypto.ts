/**
 * Hashing and keyed hashing through WebCrypto, so the same code runs on Node and on Workers.
 */
import { toBase64Url, toHex, utf8 } from './encoding.js';

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', utf8(text)));
}

// Importing a key costs more than using it: keep one imported key per secret.
const imported = new WeakMap<Uint8Array, ReturnType<typeof crypto.subtle.importKey>>();
function hmacKey(secret: Uint8Array) {
  let key = imported.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    imported.set(secret, key);
  }
  return key;
}

/** A keyed hash, base64url. Used for look-up of personal identifiers and for stored API-key secrets. */
export async function hmacSha256(secret: Uint8Array, message: string): Promise<string> {
  const key = await hmacKey(secret);
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(message))));
}

/**
 * Checks `message` against a stored HMAC. WebCrypto's verify compares in constant time, so a caller
 * probing with guessed secrets learns nothing from how long the answer takes.
 */
export async function hmacSha256Verify(secret: Uint8Array, message: string, expected: Uint8Array): Promise<boolean> {
  const key = await hmacKey(secret);
  return crypto.subtle.verify('HMAC', key, expected, utf8(message));
}

export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  crypto.getRandomValues(out);
  return out;
}
