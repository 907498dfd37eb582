/**
 * D1 storage for Workers: the same schema through drizzle-orm/d1. D1 has no interactive transactions;
 * its one atomic unit is `batch`, so both atomic helpers map onto it. At most 100 bound parameters a
 * statement: multi-row inserts and IN lists chunk under that.
 */
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Atomic, AtomicSql, AtomicStatement, Storage } from './database.js';
import * as schema from './schema.js';

/** The part of a D1 binding drizzle needs; the full type comes from @cloudflare/workers-types in the Worker. */
type D1Binding = Parameters<typeof drizzle>[0];

/** What atomicSql uses of the binding directly. */
interface D1Client {
  prepare(sql: string): { bind(...values: unknown[]): unknown };
  batch(statements: unknown[]): Promise<Array<{ results?: unknown[] }>>;
}

export function d1Storage(binding: D1Binding): Storage {
  const db = drizzle(binding, { schema });
  const atomic = (async (statements: readonly AtomicStatement[]) =>
    db.batch(statements as unknown as [AtomicStatement, ...AtomicStatement[]])) as unknown as Atomic;
  // drizzle's batch takes only its query builders; raw statements are rendered by its dialect (parameters
  // stay bound) and batched on the binding itself, which is the same single transaction.
  const dialect = new SQLiteAsyncDialect();
  const client = binding as unknown as D1Client;
  const atomicSql: AtomicSql = async (statements: readonly SQL[]) => {
    const prepared = statements.map((s) => {
      const q = dialect.sqlToQuery(s);
      return client.prepare(q.sql).bind(...q.params);
    });
    const results = await client.batch(prepared);
    return results.map((r) => (r.results ?? []) as Array<Record<string, unknown>>);
  };
  return { db: db as unknown as Storage['db'], atomic, atomicSql, maxBoundParameters: 100 };
}
