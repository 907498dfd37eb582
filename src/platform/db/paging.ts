/**
 * Keyset paging: a page is the rows after the last key of the page before, in the key's order, so a
 * page costs the same however deep it is and rows written meanwhile neither repeat nor vanish. One
 * more row than the page holds is read to tell whether there is a next page.
 */
import { asc, desc, gt, lt, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export interface Page<T> {
  items: T[];
  /** The key of the page's last row, when there are rows after it; what the caller sends back as `cursor`. */
  nextCursor: string | null;
}

export interface KeysetOptions {
  /** The key of the last row of the page before; undefined: the first page. */
  after?: number | string | undefined;
  limit: number;
  /** asc: smallest key first; desc: largest first, and `after` is then an upper bound. */
  order?: 'asc' | 'desc' | undefined;
}

/** The condition, order and row count of one page over a unique, ordered key column. */
export function keyset(column: SQLiteColumn, options: KeysetOptions): { where: SQL | undefined; orderBy: SQL; take: number } {
  const newestFirst = options.order === 'desc';
  const where = options.after === undefined ? undefined : newestFirst ? lt(column, options.after) : gt(column, options.after);
  return { where, orderBy: newestFirst ? desc(column) : asc(column), take: options.limit + 1 };
}

/** The page the rows read with keyset()'s `take` make: at most `limit` of them, and the cursor after the last. */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => number | string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? String(keyOf(last)) : null };
}
