/**
 * The credit benchmark: credit files on a database file (WAL, as in production), `tsx bench/run.ts credit`.
 * 1. Events recorded per second through the batch API (POST …/credit-events, 10 000 a request, through
 *    app.request() with a 生态环境局 recorder's key, residents named by ID number, each line with an
 *    external id as a bulk import sends it; the system clock, so event ids are time-ordered as in
 *    production) against raw prepared inserts of the very same rows into a fresh file. Figure: ingest_vs_raw.
 * 2. Rescoring a whole district: the rescore job through the API (startRescore, then getRescoreJob until
 *    done) and rescoreDistrict against a plain SQL aggregate over the same table, with the rescore's page
 *    statement run raw in between to show how much of its time is SQLite's. Figure: rescore_time_vs_sql.
 * Figures are compared only within this run; each pair checks that both sides saw the same rows, and the
 * rescore's grades are checked against getCreditScore before anything is timed.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createApp } from '../src/app.js';
import { MAX_BATCH } from '../src/credit/events.service.js';
import { pageQuery, planRescore, RESCORE_PAGE, type RescoreSummary, rescoreDistrict } from '../src/credit/rescore.service.js';
import type { RescoreJob } from '../src/credit/rescore-jobs.service.js';
import { scoreSubject } from '../src/credit/score.service.js';
import { createDistrict } from '../src/districts/districts.service.js';
import { createClient } from '../src/identity/clients.service.js';
import { openSqliteStorage } from '../src/node/sqlite.js';
import { chinaDate, fixedClock, systemClock } from '../src/platform/clock.js';
import type { ServiceContext } from '../src/platform/context.js';
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
import { recordFigure } from './figures.js';
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
    await rescorePair(dir);
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
  recordFigure('ingest_vs_raw', apiRate / rawRate);
  console.log(
    `ratio API / raw: ${(apiRate / rawRate).toFixed(3)} (${formatRatio(apiRate / rawRate)}; target >= 1/2); database files: API ${fileSize(apiPath)}, raw ${fileSize(rawPath)}`,
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

/** The rescore's own page statement (rescore.service.ts pageQuery), run raw: rows as arrays, nothing scored. */
async function pageQueriesAlone(db: RescoreDb): Promise<{ subjects: number; bytes: number; plan: string[] }> {
  const plan = await planRescore(db.ctx, { asOf: new Date(AS_OF) });
  const dialect = new SQLiteSyncDialect();
  const render = (after: string) => dialect.sqlToQuery(pageQuery(db.ctx, plan, after, RESCORE_PAGE));
  const first = render('');
  const statement = db.raw.prepare(first.sql).raw(true);
  let subjectCount = 0;
  let bytes = 0;
  let after = '';
  for (;;) {
    const page = statement.all(...render(after).params) as Array<[string, string, string | null]>;
    if (page.length === 0) break;
    after = (page[page.length - 1] as [string, string, string | null])[0];
    subjectCount += page.length;
    for (const row of page) bytes += row[2]?.length ?? 0;
  }
  const queryPlan = (db.raw.prepare(`EXPLAIN QUERY PLAN ${first.sql}`).all(...first.params) as Array<{ detail: string }>).map((r) => r.detail);
  return { subjects: subjectCount, bytes, plan: queryPlan };
}

interface RescoreRun {
  summary: RescoreSummary;
  seconds: number;
  rssBefore: number;
  rssPeak: number;
}

/** Samples RSS every 25 ms and from the callback (better-sqlite3 answers synchronously, so timers may rarely fire). */
async function withRss<T>(work: (sample: () => void) => Promise<T>): Promise<{ value: T; seconds: number; rssBefore: number; rssPeak: number }> {
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sample = () => {
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 25);
  try {
    const t = performance.now();
    const value = await work(sample);
    const s = seconds(t);
    sample();
    return { value, seconds: s, rssBefore, rssPeak };
  } finally {
    clearInterval(timer);
  }
}

async function timedRescore(ctx: ServiceContext, onScore?: (id: string, s: { score: number; grade: string }) => void): Promise<RescoreRun> {
  let scored = 0;
  const run = await withRss((sample) =>
    rescoreDistrict(ctx, {
      asOf: new Date(AS_OF),
      onScore: (id, s) => {
        onScore?.(id, s);
        if (++scored % 1000 === 0) sample();
      },
    }),
  );
  return { summary: run.value, seconds: run.seconds, rssBefore: run.rssBefore, rssPeak: run.rssPeak };
}

/** Grades per kind, as one comparable string. */
const gradesOf = (kinds: Array<{ subjectKind: string; grades: Record<string, number> }>) =>
  JSON.stringify(kinds.map((k) => [k.subjectKind, Object.entries(k.grades).sort(([a], [b]) => a.localeCompare(b))]));

/** The rescore as a bureau runs it: POST startRescore, then getRescoreJob until it is done, through app.request(). */
interface RescoreJobBody {
  status: RescoreJob['status'];
  progress: { subjectsDone: number; eventsDone: number };
  results: RescoreJob['results'];
}

async function rescoreJobThroughApi(
  db: RescoreDb,
): Promise<{ job: RescoreJobBody; seconds: number; rssBefore: number; rssPeak: number; polls: number }> {
  const deps = db.ctx.deps;
  const bureau = await createClient(deps, { districtId: DISTRICT, name: 'bench bureau', role: 'bureau' });
  const app = createApp(deps);
  const headers = { authorization: `Bearer ${bureau.apiKey}`, 'content-type': 'application/json' };
  let polls = 0;
  const run = await withRss(async () => {
    const started = await app.request(`/v1/districts/${DISTRICT}/rescore-jobs`, { method: 'POST', headers, body: JSON.stringify({ asOf: AS_OF }) });
    if (started.status !== 202) throw new Error(`startRescore answered ${started.status}: ${await started.text()}`);
    const location = started.headers.get('location') as string;
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      polls++;
      const res = await app.request(location, { headers });
      const job = (await res.json()) as RescoreJobBody;
      if (job.status !== 'running') return job;
    }
  });
  return { job: run.value, seconds: run.seconds, rssBefore: run.rssBefore, rssPeak: run.rssPeak, polls };
}

