/**
 * Creating a district for a Workers deployment: D1 is reached only through wrangler, so the district
 * is built here in a throwaway in-memory database with the Worker's secrets (the same HMAC pepper, so the
 * API keys verify there), and its rows are written out as SQL for `wrangler d1 execute --file`. The
 * private signing key is returned for the ECO_SIGNING_KEYS secret; API keys are shown once.
 */
import type { JWK } from 'jose';
import { createDistrict } from '../districts/districts.service.js';
import { createClient } from '../identity/clients.service.js';
import { systemClock } from '../platform/clock.js';
import { DEFAULT_IDEMPOTENCY_LEASE_MS } from '../platform/deps.js';
import type { ClientRole } from '../platform/http/principal.js';
import { newEd25519, type SigningKeyStore } from '../platform/key-store.js';
import { silentLogger } from '../platform/logger.js';
import { readShippedRules } from './shipped-rules.js';
import { openSqliteStorage } from './sqlite.js';

const TABLES = ['districts', 'rule_set_versions', 'signing_keys', 'api_clients'] as const;

function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

export interface BootstrapResult {
  sql: string;
  signingKeys: Record<string, JWK>;
  clients: Array<{ name: string; role: ClientRole; agency: string | null; clientId: string; apiKey: string }>;
}

export async function bootstrapDistrict(
  districtId: string,
  name: string,
  secrets: { idNumberHmacKey: Uint8Array; apiKeyPepper: Uint8Array },
  clients: Array<{ name: string; role: ClientRole; agency?: string | undefined }>,
): Promise<BootstrapResult> {
  const storage = openSqliteStorage(':memory:');
  const signingKeys: Record<string, JWK> = {};
  const keyStore: SigningKeyStore = {
    async generate(_district, kid) {
      const { privateJwk, publicJwk } = await newEd25519(kid);
      signingKeys[kid] = privateJwk;
      return publicJwk;
    },
    async privateKey() {
      throw new Error('bootstrap signs nothing');
    },
  };
  const deps = {
    storage,
    clock: systemClock,
    secrets,
    subjectIssuers: [],
    shippedRules: readShippedRules(),
    signingKeys: keyStore,
    config: { environment: 'production' as const, maxBodyBytes: 0, idempotencyLeaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS },
    logger: silentLogger,
  };
  const ctx = {
    deps,
    districtId,
    now: deps.clock.now(),
    principal: { type: 'client' as const, clientId: 'bootstrap', districtId, role: 'bureau' as const, agency: null, name: 'bootstrap' },
  };
  try {
    await createDistrict(ctx, name, deps.shippedRules);
    const made = [];
    for (const c of clients) {
      const { client, apiKey } = await createClient(deps, { districtId, name: c.name, role: c.role, agency: c.agency });
      made.push({ name: c.name, role: c.role, agency: client.agency, clientId: client.id, apiKey });
    }
    const sqlite = (storage.db as unknown as { $client: import('better-sqlite3').Database }).$client;
    const lines: string[] = [];
    for (const table of TABLES) {
      for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>) {
        const cols = Object.keys(row);
        lines.push(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => literal(row[c])).join(', ')});`);
      }
    }
    return { sql: `${lines.join('\n')}\n`, signingKeys, clients: made };
  } finally {
    storage.close();
  }
}
