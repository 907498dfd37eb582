/**
 * node:crypto as the synchronous hashing backend of src/platform/util/crypto.ts: the same SHA-256 and
 * HMAC-SHA256 as WebCrypto, computed in the calling thread (see there for why).
 */
import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import { installSyncHashing, type SyncHashing } from '../platform/util/crypto.js';

export const nodeHashing: SyncHashing = {
  // The one-shot hash (Node 20.12+) skips the Hash object: 1.5 µs against 2.4 µs for a 250-byte line.
  sha256Hex: (text) => hash('sha256', text, 'hex'),
  hmacSha256Base64Url: (secret, message) => createHmac('sha256', secret).update(message, 'utf8').digest('base64url'),
  hmacSha256Verify: (secret, message, expected) => {
    const actual = createHmac('sha256', secret).update(message, 'utf8').digest();
    // A length that differs says nothing secret (an HMAC-SHA256 is always 32 bytes); compare the rest in constant time.
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  },
};

export function useNodeHashing(): void {
  installSyncHashing(nodeHashing);
}
