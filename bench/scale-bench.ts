/**
 * The scale benchmark (`npx tsx bench/run.ts scale`, not in the default run: 12 to 13 minutes here,
 * 10 of them building the district): a district of 700 000 residents with 7.15 M credit events and 14 M
 * ledger entries, built with raw inserts in a temporary folder, served by the real server (`src/node.ts`,
 * production mode) as a child process, next to the same district at 1% (7 000 residents, same
 * generator, same density per resident) as the baseline a read at scale is compared with.
 *
 * It samples the server's RSS while it serves reads, the red and black lists, a district rescore (the
 * API job, against the SQL aggregate over the same table) and signed reports, and deletes the folder
 * afterwards. Reads go to both servers in turn, one request each, so that a busy neighbour on the
 * machine slows both alike. Figures: scale_peak_rss_mb, scale_rescore_rss_mb, scale_lists_ms (median),
 * scale_read_p99_vs_demo (the worst read operation's p99 at scale over its p99 at 1%). Both servers run
 * with metrics on; for a read over 1.5× the bench prints what each server spent in SQL and in GC pauses
 * during its reads (from `GET /metrics`), and which of the two, or neither, the tail comes from.
 *
 * SCALE_FACTOR=0.1 builds a tenth of the district, for a quick pass.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createDistrict } from '../src/districts/districts.service.js';
import { createClient } from '../src/identity/clients.service.js';
import { nodeConfig } from '../src/node/config.js';
import { DATABASE_FILE, openNodeRuntime } from '../src/node/runtime.js';
import { chinaDate } from '../src/platform/clock.js';
import { newId } from '../src/platform/util/ids.js';
import { addDays, codePicker, EVENT_INSERT_SQL, naivePointsSql, RECORDER_AGENCY, RESIDENT_CODES, residentIdNumber } from './credit-fixtures.js';
import { recordFigure } from './figures.js';
import { printTable, prng } from './measure.js';
import { loadLedger } from './points-fixtures.js';

const DISTRICT = 'scale';
const FULL = { residents: 700_000, events: 7_150_000, ledger: 14_000_000 };
const SEED = 20261201;
/** Subjects each server is read about, chosen at random. */
const SAMPLE = 2000;
const READS_PER_OPERATION = Number(process.env.SCALE_READS ?? 1000);
const REPORTS = 200;

/** Lets the bench scrape each server's `GET /metrics` on its main port (32 printable characters at least). */
const METRICS_TOKEN = 'scale-bench-metrics-0123456789abcdef';

const seconds = (since: number) => (performance.now() - since) / 1000;
const mb = (bytes: number) => bytes / 1024 / 1024;

interface District {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  keys: { bureau: string; auditor: string; bank: string };
  bankClientId: string;
  sample: string[];
  consented: string[];
  size: { residents: number; events: number; ledger: number };
  buildSeconds: number;
}

// ---------------------------------------------------------------------------------------------------
// Building a district

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('ECO_') || k.startsWith('METRICS_') || ['NODE_ENV', 'PORT', 'HOST', 'DATA_DIR', 'PUBLIC_BASE_URL'].includes(k)) continue;
    env[k] = v;
  }
  // Metrics on: the bench reads each server's GC and SQL time around every operation's reads (see serverTime).
  return { ...env, NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', METRICS_TOKEN };
}

