/**
 * Readiness: can this instance serve? The database answers, it has every migration this build ships,
 * and every district's active signing key is at hand and matches the public key it publishes. Each
 * check says what failed, never the raw error (that goes to the log).
 */
import { isNull, sql } from 'drizzle-orm';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { missingMigrations } from '../platform/db/migration-status.js';
import { districts, signingKeys } from '../platform/db/schema.js';
import type { AppDeps } from '../platform/deps.js';
import { utf8 } from '../platform/util/encoding.js';

export interface ReadinessCheck {
  name: 'database' | 'migrations' | 'signingKeys';
  ok: boolean;
  detail: string;
}

// A key that once signed and verified stays good for the life of the process (the store caches it).
const provenKeys = new WeakMap<AppDeps, Set<string>>();

async function signingKeysReady(deps: AppDeps): Promise<ReadinessCheck> {
  const active = await deps.storage.db
    .select({ kid: signingKeys.kid, districtId: signingKeys.districtId, publicJwk: signingKeys.publicJwk })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt));
  const all = await deps.storage.db.select({ id: districts.id }).from(districts);
  const keyed = new Set(active.map((k) => k.districtId));
  const missing = all.filter((d) => !keyed.has(d.id)).map((d) => d.id);
  if (missing.length > 0) return { name: 'signingKeys', ok: false, detail: `no active key for ${missing.join(', ')}` };
  let proven = provenKeys.get(deps);
  if (!proven) {
    proven = new Set();
    provenKeys.set(deps, proven);
  }
  const failed: string[] = [];
  for (const key of active) {
    if (proven.has(key.kid)) continue;
    try {
      const signed = await new CompactSign(utf8('ready')).setProtectedHeader({ alg: 'EdDSA' }).sign(await deps.signingKeys.privateKey(key.kid));
      await compactVerify(signed, await importJWK(key.publicJwk, 'EdDSA'));
      proven.add(key.kid);
    } catch (error) {
      deps.logger.error('signing key not usable', { kid: key.kid, error: error instanceof Error ? error.message : String(error) });
      failed.push(key.kid);
    }
  }
  if (failed.length > 0) return { name: 'signingKeys', ok: false, detail: `private key missing or not matching for ${failed.join(', ')}` };
  return { name: 'signingKeys', ok: true, detail: `${active.length} active key${active.length === 1 ? '' : 's'} loaded` };
}

export async function readiness(deps: AppDeps): Promise<ReadinessCheck[]> {
  try {
    await deps.storage.db.all(sql`SELECT count(*) AS n FROM sqlite_master`);
    await deps.storage.probe?.();
  } catch (error) {
    deps.logger.error('readiness: database not reachable', { error: error instanceof Error ? error.message : String(error) });
    return [
      { name: 'database', ok: false, detail: 'the database does not answer' },
      { name: 'migrations', ok: false, detail: 'not checked: no database' },
      { name: 'signingKeys', ok: false, detail: 'not checked: no database' },
    ];
  }
  const checks: ReadinessCheck[] = [{ name: 'database', ok: true, detail: 'answers' }];
  const missing = await missingMigrations(deps.storage.db);
  if (missing.length > 0) {
    checks.push({ name: 'migrations', ok: false, detail: `not applied: ${missing.join(', ')}` });
    checks.push({ name: 'signingKeys', ok: false, detail: 'not checked: the schema is not current' });
    return checks;
  }
  checks.push({ name: 'migrations', ok: true, detail: 'all applied' });
  try {
    checks.push(await signingKeysReady(deps));
  } catch (error) {
    deps.logger.error('readiness: signing keys not readable', { error: error instanceof Error ? error.message : String(error) });
    checks.push({ name: 'signingKeys', ok: false, detail: 'the signing keys could not be read' });
  }
  return checks;
}
