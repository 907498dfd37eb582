/**
 * D1 storage for Workers: the same schema through drizzle-orm/d1. D1 has no interactive transactions;
 * its one atomic unit is `batch`, so both atomic helpers map onto it. At most 100 bound parameters a
 * statement: multi-row inserts and IN lists chunk under that.
 */
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import {
  type Atomic,
  type AtomicSql,
  type AtomicStatement,
  insertText,
  isBulkInsert,
  isSqlText,
  type RawStatement,
  type Storage,
} from './database.js';
import * as schema from './schema.js';

/** The part of a D1 binding drizzle needs; the full type comes from @cloudflare/workers-types in the Worker. */
type D1Binding = Parameters<typeof drizzle>[0];

/** What atomicSql uses of the binding directly. */
interface D1Client {
  prepare(sql: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<Array<{ results?: unknown[] }>>;
}

const MAX_BOUND_PARAMETERS = 100;

export function d1Storage(binding: D1Binding): Storage {
  const db = drizzle(binding, { schema });
  const atomic = (async (statements: readonly AtomicStatement[]) =>
    db.batch(statements as unknown as [AtomicStatement, ...AtomicStatement[]])) as unknown as Atomic;
  // drizzle's batch takes only its query builders; raw statements are rendered by its dialect (parameters
  // stay bound) and batched on the binding itself, which is the same single transaction.
  const dialect = new SQLiteAsyncDialect();
  const client = binding as unknown as D1Client;
  const atomicSql: AtomicSql = async (statements: readonly RawStatement[]) => {
    // A bulk insert becomes several statements of the batch; `owner` maps each result back to its statement.
    const bound: unknown[] = [];
    const owner: number[] = [];
    statements.forEach((s, i) => {
      if (isBulkInsert(s)) {
        const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / s.columns.length));
        for (let r = 0; r < s.rows.length; r += perStatement) {
          const chunk = s.rows.slice(r, r + perStatement);
          bound.push(client.prepare(insertText(s.insertInto, s.columns, chunk.length)).bind(...chunk.flat()));
          owner.push(i);
        }
        return;
      }
      const q = isSqlText(s) ? { sql: s.text, params: s.params } : dialect.sqlToQuery(s as SQL);
      bound.push(client.prepare(q.sql).bind(...q.params));
      owner.push(i);
    });
    const results = bound.length > 0 ? await client.batch(bound) : [];
    const rows: Array<Array<Record<string, unknown>>> = statements.map(() => []);
    results.forEach((r, k) => {
      if (!isBulkInsert(statements[owner[k] as number] as RawStatement))
        rows[owner[k] as number] = (r.results ?? []) as Array<Record<string, unknown>>;
    });
    return rows;
  };
  return { db: db as unknown as Storage['db'], atomic, atomicSql, maxBoundParameters: MAX_BOUND_PARAMETERS };
}