/** The events of `residents`, day by day over the 730 days before today, oldest first, secondary indexes built after. */
function loadEvents(raw: Database.Database, subjectIds: readonly string[], total: number, today: string, recorder: string): void {
  const indexes = raw
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'credit_events' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  // Unique constraints declared on columns are indexes without SQL (sqlite_autoindex): they stay, and are cheap.
  for (const ix of indexes) raw.exec(`DROP INDEX "${ix.name}"`);
  const days = 730;
  const rnd = prng(SEED + 1);
  const pick = codePicker(RESIDENT_CODES);
  const insert = raw.prepare(EVENT_INSERT_SQL);
  const insertDays = raw.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) {
      const occurredOn = addDays(today, d - days);
      const recordedAt = `${occurredOn}T10:00:00.000Z`;
      const at = new Date(recordedAt);
      for (let n = Math.floor((d * total) / days); n < Math.floor(((d + 1) * total) / days); n++) {
        const code = pick(rnd);
        insert.run(
          newId('evt', at),
          DISTRICT,
          subjectIds[Math.floor(rnd() * subjectIds.length)],
          code.code,
          occurredOn,
          null,
          recordedAt,
          recorder,
          RECORDER_AGENCY,
          `ev-${n}`,
          code.amounts ? JSON.stringify(code.amounts(rnd)) : '[]',
          null,
          null,
          null,
          'bench',
        );
      }
    }
  });
  const perTransaction = Math.max(1, Math.floor((days * 200_000) / Math.max(total, 1)));
  for (let d = 0; d < days; d += perTransaction) insertDays(d, Math.min(days, d + perTransaction));
  for (const ix of indexes) raw.exec(ix.sql);
}

async function buildDistrict(dataDir: string, size: District['size'], label: string): Promise<District> {
  const started = performance.now();
  const env = serverEnv(dataDir);
  // The service itself makes the district: secrets, rule sets, signing key and clients, as an operator would.
  const rt = await openNodeRuntime(nodeConfig(env), { log: () => {} });
  const now = rt.deps.clock.now();
  const ctx = {
    deps: rt.deps,
    principal: { type: 'client' as const, clientId: 'cli_bench', districtId: DISTRICT, role: 'bureau' as const, agency: null, name: 'bench' },
    districtId: DISTRICT,
    now,
  };
  await createDistrict(ctx, '规模测试区', rt.deps.shippedRules);
  const make = (role: 'bureau' | 'auditor' | 'bank' | 'recorder', agency?: string) =>
    createClient(rt.deps, { districtId: DISTRICT, name: `bench ${role} ${agency ?? ''}`, role, agency });
  const [bureau, auditor, bank, recorder, transit] = [
    await make('bureau'),
    await make('auditor'),
    await make('bank'),
    await make('recorder', RECORDER_AGENCY),
    await make('recorder', '交通委'),
  ];
  rt.close();

  const raw = new Database(join(dataDir, DATABASE_FILE));
  raw.pragma('journal_mode = WAL');
  // Setup only: the folder is thrown away, so the loader need not survive a power cut.
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -524288');
  raw.pragma('foreign_keys = OFF');
  const today = chinaDate(now);
  const created = new Date(Date.parse(`${addDays(today, -800)}T00:00:00Z`));
  const subjectIds: string[] = [];
  const insertSubject = raw.prepare(
    "INSERT INTO subjects (id, district_id, kind, lookup_hash, display_id, name, region_code, created_at, created_by) VALUES (?, ?, 'resident', ?, ?, ?, '310230', ?, 'cli_bench')",
  );
  raw.transaction(() => {
    for (let n = 0; n < size.residents; n++) {
      const at = new Date(created.getTime() + n);
      const id = newId('sub', at);
      const idNumber = residentIdNumber(n);
      subjectIds.push(id);
      insertSubject.run(id, DISTRICT, `bench:${n}`, `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`, `居民${n}`, at.toISOString());
    }
  })();
  let t = performance.now();
  loadEvents(raw, subjectIds, size.events, today, recorder.client.id);
  console.log(`  ${label}: ${size.events} events loaded and indexed in ${seconds(t).toFixed(0)} s`);
  t = performance.now();
  const catalogue = raw
    .prepare("SELECT rule_set_id AS id, hash FROM rule_set_versions WHERE district_id = ? AND kind = 'points-catalogue' AND status = 'published'")
    .get(DISTRICT) as { id: string; hash: string };
  // The 365 days before today (no lot has expired), in transactions of some 20 000 entries.
  loadLedger(raw, {
    districtId: DISTRICT,
    holderIds: subjectIds,
    entries: size.ledger,
    today,
    days: 365,
    rnd: prng(SEED + 2),
    recordedBy: transit.client.id,
    ruleSet: catalogue,
  });
  console.log(`  ${label}: ${size.ledger} ledger entries loaded and indexed in ${seconds(t).toFixed(0)} s`);

  // A sample to read about; some of it consented to the bank, some with an open objection.
  const rnd = prng(SEED + 3);
  const sample = Array.from({ length: Math.min(SAMPLE, subjectIds.length) }, () => subjectIds[Math.floor(rnd() * subjectIds.length)] as string);
  const consented = sample.slice(0, Math.min(REPORTS + 50, sample.length));
  const grantedAt = new Date(now.getTime() - 86_400_000).toISOString();
  const expiresAt = new Date(now.getTime() + 300 * 86_400_000).toISOString();
  const insertConsent = raw.prepare(
    'INSERT INTO consents (id, district_id, subject_id, bank_client_id, purpose, scopes, granted_at, expires_at, evidence) VALUES (?, ?, ?, ?, \'loan-application\', \'["credit","points-summary"]\', ?, ?, \'{"via":"bench"}\')',
  );
  const eventOf = raw.prepare('SELECT id FROM credit_events WHERE district_id = ? AND subject_id = ? LIMIT 1').pluck();
  const insertObjection = raw.prepare(
    "INSERT INTO objections (id, district_id, subject_id, event_id, statement, filed_at, due_on, status) VALUES (?, ?, ?, ?, '该记录有误', ?, ?, 'open')",
  );
  raw.transaction(() => {
    for (const id of new Set(consented)) insertConsent.run(newId('con', now), DISTRICT, id, bank.client.id, grantedAt, expiresAt);
    for (const id of new Set(sample.slice(-20))) {
      const eventId = eventOf.get(DISTRICT, id) as string | undefined;
      if (eventId) insertObjection.run(newId('obj', now), DISTRICT, id, eventId, grantedAt, addDays(today, 19));
    }
  })();
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  const file = join(dataDir, DATABASE_FILE);
  const buildSeconds = seconds(started);
  console.log(`  ${label}: built in ${buildSeconds.toFixed(0)} s; file ${(mb(statSync(file).size) / 1024).toFixed(2)} GB`);
  return {
    dataDir,
    env,
    keys: { bureau: bureau.apiKey, auditor: auditor.apiKey, bank: bank.apiKey },
    bankClientId: bank.client.id,
    sample,
    consented: [...new Set(consented)],
    size,
    buildSeconds,
  };
}

