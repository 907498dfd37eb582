/**
 * better-sqlite3 storage, the embedded default. Node only: imported by the Node entry, the CLI and tests,
 * never by the app factory.
 */
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Atomic, AtomicSql, AtomicStatement, Storage } from './database.js';
import * as schema from './schema.js';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens (or creates) a database file, or `:memory:`, and brings it to the current schema. */
export function openSqliteStorage(filename: string): Storage & { close(): void } {
  const sqlite = new Database(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  const dialect = new SQLiteSyncDialect();
  migrate(db, { migrationsFolder });

  const atomic = (async (statements: readonly AtomicStatement[]) => {
    const runAll = sqlite.transaction(() =>
      // Every atomic statement is built with .returning(), so .all() applies to each; drizzle's batch
      // statement type does not expose the sync methods, hence the narrow cast.
      statements.map((s) => (s as unknown as { all(): unknown }).all()),
    );
    return runAll();
  }) as Atomic;

  // Preparing costs more than running for these statements (measured by the points benchmark): keep the
  // prepared form of each distinct SQL text, bounded, oldest evicted first.
  const prepared = new Map<string, Database.Statement>();
  const prepare = (text: string) => {
    let statement = prepared.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      if (prepared.size >= 256) prepared.delete(prepared.keys().next().value as string);
      prepared.set(text, statement);
    }
    return statement;
  };
  const atomicSql: AtomicSql = async (statements) =>
    sqlite.transaction(() =>
      statements.map((statement) => {
        // Rendering through drizzle keeps parameters bound; better-sqlite3 then runs each inside the transaction.
        const { sql: text, params } = dialect.sqlToQuery(statement);
        return prepare(text).all(...(params as unknown[])) as Array<Record<string, unknown>>;
      }),
    )();

  return { db, atomic, atomicSql, maxBoundParameters: 32_000, close: () => sqlite.close() };
}
