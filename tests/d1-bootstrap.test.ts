import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { bootstrapDistrict } from '../src/node/d1-bootstrap.js';
import { readShippedRules } from '../src/node/shipped-rules.js';
import { openSqliteStorage } from '../src/node/sqlite.js';
import { systemClock } from '../src/platform/clock.js';
import { DEFAULT_IDEMPOTENCY_LEASE_MS } from '../src/platform/deps.js';
import { memoryKeyStore } from '../src/platform/key-store.js';
import { silentLogger } from '../src/platform/logger.js';

describe('an operator creates a district for a Workers deployment', () => {
  it('gets SQL that, loaded into an empty database, gives a working district with its rules, key and clients', async () => {
    const secrets = { idNumberHmacKey: new Uint8Array(32).fill(3), apiKeyPepper: new Uint8Array(32).fill(5) };
    const result = await bootstrapDistrict('jiaxing', '嘉兴市', secrets, [
      { name: '嘉兴市财政局', role: 'bureau' },
      { name: "O'Brien 银行", role: 'bank' },
    ]);
    expect(Object.keys(result.signingKeys)).toHaveLength(1);
    expect(result.sql).toMatch(/INSERT INTO "rule_set_versions"/);

    // Stands in for `wrangler d1 execute --file`: a fresh database with the migrations, then the SQL.
    const storage = openSqliteStorage(':memory:');
    (storage.db as unknown as { $client: import('better-sqlite3').Database }).$client.exec(result.sql);
    const app = createApp({
      storage,
      clock: systemClock,
      secrets,
      subjectIssuers: [],
      shippedRules: readShippedRules(),
      signingKeys: memoryKeyStore(result.signingKeys),
      config: { environment: 'production', maxBodyBytes: 1_000_000, idempotencyLeaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS },
      logger: silentLogger,
    });
    const bureau = result.clients.find((c) => c.role === 'bureau')?.apiKey;
    const district = await app.request('/v1/districts/jiaxing', { headers: { authorization: `Bearer ${bureau}` } });
    expect(await district.json()).toMatchObject({ id: 'jiaxing', name: '嘉兴市' });
    const versions = await app.request('/v1/districts/jiaxing/rule-sets/firm-env-credit/versions', {
      headers: { authorization: `Bearer ${bureau}` },
    });
    expect(((await versions.json()) as { items: unknown[] }).items).toHaveLength(1);
    const jwks = (await (await app.request('/districts/jiaxing/.well-known/jwks.json')).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(Object.keys(result.signingKeys));
    const banks = await app.request('/v1/districts/jiaxing/banks', { headers: { authorization: `Bearer ${bureau}` } });
    expect(((await banks.json()) as { items: Array<{ name: string }> }).items[0]?.name).toBe("O'Brien 银行");
    storage.close();
  });
});
