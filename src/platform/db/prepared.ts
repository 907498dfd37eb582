import type { Db } from './database.js';

/**
 * A query on a hot path (every authenticated request, every score), built once per database and run
 * with placeholder values. drizzle otherwise renders the SQL text of a query builder on every call; the
 * reports benchmark measured that rendering as a fifth of a signed report's time. Keyed by the database
 * object, so each test's in-memory database and each D1 binding gets its own.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const byDb = new WeakMap<Db, Q>();
  return (db) => {
    let query = byDb.get(db);
    if (query === undefined) {
      query = build(db);
      byDb.set(db, query);
    }
    return query;
  };
}
