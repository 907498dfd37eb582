/**
 * The Cloudflare Workers entry: the same app, with one D1 database per district. The district in the
 * path (`/v1/districts/{id}/…`, `/districts/{id}/…`, the pages' `/app/districts/{id}/…`) picks the binding; each district gets its own
 * app instance, built once per isolate. Secrets come from the environment (wrangler secrets).
 */
import type { JSONWebKeySet, JWK } from 'jose';
import { createApp } from './app.js';
import { systemClock } from './platform/clock.js';
import { d1Storage } from './platform/db/d1.js';
import { type AppDeps, DEFAULT_IDEMPOTENCY_LEASE_MS, type SubjectTokenIssuer } from './platform/deps.js';
import { jsonLogger } from './platform/logger.js';
import { fromBase64Url } from './platform/util/encoding.js';
import { memoryKeyStore } from './reports/key-store.js';
import { shippedRules } from './rules/shipped-rules.generated.js';

export interface WorkerEnv {
  /** JSON: district id → name of its D1 binding, e.g. {"chongming":"DB_CHONGMING"}. */
  DISTRICT_DATABASES: string;
  /** base64url, ≥ 32 bytes. */
  ECO_ID_HMAC_KEY: string;
  ECO_API_KEY_PEPPER: string;
  /** JSON: kid → private Ed25519 JWK, for every district's signing keys. */
  ECO_SIGNING_KEYS?: string;
  /** JSON array of { issuer, audience, jwksUrl | jwks }. */
  ECO_SUBJECT_ISSUERS?: string;
  PUBLIC_BASE_URL?: string;
  MAX_BODY_BYTES?: string;
  IDEMPOTENCY_LEASE_SECONDS?: string;
  /** The pages' OpenID Connect sign-in for residents and firms (client secret as a wrangler secret). */
  ECO_PAGES_OIDC_ISSUER?: string;
  ECO_PAGES_OIDC_CLIENT_ID?: string;
  ECO_PAGES_OIDC_CLIENT_SECRET?: string;
  ECO_PAGES_OIDC_SCOPE?: string;
  ECO_PAGES_OIDC_NAME?: string;
  [binding: string]: unknown;
}

type App = ReturnType<typeof createApp>;
const apps = new Map<string, App>();

function issuersOf(env: WorkerEnv): SubjectTokenIssuer[] {
  const list = JSON.parse(env.ECO_SUBJECT_ISSUERS ?? '[]') as Array<{ issuer: string; audience?: string; jwksUrl?: string; jwks?: JSONWebKeySet }>;
  return list.map((i) => ({
    issuer: i.issuer,
    audience: i.audience ?? 'eco-credit',
    jwks: i.jwksUrl ? { url: i.jwksUrl } : (i.jwks as JSONWebKeySet),
  }));
}

/** The dependencies of one district's app; exported so that tests and operator scripts build the same. */
export function workerDeps(env: WorkerEnv, binding: Parameters<typeof d1Storage>[0]): AppDeps {
  return {
    storage: d1Storage(binding),
    clock: systemClock,
    secrets: { idNumberHmacKey: fromBase64Url(env.ECO_ID_HMAC_KEY), apiKeyPepper: fromBase64Url(env.ECO_API_KEY_PEPPER) },
    subjectIssuers: issuersOf(env),
    shippedRules,
    signingKeys: memoryKeyStore(JSON.parse(env.ECO_SIGNING_KEYS ?? '{}') as Record<string, JWK>),
    config: {
      environment: 'production',
      maxBodyBytes: Number(env.MAX_BODY_BYTES ?? 8 * 1024 * 1024),
      idempotencyLeaseMs: env.IDEMPOTENCY_LEASE_SECONDS ? Number(env.IDEMPOTENCY_LEASE_SECONDS) * 1000 : DEFAULT_IDEMPOTENCY_LEASE_MS,
      publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
      pagesOidc:
        env.ECO_PAGES_OIDC_ISSUER && env.ECO_PAGES_OIDC_CLIENT_ID
          ? {
              issuer: env.ECO_PAGES_OIDC_ISSUER,
              clientId: env.ECO_PAGES_OIDC_CLIENT_ID,
              clientSecret: env.ECO_PAGES_OIDC_CLIENT_SECRET,
              scope: env.ECO_PAGES_OIDC_SCOPE,
              displayName: env.ECO_PAGES_OIDC_NAME,
            }
          : undefined,
    },
    logger: jsonLogger(),
  };
}

function districtOf(url: URL): string | undefined {
  return /^\/(?:v1\/|app\/)?districts\/([a-z][a-z0-9-]{1,39})(?:\/|$)/.exec(url.pathname)?.[1];
}

export default {
  async fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const bindings = JSON.parse(env.DISTRICT_DATABASES) as Record<string, string>;
    const district = districtOf(new URL(request.url)) ?? Object.keys(bindings)[0];
    const bindingName = district ? bindings[district] : undefined;
    // An unknown district is answered by the first district's app: it says 404 (or 403) like the Node app does.
    const name = bindingName ?? (Object.values(bindings)[0] as string);
    let app = apps.get(name);
    if (!app) {
      app = createApp(workerDeps(env, env[name] as Parameters<typeof d1Storage>[0]));
      apps.set(name, app);
    }
    return app.fetch(request);
  },
};
