/**
 * The OpenAPI document as the service publishes it at /openapi.json, made without a server or a data
 * directory: the app on an empty in-memory database (the document does not depend on data). For the
 * typed client's generator, the lint in the tests and `npm run cli -- openapi`.
 */
import { createApp } from '../app.js';
import { fixedClock } from '../platform/clock.js';
import { DEFAULT_IDEMPOTENCY_LEASE_MS } from '../platform/deps.js';
import { memoryKeyStore } from '../platform/key-store.js';
import { silentLogger } from '../platform/logger.js';
import { openSqliteStorage } from './sqlite.js';

export async function openApiDocumentText(): Promise<string> {
  const storage = openSqliteStorage(':memory:');
  try {
    const app = createApp({
      storage,
      clock: fixedClock('2026-01-01T00:00:00Z'),
      secrets: { idNumberHmacKey: new Uint8Array(32), apiKeyPepper: new Uint8Array(32) },
      subjectIssuers: [],
      shippedRules: [],
      signingKeys: memoryKeyStore(),
      config: { environment: 'production', maxBodyBytes: 8 * 1024 * 1024, idempotencyLeaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS },
      logger: silentLogger,
    });
    return await (await app.request('/openapi.json')).text();
  } finally {
    storage.close();
  }
}
