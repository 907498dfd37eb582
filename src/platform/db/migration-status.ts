/**
 * Whether a database has every migration this build ships. Node applies them with drizzle's migrator,
 * which records each one's timestamp in `__drizzle_migrations`; wrangler applies the same folder to D1
 * and records each file name in `d1_migrations`. Both are read from the ledger that exists.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './database.js';
import journal from './migrations/meta/_journal.json' with { type: 'json' };

interface LedgerTable {
  name: string;
}

/** The tags of the migrations the database lacks; empty when it is current. */
export async function missingMigrations(db: Db): Promise<string[]> {
  const tables = (await db.all(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'd1_migrations')`,
  )) as LedgerTable[];
  const names = new Set(tables.map((t) => t.name));
  const entries = journal.entries;
  if (names.has('__drizzle_migrations')) {
    const rows = (await db.all(sql`SELECT created_at AS at FROM __drizzle_migrations`)) as Array<{ at: number | string }>;
    const applied = new Set(rows.map((r) => Number(r.at)));
    return entries.filter((e) => !applied.has(e.when)).map((e) => e.tag);
  }
  if (names.has('d1_migrations')) {
    const rows = (await db.all(sql`SELECT name FROM d1_migrations`)) as Array<{ name: string }>;
    const applied = new Set(rows.map((r) => r.name.replace(/\.sql$/, '')));
    return entries.filter((e) => !applied.has(e.tag)).map((e) => e.tag);
  }
  return entries.map((e) => e.tag);
}
