/**
 * Builds the app's dependencies for Node from the environment: shared by `npm start` and the CLI.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_TOKEN_AUDIENCE, devIssuerConfig } from '../identity/dev-issuer.js';
import { systemClock } from '../platform/clock.js';
import { openSqliteStorage } from '../platform/db/sqlite-node.js';
import { type AppConfig, type AppDeps, DEFAULT_IDEMPOTENCY_LEASE_MS, type PagesOidcConfig, type SubjectTokenIssuer } from '../platform/deps.js';
import { jsonLogger } from '../platform/logger.js';
import { fileKeyStore } from './file-key-store.js';
import { loadOrCreateSecrets, type NodeSecrets } from './secrets.js';
import { readShippedRules } from './shipped-rules.js';

export interface NodeRuntime {
  deps: AppDeps;
  secrets: NodeSecrets;
  dataDir: string;
  close(): void;
}

export function environmentOf(env: NodeJS.ProcessEnv): AppConfig['environment'] {
  return env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
}

/** ECO_SUBJECT_ISSUERS: a JSON array of { issuer, audience, jwksUrl } or { issuer, audience, jwks }. */
function configuredIssuers(env: NodeJS.ProcessEnv): SubjectTokenIssuer[] {
  if (!env.ECO_SUBJECT_ISSUERS) return [];
  const list = JSON.parse(env.ECO_SUBJECT_ISSUERS) as Array<{
    issuer: string;
    audience?: string;
    jwksUrl?: string;
    jwks?: SubjectTokenIssuer['jwks'];
  }>;
  return list.map((i) => {
    const jwks = i.jwksUrl ? { url: i.jwksUrl } : i.jwks;
    if (!jwks) throw new Error(`ECO_SUBJECT_ISSUERS: issuer ${i.issuer} needs jwksUrl or jwks`);
    return { issuer: i.issuer, audience: i.audience ?? DEFAULT_TOKEN_AUDIENCE, jwks };
  });
}

/** ECO_PAGES_OIDC_*: the identity provider residents and firms sign in with on the pages. */
export function pagesOidcOf(env: NodeJS.ProcessEnv): PagesOidcConfig | undefined {
  if (!env.ECO_PAGES_OIDC_ISSUER) return undefined;
  if (!env.ECO_PAGES_OIDC_CLIENT_ID) throw new Error('ECO_PAGES_OIDC_ISSUER is set: ECO_PAGES_OIDC_CLIENT_ID is needed too');
  return {
    issuer: env.ECO_PAGES_OIDC_ISSUER,
    clientId: env.ECO_PAGES_OIDC_CLIENT_ID,
    clientSecret: env.ECO_PAGES_OIDC_CLIENT_SECRET || undefined,
    scope: env.ECO_PAGES_OIDC_SCOPE || undefined,
    displayName: env.ECO_PAGES_OIDC_NAME || undefined,
  };
}

export async function openNodeRuntime(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (l) => console.log(l),
): Promise<NodeRuntime> {
  const environment = environmentOf(env);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = await loadOrCreateSecrets(dataDir, env);
  const useDevIssuer = env.ECO_DEV_ISSUER !== 'off' && environment !== 'production';
  const storage = openSqliteStorage(join(dataDir, 'eco-credit.sqlite'));
  const deps: AppDeps = {
    storage,
    clock: systemClock,
    secrets,
    subjectIssuers: [...configuredIssuers(env), ...(useDevIssuer ? [devIssuerConfig(secrets.devIssuerKey)] : [])],
    shippedRules: readShippedRules(),
    signingKeys: fileKeyStore(dataDir),
    config: {
      environment,
      maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 8 * 1024 * 1024),
      idempotencyLeaseMs: env.IDEMPOTENCY_LEASE_SECONDS ? Number(env.IDEMPOTENCY_LEASE_SECONDS) * 1000 : DEFAULT_IDEMPOTENCY_LEASE_MS,
      publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      pagesOidc: pagesOidcOf(env),
    },
    logger: jsonLogger(log),
  };
  return { deps, secrets, dataDir, close: () => storage.close() };
}
