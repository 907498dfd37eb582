/**
 * The reports benchmark: signed credit reports per second through the HTTP API (authentication, consent
 * check, score, EdDSA signature, report row and query-log line), against three routes on the same server:
 * a bare `GET /hello`; `POST /sign-only`, which only signs a small payload with jose EdDSA; and
 * `POST /sign-and-log`, which also writes one query-log line to SQLite, the floor any report path
 * stands on. The server
 * (bench/reports-server.ts) runs in a child process; this process loads it with autocannon, one target
 * after another, after a warm-up each. The issue's bar: the report path keeps at least a third of the
 * bare route's throughput. Both processes share the machine's cores, so the figures are ratios within
 * this run, not capacity. After the table, the server's own counters (CPU, SQL statements, atomic units,
 * GC pauses) say where a report's time goes and how far that is from issue 21's target.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { recordFigure } from './figures.js';
import { DEFAULT_BUDGET_MS, formatRate, formatRatio, printTable } from './measure.js';

/** A full run (BENCH_MS unset: 2000) loads each target for 10 s; a smoke run for as little as 1 s. */
const SECONDS = Math.max(1, Math.round((5 * DEFAULT_BUDGET_MS) / 1000));
const WARMUP_SECONDS = Math.max(1, Math.round(SECONDS / 5));
const CONNECTIONS = 16;
const STARTUP_TIMEOUT_MS = 180_000;
const DISTRICT = 'chongming';
const BAR = 1 / 3;

// ---- the few parts of autocannon's programmatic API used here (it ships no types)

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: AutocannonRequest[];
  /** Requests per second across all connections (latencies then correct for coordinated omission). */
  overallRate?: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p99: number };
}

type AutocannonInstance = EventEmitter & PromiseLike<AutocannonResult>;
type Autocannon = (opts: AutocannonOptions) => AutocannonInstance;

const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---- the server process

interface ServerInfo {
  port: number;
  bankKey: string;
  bankClientId: string;
  subjects: string[];
  events: number;
}

