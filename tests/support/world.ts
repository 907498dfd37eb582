/**
 * A fresh world per test: an in-memory database with the current migrations, two districts with the
 * shipped rule sets, one client per role in each, a settable clock and a development identity provider.
 */
import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { createApp } from '../../src/app.js';
import { createDistrict } from '../../src/districts/districts.service.js';
import { createClient } from '../../src/identity/clients.service.js';
import { devIssuerConfig, generateDevIssuerKey, mintDevToken } from '../../src/identity/dev-issuer.js';
import { readShippedRules } from '../../src/node/shipped-rules.js';
import { openSqliteStorage } from '../../src/node/sqlite.js';
import { useNodeCrypto } from '../../src/node/sync-crypto.js';
import { fixedClock } from '../../src/platform/clock.js';
import { type AppConfig, type AppDeps, DEFAULT_IDEMPOTENCY_LEASE_MS } from '../../src/platform/deps.js';
import type { ClientRole } from '../../src/platform/http/principal.js';
import { memoryKeyStore } from '../../src/platform/key-store.js';
import { silentLogger } from '../../src/platform/logger.js';
import { loadSeeds } from '../../src/seeds/load-seeds.js';
import { observeExchange } from './exchanges.js';

export const DISTRICTS = ['chongming', 'lishui'] as const;
export type DistrictId = (typeof DISTRICTS)[number];

/** Made-up identifiers with valid check characters. */
export const IDS = {
  firmA: '91310230MA1K2B3C4P',
  firmB: '91310230MA1H5G6L7G',
  lishuiFirm: '91331127MA2A0B1C2T',
  residentA: '310230198503121233',
  residentB: '310230199207180049',
  lishuiResident: '331127197804052119',
} as const;

let devKey: JWK | undefined;
let documentText: string | undefined;

export interface WorldOptions {
  now?: string;
  environment?: AppConfig['environment'];
  maxBodyBytes?: number;
  /** Load seeds/demo.yaml (as on a fresh `npm start`) instead of two bare districts; `keys` are then the demo's clients. */
  demo?: boolean;
  /** The pages' OpenID Connect provider, for sign-in tests. */
  pagesOidc?: AppConfig['pagesOidc'];
  /** A database file instead of memory: for a second server process on the same file. */
  databaseFile?: string;
}

