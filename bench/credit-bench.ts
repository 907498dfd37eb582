/**
 * The credit benchmark: credit files on a database file (WAL, as in production), `tsx bench/run.ts credit`.
 * 1. Events recorded per second through the batch API (POST …/credit-events, 10 000 a request, through
 *    app.request() with a 生态环境局 recorder's key, residents named by ID number, each line with an
 *    external id as a bulk import sends it; the system clock, so event ids are time-ordered as in
 *    production) against raw prepared inserts of the very same rows into a fresh file.
 * 2. Rescoring a whole district with rescoreDistrict against a plain SQL aggregate over the same table,
 *    with the rescore's own queries run raw in between to show how much of its time is SQLite's.
 * Figures are compared only within this run; each pair checks that both sides saw the same rows. */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { createApp } from '../src/app.js';
import { MAX_BATCH } from '../src/credit/events.service.js';
import { type RescoreSummary, rescoreDistrict } from '../src/credit/rescore.service.js';
import { createDistrict } from '../src/districts/districts.service.js';
import { createClient } from '../src/identity/clients.service.js';
import { chinaDate, fixedClock, systemClock } from '../src/platform/clock.js';
import type { ServiceContext } from '../src/platform/context.js';
import { creditEvents, objections, subjects } from '../src/platform/db/schema.js';
import { openSqliteStorage } from '../src/platform/db/sqlite-node.js';
import type { AppDeps } from '../src/platform/deps.js';
import { newId } from '../src/platform/util/ids.js';
import {
  addDays,
  benchDeps,
  codePicker,
  EVENT_COLUMNS_SQL,
  EVENT_INSERT_SQL,
  naivePointsSql,
  RECORDER_AGENCY,
  RECORDER_CODES,
  RESIDENT_CODES,
  residentIdNumber,
  tunePragmas,
} from './credit-fixtures.js';
import { DEFAULT_BUDGET_MS, formatRate, formatRatio, printTable, prng } from './measure.js';

const DISTRICT = 'bench';
const SEED = 20261124;
/** The rescore's as-of instant; the generated files end the day before. */
const AS_OF = '2026-11-24T02:00:00Z';
/** Above this projected rescore time the district is shrunk, so the benchmark stays a few minutes long. */
const RESCORE_LIMIT_S = 150;
/**
 * BENCH_MS below the default 2000 marks a smoke run: the sizes shrink in proportion, and say so.
 * Full runs use 10 batches of 10 000 events and a district of 100 000 residents with 2 000 000 events.
 */
const SCALE = Math.max(0.02, Math.min(1, DEFAULT_BUDGET_MS / 2000));

export class MismatchError extends Error {}

