/**
 * The app factory: one Hono app built from injected dependencies, the same on Node, on Workers and
 * in tests. Nothing here imports a driver or a Node API.
 */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { compensationRoutes } from './compensation/compensation.routes.js';
import { creditEventRoutes } from './credit/events.routes.js';
import { creditListRoutes } from './credit/lists.routes.js';
import { objectionRoutes } from './credit/objections.routes.js';
import { rescoreRoutes } from './credit/rescore.routes.js';
import { creditScoreRoutes } from './credit/scores.routes.js';
import { districtRoutes } from './districts/districts.routes.js';
import { gepAccountRoutes } from './gep/accounts.routes.js';
import { gepRoutes } from './gep/gep.routes.js';
import { subjectRoutes } from './identity/subjects.routes.js';
import { loanRoutes } from './loans/loans.routes.js';
import { accessIndex, accessMismatches } from './operations/access.js';
import { docsRoutes } from './operations/docs.routes.js';
import { healthRoutes } from './operations/health.routes.js';
import { enrichDocument } from './operations/openapi-enrich.js';
import { landing } from './pages/landing.js';
import { pagesRoutes } from './pages/pages.routes.js';
import type { AppDeps } from './platform/deps.js';
import { DomainError } from './platform/errors.js';
import { type Access, accessCheck } from './platform/http/access.js';
import { authenticate } from './platform/http/auth.js';
import { districtScope } from './platform/http/district-scope.js';
import type { AppEnv } from './platform/http/env.js';
import { idempotency } from './platform/http/idempotency.js';
import { asPrincipal } from './platform/http/in-process.js';
import { observeRequests, operationIndex } from './platform/http/observe.js';
import { createRouter } from './platform/http/openapi.js';
import { PROBLEM_CONTENT_TYPE, Problem } from './platform/http/problem.js';
import { SERVICE_VERSION } from './platform/version.js';
import { pointsRoutes } from './points/points.routes.js';
import { jwksRoutes, reportRoutes } from './reports/reports.routes.js';
import { districtPolicyRoutes } from './rules/district-policy.routes.js';
import { ruleSetRoutes } from './rules/rule-sets.routes.js';
import { unitRoutes } from './rules/units.routes.js';

export const API_VERSION = SERVICE_VERSION;

function problemResponse(c: Context<AppEnv>, problem: Problem): Response {
  const body = problem.toBody(c.req.path);
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (problem.status === 401) headers['www-authenticate'] = 'Bearer realm="eco-credit"';
  return c.body(JSON.stringify({ ...body, requestId: c.var.requestId }), problem.status as 400, headers);
}

/** Hono's own 4xx answers (malformed JSON, wrong media type, oversized body) in our problem shape. */
function fromHttpException(error: HTTPException): Problem {
  const status = error.status;
  if (status === 415) {
    return new Problem('unsupported-media-type', 'send the body as application/json', [
      { pointer: '/Content-Type', in: 'header', detail: 'must be application/json' },
    ]);
  }
  if (status === 413) return new Problem('body-too-large', error.message || 'the body is too large');
  if (status === 401) return new Problem('unauthenticated', error.message || 'credentials are needed');
  if (status === 403) return new Problem('forbidden', error.message || 'forbidden');
  if (status === 404) return new Problem('not-found', error.message || 'not found');
  const detail = error.message || 'the body could not be parsed';
  return new Problem('malformed-body', detail, [{ pointer: '', in: 'body', detail }]);
}

