/**
 * The Cloudflare Workers entry: the same app, with one D1 database per district. The district in the
 * path (`/v1/districts/{id}/…`, `/districts/{id}/…`, the pages' `/app/districts/{id}/…`) picks the binding; each district gets its own
 * app instance, built once per isolate. Secrets come from the environment (wrangler secrets).
 */
import type { JSONWebKeySet, JWK } from 'jose';
import { createApp } from './app.js';
import { systemClock } from './platform/clock.js';
import { DEFAULT_AUDIENCE, parseConfig, type ServiceConfig } from './platform/config.js';
import { d1Storage } from './platform/db/d1.js';
import type { AppDeps, SubjectTokenIssuer } from './platform/deps.js';
import { memoryKeyStore } from './platform/key-store.js';
import { jsonLogger } from './platform/logger.js';
import { shippedRules } from './rules/shipped-rules.generated.js';

export interface WorkerEnv {
  /** JSON: district id → name of its D1 binding, e.g. {"chongming":"DB_CHONGMING"}. */
  DISTRICT_DATABASES: string;
  /** base64url, ≥ 32 bytes. */
  ECO_ID_HMAC_KEY: string;
  ECO_API_KEY_PEPPER: string;
  /** Static assets: the folder of the Scalar standalone bundle, for /docs (wrangler.toml `[assets]`). */
  ASSETS?: unknown;
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

/** The Worker's variables and secrets, checked by the same schema as Node's; throws one line per bad one. */
// The env object lives as long as the isolate: check it once.
const checked = new WeakMap<WorkerEnv, ServiceConfig>();
export function workerConfig(env: WorkerEnv): ServiceConfig {
  let config = checked.get(env);
  if (!config) {
    const result = parseConfig(env, 'workers');
    if (!result.ok) throw new WorkerConfigError(result.errors);
    config = result.config;
    checked.set(env, config);
  }
  return config;
}

export class WorkerConfigError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function issuersOf(config: ServiceConfig): SubjectTokenIssuer[] {
  return config.subjectIssuers.map((i) => ({
    issuer: i.issuer,
    audience: i.audience ?? DEFAULT_AUDIENCE,
    // The schema admits exactly one of the two and checked each key's `kty`; jose checks the rest.
    jwks: i.jwksUrl ? { url: i.jwksUrl } : (i.jwks as JSONWebKeySet),
  }));
}

/** Static assets (wrangler.toml `[assets]`, the Scalar bundle's folder), when the Worker has them. */
interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/** The dependencies of one district's app; exported so that tests and operator scripts build the same. */
export function workerDeps(env: WorkerEnv, binding: Parameters<typeof d1Storage>[0]): AppDeps {
  const config = workerConfig(env);
  const assets = env.ASSETS as AssetsBinding | undefined;
  return {
    storage: d1Storage(binding),
    clock: systemClock,
    secrets: { idNumberHmacKey: config.idNumberHmacKey as Uint8Array, apiKeyPepper: config.apiKeyPepper as Uint8Array },
    subjectIssuers: issuersOf(config),
    shippedRules,
    signingKeys: memoryKeyStore((config.signingKeys ?? {}) as Record<string, JWK>),
    config: {
      environment: 'production',
      maxBodyBytes: config.maxBodyBytes,
      idempotencyLeaseMs: config.idempotencyLeaseMs,
      publicBaseUrl: config.publicBaseUrl,
      pagesOidc: config.pagesOidc,
    },
    logger: jsonLogger(),
    ...(assets
      ? {
          assets: {
            async get(name) {
              const res = await assets.fetch(new Request(`https://assets.local/${name === 'scalar.js' ? 'standalone.js' : name}`));
              return res.ok ? res : undefined;
            },
          },
        }
      : {}),
  };
}

function districtOf(url: URL): string | undefined {
  return /^\/(?:v1\/|app\/)?districts\/([a-z][a-z0-9-]{1,39})(?:\/|$)/.exec(url.pathname)?.[1];
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx?: Parameters<App['fetch']>[2]): Promise<Response> {
    let config: ServiceConfig;
    try {
      config = workerConfig(env);
    } catch (error) {
      if (!(error instanceof WorkerConfigError)) throw error;
      const log = jsonLogger();
      for (const line of error.lines) log.error(`config error: ${line}`);
      return new Response(
        JSON.stringify({
          type: 'https://eco-credit.example.cn/problems/misconfigured',
          title: 'Service misconfigured',
          status: 503,
          detail: 'the service is not configured correctly; the operator finds each bad variable in the log',
        }),
        { status: 503, headers: { 'content-type': 'application/problem+json' } },
      );
    }
    const bindings = config.districtDatabases as Record<string, string>;
    const district = districtOf(new URL(request.url)) ?? Object.keys(bindings)[0];
    const bindingName = district ? bindings[district] : undefined;
    // An unknown district is answered by the first district's app: it says 404 (or 403) like the Node app does.
    const name = bindingName ?? (Object.values(bindings)[0] as string);
    let app = apps.get(name);
    if (!app) {
      app = createApp(workerDeps(env, env[name] as Parameters<typeof d1Storage>[0]));
      apps.set(name, app);
    }
    // The request's ExecutionContext lets work started by a request (a rescore's slices) outlive its answer.
    return app.fetch(request, env, ctx);
  },
};
