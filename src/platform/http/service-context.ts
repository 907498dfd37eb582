import type { Context } from 'hono';
import type { ServiceContext } from '../context.js';
import type { AppEnv } from './env.js';

/** The bridge from a request to a service verb: who, which district, when. */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  return {
    deps: c.var.deps,
    principal: c.var.principal,
    districtId: c.req.param('districtId') ?? '',
    now: c.var.deps.clock.now(),
    outcome: c.var.outcome,
  };
}
