/**
 * Inputs for the credit benchmark: resident ID numbers with valid check characters, the resident
 * behaviour codes of scoring-rules/resident-behaviours.yaml with a plausible mix, and the app's
 * dependencies on a database file, built as tests/support/world.ts builds them.
 */
import type Database from 'better-sqlite3';
import { readShippedRules } from '../src/node/shipped-rules.js';
import { useNodeCrypto } from '../src/node/sync-crypto.js';
import type { Clock } from '../src/platform/clock.js';
import type { Storage } from '../src/platform/db/database.js';
import { type AppDeps, DEFAULT_IDEMPOTENCY_LEASE_MS } from '../src/platform/deps.js';
import { residentIdCheckChar } from '../src/platform/identifiers/resident-id.js';
import { memoryKeyStore } from '../src/platform/key-store.js';
import { silentLogger } from '../src/platform/logger.js';

/** Resident number `n` (unique below 16.8M): region 310230 (崇明), a birth date between 1950 and 1999. */
export function residentIdNumber(n: number): string {
  const year = 1950 + (n % 50);
  const month = 1 + (Math.floor(n / 50) % 12);
  const day = 1 + (Math.floor(n / 600) % 28);
  const seq = Math.floor(n / 16_800) % 1000;
  const first17 = `310230${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export interface Amount {
  name: string;
  value: string;
  unit: string;
}

export interface ResidentCode {
  code: string;
  /** Points per event as the behaviour list gives them (TREE-PLANTING: 0.5 per tree). */
  points: number;
  /** Relative frequency in the generated files. */
  weight: number;
  amounts?: (rnd: () => number) => Amount[];
}

/** The resident behaviour list, mirrored by hand; the naive SQL baseline uses the same points. */
export const RESIDENT_CODES: readonly ResidentCode[] = [
  { code: 'WASTE-SORTING', points: 1, weight: 45 },
  { code: 'VOLUNTEER-DAY', points: 2, weight: 12 },
  { code: 'TREE-PLANTING', points: 0.5, weight: 4, amounts: (rnd) => [{ name: 'trees', value: String(1 + Math.floor(rnd() * 6)), unit: 'tree' }] },
  { code: 'PILOT-COUNTY', points: 6, weight: 1 },
  { code: 'PILOT-CITY', points: 8, weight: 0.5 },
  { code: 'PILOT-PROVINCE', points: 10, weight: 0.3 },
  { code: 'PILOT-NATIONAL', points: 30, weight: 0.1 },
  { code: 'VIOLATION-REPORT', points: 2, weight: 6 },
  { code: 'ILLEGAL-DISCHARGE', points: -3, weight: 8 },
  { code: 'FERTILISER-MISUSE', points: -3, weight: 6 },
  { code: 'SERIOUS-ECO-DAMAGE', points: -20, weight: 0.05 },
  {
    code: 'CARBON-REDUCTION',
    points: 0,
    weight: 10,
    amounts: (rnd) => [{ name: 'co2e_kg', value: (1 + rnd() * 200).toFixed(2), unit: 'kg-co2e' }],
  },
];

/** The codes the benchmark's recorder (生态环境局) may record, with their mix in the API batches. */
export const RECORDER_AGENCY = '生态环境局';
export const RECORDER_CODES: readonly ResidentCode[] = RESIDENT_CODES.filter((c) =>
  ['VIOLATION-REPORT', 'ILLEGAL-DISCHARGE', 'SERIOUS-ECO-DAMAGE', 'CARBON-REDUCTION'].includes(c.code),
);

/** Draws codes by weight with one uniform number. */
export function codePicker(codes: readonly ResidentCode[]): (rnd: () => number) => ResidentCode {
  const total = codes.reduce((s, c) => s + c.weight, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const c of codes) {
    sum += c.weight / total;
    cumulative.push(sum);
  }
  return (rnd) => {
    const u = rnd();
    for (let i = 0; i < codes.length; i++) if (u < (cumulative[i] as number)) return codes[i] as ResidentCode;
    return codes[codes.length - 1] as ResidentCode;
  };
}

/** `SUM(<this>)` gives each event's list points, uncapped: what a naive SQL report would add up. */
export function naivePointsSql(column = 'code'): string {
  const cases = RESIDENT_CODES.filter((c) => c.code !== 'TREE-PLANTING' && c.points !== 0).map((c) => `WHEN '${c.code}' THEN ${c.points}`);
  // TREE-PLANTING's points come from its amount: 0.5 per tree.
  const trees = `WHEN 'TREE-PLANTING' THEN 0.5 * json_extract(amounts, '$[0].value')`;
  return `CASE ${column} ${cases.join(' ')} ${trees} ELSE 0 END`;
}

/** YYYY-MM-DD, `days` after `date` (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The app's dependencies on a storage, as in tests/support/world.ts, but in production mode (and Node's hashing, as the server runs it). */
export function benchDeps(storage: Storage, clock: Clock): AppDeps {
  useNodeCrypto();
  return {
    storage,
    clock,
    secrets: { idNumberHmacKey: new Uint8Array(32).fill(7), apiKeyPepper: new Uint8Array(32).fill(9) },
    subjectIssuers: [],
    shippedRules: readShippedRules(),
    signingKeys: memoryKeyStore(),
    config: { environment: 'production', maxBodyBytes: 8 * 1024 * 1024, idempotencyLeaseMs: DEFAULT_IDEMPOTENCY_LEASE_MS },
    logger: silentLogger,
    yieldToOthers: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

/** A second connection with the pragmas openSqliteStorage sets (WAL is a property of the file). */
export function tunePragmas(sqlite: Database.Database): Database.Database {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

export const EVENT_INSERT_SQL = `INSERT INTO credit_events
  (id, district_id, subject_id, code, occurred_on, ended_on, recorded_at, recorded_by, agency, evidence, amounts, note, reverses_event_id, external_id, content_hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export const EVENT_COLUMNS_SQL =
  'id, district_id, subject_id, code, occurred_on, ended_on, recorded_at, recorded_by, agency, evidence, amounts, note, reverses_event_id, external_id, content_hash';