function startServer(): { child: ChildProcess; ready: Promise<ServerInfo> } {
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  // stdin stays a pipe: when this process dies, the server sees it close and exits.
  const child = spawn(tsx, [join(process.cwd(), 'bench', 'reports-server.ts')], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const ready = new Promise<ServerInfo>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(
      () => reject(new Error(`the report server did not start within ${STARTUP_TIMEOUT_MS / 1000} s\n${stderr}`)),
      STARTUP_TIMEOUT_MS,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.slice(0, newline)) as ServerInfo);
      } catch {
        reject(new Error(`the report server printed something other than its JSON line: ${stdout.slice(0, 300)}\n${stderr}`));
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the report server exited (${signal ?? `code ${code}`}) before it was ready\n${stderr}`));
    });
  });
  return { child, ready };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

// ---- what the server spent (bench/reports-server.ts keeps the counters)

interface ServerStats {
  requests: number;
  reports: number;
  cpuSeconds: number;
  statements: number;
  statementSeconds: number;
  transactions: number;
  transactionSeconds: number;
  gcPauses: number;
  gcMajor: number;
  gcSeconds: number;
  gcLongestMs: number;
}

async function resetServerStats(base: string): Promise<void> {
  const res = await fetch(`${base}/bench-stats/reset`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`bench-stats reset: ${res.status}`);
}

async function readServerStats(base: string): Promise<ServerStats> {
  const res = await fetch(`${base}/bench-stats`);
  if (res.status !== 200) throw new Error(`bench-stats: ${res.status}`);
  return (await res.json()) as ServerStats;
}

const micros = (seconds: number, per: number) => ((1e6 * seconds) / Math.max(1, per)).toFixed(0);

// ---- checks before measuring

const reportBody = (subjectId: string) => JSON.stringify({ subjectId, purpose: 'loan-application', scopes: ['credit'] });

/** One report per listed subject must be a 201 whose JWS verifies against the district's published JWKS. */
async function checkReports(base: string, info: ServerInfo, subjectIds: string[]): Promise<void> {
  const jwksRes = await fetch(`${base}/districts/${DISTRICT}/.well-known/jwks.json`);
  if (jwksRes.status !== 200) throw new Error(`JWKS: ${jwksRes.status} ${await jwksRes.text()}`);
  const keySet = createLocalJWKSet((await jwksRes.json()) as JSONWebKeySet);
  for (const subjectId of subjectIds) {
    const res = await fetch(`${base}/v1/districts/${DISTRICT}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.bankKey}`, 'content-type': 'application/json' },
      body: reportBody(subjectId),
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`report for ${subjectId}: expected 201, got ${res.status} ${text.slice(0, 500)}`);
    const { report, issuer } = JSON.parse(text) as { report: string; issuer: string };
    if (decodeJwt(report).iss !== issuer) throw new Error(`report for ${subjectId}: iss ${decodeJwt(report).iss} is not ${issuer}`);
    if (decodeProtectedHeader(report).alg !== 'EdDSA') throw new Error(`report for ${subjectId}: not EdDSA`);
    const { payload } = await jwtVerify(report, keySet, { audience: info.bankClientId, issuer, typ: 'vc+jwt' });
    const subject = payload.credentialSubject as { id?: string; credit?: { score?: unknown } } | undefined;
    if (subject?.id !== `urn:eco-credit:subject:${subjectId}` || typeof subject.credit?.score !== 'number') {
      throw new Error(`report for ${subjectId}: unexpected credentialSubject ${JSON.stringify(subject).slice(0, 300)}`);
    }
  }
}

// ---- load

interface Target {
  name: string;
  options: Omit<AutocannonOptions, 'url' | 'connections' | 'duration'>;
}

interface Outcome {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  responses: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/**
 * Requests sent at an even pace, open loop: request k leaves at start + k / rate whatever the answers
 * before it, and its latency counts from then, so a slow answer delays nobody's clock (no coordinated
 * omission). autocannon's `overallRate` cannot measure this: each connection sends its quota for the
 * second back to back and then waits for the next second, so "half of peak" was a burst at full load for
 * half of every second, and its p99 measured the burst.
 */
async function pacedLoad(
  base: string,
  name: string,
  rate: number,
  seconds: number,
  next: () => { path: string; init: RequestInit },
): Promise<Outcome> {
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies = new Float64Array(total);
  const statusCodes: Record<string, number> = {};
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let k = 0; k < total; k++) {
    const due = started + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { path, init } = next();
    inFlight.push(
      fetch(`${base}${path}`, init).then(async (res) => {
        await res.arrayBuffer();
        latencies[k] = performance.now() - due;
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        if (res.status >= 300) throw new Error(`${name}: answered ${res.status}`);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort();
  return { name, perSecond: total / elapsed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), responses: total, statusCodes };
}

/** `measured` runs after the warm-up, just before the measured load starts. */
async function load(url: string, target: Target, measured?: () => Promise<void>): Promise<Outcome> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SECONDS, ...target.options });
  await measured?.();
  // autocannon's own histogram keeps whole milliseconds; the response event carries the exact time.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...target.options });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]));
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${target.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts (status codes ${JSON.stringify(statusCodes)})`,
    );
  }
  const sorted = latencies.subarray(0, count).sort();
  return {
    name: target.name,
    perSecond: result['2xx'] / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    responses: result['2xx'],
    statusCodes,
  };
}

/**
 * Why P4 stands where it does, from the server's own counters: its CPU time per request on the floor
 * route and per report at peak, how much of a report is SQLite (statements, and the atomic units around
 * them), and what reaching 50% of the floor would leave a report to spend. Then the garbage collector's
 * pauses while the paced run was measured, the usual cause of a p99 far above the p50.
 */
