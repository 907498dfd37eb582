/**
 * Idempotency-Key for POSTs that create something (the IETF httpapi draft's semantics, with 409 for a
 * reused key): a retry with the same key and body gets the first answer again, replayed from storage;
 * the same key with another body is refused.
 *
 * The key is claimed with a conditional insert before the handler runs, so two concurrent requests with
 * one key cannot both execute; failures release the claim so the client may retry.
 */
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { idempotencyRecords } from '../db/schema.js';
import { DomainError, fail } from '../errors.js';
import { sha256Hex } from '../util/crypto.js';
import type { AppEnv } from './env.js';
import { principalRef } from './principal.js';

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (key.length < 8 || key.length > 128) {
    throw fail.invalid('the Idempotency-Key header must be 8 to 128 characters', [
      { pointer: '/Idempotency-Key', in: 'header', detail: 'must be 8 to 128 characters' },
    ]);
  }
  const { storage, clock } = c.var.deps;
  const districtId = c.req.param('districtId') ?? '';
  const principal = principalRef(c.var.principal);
  const requestHash = await sha256Hex(`${c.req.method} ${c.req.path}\n${await c.req.text()}`);
  const where = and(eq(idempotencyRecords.districtId, districtId), eq(idempotencyRecords.principal, principal), eq(idempotencyRecords.key, key));

  const claimed = await storage.db
    .insert(idempotencyRecords)
    .values({ districtId, principal, key, requestHash, state: 'pending', createdAt: clock.now().toISOString() })
    .onConflictDoNothing()
    .returning({ key: idempotencyRecords.key });

  if (claimed.length === 0) {
    const [earlier] = await storage.db.select().from(idempotencyRecords).where(where);
    if (!earlier) throw new DomainError('idempotency-in-progress', 'a request with this Idempotency-Key is being processed; retry shortly');
    if (earlier.requestHash !== requestHash) {
      throw new DomainError('idempotency-key-reused', 'this Idempotency-Key was used with a different request body');
    }
    if (earlier.state !== 'done') {
      throw new DomainError('idempotency-in-progress', 'a request with this Idempotency-Key is being processed; retry shortly');
    }
    return c.body(earlier.responseBody ?? '', (earlier.responseStatus ?? 200) as 200, {
      'content-type': 'application/json',
      'idempotent-replayed': 'true',
    });
  }

  try {
    await next();
  } catch (error) {
    await storage.db.delete(idempotencyRecords).where(where);
    throw error;
  }
  if (c.res.status >= 200 && c.res.status < 300) {
    const body = await c.res.clone().text();
    await storage.db.update(idempotencyRecords).set({ state: 'done', responseStatus: c.res.status, responseBody: body }).where(where);
  } else {
    await storage.db.delete(idempotencyRecords).where(where);
  }
};
