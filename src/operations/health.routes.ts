/**
 * Probes for load balancers and service managers: `/health` says the process answers (it touches
 * nothing else, so a slow database never gets a live process killed); `/ready` says it can serve.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { DomainError } from '../platform/errors.js';
import { createRouter, ProblemSchema } from '../platform/http/openapi.js';
import { PROBLEM_CONTENT_TYPE } from '../platform/http/problem.js';
import { SERVICE_VERSION } from '../platform/version.js';
import { readiness } from './readiness.service.js';

const Check = z.object({
  name: z.enum(['database', 'migrations', 'signingKeys']),
  ok: z.boolean(),
  detail: z.string(),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['Operations'],
  summary: 'Liveness: the process answers',
  description: 'Touches neither the database nor the keys, so it stays fast and says only that the process is alive. Needs no credentials.',
  responses: {
    200: {
      description: 'Alive',
      content: {
        'application/json': {
          schema: z
            .object({ status: z.literal('ok'), version: z.string(), time: z.string() })
            .openapi('Health', { example: { status: 'ok', version: SERVICE_VERSION, time: '2026-11-24T02:00:00.000Z' } }),
        },
      },
    },
  },
});

const ReadyBody = z.object({ status: z.literal('ready'), checks: z.array(Check) }).openapi('Readiness', {
  example: {
    status: 'ready',
    checks: [
      { name: 'database', ok: true, detail: 'answers' },
      { name: 'migrations', ok: true, detail: 'all applied' },
      { name: 'signingKeys', ok: true, detail: '2 active keys loaded' },
    ],
  },
});

const NotReady = ProblemSchema.extend({ checks: z.array(Check) }).openapi('NotReady', {
  example: {
    type: 'https://eco-credit.example.cn/problems/not-ready',
    title: 'Not ready',
    status: 503,
    detail: 'migrations: not applied: 0001_ledger_index',
    code: 'not-ready',
    message: '服务暂未就绪，请稍后再试。',
    checks: [
      { name: 'database', ok: true, detail: 'answers' },
      { name: 'migrations', ok: false, detail: 'not applied: 0001_ledger_index' },
      { name: 'signingKeys', ok: false, detail: 'not checked: the schema is not current' },
    ],
  },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  operationId: 'getReadiness',
  tags: ['Operations'],
  summary: 'Readiness: the database answers, its schema is current, the signing keys are loaded',
  description:
    'Each check with what it found. 503 (`not-ready`) while any fails: keep the instance out of rotation. Needs no credentials; the reasons name no secret and no raw error.',
  responses: {
    200: { description: 'Ready to serve', content: { 'application/json': { schema: ReadyBody } } },
    503: { description: 'Not ready; `checks` says which check failed', content: { [PROBLEM_CONTENT_TYPE]: { schema: NotReady } } },
  },
});

export const healthRoutes = createRouter()
  .openapi(healthRoute, (c) => c.json({ status: 'ok' as const, version: SERVICE_VERSION, time: c.var.deps.clock.now().toISOString() }, 200))
  .openapi(readyRoute, async (c) => {
    const checks = await readiness(c.var.deps);
    const failed = checks.filter((x) => !x.ok);
    if (failed.length > 0) {
      throw new DomainError('not-ready', failed.map((x) => `${x.name}: ${x.detail}`).join('; '), { extensions: { checks } });
    }
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ready' as const, checks }, 200);
  });