// ---------------------------------------------------------------------------------------------------
// The server, as a child process

interface Server {
  base: string;
  child: ChildProcess;
  rss(): number;
  stop(): Promise<void>;
}

function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return Number.NaN;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** The arguments of package.json's start script after `node`: the memory measured is the one operators get. */
function startArgs(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = (scripts.start ?? '').split(/\s+/);
  if (command !== 'node' || !args.includes('src/node.ts')) throw new Error(`npm start is no longer 'node … src/node.ts': ${scripts.start}`);
  return args;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  // What `npm start` runs (node itself, its flags, tsx as its loader), so that the pid is the server's own.
  const child = spawn(process.execPath, startArgs(), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start: ${out.slice(-2000)}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      // Request log lines are thrown away once it listens; only the start is kept for errors.
      if (out.length < 100_000) out += chunk.toString();
      const m = /on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1] && timer) {
        clearTimeout(timer);
        const pid = child.pid as number;
        resolve({
          base: m[1].replace('localhost', '127.0.0.1'),
          child,
          rss: () => rssOf(pid),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}: ${out.slice(-2000)}`));
    });
  });
}

/** Samples a server's RSS every 100 ms, keeping the peak overall and the peak since the last mark. */
function rssSampler(server: Server) {
  let peak = server.rss();
  let window = peak;
  const timer = setInterval(() => {
    const now = server.rss();
    peak = Math.max(peak, now);
    window = Math.max(window, now);
  }, 100);
  return {
    peak: () => peak,
    /** The peak since the last call. */
    window: () => {
      const w = Math.max(window, server.rss());
      window = server.rss();
      return w;
    },
    stop: () => clearInterval(timer),
  };
}

async function call(
  server: Server,
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; json: unknown; ms: number }> {
  const t = performance.now();
  const res = await fetch(server.base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const ms = performance.now() - t;
  return { status: res.status, json: text ? JSON.parse(text) : undefined, ms };
}

/** What a server has spent since it started, from its Prometheus counters: GC pauses and SQL statements. */
interface ServerTime {
  gcPauses: number;
  gcMajor: number;
  gcSeconds: number;
  statements: number;
  sqlSeconds: number;
}

async function serverTime(server: Server): Promise<ServerTime> {
  const res = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET /metrics: ${res.status} ${text.slice(0, 300)}`);
  // The sum over every label set of one series, from the exposition text's `name{labels} value` lines.
  const total = (name: string, labels = '') => {
    let sum = 0;
    for (const line of text.split('\n')) {
      if (!line.startsWith(name) || line[name.length] === '_' || !line.includes(labels)) continue;
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return sum;
  };
  return {
    gcPauses: total('nodejs_gc_duration_seconds_count'),
    gcMajor: total('nodejs_gc_duration_seconds_count', 'kind="major"'),
    gcSeconds: total('nodejs_gc_duration_seconds_sum'),
    statements: total('eco_db_query_duration_seconds_count'),
    sqlSeconds: total('eco_db_query_duration_seconds_sum'),
  };
}

const spentBetween = (before: ServerTime, after: ServerTime): ServerTime => ({
  gcPauses: after.gcPauses - before.gcPauses,
  gcMajor: after.gcMajor - before.gcMajor,
  gcSeconds: after.gcSeconds - before.gcSeconds,
  statements: after.statements - before.statements,
  sqlSeconds: after.sqlSeconds - before.sqlSeconds,
});

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

// ---------------------------------------------------------------------------------------------------
// The run

type Read = [operationId: string, request: (d: District, subject: string) => [path: string, key: string]];

function reads(month: string): Read[] {
  const at = (p: string) => `/v1/districts/${DISTRICT}${p}`;
  return [
    ['getDistrict', (d) => [at(''), d.keys.auditor]],
    ['listSubjects', (d, s) => [at(`/subjects?limit=50&cursor=${s}`), d.keys.bureau]],
    ['getSubject', (d, s) => [at(`/subjects/${s}`), d.keys.bureau]],
    ['listCreditEvents', (d, s) => [at(`/subjects/${s}/credit-events`), d.keys.bureau]],
    ['getCreditScore', (d, s) => [at(`/subjects/${s}/credit-score`), d.keys.bureau]],
    ['listObjections', (d) => [at('/objections?status=open'), d.keys.bureau]],
    ['getPointsAccount', (d, s) => [at(`/subjects/${s}/points`), d.keys.bureau]],
    ['getPointsBalance', (d, s) => [at(`/subjects/${s}/points/balance`), d.keys.bureau]],
    ['listPointsLedger', (d, s) => [at(`/subjects/${s}/points/ledger`), d.keys.bureau]],
    ['listPointsSources', (d, s) => [at(`/subjects/${s}/points/sources`), d.keys.bureau]],
    ['getPointsStatistics', (d) => [at(`/points/statistics?from=${month}&to=${month}`), d.keys.bureau]],
    ['getPointsCatalogue', (d) => [at('/points/catalogue'), d.keys.bureau]],
    ['listBenefits', (d) => [at('/benefits'), d.keys.bureau]],
    ['listConsents', (d) => [at('/consents'), d.keys.bank]],
    ['listQueryLog', (d, s) => [at(`/query-log?subjectId=${s}`), d.keys.auditor]],
    ['listRescoreJobs', (d) => [at('/rescore-jobs'), d.keys.auditor]],
  ];
}

/**
 * For each read whose p99 at scale is over 1.5× the 1% district's: what each server spent during its
 * 1 000 reads, from its own counters, so that the output says whether the tail is the SQL (the district's
 * size reaching the query), the garbage collector (the bigger process), or neither (the machine).
 */
function printWhyReadsMiss(
  spent: ReadonlyArray<{ operationId: string; ratio: number; p99: { one: number; scale: number }; one: ServerTime; scale: ServerTime }>,
): void {
  const perRead = (seconds: number) => ((1e6 * seconds) / READS_PER_OPERATION).toFixed(0);
  const over = spent.filter((s) => s.ratio > 1.5);
  if (over.length === 0) return;
  for (const s of over) {
    const sqlRatio = s.scale.sqlSeconds / Math.max(1e-9, s.one.sqlSeconds);
    const gcExtraMs = 1000 * (s.scale.gcSeconds - s.one.gcSeconds);
    const tailMs = s.p99.scale - s.p99.one;
    const cause =
      sqlRatio > 1.5
        ? 'SQL: its statements take longer on the bigger district; a query or index whose cost does not grow with the district would reach it'
        : gcExtraMs >= tailMs
          ? 'GC: the server at scale paused longer for its garbage collector than the tail it added, while its SQL took no longer; fewer allocations a read, or a smaller heap, would reach it'
          : 'neither SQL nor GC: the two servers spent alike, so the tail is the machine’s (scheduling, the page cache of the bigger file), and a quieter or larger machine would reach it';
    console.log(
      `why ${s.operationId} misses (p99 ${s.p99.scale.toFixed(1)} against ${s.p99.one.toFixed(1)} ms, ${tailMs.toFixed(1)} ms more): ` +
        `SQL ${perRead(s.scale.sqlSeconds)} µs a read at scale against ${perRead(s.one.sqlSeconds)} µs at 1% ` +
        `(${(s.scale.statements / READS_PER_OPERATION).toFixed(1)} and ${(s.one.statements / READS_PER_OPERATION).toFixed(1)} statements); ` +
        `GC ${s.scale.gcPauses} pauses (${s.scale.gcMajor} full) totalling ${(1000 * s.scale.gcSeconds).toFixed(1)} ms against ${s.one.gcPauses} ` +
        `(${s.one.gcMajor} full) totalling ${(1000 * s.one.gcSeconds).toFixed(1)} ms. The cause: ${cause}`,
    );
  }
}

export async function scaleBenchmark(): Promise<void> {
  const factor = Number(process.env.SCALE_FACTOR ?? 1);
  const big = {
    residents: Math.round(FULL.residents * factor),
    events: Math.round(FULL.events * factor),
    ledger: Math.round(FULL.ledger * factor),
  };
  const small = { residents: Math.round(big.residents / 100), events: Math.round(big.events / 100), ledger: Math.round(big.ledger / 100) };
  const started = performance.now();
  console.log(
    `\n== A district at scale: ${big.residents} residents, ${big.events} events, ${big.ledger} ledger entries, served by the real server; ` +
      `baseline: the same district at 1% (${small.residents} residents) ==`,
  );
  const root = mkdtempSync(join(tmpdir(), 'scale-bench-'));
  const servers: Server[] = [];
  try {
    const atScale = await buildDistrict(join(root, 'scale'), big, `${big.residents} residents`);
    const atOne = await buildDistrict(join(root, 'one-percent'), small, `${small.residents} residents`);

    // ---- the SQL aggregate over the big district's events, for the rescore's ratio (P3 at scale)
    const points = naivePointsSql();
    const reader = new Database(join(atScale.dataDir, DATABASE_FILE), { readonly: true });
    const from12m = addDays(chinaDate(new Date()), -365);
    const aggregate = reader.prepare(
      `SELECT subject_id, count(*) AS events, sum(${points}) AS points, sum(CASE WHEN occurred_on > ? THEN ${points} ELSE 0 END) AS points_12m
       FROM credit_events WHERE district_id = ? GROUP BY subject_id`,
    );
    aggregate.all(from12m, DISTRICT);
    let t = performance.now();
    const aggregated = aggregate.all(from12m, DISTRICT) as Array<{ events: number }>;
    const sqlSeconds = seconds(t);
    reader.close();
    const sqlEvents = aggregated.reduce((s, r) => s + r.events, 0);
    if (sqlEvents !== big.events) throw new Error(`the aggregate counts ${sqlEvents} events, ${big.events} were loaded`);

    // ---- both servers
    const one = await startServer(atOne.env);
    servers.push(one);
    const scale = await startServer(atScale.env);
    servers.push(scale);
    const rss = rssSampler(scale);
    const idleRss = scale.rss();
    console.log(`  servers listening; the server at scale holds ${mb(idleRss).toFixed(0)} MB at rest`);

    // ---- reads: one request to each server in turn, the same operation and a random sampled subject
    const month = chinaDate(new Date()).slice(0, 7);
    const rnd = prng(SEED + 4);
    const rows: string[][] = [];
    let worst = { operationId: '', ratio: 0 };
    const spent: Array<{ operationId: string; ratio: number; p99: { one: number; scale: number }; one: ServerTime; scale: ServerTime }> = [];
    for (const [operationId, request] of reads(month)) {
      const latencies = { one: [] as number[], scale: [] as number[] };
      let before: { one: ServerTime; scale: ServerTime } | undefined;
      for (let i = -20; i < READS_PER_OPERATION; i++) {
        if (i === 0) before = { one: await serverTime(one), scale: await serverTime(scale) };
        for (const [name, server, district] of [
          ['one', one, atOne],
          ['scale', scale, atScale],
        ] as const) {
          const subject = district.sample[Math.floor(rnd() * district.sample.length)] as string;
          const [path, key] = request(district, subject);
          const res = await call(server, 'GET', path, key);
          if (res.status !== 200) throw new Error(`${operationId} at ${name}: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
          if (i >= 0) latencies[name].push(res.ms);
        }
      }
      const after = { one: await serverTime(one), scale: await serverTime(scale) };
      const p = (xs: number[], q: number) => quantile(xs, q);
      const ratio = p(latencies.scale, 0.99) / p(latencies.one, 0.99);
      if (ratio > worst.ratio) worst = { operationId, ratio };
      if (before) {
        spent.push({
          operationId,
          ratio,
          p99: { one: p(latencies.one, 0.99), scale: p(latencies.scale, 0.99) },
          one: spentBetween(before.one, after.one),
          scale: spentBetween(before.scale, after.scale),
        });
      }
      rows.push([
        operationId,
        p(latencies.one, 0.5).toFixed(1),
        p(latencies.one, 0.99).toFixed(1),
        p(latencies.scale, 0.5).toFixed(1),
        p(latencies.scale, 0.99).toFixed(1),
        `${ratio.toFixed(2)}x`,
      ]);
    }
    const readsRss = rss.window();
    console.log('');
    printTable(['read (HTTP, one in flight, ms)', 'p50 at 1%', 'p99 at 1%', 'p50 at scale', 'p99 at scale', 'p99 scale / 1%'], rows);
    recordFigure('scale_read_p99_vs_demo', worst.ratio);
    console.log(`worst p99 ratio: ${worst.ratio.toFixed(2)}x (${worst.operationId}; target <= 1.5x)`);
    printWhyReadsMiss(spent);

    // ---- the red and black lists
    const lists: number[] = [];
    let listed = 0;
    for (let i = -3; i < 30; i++) {
      const res = await call(scale, 'GET', `/v1/districts/${DISTRICT}/credit-lists`, atScale.keys.auditor);
      if (res.status !== 200) throw new Error(`listCreditLists: ${res.status}`);
      listed = (res.json as { items: unknown[] }).items.length;
      if (i >= 0) lists.push(res.ms);
    }
    recordFigure('scale_lists_ms', quantile(lists, 0.5));
    console.log(
      `listCreditLists at scale: ${listed} subjects listed; median ${quantile(lists, 0.5).toFixed(1)} ms, p99 ${quantile(lists, 0.99).toFixed(1)} ms (target < 50 ms)`,
    );
    const listsRss = rss.window();

    // ---- a district rescore through the API
    t = performance.now();
    const startedJob = await call(scale, 'POST', `/v1/districts/${DISTRICT}/rescore-jobs`, atScale.keys.bureau, {});
    if (startedJob.status !== 202) throw new Error(`startRescore: ${startedJob.status} ${JSON.stringify(startedJob.json)}`);
    const jobId = (startedJob.json as { id: string }).id;
    let job: { status: string; progress: { subjectsDone: number; eventsDone: number }; results: Array<{ grades: Record<string, number> }> };
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      job = (await call(scale, 'GET', `/v1/districts/${DISTRICT}/rescore-jobs/${jobId}`, atScale.keys.auditor)).json as typeof job;
      if (job.status !== 'running') break;
    }
    const rescoreSeconds = seconds(t);
    const rescoreRss = rss.window();
    if (job.status !== 'done' || job.progress.subjectsDone !== big.residents || job.progress.eventsDone !== big.events) {
      throw new Error(`the rescore ended ${job.status} with ${job.progress.subjectsDone} subjects and ${job.progress.eventsDone} events`);
    }
    recordFigure('scale_rescore_rss_mb', mb(rescoreRss));
    console.log(
      `rescore job at scale: ${job.progress.subjectsDone} subjects, ${job.progress.eventsDone} events in ${rescoreSeconds.toFixed(1)} s, ` +
        `${(rescoreSeconds / sqlSeconds).toFixed(2)}x the SQL aggregate over the same table (${sqlSeconds.toFixed(1)} s; target <= 2x); ` +
        `server RSS peak ${mb(rescoreRss).toFixed(0)} MB during it (target < 256 MB)`,
    );

    // ---- the same rescore from the CLI, in a process of its own (an operator's run, with the server up)
    const cli = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'credit', 'rescore', '--district', DISTRICT, '--json'], {
      env: atScale.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let cliOut = '';
    cli.stdout?.on('data', (c: Buffer) => {
      cliOut += c.toString();
    });
    let cliPeak = 0;
    const cliTimer = setInterval(() => {
      const r = rssOf(cli.pid as number);
      if (Number.isFinite(r)) cliPeak = Math.max(cliPeak, r);
    }, 100);
    t = performance.now();
    const cliCode = await new Promise<number | null>((done) => cli.once('exit', done));
    clearInterval(cliTimer);
    const cliSeconds = seconds(t);
    if (cliCode !== 0) throw new Error(`credit rescore exited with ${cliCode}: ${cliOut.slice(-500)}`);
    const cliJob = JSON.parse(cliOut) as { subjectsDone: number; results: unknown };
    if (cliJob.subjectsDone !== big.residents || JSON.stringify(cliJob.results) !== JSON.stringify(job.results)) {
      throw new Error('the CLI rescore and the API job disagree');
    }
    console.log(
      `the same rescore from the CLI (npm run cli -- credit rescore), a process of its own: ${cliSeconds.toFixed(1)} s including its start, peak RSS ${mb(cliPeak).toFixed(0)} MB; the same grades as the job`,
    );

    // ---- signed reports for consented residents
    const reportMs: number[] = [];
    t = performance.now();
    for (let i = 0; i < REPORTS; i++) {
      const subjectId = atScale.consented[i % atScale.consented.length] as string;
      const res = await call(scale, 'POST', `/v1/districts/${DISTRICT}/reports`, atScale.keys.bank, {
        subjectId,
        purpose: 'loan-application',
        scopes: ['credit', 'points-summary'],
      });
      if (res.status !== 201) throw new Error(`issueCreditReport: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
      reportMs.push(res.ms);
    }
    const reportsRss = rss.window();
    console.log(
      `signed reports at scale: ${REPORTS} in ${seconds(t).toFixed(1)} s, p50 ${quantile(reportMs, 0.5).toFixed(1)} ms, p99 ${quantile(reportMs, 0.99).toFixed(1)} ms`,
    );
    rss.stop();
    recordFigure('scale_peak_rss_mb', mb(rss.peak()));
    console.log(
      `server RSS at scale: ${mb(idleRss).toFixed(0)} MB at rest; peak ${mb(readsRss).toFixed(0)} MB over the reads, ${mb(listsRss).toFixed(0)} MB over the lists, ` +
        `${mb(rescoreRss).toFixed(0)} MB over the rescore, ${mb(reportsRss).toFixed(0)} MB over the reports; ${mb(rss.peak()).toFixed(0)} MB overall`,
    );
    console.log(
      `scale run: ${seconds(started).toFixed(0)} s in all (building: ${atScale.buildSeconds.toFixed(0)} s at scale, ${atOne.buildSeconds.toFixed(0)} s at 1%)`,
    );
  } finally {
    for (const s of servers) await s.stop();
    if (process.env.SCALE_KEEP) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}
