/**
 * Benchmark 3: ecological points on database files (WAL, as in production).
 * 1. Awards per second through the API (POST …/points/awards: a VIOLATION-REPORT by 生态环境局 with a
 *    fresh reference each time, so every award is valid) against a raw prepared INSERT of the same ledger
 *    row into a second database of the same schema. Between the two, the steps that make up an award:
 *    the service's own INSERT … SELECT (caps, consent, de-duplication in one statement) prepared once and
 *    prepared on every call as the storage does, and award() called without HTTP.
 * 2. Balance reads per second through the API (GET …/subjects/{id}/points, which also applies expiry,
 *    reads the history and lists the benefits, and logs the read) against the raw balance query over the
 *    covering index, on one database of 200 000 entries. Between them: pointsSummary() (the service's
 *    balance alone) and account() (the whole account without HTTP).
 * Figures are compared only within this run, and only after every form has given the same answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { createApp } from '../src/app.js';
import { createDistrict } from '../src/districts/districts.service.js';
import { createClient } from '../src/identity/clients.service.js';
import { openSqliteStorage } from '../src/node/sqlite.js';
import { chinaDate, fixedClock, systemClock } from '../src/platform/clock.js';
import type { ServiceContext } from '../src/platform/context.js';
import type { Storage } from '../src/platform/db/database.js';
import type { AppDeps } from '../src/platform/deps.js';
import type { Principal } from '../src/platform/http/principal.js';
import { newId } from '../src/platform/util/ids.js';
import { award } from '../src/points/award.service.js';
import { createBenefit } from '../src/points/benefits.service.js';
import { account, pointsBalance, pointsSummary } from '../src/points/ledger.service.js';
import { addDays, benchDeps, residentIdNumber } from './credit-fixtures.js';
import { recordFigure } from './figures.js';
import { DEFAULT_BUDGET_MS, formatRate, formatRatio, type Measurement, measureAsync, measureSync, printTable, prng } from './measure.js';
import {
  LEDGER_COLUMNS,
  LEDGER_INSERT_SQL,
  type LedgerColumn,
  type LedgerValues,
  ledgerParams,
  loadLedger,
  sqliteClientOf,
} from './points-fixtures.js';

const DISTRICT = 'bench';
const SEED = 20261125;
const AGENCY = '生态环境局';
const ACTION = 'VIOLATION-REPORT';
const IN_FLIGHT = 16;
/** Pair 1: residents registered through the API, over whom the awards are spread. */
const AWARD_RESIDENTS = 1000;
/** Pair 2: a district of this many holders with this many ledger entries, loaded raw. */
const READ_HOLDERS = 10_000;
const READ_ENTRIES = 200_000;
/** Pair 2 reads as of this instant; the entries were earned on the 365 days before, so none has expired. */
const READ_AS_OF = '2026-11-24T02:00:00Z';
const READ_DAYS = 365;
/** Holders whose balance every form must agree on before anything is timed. */
const READ_CHECKS = 500;

export class MismatchError extends Error {}

const seconds = (since: number) => (performance.now() - since) / 1000;

