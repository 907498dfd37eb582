/**
 * The server side of the reports benchmark, run as a child process by bench/reports-bench.ts so that the
 * load generator does not share its event loop: the app in production mode on a database file (WAL) in a
 * temp dir, with one district (chongming), a bank client and RESIDENTS residents, each with a few credit
 * events and a consent to the bank for loan-application/credit (granted through the API with a token of
 * the development identity provider, on a setup app that shares the storage; the served app does not
 * accept those tokens). Three baselines are added to the served app before its first request: a bare
 * `GET /hello`; `POST /sign-only`, which signs a small payload with jose EdDSA as a report is signed; and
 * `POST /sign-and-log`, which also writes one query-log line to SQLite, the floor of any report path.
 * `GET /bench-stats` answers what the server spent since `POST /bench-stats/reset`: reports issued, time
 * in SQL statements and in the transactions around them, its own CPU time, and garbage-collection pauses, so that the
 * parent can say where a report's time goes under load without a profiler.
 * Prints one JSON line on stdout ({ port, bankKey, bankClientId, subjects }) and serves on 127.0.0.1
 * until SIGTERM/SIGINT or until its stdin closes (the parent went away).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { generateKeyPair, SignJWT } from 'jose';
import { createApp } from '../src/app.js';
import { createDistrict } from '../src/districts/districts.service.js';
import { createClient } from '../src/identity/clients.service.js';
import { devIssuerConfig, generateDevIssuerKey, mintDevToken } from '../src/identity/dev-issuer.js';
import { openSqliteStorage } from '../src/node/sqlite.js';
import { systemClock } from '../src/platform/clock.js';
import type { Atomic } from '../src/platform/db/database.js';
import { queryLog } from '../src/platform/db/schema.js';
import type { AppDeps } from '../src/platform/deps.js';
import { addDays, benchDeps, codePicker, RECORDER_AGENCY, RECORDER_CODES, residentIdNumber } from './credit-fixtures.js';
import { prng } from './measure.js';

const DISTRICT = 'chongming';
const RESIDENTS = Number(process.env.REPORTS_RESIDENTS ?? 200);
/** Events per resident: 1 to this many, drawn with the recorder's code mix. */
const MAX_EVENTS = 8;
const SEED = 20261124;

interface SmallBody {
  subjectId?: string;
  purpose?: string;
}

