import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { serviceContext } from '../platform/http/service-context.js';
import { diff, getAllocation, listRuns, runAllocation, simulate } from './allocations.service.js';
import { ALLOCATION_EXAMPLE, AllocationInputSchema, AllocationResultSchema } from './schemas.js';

const VersionParam = DistrictParam.extend({
  versionId: pathId('versionId'),
});
const RuleSetParam = DistrictParam.extend({
  ruleSetId: pathId('ruleSetId', { max: 80 }),
});

const simulateRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-set-versions/{versionId}/simulation',
  operationId: 'simulateRuleSet',
  tags: ['Compensation'],
  summary: 'Run a draft (or any version) on given inputs, or on the last run’s, without storing anything',
  description:
    'For the bureau: runs the allocation of a version (a draft, or the one in force) on the inputs given, or on those of its last run, and returns the full result without storing anything.',
  request: {
    params: VersionParam,
    body: jsonBody(z.strictObject({ inputs: AllocationInputSchema.optional() }).openapi('SimulateRuleSet')),
  },
  responses: {
    200: {
      description: 'The simulated allocation',
      content: { 'application/json': { schema: z.object({ inputsFrom: z.enum(['given', 'last-run']), result: AllocationResultSchema }) } },
    },
    ...problemResponses(400, 404, 415, 422),
  },
});

const Stats = z.object({
  mean: z.string().openapi({ description: 'The mean amount, yuan to the fen (half up), as a decimal string', example: '6000000.00' }),
  median: z.string().openapi({
    description: 'The median amount, yuan to the fen (half up; of an even count, the mean of the two middle amounts), as a decimal string',
    example: '5800000.00',
  }),
  gini: z.number().openapi({ description: 'The Gini coefficient of the amounts, to six places: it describes, it decides nothing' }),
});

const diffRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rule-sets/{ruleSetId}/diff',
  operationId: 'diffRuleSets',
  tags: ['Compensation'],
  summary: 'Who gains and who loses how many yuan if a version replaces the published one',
  description:
    'Both versions run on the same inputs (given, or the last run’s). Per recipient: change in yuan and percent, and who crossed a floor or cap; summary statistics (mean, median, Gini) before and after.',
  request: {
    params: RuleSetParam,
    body: jsonBody(
      z
        .strictObject({
          candidateVersionId: z.string().min(1).max(64),
          baseVersionId: z.string().min(1).max(64).optional().openapi({ description: 'Default: the version in force today' }),
          inputs: AllocationInputSchema.optional(),
        })
        .openapi('DiffRuleSets'),
    ),
  },
  responses: {
    200: {
      description: 'The difference',
      content: {
        'application/json': {
          schema: z
            .object({
              ruleSetId: z.string(),
              base: z.object({ versionId: z.string(), hash: z.string(), status: z.string() }),
              candidate: z.object({ versionId: z.string(), hash: z.string(), status: z.string() }),
              period: z.string(),
              changes: z.array(
                z.object({
                  id: z.string(),
                  before: z.string().nullable(),
                  after: z.string().nullable(),
                  change: z.string(),
                  changePercent: z.string().nullable(),
                  crossed: z.array(z.string()),
                }),
              ),
              totalChange: z.string(),
              summary: z.object({ before: Stats, after: Stats }),
              before: AllocationResultSchema,
              after: AllocationResultSchema,
            })
            .openapi('RuleSetDiff'),
        },
      },
    },
    ...problemResponses(400, 404, 415, 422),
  },
});

const runRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/allocations',
  operationId: 'runAllocation',
  tags: ['Compensation'],
  summary: 'Allocate a fund with the rule set in force, and keep the run',
  description:
    'The result sums exactly to the fund, to the fen (largest remainder, ties stated), and records the version and inputs so that it can be re-run years later.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    // One flat object, not an allOf over AllocationInput: with additionalProperties false on each part,
    // strict validators would refuse the very fields the other part declares.
    body: jsonBody(
      z
        .strictObject({ ruleSetId: z.string().min(1).max(80), ...AllocationInputSchema.shape })
        .openapi('RunAllocation', { example: { ruleSetId: 'town-eco-fund', ...ALLOCATION_EXAMPLE } }),
    ),
  },
  responses: {
    201: {
      description: 'The allocation',
      content: {
        'application/json': {
          schema: z.object({ id: z.string(), versionId: z.string(), createdAt: z.string(), result: AllocationResultSchema }).openapi('Allocation'),
        },
      },
    },
    ...problemResponses(400, 404, 409, 413, 415, 422),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/allocations/{allocationId}',
  operationId: 'getAllocation',
  tags: ['Compensation'],
  summary: 'An allocation as it was run; with recompute=true, run again from its stored version and inputs and say whether it matches to the fen',
  description:
    'For the bureau and auditors: the allocation as run, with the rule set id and hash, the inputs and every step. `recompute=true` runs it again from the stored version and inputs and says whether it matches to the fen.',
  request: {
    params: DistrictParam.extend({
      allocationId: pathId('allocationId'),
    }),
    query: z.strictObject({ recompute: z.enum(['true', 'false']).optional() }),
  },
  responses: {
    200: {
      description: 'The allocation',
      content: {
        'application/json': {
          schema: z.object({
            id: z.string(),
            versionId: z.string(),
            createdAt: z.string(),
            createdBy: z.string(),
            reproduced: z.boolean().nullable(),
            result: AllocationResultSchema,
          }),
        },
      },
    },
    ...problemResponses(400, 404),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/allocations',
  operationId: 'listAllocations',
  tags: ['Compensation'],
  summary: 'Allocations run in the district, newest first (heads only; getAllocation has the recipients)',
  description:
    'Each run with its rule set, version, hash, period, fund and total, so that a bureau finds the run it wants to read again, re-run or compare.',
  request: {
    params: DistrictParam,
    query: z.strictObject({
      ruleSetId: z.string().min(1).max(80).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(20),
    }),
  },
  responses: {
    200: {
      description: 'Runs',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z
                .object({
                  id: z.string(),
                  ruleSetId: z.string(),
                  versionId: z.string(),
                  hash: z.string(),
                  period: z.string(),
                  fund: z.string().nullable(),
                  total: z.string(),
                  createdAt: z.string(),
                  createdBy: z.string(),
                })
                .openapi('AllocationRunHead'),
            ),
          }),
        },
      },
    },
    ...problemResponses(400),
  },
});

export const compensationRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listRuns(serviceContext(c), c.req.valid('query')) }, 200))
  .openapi(simulateRoute, async (c) => c.json(await simulate(serviceContext(c), c.req.valid('param').versionId, c.req.valid('json').inputs), 200))
  .openapi(diffRoute, async (c) => {
    const body = c.req.valid('json');
    return c.json(await diff(serviceContext(c), c.req.valid('param').ruleSetId, body.candidateVersionId, body.baseVersionId, body.inputs), 200);
  })
  .openapi(runRoute, async (c) => {
    const { ruleSetId, ...request } = c.req.valid('json');
    const { run, result } = await runAllocation(serviceContext(c), ruleSetId, request);
    return c.json({ id: run.id, versionId: run.versionId, createdAt: run.createdAt, result }, 201);
  })
  .openapi(getRoute, async (c) => {
    const { run, result, reproduced } = await getAllocation(
      serviceContext(c),
      c.req.valid('param').allocationId,
      c.req.valid('query').recompute === 'true',
    );
    return c.json({ id: run.id, versionId: run.versionId, createdAt: run.createdAt, createdBy: run.createdBy, reproduced, result }, 200);
  });
