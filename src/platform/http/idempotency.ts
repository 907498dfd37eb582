/**
 * Idempotency-Key for POSTs (the IETF httpapi draft's semantics, with 409 for a reused key): a retry
 * with the same key and body gets the first answer again; the same key with another body is refused.
 *
 * A request claims the key for a lease (AppConfig.idempotencyLeaseMs) before its handler runs, so two
 * concurrent requests with one key cannot both execute. The service writes its result in the same atomic
 * unit as its business write (platform/db/outcome.ts), and the answer is stored when it is sent. So after
 * a crash:
 * - before the write committed: the claim stays pending until its lease ends, then a retry takes it over
 *   and runs the request once;
 * - after the write, before the answer was stored: a retry finds the committed result and gets the answer
 *   built from it, with nothing written twice.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { OutcomeRecord } from '../context.js';
import { idempotencyRecords } from '../db/schema.js';
import { DomainError, fail } from '../errors.js';
import { sha256Hex } from '../util/crypto.js';
import { newId } from '../util/ids.js';
import type { AppEnv } from './env.js';
import { principalRef } from './principal.js';

type IdempotencyRow = typeof idempotencyRecords.$inferSelect;

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (key.length < 8 || key.length > 128) {
    throw fail.invalid('the Idempotency-Key header must be 8 to 128 characters', [
      { pointer: '/Idempotency-Key', in: 'header', detail: 'must be 8 to 128 characters' },
    ]);
  }
  const { storage, clock, config } = c.var.deps;
  const { db } = storage;
  const districtId = c.req.param('districtId') ?? '';
  const principal = principalRef(c.var.principal);
  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const ofKey = and(eq(idempotencyRecords.districtId, districtId), eq(idempotencyRecords.principal, principal), eq(idempotencyRecords.key, key));
  const now = clock.now();
  const claim = newId('idc', now);
  const leaseUntil = new Date(now.getTime() + config.idempotencyLeaseMs).toISOString();

  const claimed = await db
    .insert(idempotencyRecords)
    .values({ districtId, principal, key, requestHash, state: 'pending', claim, leaseUntil, createdAt: now.toISOString() })
    .onConflictDoNothing()
    .returning({ key: idempotencyRecords.key });

  let committed: { result: unknown } | undefined;
  if (claimed.length === 0) {
    const [earlier] = await db.select().from(idempotencyRecords).where(ofKey);
    if (!earlier) throw inProgress(config.idempotencyLeaseMs);
    if (earlier.requestHash !== requestHash) {
      throw new DomainError('idempotency-key-reused', 'this Idempotency-Key was used with a different request body');
    }
    if (earlier.state === 'done') return replay(c, earlier);
    if (earlier.state === 'pending' && earlier.leaseUntil > now.toISOString()) {
      throw inProgress(Date.parse(earlier.leaseUntil) - now.getTime());
    }
    // A pending claim whose lease ran out (its request died), or a committed write whose answer was
    // never stored: this retry takes the key over. Only one retry can win the conditional update.
    const [taken] = await db
      .update(idempotencyRecords)
      .set({ claim, leaseUntil })
      .where(and(ofKey, eq(idempotencyRecords.claim, earlier.claim), eq(idempotencyRecords.state, earlier.state)))
      .returning({ key: idempotencyRecords.key });
    if (!taken) throw inProgress(config.idempotencyLeaseMs);
    if (earlier.state === 'committed') committed = { result: JSON.parse(earlier.result ?? 'null') as unknown };
  }

  const mine = and(ofKey, eq(idempotencyRecords.claim, claim));
  const outcome: OutcomeRecord = {
    statement: (result, onlyIf) =>
      db
        .update(idempotencyRecords)
        .set({ state: 'committed', result: JSON.stringify(result ?? null) })
        .where(and(mine, eq(idempotencyRecords.state, 'pending'), onlyIf ? sql`EXISTS (${onlyIf})` : undefined))
        .returning({ key: idempotencyRecords.key }),
    committed,
  };
  c.set('outcome', outcome);
  // Failures before the write release the key so the client may retry; a committed write keeps it.
  const release = () => db.delete(idempotencyRecords).where(and(mine, eq(idempotencyRecords.state, 'pending')));
  try {
    await next();
  } catch (error) {
    await release();
    throw error;
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    const body = await c.res.clone().text();
    await db.update(idempotencyRecords).set({ state: 'done', responseStatus: c.res.status, responseBody: body }).where(mine);
    if (committed) {
      c.res.headers.set('idempotent-replayed', 'true');
      c.var.deps.metrics?.count('idempotentReplays', c.req.param('districtId') ?? '');
    }
  } else {
    await release();
  }
};

function replay(c: Parameters<MiddlewareHandler<AppEnv>>[0], earlier: IdempotencyRow): Response {
  c.var.deps.metrics?.count('idempotentReplays', c.req.param('districtId') ?? '');
  return c.body(earlier.responseBody ?? '', (earlier.responseStatus ?? 200) as 200, {
    'content-type': 'application/json',
    'idempotent-replayed': 'true',
  });
}

function inProgress(retryAfterMs: number): DomainError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new DomainError('idempotency-in-progress', `a request with this Idempotency-Key is being processed; retry in ${seconds} s`, {
    extensions: { retryAfterSeconds: seconds },
  });
}