function printWhereTheTimeGoes(floor: ServerStats, peak: ServerStats, paced: ServerStats, half: Outcome): void {
  const floorCpu = floor.cpuSeconds / Math.max(1, floor.requests);
  const reportCpu = peak.cpuSeconds / Math.max(1, peak.reports);
  const sql = peak.statementSeconds / Math.max(1, peak.reports);
  const atomic = peak.transactionSeconds / Math.max(1, peak.reports);
  const gc = peak.gcSeconds / Math.max(1, peak.reports);
  const budget = 2 * floorCpu;
  console.log(
    `where a report's time goes (server counters at peak): ${micros(peak.cpuSeconds, peak.reports)} µs of server CPU a report ` +
      `against ${micros(floor.cpuSeconds, floor.requests)} µs a sign-and-log request; SQLite ${(peak.statements / Math.max(1, peak.reports)).toFixed(1)} statements ` +
      `taking ${micros(peak.statementSeconds, peak.reports)} µs (${micros(peak.transactionSeconds, peak.reports)} µs inside atomic units, BEGIN/COMMIT included), ` +
      `GC ${micros(peak.gcSeconds, peak.reports)} µs, the rest ${(1e6 * Math.max(0, reportCpu - sql - gc)).toFixed(0)} µs in JavaScript ` +
      `(profiled: drizzle building queries, hono and zod, the score, signing)`,
  );
  // The floor's whole request (HTTP, signing, one logged row) plus the report's own SQL, and nothing else:
  // the cheapest a report with today's statements could be.
  const sqlNow = Math.max(sql, atomic);
  const cheapest = floorCpu + sqlNow;
  const statementsPerReport = peak.statements / Math.max(1, peak.reports);
  const statementsAllowed = Math.floor((floorCpu / sqlNow) * statementsPerReport);
  console.log(
    `bound: 50% of sign-and-log leaves a report ${(1e6 * budget).toFixed(0)} µs of server CPU. A report that did only the floor's work and its own SQL ` +
      `would take ${(1e6 * cheapest).toFixed(0)} µs, ${((100 * floorCpu) / cheapest).toFixed(1)}% of sign-and-log: ` +
      (floorCpu / cheapest < 0.5
        ? `so the target cannot be reached with the statements it runs today, whatever the JavaScript costs; it needs at most ${(1e6 * floorCpu).toFixed(0)} µs of SQL ` +
          `(about ${statementsAllowed} of today's ${statementsPerReport.toFixed(1)} statements at their mean cost) and nothing beyond the floor's work, `
        : 'the statements leave room, ') +
      `where today the rest of the path takes ${(1e6 * Math.max(0, reportCpu - sqlNow)).toFixed(0)} µs, ${(Math.max(0, reportCpu - sqlNow) / floorCpu).toFixed(1)}× the floor's whole request ` +
      '(what would reach it: the reads and writes of a report folded into fewer statements, and the writes built without drizzle rendering each one)',
  );
  console.log(
    `p99 at half load: ${half.p99.toFixed(1)} ms against p50 ${half.p50.toFixed(1)} ms; while it ran the server paused for GC ${paced.gcPauses} times ` +
      `(${paced.gcMajor} full collections, the longest ${paced.gcLongestMs.toFixed(1)} ms, ${micros(paced.gcSeconds, paced.reports)} µs a report), ` +
      'and the load generator shares the two cores with the server, so a pause or a busy moment of either delays every request sent during it',
  );
}