export async function creditBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'credit-bench-'));
  try {
    if (SCALE < 1) console.log(`\n(smoke run: BENCH_MS=${DEFAULT_BUDGET_MS} < 2000 scales the credit benchmark's sizes by ${SCALE})`);
    await recordingPair(dir);
    if (!process.env.BENCH_SKIP_RESCORE) await rescorePair(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bureauContext(deps: AppDeps, now: Date): ServiceContext {
  return {
    deps,
    principal: { type: 'client', clientId: 'cli_bench', districtId: DISTRICT, role: 'bureau', agency: null, name: 'bench' },
    districtId: DISTRICT,
    now,
  };
}

const seconds = (since: number) => (performance.now() - since) / 1000;

function fileSize(path: string): string {
  const mb = (p: string) => (existsSync(p) ? statSync(p).size / 1024 / 1024 : 0);
  return `${mb(path).toFixed(0)} MB + WAL ${mb(`${path}-wal`).toFixed(0)} MB`;
}

// ---------------------------------------------------------------------------------------------------
// Pair 1: recording

async function recordingPair(dir: string): Promise<void> {
  const batchSize = MAX_BATCH;
  const batches = Math.max(1, Math.round(10 * SCALE));
  const residents = 1000;
  const total = batches * batchSize;
  console.log(
    `\n== Credit events recorded: ${batches} batches of ${batchSize} (${total} events, plus one warm-up batch per side), ${residents} residents ==`,
  );

  // ---- the API side: the app on a file database, a bureau and a 生态环境局 recorder
  const apiPath = join(dir, 'record-api.sqlite');
  const storage = openSqliteStorage(apiPath);
  const deps = benchDeps(storage, systemClock);
  await createDistrict(bureauContext(deps, systemClock.now()), '上海市崇明区', deps.shippedRules);
  const bureau = await createClient(deps, { districtId: DISTRICT, name: 'bench bureau', role: 'bureau' });
  const recorder = await createClient(deps, { districtId: DISTRICT, name: 'bench recorder', role: 'recorder', agency: RECORDER_AGENCY });
  const app = createApp(deps);
  // With its Content-Length, as every HTTP client sends it: without one, the body-limit middleware has to
  // read and count the whole body itself, which no request over the network makes it do.
  const post = async (path: string, key: string, body: string) => {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const res = await app.request(path, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };

  let t = performance.now();
  for (let n = 0; n < residents; n++) {
    const res = await post(
      `/v1/districts/${DISTRICT}/subjects`,
      bureau.apiKey,
      JSON.stringify({ kind: 'resident', idNumber: residentIdNumber(n), name: `居民${n}` }),
    );
    if (res.status !== 201) throw new Error(`registering resident ${n} failed: ${res.status} ${res.text}`);
  }
  console.log(`setup: ${residents} residents registered through the API in ${seconds(t).toFixed(2)} s`);

  // Agencies know residents by ID number, and a bulk import sends an external id with every line.
  const today = chinaDate(systemClock.now());
  const rnd = prng(SEED);
  const pick = codePicker(RECORDER_CODES);
  const bodies: string[] = [];
  for (let b = 0; b <= batches; b++) {
    const events = Array.from({ length: batchSize }, (_, i) => {
      const code = pick(rnd);
      const occurredOn = addDays(today, -1 - Math.floor(rnd() * 730));
      return {
        subject: { kind: 'resident', idNumber: residentIdNumber(Math.floor(rnd() * residents)) },
        code: code.code,
        occurredOn,
        evidence: `沪崇环〔${occurredOn.slice(0, 4)}〕${b * batchSize + i}号`,
        ...(code.amounts ? { amounts: code.amounts(rnd) } : {}),
        externalId: `bench-${b}-${i}`,
      };
    });
    bodies.push(JSON.stringify({ events }));
  }
  const path = `/v1/districts/${DISTRICT}/credit-events`;
  const checkBatch = (res: { status: number; text: string }, b: number) => {
    if (res.status !== 201) throw new Error(`batch ${b} failed: ${res.status} ${res.text.slice(0, 500)}`);
    const recorded = (JSON.parse(res.text) as { recorded: number }).recorded;
    if (recorded !== batchSize) throw new MismatchError(`batch ${b}: the API recorded ${recorded} of ${batchSize} events`);
  };

  // ---- the raw side: a fresh file with the same migrations, the same subjects and the very same event rows
  const rawPath = join(dir, 'record-raw.sqlite');
  openSqliteStorage(rawPath).close();
  const raw = tunePragmas(new Database(rawPath));
  raw.prepare('ATTACH DATABASE ? AS src').run(apiPath);
  raw.exec('INSERT INTO main.districts SELECT * FROM src.districts; INSERT INTO main.subjects SELECT * FROM src.subjects;');
  const recordedSince = raw.prepare(`SELECT ${EVENT_COLUMNS_SQL} FROM src.credit_events WHERE seq > ? ORDER BY seq`).raw();
  const lastSeq = raw.prepare('SELECT coalesce(max(seq), 0) FROM src.credit_events').pluck();
  const insert = raw.prepare(EVENT_INSERT_SQL);
  const insertAll = raw.transaction((chunk: unknown[][]) => {
    for (const row of chunk) insert.run(row);
  });

  // Batch by batch, each API batch followed by the raw insert of the rows it wrote (read back untimed), so
  // that a busy neighbour on a shared machine slows both sides alike. Batch 0 warms both up, untimed.
  const apiBatchMs: number[] = [];
  const rawBatchMs: number[] = [];
  let copied = 0;
  for (let b = 0; b <= batches; b++) {
    const since = lastSeq.get() as number;
    t = performance.now();
    const answer = await post(path, recorder.apiKey, bodies[b] as string);
    if (b > 0) apiBatchMs.push(performance.now() - t);
    checkBatch(answer, b);
    const rows = recordedSince.all(since) as unknown[][];
    if (rows.length !== batchSize) throw new MismatchError(`batch ${b}: the API database gained ${rows.length} events, expected ${batchSize}`);
    t = performance.now();
    insertAll(rows);
    if (b > 0) rawBatchMs.push(performance.now() - t);
    copied += rows.length;
  }
  const sum = (ms: number[]) => ms.reduce((a, x) => a + x, 0) / 1000;
  const apiSeconds = sum(apiBatchMs);
  const rawSeconds = sum(rawBatchMs);
  const rawCount = raw.prepare('SELECT count(*) FROM main.credit_events').pluck().get() as number;
  raw.exec('DETACH DATABASE src');
  raw.close();
  storage.close();
  if (rawCount !== copied) throw new MismatchError(`raw side holds ${rawCount} events, the API side ${copied}`);

  const apiRate = total / apiSeconds;
  const rawRate = total / rawSeconds;
  const spread = (ms: number[]) => `${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)}`;
  console.log('');
  printTable(
    ['form', 'events', 'seconds', 'events/s', 'ms/batch (min-max)', 'vs raw'],
    [
      [
        'raw better-sqlite3: prepared INSERT, 1 transaction per batch (baseline)',
        String(total),
        rawSeconds.toFixed(2),
        formatRate(rawRate),
        spread(rawBatchMs),
        '1.00x',
      ],
      [
        'API: POST credit-events, app.request(), by ID number + externalId',
        String(total),
        apiSeconds.toFixed(2),
        formatRate(apiRate),
        spread(apiBatchMs),
        formatRatio(apiRate / rawRate),
      ],
    ],
  );
  console.log(
    `ratio API / raw: ${(apiRate / rawRate).toFixed(3)} (${formatRatio(apiRate / rawRate)}); database files: API ${fileSize(apiPath)}, raw ${fileSize(rawPath)}`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Pair 2: rescoring a district

interface RescoreDb {
  path: string;
  ctx: ServiceContext;
  raw: Database.Database;
  close(): void;
}

/** A district of `residents` residents holding `events` events over the two years before AS_OF, loaded raw. */
async function buildRescoreDb(path: string, residents: number, events: number): Promise<RescoreDb> {
  const storage = openSqliteStorage(path);
  const clock = fixedClock(AS_OF);
  const deps = benchDeps(storage, clock);
  const ctx = bureauContext(deps, clock.now());
  await createDistrict(ctx, '上海市崇明区', deps.shippedRules);
  // Setup only: a loader connection with a large page cache and big transactions loads about twice as fast;
  // the measured connections keep SQLite's default cache, as the app's does.
  const loader = tunePragmas(new Database(path));
  loader.pragma('cache_size = -262144');

  const createdFrom = Date.parse(AS_OF) - 3 * 365 * 86_400_000;
  const subjectIds: string[] = [];
  const insertSubject = loader.prepare(
    'INSERT INTO subjects (id, district_id, kind, lookup_hash, display_id, name, region_code, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  loader.transaction(() => {
    for (let n = 0; n < residents; n++) {
      const created = new Date(createdFrom + n * 1000);
      const id = newId('sub', created);
      const idNumber = residentIdNumber(n);
      subjectIds.push(id);
      insertSubject.run(
        id,
        DISTRICT,
        'resident',
        `bench:${n}`,
        `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
        null,
        '310230',
        created.toISOString(),
        'cli_bench',
      );
    }
  })();

  // Day by day, oldest first, as agencies would have recorded them: seq follows time.
  const asOfDate = chinaDate(new Date(AS_OF));
  const days = 730;
  const rnd = prng(SEED + 1);
  const pick = codePicker(RESIDENT_CODES);
  const insert = loader.prepare(EVENT_INSERT_SQL);
  const insertDays = loader.transaction((fromDay: number, toDay: number) => {
    for (let d = fromDay; d < toDay; d++) {
      const occurredOn = addDays(asOfDate, d - days);
      const recordedAt = `${occurredOn}T10:00:00.000Z`;
      const from = Math.floor((d * events) / days);
      const to = Math.floor(((d + 1) * events) / days);
      for (let n = from; n < to; n++) {
        const code = pick(rnd);
        const subjectId = subjectIds[Math.floor(rnd() * residents)] as string;
        const amounts = code.amounts ? JSON.stringify(code.amounts(rnd)) : '[]';
        insert.run(
          `evt_${n}`,
          DISTRICT,
          subjectId,
          code.code,
          occurredOn,
          null,
          recordedAt,
          'cli_bench',
          RECORDER_AGENCY,
          `ev-${n}`,
          amounts,
          null,
          null,
          null,
          'bench',
        );
      }
    }
  });
  const daysPerTransaction = Math.max(1, Math.floor((days * 100_000) / Math.max(events, 1)));
  for (let d = 0; d < days; d += daysPerTransaction) insertDays(d, Math.min(days, d + daysPerTransaction));
  // Leave the file as a production database at rest: the WAL folded back in and empty.
  loader.pragma('wal_checkpoint(TRUNCATE)');
  loader.close();
  const raw = tunePragmas(new Database(path));
  return {
    path,
    ctx,
    raw,
    close: () => {
      raw.close();
      storage.close();
    },
  };
}

/**
 * The SQL rescoreDistrict issues for each page (a page of subjects, then their events in file order and
 * their objections), built with the same drizzle calls as rescore.service.ts so the text is identical,
 * then run through raw better-sqlite3 with rows as arrays and nothing else done with them.
 */
function pageQueriesAlone(db: RescoreDb, pageSize = 1000): { subjects: number; events: number; plan: string[] } {
  const orm = db.ctx.deps.storage.db;
  const run = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql, params } = query.toSQL();
    return db.raw
      .prepare(sql)
      .raw(true)
      .all(...params) as unknown[][];
  };
  const eventsQuery = (ids: string[]) =>
    orm
      .select()
      .from(creditEvents)
      .where(and(eq(creditEvents.districtId, DISTRICT), inArray(creditEvents.subjectId, ids)))
      .orderBy(asc(creditEvents.subjectId), asc(creditEvents.seq));
  let subjectCount = 0;
  let events = 0;
  let plan: string[] = [];
  let after = '';
  for (;;) {
    const page = run(
      orm
        .select({ id: subjects.id, kind: subjects.kind })
        .from(subjects)
        .where(and(eq(subjects.districtId, DISTRICT), gt(subjects.id, after)))
        .orderBy(asc(subjects.id))
        .limit(pageSize),
    );
    if (page.length === 0) break;
    const ids = page.map((row) => row[0] as string);
    after = ids[ids.length - 1] as string;
    events += run(eventsQuery(ids)).length;
    run(
      orm
        .select()
        .from(objections)
        .where(and(eq(objections.districtId, DISTRICT), inArray(objections.subjectId, ids))),
    );
    subjectCount += page.length;
    if (plan.length === 0) {
      const { sql, params } = eventsQuery(ids).toSQL();
      plan = (db.raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
    }
  }
  return { subjects: subjectCount, events, plan };
}

interface RescoreRun {
  summary: RescoreSummary;
  seconds: number;
  rssBefore: number;
  rssPeak: number;
}

async function timedRescore(ctx: ServiceContext): Promise<RescoreRun> {
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  let scored = 0;
  // better-sqlite3 answers synchronously, so a timer may rarely fire during the run: sample from the callback too.
  const timer = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  }, 25);
  try {
    const t = performance.now();
    const summary = await rescoreDistrict(ctx, {
      asOf: new Date(AS_OF),
      onScore: () => {
        if (++scored % 250 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
      },
    });
    const s = seconds(t);
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    return { summary, seconds: s, rssBefore, rssPeak };
  } finally {
    clearInterval(timer);
  }
}

async function rescorePair(dir: string): Promise<void> {
  const wanted = { residents: Math.round(100_000 * SCALE), events: Math.round(2_000_000 * SCALE) };
  console.log(`\n== Rescoring a district: rescoreDistrict against a plain SQL aggregate over credit_events ==`);

  // A pilot district of 1% decides whether the full size fits the time limit; it is not a result.
  const pilotResidents = Math.max(100, Math.round(wanted.residents / 100));
  const pilotEvents = Math.round((pilotResidents * wanted.events) / wanted.residents);
  const pilot = await buildRescoreDb(join(dir, 'pilot.sqlite'), pilotResidents, pilotEvents);
  const pilotRun = await timedRescore(pilot.ctx);
  pilot.close();
  const projected = (pilotRun.seconds * wanted.events) / pilotEvents;
  let size = wanted;
  if (projected > RESCORE_LIMIT_S) {
    const residents = Math.max(1000, Math.floor((wanted.residents * RESCORE_LIMIT_S) / projected / 1000) * 1000);
    size = { residents, events: Math.round((residents * wanted.events) / wanted.residents) };
    console.log(
      `NOTE: ${wanted.residents} residents / ${wanted.events} events would take too long to rescore here ` +
        `(a ${pilotResidents}-resident pilot ran at ${formatRate(pilotEvents / pilotRun.seconds)} events/s); measuring ${size.residents} residents / ${size.events} events instead`,
    );
  }

  const path = join(dir, 'rescore.sqlite');
  let t = performance.now();
  const db = await buildRescoreDb(path, size.residents, size.events);
  const loadSeconds = seconds(t);
  console.log(
    `setup: ${size.residents} residents, ${size.events} events (${RESIDENT_CODES.length} resident codes, 730 days before ${AS_OF.slice(0, 10)}) ` +
      `loaded raw in ${loadSeconds.toFixed(1)} s (${formatRate(size.events / loadSeconds)} rows/s); file ${fileSize(path)}`,
  );

  try {
    // ---- the baseline: one aggregate a naive SQL report would run (count, list points, points of the last 12 months)
    const points = naivePointsSql();
    const from12m = addDays(chinaDate(new Date(AS_OF)), -365);
    const aggregate = db.raw.prepare(
      `SELECT subject_id, count(*) AS events, sum(${points}) AS points, sum(CASE WHEN occurred_on > ? THEN ${points} ELSE 0 END) AS points_12m
       FROM credit_events WHERE district_id = ? GROUP BY subject_id`,
    );
    const plan = (db.raw.prepare(`EXPLAIN QUERY PLAN ${aggregate.source}`).all(from12m, DISTRICT) as Array<{ detail: string }>).map((r) => r.detail);
    aggregate.all(from12m, DISTRICT); // warm the page cache, so neither side pays for the first read
    const sqlRuns: number[] = [];
    let aggregated: Array<{ subject_id: string; events: number }> = [];
    const sqlStart = performance.now();
    do {
      t = performance.now();
      aggregated = aggregate.all(from12m, DISTRICT) as typeof aggregated;
      sqlRuns.push(seconds(t));
    } while (performance.now() - sqlStart < DEFAULT_BUDGET_MS);
    const sqlSeconds = Math.min(...sqlRuns);

    // ---- where the rescore's time goes: the SQL it issues, alone
    t = performance.now();
    const alone = pageQueriesAlone(db);
    const aloneSeconds = seconds(t);

    // ---- rescoreDistrict, once
    const run = await timedRescore(db.ctx);
    const { summary } = run;

    const sqlEvents = aggregated.reduce((sum, r) => sum + r.events, 0);
    if (summary.subjects !== size.residents || summary.events !== size.events || sqlEvents !== size.events || alone.events !== size.events) {
      throw new MismatchError(
        `rescore saw ${summary.subjects} subjects / ${summary.events} events, SQL ${aggregated.length} subjects / ${sqlEvents} events, ` +
          `its page queries alone ${alone.subjects} / ${alone.events}, loaded ${size.residents} / ${size.events}`,
      );
    }

    console.log('');
    printTable(
      ['form', 'subjects', 'events', 'seconds', 'events/s', 'vs SQL'],
      [
        [
          `plain SQL aggregate, GROUP BY subject_id (baseline; best of ${sqlRuns.length})`,
          String(aggregated.length),
          String(sqlEvents),
          sqlSeconds.toFixed(2),
          formatRate(sqlEvents / sqlSeconds),
          '1.00x',
        ],
        [
          "rescoreDistrict's own page queries alone: same SQL, raw better-sqlite3, rows as arrays, no scoring",
          String(alone.subjects),
          String(alone.events),
          aloneSeconds.toFixed(2),
          formatRate(alone.events / aloneSeconds),
          formatRatio(sqlSeconds / aloneSeconds),
        ],
        [
          'rescoreDistrict (drizzle pages of 1000 subjects + computeCreditScore)',
          String(summary.subjects),
          String(summary.events),
          run.seconds.toFixed(2),
          formatRate(summary.events / run.seconds),
          formatRatio(sqlSeconds / run.seconds),
        ],
      ],
    );
    console.log(`ratio rescore / SQL: ${(run.seconds / sqlSeconds).toFixed(1)}x the time (size: ${size.residents} residents, ${size.events} events)`);
    console.log(
      `of the rescore's ${run.seconds.toFixed(1)} s, its SQL run raw takes ${aloneSeconds.toFixed(1)} s (${((100 * aloneSeconds) / run.seconds).toFixed(0)}%); ` +
        'the rest is JavaScript: drizzle turning rows into objects, JSON.parse of amounts, computeCreditScore, and their GC',
    );
    console.log(`plan, aggregate: ${plan.join('; ')}`);
    console.log(`plan, rescore page: ${alone.plan.join('; ')}`);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(`rescore RSS: ${mb(run.rssBefore)} before, peak ${mb(run.rssPeak)} (+${mb(run.rssPeak - run.rssBefore)})`);
    const grades = Object.entries(summary.kinds.find((k) => k.subjectKind === 'resident')?.grades ?? {}).sort(([a], [b]) => a.localeCompare(b));
    console.log(`grades: ${grades.map(([g, n]) => `${g} ${n} (${((100 * n) / summary.subjects).toFixed(1)}%)`).join(', ')}`);
  } finally {
    db.close();
  }
}