/** What the served app spent since the last reset (see /bench-stats). */
const stats = {
  requests: 0,
  reports: 0,
  cpuSeconds: 0,
  statements: 0,
  statementSeconds: 0,
  transactions: 0,
  transactionSeconds: 0,
  gcPauses: 0,
  gcMajor: 0,
  gcSeconds: 0,
  gcLongestMs: 0,
};
let cpuAtReset = process.cpuUsage();
const resetStats = () => {
  // Object.keys is typed string[]; these are exactly the keys of the literal above.
  for (const key of Object.keys(stats) as Array<keyof typeof stats>) stats[key] = 0;
  cpuAtReset = process.cpuUsage();
};
const readStats = () => {
  const cpu = process.cpuUsage(cpuAtReset);
  return { ...stats, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
};
// perf_hooks' kind of a mark-sweep-compact collection (NODE_PERFORMANCE_GC_MAJOR).
const GC_MAJOR = 4;
type GcEntry = PerformanceEntry & { detail?: { kind?: number } };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    stats.gcPauses++;
    // A gc entry's `detail` is { kind, flags }; the type says only `unknown` since other entries carry others.
    if ((entry as GcEntry).detail?.kind === GC_MAJOR) stats.gcMajor++;
    stats.gcSeconds += entry.duration / 1000;
    stats.gcLongestMs = Math.max(stats.gcLongestMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const dir = mkdtempSync(join(tmpdir(), 'reports-bench-'));
const storage = openSqliteStorage(join(dir, 'reports.sqlite'), {
  observeQuery: (_kind, seconds) => {
    stats.statements++;
    stats.statementSeconds += seconds;
  },
});
// Each atomic unit timed whole: its statements (also counted above) plus BEGIN and COMMIT. Atomic is
// generic over its statement tuple, which a plain async wrapper cannot restate, hence the cast (as in sqlite.ts).
const timedAtomic = (async (statements) => {
  const started = performance.now();
  try {
    return await storage.atomic(statements);
  } finally {
    stats.transactions++;
    stats.transactionSeconds += (performance.now() - started) / 1000;
  }
}) as Atomic;
let closed = false;
const cleanUp = () => {
  if (closed) return;
  closed = true;
  storage.close();
  rmSync(dir, { recursive: true, force: true });
};

try {
  const deps = benchDeps({ ...storage, atomic: timedAtomic }, systemClock);
  const now = systemClock.now();
  await createDistrict(
    {
      deps,
      principal: { type: 'client', clientId: 'cli_bench', districtId: DISTRICT, role: 'bureau', agency: null, name: 'bench' },
      districtId: DISTRICT,
      now,
    },
    '上海市崇明区',
    deps.shippedRules,
  );
  const bureau = await createClient(deps, { districtId: DISTRICT, name: 'bench bureau', role: 'bureau' });
  const recorder = await createClient(deps, { districtId: DISTRICT, name: 'bench recorder', role: 'recorder', agency: RECORDER_AGENCY });
  const bank = await createClient(deps, { districtId: DISTRICT, name: '崇明农商银行', role: 'bank' });

  // Setup goes through the API too, on an app that also accepts development subject tokens.
  const devKey = await generateDevIssuerKey();
  const setupDeps: AppDeps = { ...deps, subjectIssuers: [devIssuerConfig(devKey)], config: { ...deps.config, environment: 'development' } };
  const setupApp = createApp(setupDeps);
  const post = async (path: string, token: string, body: unknown) => {
    const res = await setupApp.request(`/v1/districts/${DISTRICT}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`setup POST ${path} failed: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };

  const subjects: string[] = [];
  for (let n = 0; n < RESIDENTS; n++) {
    const made = await post('/subjects', bureau.apiKey, { kind: 'resident', idNumber: residentIdNumber(n), name: `居民${n}` });
    subjects.push(made.id as string);
  }

  const rnd = prng(SEED);
  const pick = codePicker(RECORDER_CODES);
  const today = now.toISOString().slice(0, 10);
  const events = subjects.flatMap((id, n) =>
    Array.from({ length: 1 + Math.floor(rnd() * MAX_EVENTS) }, (_, i) => {
      const code = pick(rnd);
      const occurredOn = addDays(today, -2 - Math.floor(rnd() * 700));
      return {
        subject: { id },
        code: code.code,
        occurredOn,
        evidence: `沪崇环〔${occurredOn.slice(0, 4)}〕${n}-${i}号`,
        ...(code.amounts ? { amounts: code.amounts(rnd) } : {}),
      };
    }),
  );
  await post('/credit-events', recorder.apiKey, { events });

  for (let n = 0; n < RESIDENTS; n++) {
    const token = await mintDevToken(devKey, 'development', { kind: 'resident', identifier: residentIdNumber(n), now: systemClock.now() });
    await post('/consents', token, { bankClientId: bank.client.id, purpose: 'loan-application', scopes: ['credit'] });
  }

  // The served app: production mode, plus the three baselines, registered before the first request.
  const app = createApp(deps);
  app.get('/hello', (c) => c.text('hello'));
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const signSmall = (body: SmallBody) => {
    const seconds = Math.floor(Date.now() / 1000);
    return new SignJWT({ sub: body.subjectId ?? 'nobody', purpose: body.purpose ?? 'none' })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 60)
      .sign(privateKey);
  };
  app.post('/sign-only', async (c) => c.json({ jws: await signSmall(await c.req.json<SmallBody>()) }, 201));
  // The floor of any report path: the same signature plus the one durable write the law asks for (a
  // query-log line), with no authentication, consent check, score or report row.
  app.post('/sign-and-log', async (c) => {
    const body = await c.req.json<SmallBody>();
    const jws = await signSmall(body);
    await storage.atomic([
      storage.db
        .insert(queryLog)
        .values({
          districtId: DISTRICT,
          subjectId: body.subjectId ?? 'nobody',
          at: new Date().toISOString(),
          actor: `client:${bank.client.id}`,
          actorName: 'bench',
          actorRole: 'bank',
          action: 'benchSignAndLog',
          purpose: body.purpose ?? 'none',
        })
        .returning({ seq: queryLog.seq }),
    ]);
    return c.json({ jws }, 201);
  });

  app.post('/bench-stats/reset', (c) => {
    resetStats();
    return c.body(null, 204);
  });
  app.get('/bench-stats', (c) => c.json(readStats()));
  const fetch = async (request: Request) => {
    const response = await app.fetch(request);
    if (!request.url.includes('/bench-stats')) stats.requests++;
    if (response.status === 201 && request.method === 'POST' && request.url.endsWith('/reports')) stats.reports++;
    return response;
  };
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(
      `${JSON.stringify({ port: info.port, bankKey: bank.apiKey, bankClientId: bank.client.id, subjects, events: events.length })}\n`,
    );
  });

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // Keep-alive connections of the load generator would hold close() open; the process exits anyway.
    server.close();
    cleanUp();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.stdin.on('end', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
} catch (err) {
  cleanUp();
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
}
