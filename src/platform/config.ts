/**
 * Every environment variable the service reads, in one schema: its form, its default and what it
 * means. The Node entry and the CLI check the environment against it before anything is opened or
 * written; the Worker checks its bindings on the first request. The README's configuration table is
 * rendered from the same list (`npm run cli -- config table`), and a test keeps the two equal.
 *
 * Each variable is checked on its own so that an operator gets one line per bad variable; a value
 * outside the stated form is refused, never read as "unset" (the old reading turned `NODE_ENV=prod` into
 * development and `MAX_BODY_BYTES=lots` into no limit at all).
 */
import { z } from 'zod';
import { DEFAULT_IDEMPOTENCY_LEASE_MS } from './deps.js';
import { fromBase64Url } from './util/encoding.js';

export type Runtime = 'node' | 'workers';

interface Variable<T> {
  name: string;
  /** Where the variable is read. */
  runtimes: readonly Runtime[];
  /** The expected form, as the error line and the README state it. */
  expected: string;
  /** The default, as the README states it; undefined when there is none. */
  defaultText?: string;
  meaning: string;
  /** A secret is never echoed back in an error line. */
  secret?: boolean;
  /** Parses the raw string (never empty: an empty value counts as unset). */
  schema: z.ZodType<T>;
}

const variable = <T>(v: Variable<T>) => v;

const KEY_BYTES = 32;
const base64UrlKey = z.string().transform((text, ctx) => {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'not base64url' });
    return z.NEVER;
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text.replace(/=+$/, ''));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not base64url' });
    return z.NEVER;
  }
  if (bytes.length < KEY_BYTES) {
    ctx.addIssue({ code: 'custom', message: `${bytes.length} bytes` });
    return z.NEVER;
  }
  return bytes;
});

const onOff = z.enum(['on', 'off']);
const port = (min: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(65_535));

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:$/.test(new URL(u).protocol));

const Jwk = z.looseObject({ kty: z.string() });
const IssuerEntry = z
  .strictObject({
    issuer: z.string().min(1),
    audience: z.string().min(1).optional(),
    jwksUrl: httpUrl.optional(),
    jwks: z.strictObject({ keys: z.array(Jwk).min(1) }).optional(),
  })
  .refine((i) => (i.jwksUrl === undefined) !== (i.jwks === undefined), 'each issuer needs jwksUrl or jwks, not both');

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not JSON' });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ctx.addIssue({ code: 'custom', message: `${issue?.path.length ? `${issue.path.join('.')}: ` : ''}${issue?.message ?? 'invalid'}` });
      return z.NEVER;
    }
    return parsed.data;
  });

export const DEFAULT_AUDIENCE = 'eco-credit';

