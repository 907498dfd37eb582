/**
 * Builds the app's dependencies for Node from the checked configuration: shared by `npm start` and the CLI.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { devIssuerConfig } from '../identity/dev-issuer.js';
import { systemClock } from '../platform/clock.js';
import { DEFAULT_AUDIENCE, type ServiceConfig } from '../platform/config.js';
import type { AppDeps, SubjectTokenIssuer } from '../platform/deps.js';
import { jsonLogger } from '../platform/logger.js';
import type { Metrics } from '../platform/metrics.js';
import { checkOrRecordSecrets } from './deployment-record.js';
import { fileKeyStore } from './file-key-store.js';
import { loadOrCreateSecrets, type NodeSecrets } from './secrets.js';
import { readShippedRules } from './shipped-rules.js';
import { openSqliteStorage, type QueryObserver } from './sqlite.js';
import { useNodeCrypto } from './sync-crypto.js';

export const DATABASE_FILE = 'eco-credit.sqlite';

export interface NodeRuntime {
  deps: AppDeps;
  secrets: NodeSecrets;
  dataDir: string;
  config: ServiceConfig;
  close(): void;
}

function issuersOf(config: ServiceConfig): SubjectTokenIssuer[] {
  return config.subjectIssuers.map((i) => ({
    issuer: i.issuer,
    audience: i.audience ?? DEFAULT_AUDIENCE,
    // The schema admits exactly one of the two, and checked each key's `kty`; jose checks the rest when it imports them.
    jwks: i.jwksUrl ? { url: i.jwksUrl } : (i.jwks as JSONWebKeySet),
  }));
}

export async function openNodeRuntime(
  config: ServiceConfig,
  options: { log?: (line: string) => void; metrics?: Metrics & { observeQuery: QueryObserver } } = {},
): Promise<NodeRuntime> {
  useNodeCrypto();
  const dataDir = resolve(config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = await loadOrCreateSecrets(dataDir, {
    ...(config.idNumberHmacKey ? { idNumberHmacKey: config.idNumberHmacKey } : {}),
    ...(config.apiKeyPepper ? { apiKeyPepper: config.apiKeyPepper } : {}),
  });
  const storage = openSqliteStorage(join(dataDir, DATABASE_FILE), options.metrics ? { observeQuery: options.metrics.observeQuery } : {});
  try {
    await checkOrRecordSecrets(storage.sqlite, secrets);
  } catch (error) {
    storage.close();
    throw error;
  }
  const deps: AppDeps = {
    storage,
    clock: systemClock,
    secrets,
    subjectIssuers: [...issuersOf(config), ...(config.devIssuer ? [devIssuerConfig(secrets.devIssuerKey)] : [])],
    shippedRules: readShippedRules(),
    signingKeys: fileKeyStore(dataDir),
    config: {
      environment: config.environment,
      maxBodyBytes: config.maxBodyBytes,
      idempotencyLeaseMs: config.idempotencyLeaseMs,
      publicBaseUrl: config.publicBaseUrl,
      pagesOidc: config.pagesOidc,
    },
    logger: jsonLogger(options.log),
    yieldToOthers: () => new Promise((resolve) => setImmediate(resolve)),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  return { deps, secrets, dataDir, config, close: () => storage.close() };
}