export async function reportsBenchmark(): Promise<void> {
  console.log(
    `\n== Signed reports through the API vs a bare route, one server process loaded by autocannon from this one (${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s warm-up) ==`,
  );
  const started = performance.now();
  const { child, ready } = startServer();
  try {
    const info = await ready;
    const base = `http://127.0.0.1:${info.port}`;
    console.log(
      `setup: district ${DISTRICT}, ${info.subjects.length} residents with ${info.events} credit events and a consent each, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await checkReports(base, info, info.subjects.slice(0, 3));

    const subjects = info.subjects;
    let next = 0;
    const json = { 'content-type': 'application/json' };
    const targets: Target[] = [
      { name: 'GET /hello (bare route)', options: { method: 'GET', requests: [{ method: 'GET', path: '/hello' }] } },
      {
        name: 'POST /sign-only (jose EdDSA, small payload)',
        options: { requests: [{ method: 'POST', path: '/sign-only', headers: json, body: reportBody(subjects[0] as string) }] },
      },
      {
        name: 'POST /sign-and-log (the same + one logged row)',
        options: { requests: [{ method: 'POST', path: '/sign-and-log', headers: json, body: reportBody(subjects[0] as string) }] },
      },
      {
        name: 'POST …/reports (signed report)',
        options: {
          requests: [
            {
              method: 'POST',
              path: `/v1/districts/${DISTRICT}/reports`,
              headers: { ...json, authorization: `Bearer ${info.bankKey}` },
              // Each request names the next resident, so consents and scores vary across the run.
              setupRequest: (request) => {
                const subjectId = subjects[next++ % subjects.length] as string;
                return { ...request, body: reportBody(subjectId) };
              },
            },
          ],
        },
      },
    ];

    const outcomes: Outcome[] = [];
    const spent: ServerStats[] = [];
    for (const target of targets) {
      outcomes.push(await load(base, target, () => resetServerStats(base)));
      spent.push(await readServerStats(base));
    }
    // Latency as a bank sees it on a normal day: the report path held at half the rate it peaked at.
    const peak = outcomes[3] as Outcome;
    const reportTarget = targets[3] as Target;
    const halfRate = Math.max(1, Math.floor(peak.perSecond / 2));
    const reportRequest = () => ({
      path: `/v1/districts/${DISTRICT}/reports`,
      init: {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${info.bankKey}` },
        body: reportBody(subjects[next++ % subjects.length] as string),
      },
    });
    await pacedLoad(base, 'warm-up', halfRate, WARMUP_SECONDS, reportRequest);
    await resetServerStats(base);
    outcomes.push(await pacedLoad(base, `POST …/reports at half of peak (${halfRate}/s, evenly paced)`, halfRate, SECONDS, reportRequest));
    const pacedSpent = await readServerStats(base);
    // For comparison with earlier runs: the same rate through autocannon's per-second quota (bursts).
    outcomes.push(
      await load(base, {
        name: `  the same through autocannon's overallRate (a burst each second)`,
        options: { ...reportTarget.options, overallRate: halfRate },
      }),
    );
    // The server must still be issuing genuine reports after the load.
    await checkReports(base, info, [subjects[subjects.length - 1] as string]);

    const hello = outcomes[0] as Outcome;
    const floor = outcomes[2] as Outcome;
    const report = outcomes[3] as Outcome;
    printTable(
      ['target', 'requests/s', 'p50 ms', 'p99 ms', 'vs hello', 'responses'],
      outcomes.map((o) => [
        o.name,
        formatRate(o.perSecond),
        o.p50.toFixed(2),
        o.p99.toFixed(2),
        formatRatio(o.perSecond / hello.perSecond),
        `${o.responses} × ${Object.keys(o.statusCodes).join('/')}`,
      ]),
    );
    const half = outcomes[4] as Outcome;
    recordFigure('report_vs_sign_and_log', report.perSecond / floor.perSecond);
    recordFigure('report_p99_ms_half_load', half.p99);
    const share = report.perSecond / floor.perSecond;
    console.log(
      `target (issue 21): ≥ 50% of sign-and-log: ${(100 * share).toFixed(1)}%, ${share >= 0.5 ? 'met' : 'NOT met'}; ` +
        `p99 < 20 ms at half of peak (evenly paced): ${half.p99.toFixed(1)} ms, ${half.p99 < 20 ? 'met' : 'NOT met'}`,
    );
    const ratio = report.perSecond / hello.perSecond;
    const verdict = ratio >= BAR ? 'meets' : 'MISSES';
    console.log(
      `verdict: the report path ${verdict} the bar of 1/3 of the bare route: ${formatRate(report.perSecond)}/s is ${(ratio * 100).toFixed(1)}% of ${formatRate(hello.perSecond)}/s (needs ≥ ${(BAR * 100).toFixed(1)}%)`,
    );
    console.log(
      `floor: signing plus one logged row alone keeps ${(100 * (floor.perSecond / hello.perSecond)).toFixed(1)}% of the bare route; the report path keeps ${(100 * (report.perSecond / floor.perSecond)).toFixed(1)}% of that floor`,
    );
    console.log(
      'note: the server and the load generator share this machine’s cores; each report also writes a report row and a query-log line to SQLite.',
    );
    printWhereTheTimeGoes(spent[2] as ServerStats, spent[3] as ServerStats, pacedSpent, half);
  } finally {
    await stopServer(child);
  }
}
