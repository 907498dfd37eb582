import type { SQL } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

/**
 * The drizzle database as the app sees it, whatever the driver: better-sqlite3 is 'sync', D1 is 'async'.
 * Always `await` queries: better-sqlite3 queries are thenables, D1's are promises.
 */
// biome-ignore lint/suspicious/noExplicitAny: the run-result type differs per driver; nothing reads it (we use .returning()).
export type Db = BaseSQLiteDatabase<'sync' | 'async', any, typeof schema>;

/** A statement that may be part of an atomic write. Build it with `.returning()` so both drivers give rows back. */
export type AtomicStatement = BatchItem<'sqlite'>;

/**
 * Runs a fixed list of statements as one unit: all or nothing.
 * better-sqlite3: one synchronous transaction. D1: one `db.batch`, D1's only atomic unit.
 * There is no interactive transaction on D1, so a check that must hold at write time is written into
 * the statement itself (INSERT … SELECT … WHERE, UPDATE … WHERE, ON CONFLICT) and confirmed from the
 * rows it returns.
 */
export type Atomic = <T extends readonly [AtomicStatement, ...AtomicStatement[]]>(statements: T) => Promise<BatchResponse<T>>;

/**
 * A statement as SQL text and its parameters, already rendered. For hot paths that write thousands of
 * rows a request: drizzle renders a multi-row insert value by value, which the credit benchmark measured
 * at more than the insert itself. The text is built once from the schema's column names.
 */
export interface SqlText {
  text: string;
  params: readonly unknown[];
}

/**
 * Many rows into one table, each a list of values in the order of `columns`. Each driver writes them its
 * fastest way: better-sqlite3 runs one prepared single-row INSERT per row (measured faster here than
 * multi-row statements), D1 sends multi-row INSERTs under its 100 bound parameters.
 */
export interface BulkInsert {
  insertInto: string;
  columns: readonly string[];
  rows: ReadonlyArray<readonly unknown[]>;
}

export type RawStatement = SQL | SqlText | BulkInsert;

export const isSqlText = (s: RawStatement): s is SqlText => typeof (s as SqlText).text === 'string' && Array.isArray((s as SqlText).params);
export const isBulkInsert = (s: RawStatement): s is BulkInsert => typeof (s as BulkInsert).insertInto === 'string';

/** `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows. */
export function insertText(table: string, columns: readonly string[], rows = 1): string {
  const one = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
}

/**
 * The same, for statements drizzle's builders cannot express (INSERT … SELECT with computed values and
 * checks in the WHERE), as drizzle SQL, as text, or as a bulk insert: a statement that ends in RETURNING
 * gives back its rows, any other gives back none.
 */
export type AtomicSql = (statements: readonly RawStatement[]) => Promise<Array<Array<Record<string, unknown>>>>;

export interface Storage {
  db: Db;
  atomic: Atomic;
  atomicSql: AtomicSql;
  /** SQLite limits bound parameters per statement; D1 allows 100. Multi-row inserts chunk under this. */
  maxBoundParameters: number;
  /**
   * For readiness: reads the database as a new reader would, past any cache of the open connection
   * (a file deleted or damaged under a running service still answers from that cache). Throws when it cannot.
   */
  probe?(): Promise<void>;
}

/** Splits rows so that each multi-row insert stays under the driver's bound-parameter limit. */
export function chunkRows<T>(rows: readonly T[], columnsPerRow: number, maxBoundParameters: number): T[][] {
  const size = Math.max(1, Math.floor(maxBoundParameters / columnsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