export async function pointsBenchmark(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'points-bench-'));
  try {
    await awardPair(dir);
    await batchPair(dir);
    await readPair(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function contextOf(deps: AppDeps, principal: Principal, now: Date): ServiceContext {
  return { deps, principal, districtId: DISTRICT, now };
}

const bureauPrincipal: Principal = { type: 'client', clientId: 'cli_bench', districtId: DISTRICT, role: 'bureau', agency: null, name: 'bench' };

/** The app, a bureau and a 生态环境局 recorder on a fresh database file. */
async function benchApp(path: string, clock: AppDeps['clock']) {
  const storage = openSqliteStorage(path);
  const deps = benchDeps(storage, clock);
  await createDistrict(contextOf(deps, bureauPrincipal, clock.now()), '上海市崇明区', deps.shippedRules);
  const bureau = await createClient(deps, { districtId: DISTRICT, name: 'bench bureau', role: 'bureau' });
  const recorder = await createClient(deps, { districtId: DISTRICT, name: 'bench recorder', role: 'recorder', agency: AGENCY });
  const app = createApp(deps);
  const recorderPrincipal: Principal = {
    type: 'client',
    clientId: recorder.client.id,
    districtId: DISTRICT,
    role: 'recorder',
    agency: AGENCY,
    name: recorder.client.name,
  };
  return { storage, deps, bureau, recorder, recorderPrincipal, app };
}

/** Prints the rows as one table with a ratio against the first (the baseline). */
function printPair(unit: string, rows: Measurement[]): void {
  const baseline = rows[0] as Measurement;
  console.log('');
  printTable(
    ['form', `${unit}/s`, `µs/${unit.replace(/s$/, '')}`, 'vs raw'],
    rows.map((m) => [m.name, formatRate(m.perSecond), (1e6 / m.perSecond).toPrecision(3), formatRatio(m.perSecond / baseline.perSecond)]),
  );
}

const logged = (rows: Measurement[]) => (m: Measurement) => {
  rows.push(m);
  console.log(`  measured ${m.name}: ${formatRate(m.perSecond)}/s`);
  return m;
};

// ---------------------------------------------------------------------------------------------------
// Pair 1: awards

async function awardPair(dir: string): Promise<void> {
  console.log(`\n== Points awarded: ${ACTION} by ${AGENCY}, a fresh reference each time, over ${AWARD_RESIDENTS} residents ==`);
  const apiPath = join(dir, 'awards-api.sqlite');
  const { storage, deps, recorder, bureau, recorderPrincipal, app } = await benchApp(apiPath, systemClock);
  const apiDb = sqliteClientOf(storage);
  try {
    const post = async (path: string, key: string, body: string) => {
      const res = await app.request(path, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body });
      return { status: res.status, text: await res.text() };
    };
    const t = performance.now();
    const holders: string[] = [];
    for (let n = 0; n < AWARD_RESIDENTS; n++) {
      const res = await post(
        `/v1/districts/${DISTRICT}/subjects`,
        bureau.apiKey,
        JSON.stringify({ kind: 'resident', idNumber: residentIdNumber(n), name: `居民${n}` }),
      );
      if (res.status !== 201) throw new Error(`registering resident ${n} failed: ${res.status} ${res.text}`);
      holders.push((JSON.parse(res.text) as { id: string }).id);
    }
    console.log(`setup: ${AWARD_RESIDENTS} residents registered through the API in ${seconds(t).toFixed(2)} s`);

    // Holders in a scattered order; references never repeat across warm-up and measured runs (the
    // harness restarts its index at 0 for each), so every award must succeed.
    const rnd = prng(SEED);
    const order = Array.from({ length: 4096 }, () => holders[Math.floor(rnd() * holders.length)] as string);
    const holderAt = (n: number) => order[n & 4095] as string;
    let serial = 0;
    const reference = (form: string) => `沪崇环举〔2026〕${form}-${serial++}号`;

    // ---- one award through the API, checked in full: its stored row is the template of the raw rows
    const path = `/v1/districts/${DISTRICT}/points/awards`;
    const first = await post(path, recorder.apiKey, JSON.stringify({ holder: { id: holderAt(0) }, action: ACTION, reference: reference('check') }));
    if (first.status !== 201) throw new Error(`the first award failed: ${first.status} ${first.text}`);
    const firstAward = JSON.parse(first.text) as { awarded: number; entry: { id: string } };
    if (firstAward.awarded !== 100) throw new MismatchError(`the first award gave ${firstAward.awarded} points, the catalogue says 100`);
    const template = apiDb.prepare(`SELECT ${LEDGER_COLUMNS.join(', ')} FROM points_ledger WHERE id = ?`).get(firstAward.entry.id) as LedgerValues;

    // ---- the service's own statement, captured by rendering what award() hands to atomicSql
    const dialect = new SQLiteSyncDialect();
    let captured: { text: string; params: unknown[] } | undefined;
    const capturing: Storage = {
      ...storage,
      atomicSql: async (statements) => {
        const q = dialect.sqlToQuery(statements[0] as Parameters<typeof dialect.sqlToQuery>[0]);
        captured = { text: q.sql, params: q.params };
        return storage.atomicSql(statements);
      },
    };
    const capturedAward = await award(contextOf({ ...deps, storage: capturing }, recorderPrincipal, new Date()), {
      holder: { id: holderAt(1) },
      action: ACTION,
      reference: reference('capture'),
    });
    if (!captured) throw new Error('award() did not go through atomicSql');
    const statement = captured;
    const slots = (value: unknown) => statement.params.flatMap((p, i) => (p === value ? [i] : []));
    const idSlots = slots(capturedAward.entry.id);
    const dedupSlots = slots(capturedAward.entry.dedupKey);
    const holderSlots = slots(capturedAward.entry.holderId);
    const atSlots = slots(capturedAward.entry.recordedAt);
    if (idSlots.length !== 1 || dedupSlots.length !== 1 || holderSlots.length < 1 || atSlots.length !== 1) {
      throw new Error(`cannot find the id, key, holder and time among the statement's ${statement.params.length} parameters`);
    }
    const statementParams = (n: number, form: string) => {
      const p = statement.params.slice();
      const now = new Date();
      p[idSlots[0] as number] = newId('ple', now);
      p[dedupSlots[0] as number] = `${ACTION}|${reference(form)}`;
      p[atSlots[0] as number] = now.toISOString();
      const holder = holderAt(n);
      for (const i of holderSlots) p[i] = holder;
      return p;
    };

    // ---- the raw database: same migrations, same district and subjects, nothing else
    const rawPath = join(dir, 'awards-raw.sqlite');
    const rawStorage = openSqliteStorage(rawPath);
    const rawDb = sqliteClientOf(rawStorage);
    try {
      rawDb.prepare('ATTACH DATABASE ? AS src').run(apiPath);
      rawDb.exec('INSERT INTO main.districts SELECT * FROM src.districts; INSERT INTO main.subjects SELECT * FROM src.subjects;');
      rawDb.exec('DETACH DATABASE src');

      const rows: Measurement[] = [];
      const run = logged(rows);
      const countBefore = (db: Database.Database) => (db.prepare('SELECT count(*) AS n FROM points_ledger').get() as { n: number }).n;
      const rawBefore = countBefore(rawDb);

      // Raw: the same row the API wrote, with its own id, key, holder and time; one transaction each, as an award is.
      const insert = rawDb.prepare(LEDGER_INSERT_SQL);
      const templateParams = ledgerParams(template);
      const column = (name: LedgerColumn) => LEDGER_COLUMNS.indexOf(name);
      const [idAt, holderAtColumn, dedupAt, recordedAt] = [column('id'), column('holder_id'), column('dedup_key'), column('recorded_at')];
      const rawInsert = run(
        measureSync('raw better-sqlite3: prepared INSERT of the same row (baseline)', (n) => {
          const now = new Date();
          const p = templateParams.slice();
          p[idAt] = newId('ple', now);
          p[holderAtColumn] = holderAt(n);
          p[dedupAt] = `${ACTION}|${reference('raw')}`;
          p[recordedAt] = now.toISOString();
          return insert.run(p);
        }),
      );
      const rawOps = countBefore(rawDb) - rawBefore;

      // The service's statement on the API's own database, so that it meets the same rows as the API.
      const once = apiDb.prepare(statement.text);
      const checkOne = (rows: unknown[]) => {
        if (rows.length !== 1) throw new MismatchError('the service statement wrote nothing');
        return rows;
      };
      run(measureSync('raw: the service INSERT … SELECT, prepared once', (n) => checkOne(once.all(...statementParams(n, 'once')))));
      const perCall = apiDb.transaction((p: unknown[]) => apiDb.prepare(statement.text).all(...p));
      run(measureSync('raw: the same, prepared per call in a transaction (as atomicSql)', (n) => checkOne(perCall(statementParams(n, 'prepare')))));

      run(
        await measureAsync('award() called directly, no HTTP', (n) =>
          award(contextOf(deps, recorderPrincipal, new Date()), { holder: { id: holderAt(n) }, action: ACTION, reference: reference('service') }),
        ),
      );

      let refused = 0;
      const apiAward = async (n: number) => {
        const res = await app.request(path, {
          method: 'POST',
          headers: { authorization: `Bearer ${recorder.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ holder: { id: holderAt(n) }, action: ACTION, reference: reference('api') }),
        });
        if (res.status !== 201) refused++;
        return res.text();
      };
      const apiOne = run(await measureAsync('API: POST points/awards, awaited one by one', apiAward));
      const apiMany = run(await measureAsync(`API: POST points/awards, ${IN_FLIGHT} in flight`, apiAward, { inFlight: IN_FLIGHT }));
      if (refused > 0) throw new MismatchError(`${refused} API awards were refused; every one should have been valid`);

      // Every timed call wrote exactly one row, and every awarded row is worth 100 points.
      const apiRows = apiDb
        .prepare("SELECT count(*) AS n, sum(points) AS points, count(DISTINCT holder_id) AS holders FROM points_ledger WHERE kind = 'earn'")
        .get() as { n: number; points: number; holders: number };
      if (apiRows.points !== 100 * apiRows.n) throw new MismatchError(`${apiRows.n} API awards hold ${apiRows.points} points, not 100 each`);
      const maxPerHolder = (
        apiDb.prepare('SELECT max(n) AS n FROM (SELECT count(*) AS n FROM points_ledger GROUP BY holder_id)').get() as { n: number }
      ).n;

      printPair('awards', rows);
      console.log(
        `ratio API / raw: ${formatRatio(apiOne.perSecond / rawInsert.perSecond)} one by one, ${formatRatio(apiMany.perSecond / rawInsert.perSecond)} with ${IN_FLIGHT} in flight`,
      );
      console.log(
        `rows written, warm-ups included: raw ${rawOps} into its own file; ${apiRows.n} into the API's file (service statement, award() and API), ` +
          `spread over ${apiRows.holders} holders, at most ${maxPerHolder} on one holder today`,
      );
    } finally {
      rawStorage.close();
    }
  } finally {
    storage.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Pair 1b: batches of awards

/** Holders of the batch pair, registered through the API; each batch is one day of their trips and walks. */
const BATCH_HOLDERS = 2500;
const BATCH_SIZE = 10_000;

async function batchPair(dir: string): Promise<void> {
  const batches = Math.max(2, Math.round(10 * Math.min(1, DEFAULT_BUDGET_MS / 2000)));
  console.log(
    `\n== Points awarded in batches: ${batches} batches of ${BATCH_SIZE} (plus a warm-up batch per side) by 交通委, ` +
      `one day each, over ${BATCH_HOLDERS} residents (GREEN-TRAVEL capped at 40 a day, WALKING at 50) ==`,
  );
  const apiPath = join(dir, 'batch-api.sqlite');
  const { storage, deps, bureau, app } = await benchApp(apiPath, systemClock);
  const apiDb = sqliteClientOf(storage);
  const transport = await createClient(deps, { districtId: DISTRICT, name: 'bench transit platform', role: 'recorder', agency: '交通委' });
  // The statements each batch commits, kept to run them again raw on the raw side (what SQLite alone spends on them).
  let captured: Array<{ text: string; params: readonly unknown[] }> = [];
  const atomicSql = storage.atomicSql;
  let atomicMs = 0;
  storage.atomicSql = async (statements) => {
    captured = statements.filter((x): x is { text: string; params: readonly unknown[] } => typeof (x as { text?: unknown }).text === 'string');
    const t0 = performance.now();
    try {
      return await atomicSql(statements);
    } finally {
      atomicMs += performance.now() - t0;
    }
  };
  const post = async (path: string, key: string, body: string) => {
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const res = await app.request(path, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text() };
  };
  try {
    let t = performance.now();
    for (let n = 0; n < BATCH_HOLDERS; n++) {
      const res = await post(
        `/v1/districts/${DISTRICT}/subjects`,
        bureau.apiKey,
        JSON.stringify({ kind: 'resident', idNumber: residentIdNumber(n), name: `居民${n}` }),
      );
      if (res.status !== 201) throw new Error(`registering resident ${n} failed: ${res.status} ${res.text}`);
    }
    console.log(`setup: ${BATCH_HOLDERS} residents registered through the API in ${seconds(t).toFixed(1)} s`);

    // Batch b is the trips and walks of the day b days before today, by ID number as the platform knows them.
    const today = chinaDate(systemClock.now());
    const rnd = prng(SEED + 7);
    const bodies: string[] = [];
    for (let b = 0; b <= batches; b++) {
      const day = addDays(today, -(batches + 1) + b);
      const awards = Array.from({ length: BATCH_SIZE }, () => {
        const holder = { kind: 'resident', idNumber: residentIdNumber(Math.floor(rnd() * BATCH_HOLDERS)) };
        return rnd() < 0.8
          ? { holder, action: 'GREEN-TRAVEL', occurredOn: day }
          : { holder, action: 'WALKING', occurredOn: day, amount: { value: String(2000 + Math.floor(rnd() * 26000)), unit: 'step' } };
      });
      bodies.push(JSON.stringify({ awards }));
    }

    const rawPath = join(dir, 'batch-raw.sqlite');
    const rawStorage = openSqliteStorage(rawPath);
    const rawDb = sqliteClientOf(rawStorage);
    rawDb.prepare('ATTACH DATABASE ? AS src').run(apiPath);
    rawDb.exec('INSERT INTO main.districts SELECT * FROM src.districts; INSERT INTO main.subjects SELECT * FROM src.subjects;');
    const writtenSince = rawDb.prepare(`SELECT ${LEDGER_COLUMNS.join(', ')} FROM src.points_ledger WHERE seq > ? ORDER BY seq`).raw();
    const lastSeq = rawDb.prepare('SELECT coalesce(max(seq), 0) FROM src.points_ledger').pluck();
    const insert = rawDb.prepare(LEDGER_INSERT_SQL);
    const insertAll = rawDb.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(row);
    });

    class Rollback extends Error {}
    /** Runs `work` in a transaction that is then rolled back: its time, and nothing kept. */
    const rolledBack = (work: () => void): number => {
      let ms = 0;
      try {
        rawDb.transaction(() => {
          const t0 = performance.now();
          work();
          ms = performance.now() - t0;
          throw new Rollback();
        })();
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      return ms;
    };
    const valuesIgnore = rawDb.prepare(LEDGER_INSERT_SQL.replace('INSERT INTO', 'INSERT OR IGNORE INTO'));
    const column = (name: LedgerColumn) => LEDGER_COLUMNS.indexOf(name);
    const [holderCol, actionCol, earnedCol, ruleSetCol] = [column('holder_id'), column('action_code'), column('earned_on'), column('rule_set_id')];
    const capRead = rawDb
      .prepare(
        "SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE district_id = ? AND holder_id = ? AND action_code = ? AND rule_set_id = ? AND kind = 'earn' AND earned_on = ?",
      )
      .pluck();
    const parts = { raw: 0, statements: 0, values: 0, reads: 0 };
    const apiMs: number[] = [];
    const rawMs: number[] = [];
    let lines = 0;
    let written = 0;
    const refusals: Record<string, number> = {};
    let atomicTimed = 0;
    for (let b = 0; b <= batches; b++) {
      const since = lastSeq.get() as number;
      const atomicBefore = atomicMs;
      t = performance.now();
      const res = await post(`/v1/districts/${DISTRICT}/points/award-batches`, transport.apiKey, bodies[b] as string);
      const ms = performance.now() - t;
      if (res.status !== 201) throw new Error(`batch ${b} failed: ${res.status} ${res.text.slice(0, 500)}`);
      const answer = JSON.parse(res.text) as { awarded: number; lines: Array<{ status: string; refused: { code: string } | null }> };
      const rows = writtenSince.all(since) as unknown[][];
      if (rows.length !== answer.awarded)
        throw new MismatchError(`batch ${b}: the API says ${answer.awarded} lines were awarded, the ledger gained ${rows.length} entries`);
      if (b > 0) {
        // Untimed in the table: the same work in transactions rolled back, to see where the API's time goes.
        const statements = captured;
        parts.raw += rolledBack(() => {
          for (const row of rows) insert.run(row);
        });
        parts.statements += rolledBack(() => {
          for (const st of statements) rawDb.prepare(st.text).all(...st.params);
        });
        parts.values += rolledBack(() => {
          for (const row of rows) valuesIgnore.run(row);
        });
        parts.reads += rolledBack(() => {
          for (const row of rows) capRead.get(DISTRICT, row[holderCol], row[actionCol], row[ruleSetCol], row[earnedCol]);
        });
      }
      t = performance.now();
      insertAll(rows);
      if (b > 0) {
        atomicTimed += atomicMs - atomicBefore;
        apiMs.push(ms);
        rawMs.push(performance.now() - t);
        lines += BATCH_SIZE;
        written += rows.length;
        for (const l of answer.lines) if (l.refused) refusals[l.refused.code] = (refusals[l.refused.code] ?? 0) + 1;
      }
    }
    rawDb.exec('DETACH DATABASE src');
    // Every entry the API wrote holds within the caps: at most 40 travel and 50 walking points a holder a day.
    const overCap = apiDb
      .prepare(
        "SELECT count(*) FROM (SELECT holder_id, action_code, earned_on, sum(points) AS p FROM points_ledger WHERE kind = 'earn' GROUP BY 1, 2, 3) WHERE (action_code = 'GREEN-TRAVEL' AND p > 40) OR (action_code = 'WALKING' AND p > 50)",
      )
      .pluck()
      .get() as number;
    if (overCap > 0) throw new MismatchError(`${overCap} holder-days hold more than their cap`);
    rawStorage.close();

    const sum = (ms: number[]) => ms.reduce((a, x) => a + x, 0) / 1000;
    const apiSeconds = sum(apiMs);
    const rawSeconds = sum(rawMs);
    const spread = (ms: number[]) => `${Math.min(...ms).toFixed(0)}-${Math.max(...ms).toFixed(0)}`;
    console.log('');
    printTable(
      ['form', 'rows written', 'seconds', 'rows/s', 'ms/batch (min-max)', 'vs raw'],
      [
        [
          'raw better-sqlite3: prepared INSERT of the rows the API wrote, 1 transaction a batch (baseline)',
          String(written),
          rawSeconds.toFixed(2),
          formatRate(written / rawSeconds),
          spread(rawMs),
          '1.00x',
        ],
        [
          `API: POST points/award-batches, app.request(), by ID number (${lines} lines)`,
          String(written),
          apiSeconds.toFixed(2),
          formatRate(written / apiSeconds),
          spread(apiMs),
          formatRatio(rawSeconds / apiSeconds),
        ],
      ],
    );
    recordFigure('points_batch_vs_raw', rawSeconds / apiSeconds);
    const x = (ms: number) => `${(ms / parts.raw).toFixed(2)}x`;
    console.log(
      `where the time goes, each in a transaction rolled back (no commit), against the raw inserts (${(parts.raw / 1000).toFixed(2)} s): ` +
        `the batch's own INSERT … SELECT statements alone ${x(parts.statements)}; the same rows as INSERT OR IGNORE … VALUES ${x(parts.values)}; ` +
        `one covering read of the day's points per row ${x(parts.reads)}; ` +
        `of the API's ${apiSeconds.toFixed(2)} s, ${(atomicTimed / 1000).toFixed(2)} s in its one atomic write (${x(atomicTimed)}) and ${(apiSeconds - atomicTimed / 1000).toFixed(2)} s ` +
        `(${((apiSeconds * 1e6 - atomicTimed * 1000) / lines).toFixed(1)} µs a line) in reading, checking and planning the lines and answering`,
    );
    console.log(
      "  so the caps checked in each line's INSERT … SELECT (the form that holds on D1, whose only atomic unit is a batch of statements) cost SQLite " +
        'about twice a plain insert before any HTTP; what would reach 1/2 on better-sqlite3: one interactive transaction that reads each holder-day once, ' +
        'decides the grants in code and writes plain inserts (the VALUES and read rows above), at the price of a second write path beside the one D1 runs',
    );
    console.log(
      `ratio API / raw: ${(rawSeconds / apiSeconds).toFixed(3)} (${formatRatio(rawSeconds / apiSeconds)}; target >= 1/2) for the same rows; ` +
        `lines refused alone: ${
          Object.entries(refusals)
            .map(([c, k]) => `${c} ${k}`)
            .join(', ') || 'none'
        }; ${formatRate(lines / apiSeconds)} lines/s through the API`,
    );
  } finally {
    storage.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// Pair 2: balance reads

async function readPair(dir: string): Promise<void> {
  console.log(
    `\n== Points balances read: ${READ_HOLDERS} holders, ${READ_ENTRIES} ledger entries over the ${READ_DAYS} days before ${READ_AS_OF} ==`,
  );
  const clock = fixedClock(READ_AS_OF);
  const now = clock.now();
  const today = chinaDate(now);
  const { storage, deps, bureau, recorder, app } = await benchApp(join(dir, 'reads.sqlite'), clock);
  const db = sqliteClientOf(storage);
  try {
    const bureauCtx = () => contextOf(deps, bureauPrincipal, clock.now());
    for (const [name, cost] of [
      ['东平国家森林公园门票', 50],
      ['公交卡充值 10 元', 100],
      ['环保布袋', 30],
      ['有机蔬菜礼盒', 300],
      ['西沙湿地导览', 80],
    ] as const) {
      await createBenefit(bureauCtx(), { name, cost, holderKinds: ['resident'], validFrom: '2026-01-01', validUntil: '2027-12-31', stock: 1000 });
    }

    // ---- holders and their ledgers, loaded raw (no ID number needed: the reads name holders by id)
    let t = performance.now();
    const holderIds: string[] = [];
    const insertSubject = db.prepare(
      'INSERT INTO subjects (id, district_id, kind, lookup_hash, display_id, name, region_code, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const created = new Date(Date.parse(READ_AS_OF) - 2 * 365 * 86_400_000);
    db.transaction(() => {
      for (let n = 0; n < READ_HOLDERS; n++) {
        const id = newId('sub', created);
        const idNumber = residentIdNumber(n);
        insertSubject.run(
          id,
          DISTRICT,
          'resident',
          `bench:${n}`,
          `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`,
          `居民${n}`,
          '310230',
          created.toISOString(),
          'cli_bench',
        );
        holderIds.push(id);
      }
    })();
    const catalogue = db
      .prepare("SELECT rule_set_id AS id, hash FROM rule_set_versions WHERE district_id = ? AND kind = 'points-catalogue' AND status = 'published'")
      .get(DISTRICT) as { id: string; hash: string };
    const rnd = prng(SEED + 1);
    const ledger = loadLedger(db, {
      districtId: DISTRICT,
      holderIds,
      entries: READ_ENTRIES,
      today,
      days: READ_DAYS,
      rnd,
      recordedBy: recorder.client.id,
      ruleSet: catalogue,
    });
    db.pragma('optimize');
    console.log(
      `setup: ${READ_HOLDERS} subjects and ${ledger.rows} entries (${ledger.redemptions} redemptions) loaded raw in ${seconds(t).toFixed(1)} s; ` +
        `${(ledger.rows / READ_HOLDERS).toFixed(0)} entries a holder on average; 5 benefits`,
    );

    const order = Array.from({ length: 4096 }, () => Math.floor(rnd() * READ_HOLDERS));
    const holderAt = (n: number) => holderIds[order[n & 4095] as number] as string;
    const balanceStmt = db
      .prepare('SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE district_id = ? AND holder_id = ? AND available_on <= ?')
      .pluck();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${balanceStmt.source}`).all(DISTRICT, holderIds[0], today) as Array<{ detail: string }>)
      .map((r) => r.detail)
      .join('; ');
    const get = async (id: string, what = '') => {
      const res = await app.request(`/v1/districts/${DISTRICT}/subjects/${id}/points${what}`, {
        headers: { authorization: `Bearer ${bureau.apiKey}` },
      });
      return { status: res.status, text: await res.text() };
    };

    // ---- agreement first: the raw query, pointsSummary(), account() and the API give the generated balance
    t = performance.now();
    for (let k = 0; k < READ_CHECKS; k++) {
      const h = order[k] as number;
      const id = holderIds[h] as string;
      const want = ledger.balances[h];
      const rawBalance = balanceStmt.get(DISTRICT, id, today) as number;
      const summary = (await pointsSummary(bureauCtx(), id)).balance;
      const whole = (await account(bureauCtx(), id)).balance;
      const res = await get(id);
      if (res.status !== 200) throw new Error(`reading holder ${id} failed: ${res.status} ${res.text}`);
      const api = (JSON.parse(res.text) as { balance: number }).balance;
      const light = await get(id, '/balance');
      if (light.status !== 200) throw new Error(`reading the balance of holder ${id} failed: ${light.status} ${light.text}`);
      const lightBalance = (JSON.parse(light.text) as { balance: number }).balance;
      if ([rawBalance, summary, whole, api, lightBalance].some((b) => b !== want)) {
        throw new MismatchError(
          `holder ${id}: generated ${want}, raw ${rawBalance}, pointsSummary ${summary}, account ${whole}, getPointsAccount ${api}, getPointsBalance ${lightBalance}`,
        );
      }
    }
    const expireRows = (db.prepare("SELECT count(*) AS n FROM points_ledger WHERE kind = 'expire'").get() as { n: number }).n;
    if (expireRows !== 0) throw new MismatchError(`reading wrote ${expireRows} expire entries; no lot should have expired`);
    console.log(
      `agreement: raw SQL, pointsSummary(), account(), getPointsAccount and getPointsBalance give the generated balance for ${READ_CHECKS} holders (${seconds(t).toFixed(1)} s)`,
    );
    console.log(`raw query plan: ${plan}`);

    const rows: Measurement[] = [];
    const run = logged(rows);
    const rawRead = run(
      measureSync('raw better-sqlite3: prepared SUM over the covering index (baseline)', (n) => balanceStmt.get(DISTRICT, holderAt(n), today)),
    );
    run(await measureAsync('pointsSummary(): the service balance (applies expiry)', (n) => pointsSummary(bureauCtx(), holderAt(n))));
    run(await measureAsync('account(): the whole account, no HTTP', (n) => account(bureauCtx(), holderAt(n))));
    let failed = 0;
    const apiRead = async (n: number) => {
      const res = await get(holderAt(n));
      if (res.status !== 200) failed++;
      return res.text;
    };
    const apiOne = run(await measureAsync('API: GET subjects/{id}/points (getPointsAccount), awaited one by one', apiRead));
    const apiMany = run(await measureAsync(`API: GET subjects/{id}/points, ${IN_FLIGHT} in flight`, apiRead, { inFlight: IN_FLIGHT }));
    run(await measureAsync('pointsBalance(): the light read without HTTP', (n) => pointsBalance(bureauCtx(), holderAt(n))));
    const balanceRead = async (n: number) => {
      const res = await get(holderAt(n), '/balance');
      if (res.status !== 200) failed++;
      return res.text;
    };
    const lightOne = run(await measureAsync('API: GET subjects/{id}/points/balance (getPointsBalance), awaited one by one', balanceRead));
    const lightMany = run(await measureAsync(`API: GET …/points/balance, ${IN_FLIGHT} in flight`, balanceRead, { inFlight: IN_FLIGHT }));
    if (failed > 0) throw new MismatchError(`${failed} API reads failed`);

    // Floors: what any read through the API costs before it reads anything, and the query-log row a read by
    // the bureau must commit before it answers (a single-row transaction, WAL, synchronous = NORMAL).
    const health = run(
      await measureAsync('floor: GET /health through app.request (no key, no database)', async () => (await app.request('/health')).text()),
    );
    const logInsert = db.prepare(
      "INSERT INTO query_log (district_id, subject_id, at, actor, actor_name, actor_role, action, purpose) VALUES (?, ?, ?, 'cli_bench', 'bench', 'bureau', 'bench', 'bureau duties')",
    );
    const logRow = run(
      measureSync('floor: the query-log row alone, raw, one transaction each', (n) => logInsert.run(DISTRICT, holderAt(n), READ_AS_OF)),
    );
    db.prepare("DELETE FROM query_log WHERE action = 'bench'").run();

    printPair('reads', rows);
    console.log(
      `ratio API / raw: getPointsAccount ${formatRatio(apiOne.perSecond / rawRead.perSecond)} one by one, ${formatRatio(apiMany.perSecond / rawRead.perSecond)} with ${IN_FLIGHT} in flight; ` +
        `getPointsBalance ${formatRatio(lightOne.perSecond / rawRead.perSecond)} one by one, ${formatRatio(lightMany.perSecond / rawRead.perSecond)} with ${IN_FLIGHT} in flight (target >= 1/20)`,
    );
    recordFigure('points_balance_vs_raw', Math.max(lightOne.perSecond, lightMany.perSecond) / rawRead.perSecond);
    console.log(
      `why 1/20 is out of reach here: GET /health alone keeps ${formatRatio(health.perSecond / rawRead.perSecond)} of the raw SUM and the log row a staff read must commit ` +
        `${formatRatio(logRow.perSecond / rawRead.perSecond)}; together they bound any logged read at about ${formatRatio(1 / (1 / health.perSecond + 1 / logRow.perSecond) / rawRead.perSecond)}. ` +
        'What would reach it: a read not logged (the holder reading its own balance, once its token is checked without a WebCrypto round trip: the same read ' +
        'without its log row measured 1/23 when profiled), or a baseline that also crosses HTTP. Log rows committed in groups (one transaction for the reads ' +
        'in flight, each answered once its row is durable) were built and measured on 2 December 2026: 16 rows a transaction cost 40-45 µs a row against ' +
        '60-75 µs alone in a raw loop, but through the API the reads stayed at 195-245 µs with 16 in flight with and without them, within the noise, so they were not kept.',
    );
    const logRows = (db.prepare('SELECT count(*) AS n FROM query_log').get() as { n: number }).n;
    console.log(`each API read by the bureau also writes a query_log row: ${logRows} written during the run`);
  } finally {
    storage.close();
  }
}