export async function createWorld(options: WorldOptions = {}) {
  // As the Node server runs: node:crypto hashing (the workerd suite runs WebCrypto's).
  useNodeCrypto();
  devKey ??= await generateDevIssuerKey();
  const key = devKey;
  const storage = openSqliteStorage(options.databaseFile ?? ':memory:');
  const clock = fixedClock(options.now ?? '2026-11-24T02:00:00Z');
  const deps: AppDeps = {
    storage,
    clock,
    secrets: { idNumberHmacKey: new Uint8Array(32).fill(7), apiKeyPepper: new Uint8Array(32).fill(9) },
    subjectIssuers: [devIssuerConfig(key)],
    shippedRules: readShippedRules(),
    signingKeys: memoryKeyStore(),
    config: {
      environment: options.environment ?? 'test',
      maxBodyBytes: options.maxBodyBytes ?? 8 * 1024 * 1024,
      idempotencyLeaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS,
      ...(options.pagesOidc ? { pagesOidc: options.pagesOidc } : {}),
    },
    logger: silentLogger,
    yieldToOthers: () => new Promise((resolve) => setImmediate(resolve)),
  };

  const keys = {} as Record<DistrictId, Record<ClientRole, string>>;
  const clientIds = {} as Record<DistrictId, Record<ClientRole, string>>;
  if (options.demo) {
    const seeded = await loadSeeds(deps, readFileSync(new URL('../../seeds/demo.yaml', import.meta.url), 'utf8'));
    for (const districtId of DISTRICTS) {
      keys[districtId] = {} as Record<ClientRole, string>;
      clientIds[districtId] = {} as Record<ClientRole, string>;
      // The first client of each role in the seed file (the demo has three recorders in chongming).
      for (const c of [...seeded.credentials].reverse().filter((x) => x.districtId === districtId)) {
        keys[districtId][c.role as ClientRole] = c.apiKey;
        clientIds[districtId][c.role as ClientRole] = c.clientId;
      }
    }
  }
  for (const districtId of options.demo ? [] : DISTRICTS) {
    const ctx = {
      deps,
      principal: { type: 'client' as const, clientId: 'test', districtId, role: 'bureau' as const, agency: null, name: 'test' },
      districtId,
      now: clock.now(),
    };
    await createDistrict(ctx, districtId === 'chongming' ? '上海市崇明区' : '丽水市云和县', deps.shippedRules);
    keys[districtId] = {} as Record<ClientRole, string>;
    clientIds[districtId] = {} as Record<ClientRole, string>;
    for (const role of ['bureau', 'recorder', 'bank', 'auditor'] as const) {
      const made = await createClient(deps, {
        districtId,
        name: `${districtId} ${role}`,
        role,
        agency: role === 'recorder' ? '生态环境局' : undefined,
      });
      keys[districtId][role] = made.apiKey;
      clientIds[districtId][role] = made.client.id;
    }
  }

  const app = createApp(deps);
  // The OpenAPI document is the same for every world: read it once per test file.
  documentText ??= await (await app.request('/openapi.json')).text();
  const doc = documentText;

  interface CallOptions {
    /** An API key or a subject token; omitted for an anonymous call. */
    as?: string;
    body?: unknown;
    /** Sent as is, for malformed-body tests. */
    rawBody?: string;
    headers?: Record<string, string>;
  }

  async function call(method: string, path: string, opts: CallOptions = {}) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.as) headers.authorization = `Bearer ${opts.as}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on them.
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (path !== '/openapi.json') {
      let requestBody: unknown = opts.body;
      if (requestBody === undefined && opts.rawBody !== undefined) requestBody = { raw: opts.rawBody };
      observeExchange(doc, {
        method,
        url: path,
        requestBody,
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        responseBody: json,
      });
    }
    return { status: res.status, headers: res.headers, text, json };
  }

  return {
    app,
    deps,
    clock,
    storage,
    keys,
    clientIds,
    call,
    /** A subject token from the development identity provider. */
    token: (kind: 'resident' | 'firm', identifier: string, extra: { ttlSeconds?: number; audience?: string } = {}) =>
      mintDevToken(key, 'test', { kind, identifier, now: clock.now(), ...extra }),
    devKey: key,
    /** A client of any agency, created on demand (the world has one recorder, for 生态环境局). */
    async client(districtId: DistrictId, role: ClientRole, agency?: string) {
      return (await createClient(deps, { districtId, name: `${districtId} ${role} ${agency ?? ''}`, role, agency })).apiKey;
    },
    /** A resident who consented to the district's bank, and a credit report the bank received on them. */
    async consentedReport(districtId: DistrictId = 'chongming') {
      const resident = await this.register(districtId, 'resident', IDS.residentA);
      const subjectToken = await mintDevToken(key, 'test', { kind: 'resident', identifier: IDS.residentA, now: clock.now() });
      const bank = (await call('GET', `/v1/districts/${districtId}/banks`, { as: subjectToken })).json.items[0].id as string;
      const body = { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] };
      await call('POST', `/v1/districts/${districtId}/consents`, { as: subjectToken, body });
      const issued = await call('POST', `/v1/districts/${districtId}/reports`, {
        as: keys[districtId].bank,
        body: { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] },
      });
      if (issued.status !== 201) throw new Error(`report failed: ${issued.status} ${issued.text}`);
      return { resident, bank, report: issued.json.report as string };
    },
    /** Registers a subject as the district's bureau and returns its id. */
    async register(districtId: DistrictId, kind: 'firm' | 'resident', identifier: string, name = kind === 'firm' ? '测试企业' : '测试居民') {
      const body = kind === 'firm' ? { kind, uscc: identifier, name } : { kind, idNumber: identifier, name };
      const res = await call('POST', `/v1/districts/${districtId}/subjects`, { as: keys[districtId].bureau, body });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
      return res.json.id as string;
    },
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** Every error answer is RFC 9457 problem+json with the same fields. */
export function expectProblem(res: { status: number; headers: Headers; json: unknown }, status: number) {
  const body = res.json as Record<string, unknown>;
  const ok =
    res.status === status &&
    (res.headers.get('content-type') ?? '').startsWith('application/problem+json') &&
    typeof body?.type === 'string' &&
    typeof body?.title === 'string' &&
    body?.status === status &&
    typeof body?.detail === 'string' &&
    typeof body?.code === 'string' &&
    typeof body?.message === 'string';
  if (!ok) throw new Error(`expected a ${status} problem, got ${res.status} ${res.headers.get('content-type')}: ${JSON.stringify(body)}`);
  return body as {
    type: string;
    title: string;
    status: number;
    detail: string;
    /** The stable code machines read. */
    code: string;
    /** The sentence people read, in Chinese. */
    message: string;
    errors?: Array<{ pointer: string; in: string; detail: string; line?: number }>;
  };
}