async function rescorePair(dir: string): Promise<void> {
  const wanted = { residents: Math.round(100_000 * SCALE), events: Math.round(2_000_000 * SCALE) };
  console.log(`\n== Rescoring a district: the rescore job against a plain SQL aggregate over credit_events ==`);

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
    // ---- agreement first: the rescore's grade and score of every 50th subject is the one getCreditScore gives
    const sample = new Map<string, { score: number; grade: string }>();
    let n = 0;
    t = performance.now();
    const check = await timedRescore(db.ctx, (id, s) => {
      if (n++ % 50 === 0) sample.set(id, s);
    });
    for (const [id, s] of sample) {
      const { score } = await scoreSubject(db.ctx, id, { asOf: new Date(AS_OF) });
      if (score.score !== s.score || score.grade !== s.grade) {
        throw new MismatchError(`subject ${id}: the rescore gives ${s.score} (${s.grade}), getCreditScore ${score.score} (${score.grade})`);
      }
    }
    console.log(
      `agreement: the rescore and getCreditScore give the same score and grade for ${sample.size} subjects (every 50th); ` +
        `${check.summary.fullScores} files needed the full score (${seconds(t).toFixed(1)} s, untimed)`,
    );

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

    // ---- where the rescore's time goes: its page statement alone
    t = performance.now();
    const alone = await pageQueriesAlone(db);
    const aloneSeconds = seconds(t);

    // ---- rescoreDistrict, then the job through the API, once each
    const run = await timedRescore(db.ctx);
    const { summary } = run;
    const api = await rescoreJobThroughApi(db);

    const sqlEvents = aggregated.reduce((sum, r) => sum + r.events, 0);
    if (
      summary.subjects !== size.residents ||
      summary.events !== size.events ||
      sqlEvents !== size.events ||
      alone.subjects !== size.residents ||
      api.job.progress.subjectsDone !== size.residents ||
      api.job.progress.eventsDone !== size.events ||
      gradesOf(api.job.results) !== gradesOf(summary.kinds)
    ) {
      throw new MismatchError(
        `rescore saw ${summary.subjects} subjects / ${summary.events} events, the API job ${api.job.progress.subjectsDone} / ${api.job.progress.eventsDone} ` +
          `(grades ${gradesOf(api.job.results)} against ${gradesOf(summary.kinds)}), SQL ${aggregated.length} subjects / ${sqlEvents} events, ` +
          `its page statement alone ${alone.subjects} subjects, loaded ${size.residents} / ${size.events}`,
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
          "the rescore's page statement alone: every subject's compact file, raw better-sqlite3, no scoring",
          String(alone.subjects),
          String(size.events),
          aloneSeconds.toFixed(2),
          formatRate(size.events / aloneSeconds),
          formatRatio(sqlSeconds / aloneSeconds),
        ],
        [
          `rescoreDistrict (pages of ${RESCORE_PAGE} subjects, compact files scored by the plan)`,
          String(summary.subjects),
          String(summary.events),
          run.seconds.toFixed(2),
          formatRate(summary.events / run.seconds),
          formatRatio(sqlSeconds / run.seconds),
        ],
        [
          `the rescore job through the API: startRescore, getRescoreJob every 20 ms until done (${api.polls} polls)`,
          String(api.job.progress.subjectsDone),
          String(api.job.progress.eventsDone),
          api.seconds.toFixed(2),
          formatRate(api.job.progress.eventsDone / api.seconds),
          formatRatio(sqlSeconds / api.seconds),
        ],
      ],
    );
    recordFigure('rescore_time_vs_sql', api.seconds / sqlSeconds);
    console.log(
      `ratio rescore job / SQL: ${(api.seconds / sqlSeconds).toFixed(2)}x the time (target <= 2x; rescoreDistrict alone ${(run.seconds / sqlSeconds).toFixed(2)}x); ` +
        `size: ${size.residents} residents, ${size.events} events`,
    );
    console.log(
      `of rescoreDistrict's ${run.seconds.toFixed(2)} s, its page statement takes ${aloneSeconds.toFixed(2)} s (${((100 * aloneSeconds) / run.seconds).toFixed(0)}%, ` +
        `${(alone.bytes / 1024 / 1024).toFixed(0)} MB of compact files); the rest is scoring them`,
    );
    console.log(`plan, aggregate: ${plan.join('; ')}`);
    console.log(`plan, rescore page: ${alone.plan.join('; ')}`);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `RSS: rescoreDistrict ${mb(run.rssBefore)} before, peak ${mb(run.rssPeak)} (+${mb(run.rssPeak - run.rssBefore)}); ` +
        `the API job ${mb(api.rssBefore)} before, peak ${mb(api.rssPeak)} (+${mb(api.rssPeak - api.rssBefore)})`,
    );
    for (const k of summary.kinds.filter((x) => x.subjects > 0)) {
      const grades = Object.entries(k.grades).sort(([a], [b]) => a.localeCompare(b));
      console.log(
        `grades (${k.subjectKind}, ${k.ruleSets.scorecard.id}): ${grades.map(([g, c]) => `${g} ${c} (${((100 * c) / k.subjects).toFixed(1)}%)`).join(', ')}`,
      );
    }
  } finally {
    db.close();
  }
}
