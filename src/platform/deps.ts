import type { JSONWebKeySet } from 'jose';
import type { Clock } from './clock.js';
import type { Storage } from './db/database.js';
import type { SigningKeyStore } from './key-store.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

/** An identity provider whose bearer tokens name a subject (citizen or legal-person login). */
export interface SubjectTokenIssuer {
  issuer: string;
  audience: string;
  /** Either a key set held in configuration (offline) or a URL to fetch it from. */
  jwks: JSONWebKeySet | { url: string };
  /** Development issuers are refused when the service runs in production. */
  development?: boolean;
}

export interface Secrets {
  /** Keys the HMAC that stands in for a resident's ID number. Losing it orphans every resident record. */
  idNumberHmacKey: Uint8Array;
  /** Keys the HMAC of API-key secrets. */
  apiKeyPepper: Uint8Array;
}

/** A minute: far longer than any request takes, short enough that a retry after a crash soon gets through. */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 60_000;

/** The identity provider residents and firm representatives sign in with on the pages (OpenID Connect). */
export interface PagesOidcConfig {
  /** The issuer identifier; its discovery document is at `{issuer}/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Sent with HTTP Basic to the token endpoint; without it the client is public (PKCE alone). */
  clientSecret?: string | undefined;
  /** Space-separated; `openid` is always asked for. */
  scope?: string | undefined;
  /** The provider's name on the sign-in button, e.g. 随申办. */
  displayName?: string | undefined;
}

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** How long a request holds its Idempotency-Key before a retry may take it over (its request died). */
  idempotencyLeaseMs: number;
  /** The service's public origin, e.g. https://credit.example.gov.cn; report issuers and JWKS URLs derive from it. Defaults to the request's origin. */
  publicBaseUrl?: string | undefined;
  /** Sign-in for residents and firms on the pages; without it the pages offer the development issuer's tokens only. */
  pagesOidc?: PagesOidcConfig | undefined;
}

/** A rule file as shipped in scoring-rules/: the Node entry reads them from disk, a Worker bundles them. */
export interface RuleSource {
  path: string;
  text: string;
}

/**
 * Files the app serves from its own origin (the API docs' script), so that no page needs another site.
 * Node reads them from node_modules; a Worker from its static assets.
 */
export interface StaticAssets {
  /** The file as a response with its media type, or undefined when the deployment does not have it. */
  get(name: 'scalar.js'): Promise<Response | undefined>;
}

/** Everything the app needs from outside, injected so the same app runs on Node, on Workers and in tests. */
export interface AppDeps {
  storage: Storage;
  clock: Clock;
  secrets: Secrets;
  subjectIssuers: SubjectTokenIssuer[];
  shippedRules: RuleSource[];
  signingKeys: SigningKeyStore;
  config: AppConfig;
  logger: Logger;
  /** Counters and timings for monitoring; absent where nothing collects them. */
  metrics?: Metrics;
  /** Static files for /docs; without them /docs is served without its script. */
  assets?: StaticAssets;
  /**
   * Lets the requests waiting meanwhile run, between the pages of long work (a rescore). Node passes
   * setImmediate, which resumes as soon as they have had their turn; without it, a timer of 0 ms, which
   * Node holds for at least a millisecond.
   */
  yieldToOthers?: () => Promise<void>;
}

/** deps.yieldToOthers, or the portable timer. */
export const yieldToOthers = (deps: AppDeps): Promise<void> => deps.yieldToOthers?.() ?? new Promise((resolve) => setTimeout(resolve, 0));
