/**
 * Who may call an operation, as data: the one declaration (src/operations/access.ts) from which the
 * access check, the OpenAPI security and 401/403 answers, and the README's role table all follow.
 */
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { fail } from '../errors.js';
import type { AppEnv } from './env.js';
import { type Actor, actorOf, CLIENT_ROLES } from './principal.js';

/** Every kind of authenticated caller, in the order tables list them. */
export const CALLERS: readonly Actor[] = [...CLIENT_ROLES, 'subject'];

/**
 * `public`: no credentials at all (health, the published keys and status lists). Otherwise the kinds of
 * caller that may go on; a subject token only ever reaches its own data, which the services check.
 */
export type Access = 'public' | readonly Actor[];

export function isPublic(access: Access): access is 'public' {
  return access === 'public';
}

/** `GET /v1/districts/:districtId/subjects` → what the declaration says of the operation on that route. */
export type AccessIndex = ReadonlyMap<string, Access>;

/**
 * The check, run once for every request under /v1 after the caller is known. It finds the operation
 * the request matched; a route no declaration covers lets nobody through, so a new route that forgot its
 * entry fails closed (and the app refuses to start, see `undeclaredOperations`).
 */
export function accessCheck(index: () => AccessIndex): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    // The first matched route of the request's method is the operation; middleware matches as ALL.
    const route = matchedRoutes(c).find((r) => r.method === method);
    // No operation answers this method and path. Said here rather than left to the not-found handler,
    // so that nothing registered for every method (`all`) could ever slip past the check.
    if (!route) throw fail.notFound(`no route for ${c.req.method} ${c.req.path}`);
    const access = index().get(`${method} ${route.path}`);
    if (access === undefined) throw fail.forbidden(`no caller may use ${method} ${route.path}: it declares no access`);
    if (isPublic(access)) return next();
    const actor = actorOf(c.var.principal);
    if (!access.includes(actor)) {
      const who = actor === 'subject' ? 'a subject' : `the '${actor}' role`;
      throw fail.forbidden(`${who} may not do this; allowed: ${access.join(', ')}`);
    }
    await next();
  };
}
