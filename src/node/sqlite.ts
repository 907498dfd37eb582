/**
 * better-sqlite3 storage, the embedded default. Node only: imported by the Node entry, the CLI and tests,
 * never by the app factory.
 */
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { type Atomic, type AtomicSql, type AtomicStatement, insertText, isBulkInsert, isSqlText, type Storage } from '../platform/db/database.js';
import * as schema from '../platform/db/schema.js';
import { LruCache } from '../platform/lru.js';

export const migrationsFolder = fileURLToPath(new URL('../platform/db/migrations', import.meta.url));

/**
 * drizzle asks better-sqlite3 to prepare every statement again on every query, and the benchmarks
 * measured preparing as the largest single SQLite cost of a request. A statement is reusable, so keep
 * one per SQL text (bounded, oldest evicted). drizzle switches a statement to raw (array) mode for
 * mapped results and never back: hand out every cached reader in object mode, as a fresh one would be.
 */
function cachePreparedStatements(sqlite: Database.Database, observe: QueryObserver | undefined, size = 512): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new LruCache<string, Database.Statement>(size);
  sqlite.prepare = ((text: string) => {
    const statement = cache.getOrSet(text, () => {
      const fresh = prepare(text);
      if (observe) timed(fresh, observe);
      return fresh;
    });
    if (statement.reader) statement.raw(false);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Told how long each statement took, in seconds, and whether it read or wrote (for the metrics). */
export type QueryObserver = (kind: 'read' | 'write', seconds: number) => void;

/** Times a statement's executing methods; once per statement, since statements are cached. */
function timed(statement: Database.Statement, observe: QueryObserver): void {
  const kind = statement.reader ? 'read' : 'write';
  const target = statement as unknown as Record<'run' | 'get' | 'all', (...args: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all'] as const) {
    const original = target[method].bind(statement);
    target[method] = (...args: unknown[]) => {
      const started = performance.now();
      try {
        return original(...args);
      } finally {
        observe(kind, (performance.now() - started) / 1000);
      }
    };
  }
}

/** Opens (or creates) a database file, or `:memory:`, and brings it to the current schema. */
export function openSqliteStorage(
  filename: string,
  options: { observeQuery?: QueryObserver } = {},
): Storage & { close(): void; sqlite: Database.Database } {
  const sqlite = new Database(filename);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cachePreparedStatements(sqlite, options.observeQuery);
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

  const prepare = (text: string) => sqlite.prepare(text);
  const atomicSql: AtomicSql = async (statements) =>
    sqlite.transaction(() =>
      statements.map((statement) => {
        if (isBulkInsert(statement)) {
          const insert = prepare(insertText(statement.insertInto, statement.columns));
          for (const row of statement.rows) insert.run(row);
          return [];
        }
        // Rendering through drizzle keeps parameters bound; better-sqlite3 then runs each inside the transaction.
        const { sql: text, params } = isSqlText(statement) ? { sql: statement.text, params: statement.params } : dialect.sqlToQuery(statement as SQL);
        const prepared = prepare(text);
        if (!prepared.reader) {
          prepared.run(params as unknown[]);
          return [];
        }
        return prepared.all(params as unknown[]) as Array<Record<string, unknown>>;
      }),
    )();

  const probe = async () => {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (sqlite.memory) return;
    const reader = new Database(sqlite.name, { readonly: true, fileMustExist: true });
    try {
      reader.prepare('SELECT count(*) FROM sqlite_master').get();
    } finally {
      reader.close();
    }
  };

  return { db, atomic, atomicSql, maxBoundParameters: 32_000, probe, close: () => sqlite.close(), sqlite };
}
