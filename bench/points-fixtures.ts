/**
 * Inputs for the points benchmark: the raw better-sqlite3 handle behind a storage, and a district's
 * ledger generated as the service would have written it (the resident actions of
 * scoring-rules/points-catalogue.yaml with a plausible mix, and now and then a redemption).
 */
import type Database from 'better-sqlite3';
import type { Storage } from '../src/platform/db/database.js';
import { newId } from '../src/platform/util/ids.js';
import { addDays } from './credit-fixtures.js';

/**
 * The better-sqlite3 connection a storage from openSqliteStorage() runs on. Storage exposes only the
 * drizzle database (so that the app cannot depend on one driver); drizzle keeps the driver's client as
 * `$client`, which its public types leave out for the driver-neutral Db type. The baselines need the
 * very connection (same file, same pragmas, same page cache) to prepare their own statements on.
 */
export function sqliteClientOf(storage: Storage): Database.Database {
  return (storage.db as unknown as { $client: Database.Database }).$client;
}

/** Every column the service writes (all but `seq`), in one order for the raw statements. */
export const LEDGER_COLUMNS = [
  'id',
  'district_id',
  'holder_id',
  'kind',
  'points',
  'action_code',
  'source',
  'earned_on',
  'available_on',
  'expires_on',
  'dedup_key',
  'lot_id',
  'redemption_id',
  'reason',
  'evidence',
  'recorded_at',
  'recorded_by',
  'rule_set_id',
  'rule_set_hash',
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerValues = Record<LedgerColumn, string | number | null>;

export const LEDGER_INSERT_SQL = `INSERT INTO points_ledger (${LEDGER_COLUMNS.join(', ')}) VALUES (${LEDGER_COLUMNS.map(() => '?').join(', ')})`;

export const ledgerParams = (v: LedgerValues): Array<string | number | null> => LEDGER_COLUMNS.map((c) => v[c]);

interface ResidentAction {
  code: string;
  title: string;
  weight: number;
  points: (rnd: () => number) => number;
  delayDays?: number;
  source?: string;
  /** `{reference}` de-duplication: a unique key per award. */
  dedup?: boolean;
}

/** The resident actions of the shipped catalogue, mirrored by hand, with how often each is awarded. */
const RESIDENT_ACTIONS: readonly ResidentAction[] = [
  { code: 'WASTE-SORTING', title: '垃圾分类投放', weight: 40, points: () => 2 },
  { code: 'GREEN-TRAVEL', title: '绿色出行（公交地铁）', weight: 25, points: () => 10, delayDays: 1, source: 'transit-app' },
  { code: 'WALKING', title: '步行', weight: 20, points: (rnd) => 10 + Math.floor(rnd() * 41), delayDays: 1, source: 'fitness-app' },
  { code: 'UTILITY-BILL-E', title: '电子账单缴费', weight: 6, points: () => 20, source: 'utility-company' },
  { code: 'VOLUNTEER-DAY', title: '生态志愿服务', weight: 5, points: () => 50 },
  { code: 'TREE-PLANTING', title: '义务植树', weight: 2, points: (rnd) => 10 * (1 + Math.floor(rnd() * 3)) },
  { code: 'VIOLATION-REPORT', title: '举报生态环境违法（经查实）', weight: 2, points: () => 100, dedup: true },
];

const REDEMPTION_SHARE = 0.05;
const REDEMPTION_COST = 50;

export interface GeneratedLedger {
  /** Rows inserted. */
  rows: number;
  /** What each holder's balance must be on `today` (all points are available and none has expired). */
  balances: number[];
  redemptions: number;
}

/**
 * Inserts `entries` ledger entries for `holderIds`, earned on the `days` days before `today`, day by day
 * and oldest first so that `seq` follows time as it would in production. A redemption of 50 points is
 * drawn now and then where the holder's balance covers it. No lot expires before `today`: the caller picks
 * `days` so that the earliest lot (expiring at the end of the following year) is still valid. Unique
 * indexes are checked when they are built again at the end, so a duplicate still fails the load.
 */
export function loadLedger(
  raw: Database.Database,
  opts: {
    districtId: string;
    holderIds: readonly string[];
    entries: number;
    today: string;
    days: number;
    rnd: () => number;
    recordedBy: string;
    ruleSet: { id: string; hash: string };
  },
): GeneratedLedger {
  const { districtId, holderIds, entries, today, days, rnd, recordedBy, ruleSet } = opts;
  const totalWeight = RESIDENT_ACTIONS.reduce((s, a) => s + a.weight, 0);
  const pick = (): ResidentAction => {
    let u = rnd() * totalWeight;
    for (const a of RESIDENT_ACTIONS) {
      u -= a.weight;
      if (u < 0) return a;
    }
    return RESIDENT_ACTIONS[RESIDENT_ACTIONS.length - 1] as ResidentAction;
  };
  const balances = holderIds.map(() => 0);
  const insert = raw.prepare(LEDGER_INSERT_SQL);
  let written = 0;
  let redemptions = 0;
  const insertDays = raw.transaction((fromDay: number, toDay: number) => {
    for (let d = fromDay; d < toDay; d++) insertDay(d);
  });
  const insertDay = (d: number) => {
    const earnedOn = addDays(today, d - days);
    const at = new Date(`${earnedOn}T02:00:00Z`);
    const recordedAt = at.toISOString();
    const expires = `${Number(earnedOn.slice(0, 4)) + 1}-12-31`;
    const from = Math.floor((d * entries) / days);
    const to = Math.floor(((d + 1) * entries) / days);
    for (let n = from; n < to; n++) {
      const h = Math.floor(rnd() * holderIds.length);
      const holderId = holderIds[h] as string;
      const balance = balances[h] as number;
      // Full literals: five shared fields spread into a literal with fourteen more measured 11-19 µs a row here.
      let row: LedgerValues;
      if (balance >= 2 * REDEMPTION_COST && rnd() < REDEMPTION_SHARE) {
        row = {
          id: newId('ple', at),
          district_id: districtId,
          holder_id: holderId,
          kind: 'redeem',
          points: -REDEMPTION_COST,
          action_code: null,
          source: null,
          earned_on: earnedOn,
          available_on: earnedOn,
          expires_on: null,
          dedup_key: null,
          lot_id: null,
          redemption_id: newId('red', at),
          reason: 'redeemed: 东平国家森林公园门票',
          evidence: null,
          recorded_at: recordedAt,
          recorded_by: `subject:bench-${h}`,
          rule_set_id: null,
          rule_set_hash: null,
        };
        redemptions++;
      } else {
        const action = pick();
        row = {
          id: newId('ple', at),
          district_id: districtId,
          holder_id: holderId,
          kind: 'earn',
          points: action.points(rnd),
          action_code: action.code,
          source: action.source ?? null,
          earned_on: earnedOn,
          available_on: action.delayDays ? addDays(earnedOn, action.delayDays) : earnedOn,
          expires_on: expires,
          dedup_key: action.dedup ? `${action.code}|bench-${n}` : null,
          lot_id: null,
          redemption_id: null,
          reason: action.title,
          evidence: null,
          recorded_at: recordedAt,
          recorded_by: recordedBy,
          rule_set_id: ruleSet.id,
          rule_set_hash: ruleSet.hash,
        };
      }
      insert.run(ledgerParams(row));
      balances[h] = balance + (row.points as number);
      written++;
    }
  };
  // The secondary indexes are dropped for the load and built again from their own definitions: kept in
  // place, the two keyed by holder make each insert a random write into a large B-tree, and the load
  // takes several times longer (measured here: 6 s against under 2 s for 200 000 rows).
  const indexes = raw
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'points_ledger' AND sql IS NOT NULL")
    .all() as Array<{ name: string; sql: string }>;
  for (const ix of indexes) raw.exec(`DROP INDEX "${ix.name}"`);
  // The same for the trigger that keeps the monthly sums: the sums are made again from the ledger after the load.
  const triggers = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'points_ledger'").all() as Array<{
    name: string;
    sql: string;
  }>;
  for (const tr of triggers) raw.exec(`DROP TRIGGER "${tr.name}"`);
  // About 20 000 rows a transaction, so that few commits write the same pages again.
  const daysPerTransaction = Math.max(1, Math.floor((days * 20_000) / Math.max(entries, 1)));
  for (let d = 0; d < days; d += daysPerTransaction) insertDays(d, Math.min(days, d + daysPerTransaction));
  raw.transaction(() => {
    for (const ix of indexes) raw.exec(ix.sql);
    raw.exec(`DELETE FROM points_monthly;
      INSERT INTO points_monthly (district_id, month, kind, action_code, points)
      SELECT district_id, substr(earned_on, 1, 7), kind, coalesce(action_code, ''), sum(points) FROM points_ledger GROUP BY 1, 2, 3, 4`);
    for (const tr of triggers) raw.exec(tr.sql);
  })();
  return { rows: written, balances, redemptions };
}