/** The variables, in the order the README lists them. */
export const VARIABLES = {
  NODE_ENV: variable({
    name: 'NODE_ENV',
    runtimes: ['node'],
    expected: '`development`, `test` or `production`',
    defaultText: '`development`',
    meaning: '`production`: no demo data, no development identity provider, nothing secret printed; a Worker always runs as production',
    schema: z.enum(['development', 'test', 'production']),
  }),
  PORT: variable({
    name: 'PORT',
    runtimes: ['node'],
    expected: 'an integer from 0 to 65535',
    defaultText: '`3000`',
    meaning: 'HTTP port (`0` picks a free one)',
    schema: port(0),
  }),
  HOST: variable({
    name: 'HOST',
    runtimes: ['node'],
    expected: 'an IP address or host name to listen on',
    defaultText: 'every interface',
    meaning: 'e.g. `127.0.0.1` behind a reverse proxy on the same machine',
    schema: z.string().regex(/^[A-Za-z0-9.:-]+$/),
  }),
  DATA_DIR: variable({
    name: 'DATA_DIR',
    runtimes: ['node'],
    expected: 'a directory path',
    defaultText: '`./data`',
    meaning: 'the database file, the generated secrets, the signing keys (owner-only); see Operations for backups',
    schema: z.string().min(1),
  }),
  MAX_BODY_BYTES: variable({
    name: 'MAX_BODY_BYTES',
    runtimes: ['node', 'workers'],
    expected: 'an integer from 1024 to 1073741824',
    defaultText: '`8388608`',
    meaning: 'largest request body accepted (413 above it)',
    schema: z
      .string()
      .regex(/^\d+$/)
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1024)
          .max(2 ** 30),
      ),
  }),
  ECO_ID_HMAC_KEY: variable({
    name: 'ECO_ID_HMAC_KEY',
    runtimes: ['node', 'workers'],
    expected: 'base64url of at least 32 bytes',
    defaultText: 'generated into `DATA_DIR/secrets.json`; required on Workers',
    meaning: 'keys the hash that stands in for resident ID numbers. Losing it orphans every resident record; the database refuses another one',
    secret: true,
    schema: base64UrlKey,
  }),
  ECO_API_KEY_PEPPER: variable({
    name: 'ECO_API_KEY_PEPPER',
    runtimes: ['node', 'workers'],
    expected: 'base64url of at least 32 bytes',
    defaultText: 'generated into `DATA_DIR/secrets.json`; required on Workers',
    meaning: 'keys the stored hashes of API keys; the database refuses another one',
    secret: true,
    schema: base64UrlKey,
  }),
  ECO_SUBJECT_ISSUERS: variable({
    name: 'ECO_SUBJECT_ISSUERS',
    runtimes: ['node', 'workers'],
    expected: 'a JSON array of `{"issuer", "audience"?, "jwksUrl" or "jwks"}`',
    defaultText: 'none',
    meaning:
      'identity providers whose tokens name subjects: `[{"issuer":"https://idp.gov.example","audience":"eco-credit","jwksUrl":"https://idp.gov.example/jwks"}]`',
    schema: json(z.array(IssuerEntry)),
  }),
  ECO_DEV_ISSUER: variable({
    name: 'ECO_DEV_ISSUER',
    runtimes: ['node'],
    expected: '`on` or `off` (`on` is refused in production)',
    defaultText: '`on` outside production, `off` in production',
    meaning: 'the development identity provider behind `npm run cli -- token`',
    schema: onOff,
  }),
  ECO_DEMO_DATA: variable({
    name: 'ECO_DEMO_DATA',
    runtimes: ['node'],
    expected: '`on` or `off` (`on` is refused in production)',
    defaultText: '`on` in development, else `off`',
    meaning: 'load `seeds/demo.yaml` into an empty database at start and print its API keys',
    schema: onOff,
  }),
  IDEMPOTENCY_LEASE_SECONDS: variable({
    name: 'IDEMPOTENCY_LEASE_SECONDS',
    runtimes: ['node', 'workers'],
    expected: 'an integer from 1 to 86400',
    defaultText: '`60`',
    meaning: 'how long a request holds its `Idempotency-Key` before a retry may take it over (see Conventions)',
    schema: z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(86_400)),
  }),
  PUBLIC_BASE_URL: variable({
    name: 'PUBLIC_BASE_URL',
    runtimes: ['node', 'workers'],
    expected: 'an http(s) URL without query or fragment',
    defaultText: "the request's origin",
    meaning: 'the public origin that report issuers and JWKS URLs are built on, e.g. `https://credit.example.gov.cn`',
    schema: httpUrl
      .refine((u) => {
        const url = new URL(u);
        return url.search === '' && url.hash === '';
      })
      .transform((u) => u.replace(/\/+$/, '')),
  }),
  ECO_PAGES_OIDC_ISSUER: variable({
    name: 'ECO_PAGES_OIDC_ISSUER',
    runtimes: ['node', 'workers'],
    expected: 'an http(s) URL: the OpenID Connect issuer',
    defaultText: 'none (the pages offer token sign-in only)',
    meaning:
      'the identity provider residents and firm representatives sign in with on the pages (discovery at `{issuer}/.well-known/openid-configuration`)',
    schema: httpUrl.transform((u) => u.replace(/\/+$/, '')),
  }),
  ECO_PAGES_OIDC_CLIENT_ID: variable({
    name: 'ECO_PAGES_OIDC_CLIENT_ID',
    runtimes: ['node', 'workers'],
    expected: 'the client id registered with the issuer',
    defaultText: 'required with `ECO_PAGES_OIDC_ISSUER`',
    meaning: "the pages' client id at the identity provider",
    schema: z.string().min(1).max(200),
  }),
  ECO_PAGES_OIDC_CLIENT_SECRET: variable({
    name: 'ECO_PAGES_OIDC_CLIENT_SECRET',
    runtimes: ['node', 'workers'],
    expected: 'the client secret, if the provider gave one',
    defaultText: 'none (a public client with PKCE)',
    meaning: 'sent to the token endpoint (client_secret_basic)',
    secret: true,
    schema: z.string().min(1),
  }),
  ECO_PAGES_OIDC_SCOPE: variable({
    name: 'ECO_PAGES_OIDC_SCOPE',
    runtimes: ['node', 'workers'],
    expected: 'space-separated scopes, starting with `openid`',
    defaultText: '`openid`',
    meaning: 'the scopes asked for at sign-in',
    schema: z.string().regex(/^openid( [\x21-\x7e]+)*$/),
  }),
  ECO_PAGES_OIDC_NAME: variable({
    name: 'ECO_PAGES_OIDC_NAME',
    runtimes: ['node', 'workers'],
    expected: 'a short name shown on the sign-in button',
    defaultText: '`政务服务统一身份认证`',
    meaning: 'e.g. `随申办`, `浙里办`',
    schema: z.string().min(1).max(40),
  }),
  METRICS_TOKEN: variable({
    name: 'METRICS_TOKEN',
    runtimes: ['node'],
    expected: 'at least 32 printable characters, no spaces',
    defaultText: 'none',
    meaning: 'the bearer token Prometheus sends to `GET /metrics` on `PORT`',
    secret: true,
    schema: z.string().regex(/^[\x21-\x7e]{32,}$/),
  }),
  METRICS_PORT: variable({
    name: 'METRICS_PORT',
    runtimes: ['node'],
    expected: 'an integer from 1 to 65535, not `PORT`',
    defaultText: 'none',
    meaning: '`GET /metrics` on a port of its own (bound to `METRICS_HOST`), for a network only the scraper reaches',
    schema: port(1),
  }),
  METRICS_HOST: variable({
    name: 'METRICS_HOST',
    runtimes: ['node'],
    expected: 'an IP address or host name to listen on',
    defaultText: '`127.0.0.1`',
    meaning: 'where `METRICS_PORT` listens',
    schema: z.string().regex(/^[A-Za-z0-9.:-]+$/),
  }),
  DISTRICT_DATABASES: variable({
    name: 'DISTRICT_DATABASES',
    runtimes: ['workers'],
    expected: 'a JSON object of district id → D1 binding name',
    defaultText: 'required',
    meaning: 'which D1 database holds each district, e.g. `{"chongming":"DB_CHONGMING"}`',
    schema: json(z.record(z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'a district id'), z.string().min(1)).refine((m) => Object.keys(m).length > 0)),
  }),
  ECO_SIGNING_KEYS: variable({
    name: 'ECO_SIGNING_KEYS',
    runtimes: ['workers'],
    expected: 'a JSON object of kid → private Ed25519 JWK',
    defaultText: 'none',
    meaning: 'the report-signing keys of every district, as `workers bootstrap` printed them',
    secret: true,
    schema: json(z.record(z.string().min(1), z.looseObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), d: z.string(), x: z.string() }))),
  }),
} as const;