export function createApp(deps: AppDeps) {
  const app = createRouter();

  app.use('*', requestId({ headerName: 'x-request-id' }));
  // On every answer, errors and pages included: no content sniffing, no URL leaked to another site.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  });
  let operations: Map<string, string> | undefined;
  app.use(
    '*',
    observeRequests(deps, () => {
      operations ??= operationIndex(app.openAPIRegistry);
      return operations;
    }),
  );
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: deps.config.maxBodyBytes,
      onError: () => {
        throw new DomainError('body-too-large', `the body may be at most ${deps.config.maxBodyBytes} bytes`, {
          fields: [{ pointer: '', detail: `larger than ${deps.config.maxBodyBytes} bytes` }],
        });
      },
    }),
  );
  app.use('/v1/*', authenticate);
  app.use('/v1/districts/:districtId/*', districtScope);
  app.use('/v1/districts/:districtId', districtScope);
  // Who may call what, from the one declaration; before the Idempotency-Key is claimed, so that a
  // caller who may not do this writes nothing at all.
  let access: Map<string, Access> | undefined;
  app.use(
    '/v1/*',
    accessCheck(() => {
      operations ??= operationIndex(app.openAPIRegistry);
      access ??= accessIndex(operations);
      return access;
    }),
  );
  app.use('/v1/districts/:districtId/*', idempotency);

  app.route('/', districtRoutes);
  app.route('/', subjectRoutes);
  app.route('/', ruleSetRoutes);
  app.route('/', unitRoutes);
  app.route('/', districtPolicyRoutes);
  // Registered in this order so that /openapi.json lists the credit operations as it always has.
  app.route('/', creditEventRoutes);
  app.route('/', creditScoreRoutes);
  app.route('/', objectionRoutes);
  app.route('/', creditListRoutes);
  app.route('/', rescoreRoutes);
  app.route('/', pointsRoutes);
  app.route('/', gepRoutes);
  app.route('/', gepAccountRoutes);
  app.route('/', loanRoutes);
  app.route('/', compensationRoutes);
  app.route('/', reportRoutes);
  app.route('/', jwksRoutes);

  // Pages call the JSON API of this very app in-process, as the signed-in visitor.
  app.route(
    '/app',
    pagesRoutes((path, init, principal) => app.request(path, init, asPrincipal(principal))),
  );

  app.get('/', (c) => landing(c, API_VERSION));
  app.route('/', healthRoutes);

  // An operation nobody declared would be refused to everyone: say so at start, not at the first call.
  const mismatches = accessMismatches(
    app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' && d.route.operationId ? [{ operationId: d.route.operationId, path: d.route.path }] : [],
    ),
  );
  const wrong = Object.entries(mismatches).filter(([, ids]) => ids.length > 0);
  if (wrong.length > 0) {
    throw new Error(`src/operations/access.ts does not match the routes: ${wrong.map(([what, ids]) => `${what}: ${ids.join(', ')}`).join('; ')}`);
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`eck_…`) for bureaus, recorders, banks and auditors, or a subject token (JWT) from the identity provider.',
  });
  // Generated once, on first request, then served from memory.
  let openApiJson: string | undefined;
  app.get('/openapi.json', (c) => {
    openApiJson ??= JSON.stringify(
      enrichDocument(
        app.getOpenAPI31Document({
          openapi: '3.1.0',
          info: {
            title: 'Eco-credit service',
            version: API_VERSION,
            description:
              'Ecological credit files and scores, ecological points, GEP eco-loans, compensation allocations and signed credit reports for Chinese districts.',
            // OpenAPI 3.1 names a licence by SPDX identifier; the generator's type still has 3.0's (name, url).
            license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' } as { name: string },
          },
          servers: [{ url: '/' }],
        }),
      ),
    );
    return c.body(openApiJson, 200, { 'content-type': 'application/json' });
  });
  app.route('/', docsRoutes);

  app.notFound((c) => problemResponse(c, new Problem('not-found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (error instanceof DomainError) return problemResponse(c, Problem.from(error));
    if (error instanceof HTTPException) return problemResponse(c, fromHttpException(error));
    deps.logger.error('unhandled error', {
      requestId: c.var.requestId,
      path: c.req.path,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    return problemResponse(c, new Problem('internal', 'something went wrong on our side; quote the request id when you report it'));
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
