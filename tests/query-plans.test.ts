/**
 * The hot reads use an index in the order they sort: a score reads a subject's whole file in seq order,
 * a file page and a ledger page read a slice of it in seq order, an account reads a holder's entries in
 * seq order. A plan that sorts in a temporary B-tree, or scans the big tables, costs the whole file or the
 * whole district on every request. The SQL checked is what the service really sends: every statement on
 * credit_events and points_ledger that better-sqlite3 runs while the API answers, with its parameters.
 */
import type Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { pageQuery, planRescore } from '../src/credit/rescore.service.js';
import { createWorld, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const BIG_TABLES = ['credit_events', 'points_ledger'] as const;

interface Issued {
  sql: string;
  params: unknown[];
}

/**
 * Records every statement the app runs from now on. The storage keeps one prepared statement per SQL
 * text, so each statement object is wrapped once, the first time it is handed out.
 */
function recordStatements(sqlite: Database.Database) {
  const issued: Issued[] = [];
  let recording = true;
  const wrapped = new WeakSet<Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((text: string) => {
    const statement = prepare(text);
    if (!wrapped.has(statement)) {
      wrapped.add(statement);
      // Statement declares run/get/all/iterate as class methods; replacing them on this one instance needs an index signature.
      const target = statement as unknown as Record<'run' | 'get' | 'all' | 'iterate', (...args: unknown[]) => unknown>;
      for (const method of ['run', 'get', 'all', 'iterate'] as const) {
        const original = target[method].bind(statement);
        target[method] = (...args: unknown[]) => {
          if (recording) issued.push({ sql: statement.source, params: args.flat() });
          return original(...args);
        };
      }
    }
    return statement;
  }) as typeof sqlite.prepare;
  return {
    /** The reads of the big tables issued since the last call (`every`: of any table). */
    take(every = false): Issued[] {
      const reads = issued.splice(0).filter((s) => /^\s*select/i.test(s.sql) && (every || BIG_TABLES.some((t) => s.sql.includes(`"${t}"`))));
      return reads.filter((s, i) => reads.findIndex((o) => o.sql === s.sql) === i);
    },
    /** The plan of a statement as SQLite would run it with those parameters, one line per step. */
    plan(s: Issued): string[] {
      recording = false;
      try {
        const rows = prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as Array<{ detail: string }>;
        return rows.map((r) => r.detail);
      } finally {
        recording = true;
      }
    },
  };
}

/** Two residents with files and points; a few thousand rows more, copied, so the tables are not toy-sized. */
async function seeded() {
  const w = await createWorld();
  // From the start: the prepared queries of the hot paths are prepared on their first use, during seeding.
  const statements = recordStatements(w.storage.sqlite);
  const recorder = w.keys.chongming.recorder;
  const transit = await w.client('chongming', 'recorder', '交通委');
  const ids = [IDS.residentA, IDS.residentB];
  const residents: string[] = [];
  for (const id of ids) residents.push(await w.register('chongming', 'resident', id));
  for (const [i, resident] of residents.entries()) {
    const events = Array.from({ length: 5 }, (_, n) => ({
      subject: { id: resident },
      code: n % 2 ? 'VIOLATION-REPORT' : 'ILLEGAL-DISCHARGE',
      occurredOn: `2026-0${n + 1}-1${i}`,
      evidence: `记录 ${n}`,
    }));
    const recorded = await w.call('POST', `${D}/credit-events`, { as: recorder, body: { events } });
    expect(recorded.status, recorded.text).toBe(201);
    for (let day = 0; day < 3; day++) {
      w.clock.advanceDays(1);
      const award = await w.call('POST', `${D}/points/awards`, { as: transit, body: { holder: { id: resident }, action: 'GREEN-TRAVEL' } });
      expect(award.status, award.text).toBe(201);
    }
  }
  w.clock.advanceDays(2);
  const sqlite = w.storage.sqlite;
  // Copies of the recorded rows under new ids, spread over the residents.
  sqlite.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO credit_events (id, district_id, subject_id, code, occurred_on, ended_on, recorded_at, recorded_by, agency, evidence, amounts, note, external_id, content_hash)
    SELECT 'evt_copy_' || n.i || '_' || e.seq, e.district_id, e.subject_id, e.code, e.occurred_on, e.ended_on, e.recorded_at, e.recorded_by, e.agency, e.evidence, e.amounts, e.note, NULL, e.content_hash
    FROM n, (SELECT * FROM credit_events WHERE reverses_event_id IS NULL LIMIT 3) e;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
    INSERT INTO points_ledger (id, district_id, holder_id, kind, points, action_code, source, earned_on, available_on, expires_on, reason, recorded_at, recorded_by)
    SELECT 'ple_copy_' || n.i || '_' || p.seq, p.district_id, p.holder_id, p.kind, p.points, p.action_code, p.source, p.earned_on, p.available_on, p.expires_on, p.reason, p.recorded_at, p.recorded_by
    FROM n, (SELECT * FROM points_ledger WHERE kind = 'earn' LIMIT 3) p;
  `);
  return { w, residents, recorder: statements };
}

/**
 * What makes a plan cost more than the rows it returns: a sort in a temporary B-tree, a scan of a big
 * table, or a search of one by the district alone, which walks the whole district (at 7 M events, seconds).
 */
function costly(plan: readonly string[]): string[] {
  return plan.filter(
    (step) =>
      /USE TEMP B-TREE/.test(step) ||
      BIG_TABLES.some((t) => new RegExp(`^SCAN ${t}\\b`).test(step) || new RegExp(`^SEARCH ${t} .*\\(district_id=\\?\\)$`).test(step)),
  );
}

async function plansOf(s: Awaited<ReturnType<typeof seeded>>, path: string, as: string) {
  const res = await s.w.call('GET', path, { as });
  expect(res.status, `${path}: ${res.text}`).toBe(200);
  return s.recorder.take().map((q) => ({ sql: q.sql, plan: s.recorder.plan(q) }));
}

describe('the hot reads follow an index in their sort order', () => {
  const reads: Array<{ what: string; path: (resident: string, w: World) => Promise<string> | string; table: (typeof BIG_TABLES)[number] }> = [
    { what: 'a score reads the whole file', path: (r) => `${D}/subjects/${r}/credit-score`, table: 'credit_events' },
    { what: 'the first page of a credit file', path: (r) => `${D}/subjects/${r}/credit-events?limit=20`, table: 'credit_events' },
    {
      what: 'a later page of a credit file',
      path: async (r, w) => {
        const first = await w.call('GET', `${D}/subjects/${r}/credit-events?limit=20`, { as: w.keys.chongming.auditor });
        return `${D}/subjects/${r}/credit-events?limit=20&cursor=${first.json.nextCursor}`;
      },
      table: 'credit_events',
    },
    { what: 'a points account', path: (r) => `${D}/subjects/${r}/points`, table: 'points_ledger' },
    { what: 'a points balance', path: (r) => `${D}/subjects/${r}/points/balance`, table: 'points_ledger' },
    { what: 'a ledger page, oldest first', path: (r) => `${D}/subjects/${r}/points/ledger?limit=20`, table: 'points_ledger' },
    {
      what: 'a later ledger page, newest first',
      path: async (r, w) => {
        const first = await w.call('GET', `${D}/subjects/${r}/points/ledger?limit=20&order=desc`, { as: w.keys.chongming.auditor });
        return `${D}/subjects/${r}/points/ledger?limit=20&order=desc&cursor=${first.json.nextCursor}`;
      },
      table: 'points_ledger',
    },
  ];

  for (const read of reads) {
    it(`${read.what}: no temporary B-tree, no scan of ${read.table}`, async () => {
      const s = await seeded();
      const resident = s.residents[0] as string;
      const path = await read.path(resident, s.w);
      s.recorder.take();
      const plans = await plansOf(s, path, s.w.keys.chongming.auditor);
      // The read did reach the table it is about: a plan check of nothing would pass whatever the indexes.
      expect(
        plans.filter((p) => p.sql.includes(`"${read.table}"`)),
        path,
      ).not.toHaveLength(0);
      for (const p of plans) expect(costly(p.plan), `${p.sql}\n${p.plan.join('\n')}`).toEqual([]);
    });
  }

  it('a rescore page still reads every file from the covering index, not from the seq-order one', async () => {
    const s = await seeded();
    const ctx = {
      deps: s.w.deps,
      districtId: 'chongming',
      now: s.w.clock.now(),
      principal: { type: 'client' as const, clientId: 'cli', districtId: 'chongming', role: 'bureau' as const, agency: null, name: 'cli' },
    };
    const plan = await planRescore(ctx, { asOf: s.w.clock.now() });
    // The statement rescorePage sends, rendered as the better-sqlite3 driver renders it.
    const query = new SQLiteSyncDialect().sqlToQuery(pageQuery(ctx, plan, '', 500));
    const steps = s.recorder.plan({ sql: query.sql, params: query.params });
    expect(steps.join('\n')).toMatch(/SEARCH e USING COVERING INDEX credit_events_subject \(/);
    expect(costly(steps)).toEqual([]);
  });

  it('the red and black lists read their events and subjects from indexes alone, not a row of either table', async () => {
    const s = await seeded();
    const [listed] = s.residents as [string];
    const damage = await s.w.call('POST', `${D}/credit-events`, {
      as: s.w.keys.chongming.recorder,
      body: { events: [{ subject: { id: listed }, code: 'SERIOUS-ECO-DAMAGE', occurredOn: '2026-06-01', evidence: '现场检查记录' }] },
    });
    expect(damage.status, damage.text).toBe(201);
    s.recorder.take(true);
    const res = await s.w.call('GET', `${D}/credit-lists`, { as: s.w.keys.chongming.auditor });
    expect(res.status, res.text).toBe(200);
    expect(res.json.items.map((i: { subject: { id: string }; list: string }) => [i.subject.id, i.list])).toEqual([[listed, 'black']]);
    const plans = s.recorder.take(true).map((q) => ({ sql: q.sql, plan: s.recorder.plan(q).join('\n') }));
    const events = plans.find((p) => /FROM credit_events e INDEXED BY/.test(p.sql));
    const subjects = plans.find((p) => /FROM subjects\s+WHERE/.test(p.sql));
    // At 7 M events and 700 000 residents a row read from either table is a page read of its own.
    expect(events?.plan).toMatch(/SEARCH e USING COVERING INDEX credit_events_code \(/);
    expect(subjects?.plan).toMatch(/SEARCH subjects USING COVERING INDEX subjects_district_id \(/);
  });

  it('a balance read takes the entries of its holder from an index alone, not a row of the ledger', async () => {
    const s = await seeded();
    const [holder] = s.residents as [string];
    s.recorder.take(true);
    const res = await s.w.call('GET', `${D}/subjects/${holder}/points/balance`, { as: s.w.keys.chongming.bureau });
    expect(res.status, res.text).toBe(200);
    const plans = s.recorder.take(true).map((q) => ({ sql: q.sql, plan: s.recorder.plan(q).join('\n') }));
    const entries = plans.find((p) => /from "points_ledger"/i.test(p.sql));
    // A holder's entries lie one to a page of the table: the index holds what expiry and the balance read.
    expect(entries?.plan).toMatch(/SEARCH points_ledger USING COVERING INDEX points_ledger_holder_seq \(/);
  });

  it('issuing a report looks at no more status entries than the slots it tries: the open list is found from its count', async () => {
    const s = await seeded();
    const [resident] = s.residents as [string];
    const token = await s.w.token('resident', IDS.residentA);
    const bank = (await s.w.call('GET', `${D}/banks`, { as: token })).json.items[0].id as string;
    await s.w.call('POST', `${D}/consents`, { as: token, body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] } });
    for (let n = 0; n < 2; n++) {
      s.recorder.take(true);
      const res = await s.w.call('POST', `${D}/reports`, { as: s.w.keys.chongming.bank, body: { subjectId: resident, purpose: 'loan-application' } });
      expect(res.status, res.text).toBe(201);
    }
    const plans = s.recorder.take(true).map((q) => ({ sql: q.sql, plan: s.recorder.plan(q).join('\n') }));
    const entries = plans.filter((p) => /from "status_entries"/i.test(p.sql));
    // A list holds up to 16 384 tokens: a count of its entries on every issue grew with each one.
    expect(entries.map((p) => p.plan)).toEqual([
      expect.stringMatching(/^SEARCH status_entries USING COVERING INDEX status_entries_slot \(district_id=\? AND list_id=\? AND idx=\?\)$/),
    ]);
    const lists = plans.filter((p) => /from "status_lists"/i.test(p.sql));
    expect(lists.map((p) => p.plan)).toEqual([
      expect.stringMatching(/^SEARCH status_lists USING (COVERING INDEX|PRIMARY KEY|INDEX) \S+ \(district_id=\?\)$/),
    ]);
  });

  it('the check itself sees a sort and a scan where there is one', async () => {
    const s = await seeded();
    const sort = s.recorder.plan({ sql: 'SELECT * FROM "credit_events" WHERE "district_id" = ? ORDER BY "evidence"', params: ['chongming'] });
    expect(costly(sort).join('\n')).toMatch(/USE TEMP B-TREE/);
    const scan = s.recorder.plan({ sql: 'SELECT * FROM "points_ledger" WHERE "reason" = ?', params: ['x'] });
    expect(costly(scan).join('\n')).toMatch(/^SCAN points_ledger/);
    const district = s.recorder.plan({
      sql: 'SELECT "id" FROM "credit_events" WHERE "district_id" = ? AND "recorded_by" = ?',
      params: ['chongming', 'x'],
    });
    expect(costly(district).join('\n')).toMatch(/^SEARCH credit_events .*\(district_id=\?\)$/);
  });
});
