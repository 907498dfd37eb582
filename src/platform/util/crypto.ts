/**
 * Hashing and keyed hashing through WebCrypto, so the same code runs on Node and on Workers.
 *
 * On Node, WebCrypto's digest and sign run each call on the thread pool and resolve a promise: about
 * 20 µs a call, measured here, against 1-2 µs for node:crypto in the calling thread. A batch of 10 000
 * credit events hashes every line, so the Node entry points install node:crypto as a synchronous
 * backend (src/node/sync-crypto.ts); both give the same bytes, and a test holds them equal.
 */
import type { CryptoKey } from 'jose';
import { toBase64Url, toHex, utf8 } from './encoding.js';

export interface SyncHashing {
  sha256Hex(text: string): string;
  hmacSha256Base64Url(secret: Uint8Array, message: string): string;
  /** Compares in constant time, as WebCrypto's verify does. */
  hmacSha256Verify(secret: Uint8Array, message: string, expected: Uint8Array): boolean;
}

let syncHashing: SyncHashing | undefined;

/** Installed once by a runtime that has a faster synchronous implementation; WebCrypto otherwise. */
export function installSyncHashing(impl: SyncHashing | undefined): void {
  syncHashing = impl;
}

export async function sha256Hex(text: string): Promise<string> {
  if (syncHashing) return syncHashing.sha256Hex(text);
  return toHex(await crypto.subtle.digest('SHA-256', utf8(text)));
}

/** Many at once: a batch hashes every line, in the calling thread when a synchronous backend is installed. */
export async function sha256HexAll(texts: readonly string[]): Promise<string[]> {
  const sync = syncHashing;
  if (sync) return texts.map((t) => sync.sha256Hex(t));
  return Promise.all(texts.map(webCryptoSha256Hex));
}

/** The same through WebCrypto whatever is installed: what a Worker computes. */
export async function webCryptoSha256Hex(text: string): Promise<string> {
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
  if (syncHashing) return syncHashing.hmacSha256Base64Url(secret, message);
  return webCryptoHmacSha256(secret, message);
}

/** The same through WebCrypto whatever is installed. */
export async function webCryptoHmacSha256(secret: Uint8Array, message: string): Promise<string> {
  const key = await hmacKey(secret);
  return toBase64Url(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(message))));
}

/**
 * Checks `message` against a stored HMAC. WebCrypto's verify compares in constant time, so a caller
 * probing with guessed secrets learns nothing from how long the answer takes.
 */
export async function hmacSha256Verify(secret: Uint8Array, message: string, expected: Uint8Array): Promise<boolean> {
  // Every API request checks its key: on Node, WebCrypto's thread-pool round trip was most of a light read.
  if (syncHashing) return syncHashing.hmacSha256Verify(secret, message, expected);
  return webCryptoHmacSha256Verify(secret, message, expected);
}

/** The same through WebCrypto whatever is installed. */
export async function webCryptoHmacSha256Verify(secret: Uint8Array, message: string, expected: Uint8Array): Promise<boolean> {
  const key = await hmacKey(secret);
  return crypto.subtle.verify('HMAC', key, expected, utf8(message));
}

export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  crypto.getRandomValues(out);
  return out;
}

/**
 * Ed25519 signatures in the calling thread, where the runtime has them: WebCrypto's sign is a thread-pool
 * round trip on Node, which a signed report paid on every request. Ed25519 is deterministic, so both
 * backends give the same signature for the same key and bytes, and a test holds them equal.
 */
export interface SyncSigning {
  signEd25519(key: CryptoKey, data: Uint8Array): Uint8Array;
}

let syncSigning: SyncSigning | undefined;

export function installSyncSigning(impl: SyncSigning | undefined): void {
  syncSigning = impl;
}

export async function signEd25519(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  if (syncSigning) return syncSigning.signEd25519(key, data);
  return webCryptoSignEd25519(key, data);
}

/** The same through WebCrypto whatever is installed: what a Worker computes. */
export async function webCryptoSignEd25519(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('Ed25519', key, data));
}
