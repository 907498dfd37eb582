/**
 * Which secrets a database was made with. A database read under another ID-number key finds none of its
 * residents, and under another pepper accepts none of its API keys, without any error to say why. So the
 * first start records a fingerprint of each secret (an HMAC of a fixed text under it, which reveals
 * nothing of the key) in the database itself; every later start, and every restore, checks the secrets
 * it is given against it.
 *
 * The table is the Node runtime's own, like drizzle's migration ledger: Workers keep their secrets in
 * wrangler and have no secrets file to mix up.
 */
import type Database from 'better-sqlite3';
import type { Secrets } from '../platform/deps.js';
import { hmacSha256 } from '../platform/util/crypto.js';

const TABLE = 'eco_deployment';
const PROBE = 'eco-credit: which secret is this';

export interface SecretsFingerprint {
  idNumberHmacKey: string;
  apiKeyPepper: string;
}

export async function fingerprintOf(secrets: Secrets): Promise<SecretsFingerprint> {
  return { idNumberHmacKey: await hmacSha256(secrets.idNumberHmacKey, PROBE), apiKeyPepper: await hmacSha256(secrets.apiKeyPepper, PROBE) };
}

export function recordedFingerprint(sqlite: Database.Database): SecretsFingerprint | undefined {
  const table = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE);
  if (!table) return undefined;
  const rows = sqlite.prepare(`SELECT name, value FROM ${TABLE}`).all() as Array<{ name: string; value: string }>;
  const byName = new Map(rows.map((r) => [r.name, r.value]));
  const id = byName.get('fingerprint:idNumberHmacKey');
  const pepper = byName.get('fingerprint:apiKeyPepper');
  return id && pepper ? { idNumberHmacKey: id, apiKeyPepper: pepper } : undefined;
}

/** The secrets that do not match the database's record, by variable name; empty when all match. */
export async function mismatchedSecrets(sqlite: Database.Database, secrets: Secrets): Promise<string[]> {
  const recorded = recordedFingerprint(sqlite);
  if (!recorded) return [];
  const given = await fingerprintOf(secrets);
  return [
    ...(given.idNumberHmacKey === recorded.idNumberHmacKey ? [] : ['ECO_ID_HMAC_KEY']),
    ...(given.apiKeyPepper === recorded.apiKeyPepper ? [] : ['ECO_API_KEY_PEPPER']),
  ];
}

export class SecretsMismatch extends Error {
  constructor(readonly names: string[]) {
    super(
      `${names.join(' and ')} ${names.length > 1 ? 'are' : 'is'} not the secret this database was created with: residents and API keys would not be found. Use the original (DATA_DIR/secrets.json or the variable you set before), or restore a backup with its own secrets`,
    );
  }
}

/** On a database without a record, records these secrets; on one with a record, refuses others. */
export async function checkOrRecordSecrets(sqlite: Database.Database, secrets: Secrets): Promise<void> {
  const wrong = await mismatchedSecrets(sqlite, secrets);
  if (wrong.length > 0) throw new SecretsMismatch(wrong);
  if (recordedFingerprint(sqlite)) return;
  const fp = await fingerprintOf(secrets);
  sqlite.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const insert = sqlite.prepare(`INSERT OR IGNORE INTO ${TABLE} (name, value) VALUES (?, ?)`);
  sqlite.transaction(() => {
    insert.run('fingerprint:idNumberHmacKey', fp.idNumberHmacKey);
    insert.run('fingerprint:apiKeyPepper', fp.apiKeyPepper);
    insert.run('recordedAt', new Date().toISOString());
  })();
}