type Variables = typeof VARIABLES;
export type VariableName = keyof Variables;
type Parsed = { [K in VariableName]?: Variables[K] extends Variable<infer T> ? T : never };

export type IssuerConfig = z.output<typeof IssuerEntry>;

/** The configuration of one process, with every default applied. */
export interface ServiceConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  host: string | undefined;
  dataDir: string;
  maxBodyBytes: number;
  idNumberHmacKey: Uint8Array | undefined;
  apiKeyPepper: Uint8Array | undefined;
  subjectIssuers: IssuerConfig[];
  devIssuer: boolean;
  demoData: boolean;
  publicBaseUrl: string | undefined;
  idempotencyLeaseMs: number;
  metrics: { token: string | undefined; port: number | undefined; host: string };
  pagesOidc:
    | { issuer: string; clientId: string; clientSecret: string | undefined; scope: string | undefined; displayName: string | undefined }
    | undefined;
  districtDatabases: Record<string, string> | undefined;
  signingKeys: Record<string, Record<string, unknown>> | undefined;
}

export type ConfigResult = { ok: true; config: ServiceConfig } | { ok: false; errors: string[] };

/** Close enough to be the variable the operator meant: one edit apart, or the same without underscores. */
function nearest(name: string, runtime: Runtime): string | undefined {
  const candidates = Object.values(VARIABLES)
    .filter((v) => v.runtimes.includes(runtime))
    .map((v) => v.name);
  const squash = (s: string) => s.replace(/_/g, '');
  return candidates.find((c) => squash(c) === squash(name) || editDistance(c, name) <= 2);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * Reads the environment. Empty values count as unset (env files often write `NAME=`); every other value
 * must have the stated form. Unknown `ECO_*` names are refused too: a misspelt switch would otherwise
 * leave its default on without a word.
 */
export function parseConfig(env: Record<string, unknown>, runtime: Runtime): ConfigResult {
  const errors: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const v of Object.values(VARIABLES) as Array<Variable<unknown>>) {
    if (!v.runtimes.includes(runtime)) continue;
    const raw = env[v.name];
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') {
      errors.push(`${v.name}: expected ${v.expected} (got a binding, not a text value)`);
      continue;
    }
    const result = v.schema.safeParse(raw);
    if (result.success) {
      parsed[v.name] = result.data;
      continue;
    }
    const issue = result.error.issues[0];
    const got = v.secret
      ? issue?.code === 'custom'
        ? ` (got ${issue.message})`
        : ''
      : ` (got ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)})`;
    const why = !v.secret && issue?.code === 'custom' && issue.message !== 'Invalid input' ? `: ${issue.message}` : '';
    errors.push(`${v.name}: expected ${v.expected}${got}${why}`);
  }
  for (const name of Object.keys(env)) {
    if (!name.startsWith('ECO_') || name in VARIABLES) continue;
    const near = nearest(name, runtime);
    errors.push(`${name}: not a variable this service reads${near ? ` (did you mean ${near}?)` : ''}`);
  }

  const p = parsed as Parsed;
  const environment = runtime === 'workers' ? 'production' : (p.NODE_ENV ?? 'development');
  const production = environment === 'production';
  if (production && p.ECO_DEV_ISSUER === 'on') errors.push('ECO_DEV_ISSUER: expected `off` in production (got "on")');
  if (production && p.ECO_DEMO_DATA === 'on') errors.push('ECO_DEMO_DATA: expected `off` in production (got "on")');
  const httpPort = p.PORT ?? 3000;
  if (p.METRICS_PORT !== undefined && p.METRICS_PORT === httpPort)
    errors.push(`METRICS_PORT: expected a port other than PORT (got ${p.METRICS_PORT})`);
  if (runtime === 'workers') {
    for (const name of ['ECO_ID_HMAC_KEY', 'ECO_API_KEY_PEPPER', 'DISTRICT_DATABASES'] as const) {
      if (p[name] === undefined && !errors.some((e) => e.startsWith(`${name}:`)))
        errors.push(`${name}: expected ${VARIABLES[name].expected} (it is required)`);
    }
  }
  if (p.ECO_PAGES_OIDC_ISSUER !== undefined && p.ECO_PAGES_OIDC_CLIENT_ID === undefined)
    errors.push(`ECO_PAGES_OIDC_CLIENT_ID: expected ${VARIABLES.ECO_PAGES_OIDC_CLIENT_ID.expected} (it is required with ECO_PAGES_OIDC_ISSUER)`);
  if (errors.length > 0) return { ok: false, errors };

  return {
    ok: true,
    config: {
      environment,
      port: httpPort,
      host: p.HOST,
      dataDir: p.DATA_DIR ?? './data',
      maxBodyBytes: p.MAX_BODY_BYTES ?? 8 * 1024 * 1024,
      idNumberHmacKey: p.ECO_ID_HMAC_KEY,
      apiKeyPepper: p.ECO_API_KEY_PEPPER,
      subjectIssuers: p.ECO_SUBJECT_ISSUERS ?? [],
      devIssuer: !production && p.ECO_DEV_ISSUER !== 'off',
      demoData: p.ECO_DEMO_DATA === undefined ? environment === 'development' : p.ECO_DEMO_DATA === 'on',
      publicBaseUrl: p.PUBLIC_BASE_URL,
      idempotencyLeaseMs: (p.IDEMPOTENCY_LEASE_SECONDS ?? DEFAULT_IDEMPOTENCY_LEASE_MS / 1000) * 1000,
      metrics: { token: p.METRICS_TOKEN, port: p.METRICS_PORT, host: p.METRICS_HOST ?? '127.0.0.1' },
      pagesOidc:
        p.ECO_PAGES_OIDC_ISSUER && p.ECO_PAGES_OIDC_CLIENT_ID
          ? {
              issuer: p.ECO_PAGES_OIDC_ISSUER,
              clientId: p.ECO_PAGES_OIDC_CLIENT_ID,
              clientSecret: p.ECO_PAGES_OIDC_CLIENT_SECRET,
              scope: p.ECO_PAGES_OIDC_SCOPE,
              displayName: p.ECO_PAGES_OIDC_NAME,
            }
          : undefined,
      districtDatabases: p.DISTRICT_DATABASES,
      signingKeys: p.ECO_SIGNING_KEYS,
    },
  };
}

/** The README's configuration table, rendered from the schema. */
export function configurationTable(): string {
  const where = (v: Variable<unknown>) => (v.runtimes.length === 2 ? 'both' : v.runtimes[0] === 'node' ? 'Node' : 'Workers');
  const rows = (Object.values(VARIABLES) as Array<Variable<unknown>>).map(
    (v) => `| \`${v.name}\` | ${where(v)} | ${v.expected} | ${v.defaultText ?? 'none'} | ${v.meaning} |`,
  );
  return ['| variable | read on | form | default | meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}
