import { eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { districts } from '../db/schema.js';
import { fail } from '../errors.js';
import type { AppEnv } from './env.js';

/**
 * Tenant isolation at the door: a client key belongs to one district and can reach no other.
 * Every query behind this point also filters on the district id, so a missed check here still finds nothing.
 */
// Districts are created, never deleted: once seen, a district need not be looked up again.
const known = new WeakMap<object, Set<string>>();

export const districtScope: MiddlewareHandler<AppEnv> = async (c, next) => {
  const districtId = c.req.param('districtId') ?? '';
  const principal = c.var.principal;
  if (principal.type === 'client' && principal.districtId !== districtId) {
    throw fail.forbidden(`this API key belongs to district '${principal.districtId}', not '${districtId}'`);
  }
  let seen = known.get(c.var.deps.storage);
  if (!seen) {
    seen = new Set();
    known.set(c.var.deps.storage, seen);
  }
  if (!seen.has(districtId)) {
    const [district] = await c.var.deps.storage.db.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId));
    if (!district) throw fail.notFound(`no district '${districtId}'`);
    seen.add(districtId);
  }
  await next();
};
