/**
 * One log line and one metrics sample per request, named by the operation that answered it.
 *
 * The line carries who asked (client id and role, or the kind of subject), the district, the status and
 * the time taken, and never anything secret or personal: no header, no query string, no body, no
 * subject lookup hash. Paths carry only internal ids.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from './env.js';

type Registry = OpenAPIHono<AppEnv>['openAPIRegistry'];

/** `GET /v1/districts/:districtId/subjects` → `listSubjects`, from the routes the OpenAPI document describes. */
export function operationIndex(registry: Registry): Map<string, string> {
  const index = new Map<string, string>();
  for (const d of registry.definitions) {
    if (d.type !== 'route' || !d.route.operationId) continue;
    const honoPath = d.route.path.replace(/\{([^}]+)\}/g, ':$1');
    index.set(`${d.route.method.toUpperCase()} ${honoPath}`, d.route.operationId);
  }
  return index;
}

const DISTRICT_IN_PATH = /^\/(?:v1\/)?districts\/([a-z][a-z0-9-]{1,39})(?:\/|$)/;

/**
 * The route that answered: the first matched route of the request's method (middleware registered with
 * `use` matches as ALL); an operationId where the document names one, else the route's pattern, so that
 * metric labels stay few. Middleware that refused the request (401, 403, 413) is named by the operation
 * it guarded.
 */
function operationOf(c: Parameters<MiddlewareHandler<AppEnv>>[0], index: Map<string, string>): string {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  for (const route of matchedRoutes(c)) {
    if (route.method !== method) continue;
    return index.get(`${method} ${route.path}`) ?? route.path;
  }
  return 'unmatched';
}

export function observeRequests(deps: AppDeps, operations: () => Map<string, string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const operationId = operationOf(c, operations());
    const principal = c.get('principal');
    const who =
      principal?.type === 'client'
        ? { clientId: principal.clientId, role: principal.role }
        : principal?.type === 'subject'
          ? { role: 'subject', subjectKind: principal.subjectKind }
          : {};
    deps.logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      operationId,
      status: c.res.status,
      ms: Math.round(seconds * 1000 * 10) / 10,
      district: DISTRICT_IN_PATH.exec(c.req.path)?.[1],
      ...who,
    });
    deps.metrics?.request({ operationId, method: c.req.method, status: c.res.status, seconds });
  };
}
