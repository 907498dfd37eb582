import { createRoute, z } from '@hono/zod-openapi';
import { fail } from '../platform/errors.js';
import { createRouter, DistrictParam, problemResponses } from '../platform/http/openapi.js';
import { serviceContext } from '../platform/http/service-context.js';
import { districtPolicy } from './district-policy.service.js';
import { CLAIM_GROUPS, PURPOSES } from './kinds/district-policy/body.js';
import { RuleSetRefSchema } from './schemas.js';

const ClaimGroup = z.enum(CLAIM_GROUPS);

export const DistrictPolicySchema = z
  .object({
    ruleSet: RuleSetRefSchema,
    timeZone: z.string(),
    objectionAnswerDays: z.number().int(),
    reportValidDays: z.number().int(),
    credentialValidDays: z.number().int(),
    consentDays: z.object({ default: z.number().int(), max: z.number().int() }),
    retention: z.object({ negativeYears: z.number(), positiveYears: z.number() }).describe('For behaviour lists that state none of their own'),
    purposes: z.record(z.enum(PURPOSES), z.array(ClaimGroup)).describe('The claim groups a report or presentation for each purpose may carry'),
  })
  .openapi('DistrictPolicy');

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/district-policy',
  operationId: 'getDistrictPolicy',
  tags: ['Rules'],
  summary: 'The district policy in force: deadlines, validity periods, consent limits, what each purpose may receive',
  description:
    'The published `district-policy` version in force at `asOf` (default now): the days an objection may wait for its answer, how long reports and credentials stay valid, how long a consent lasts by default and at most, how long records count when their behaviour list says nothing, the time zone, and the claim groups each purpose may receive. Any key of the district or a subject token.',
  request: {
    params: DistrictParam,
    query: z.strictObject({
      asOf: z.iso
        .datetime({ offset: true })
        .optional()
        .openapi({ description: 'The policy in force at this instant', example: '2026-11-24T02:00:00Z' }),
    }),
  },
  responses: {
    200: { description: 'The policy', content: { 'application/json': { schema: DistrictPolicySchema } } },
    ...problemResponses(400, 404),
  },
});

export const districtPolicyRoutes = createRouter().openapi(getRoute, async (c) => {
  const ctx = serviceContext(c);
  const { asOf } = c.req.valid('query');
  const at = asOf ? new Date(asOf) : ctx.now;
  if (at > ctx.now) throw fail.field('/asOf', 'asOf cannot be in the future');
  const p = await districtPolicy(ctx, at);
  return c.json(
    {
      ruleSet: p.ruleSet,
      timeZone: p.timeZone,
      objectionAnswerDays: p.objectionAnswerDays,
      reportValidDays: p.reportValidDays,
      credentialValidDays: p.credentialValidDays,
      consentDays: { default: p.consentDefaultDays, max: p.consentMaxDays },
      retention: p.retention,
      purposes: Object.fromEntries(PURPOSES.map((purpose) => [purpose, [...p.claimsFor(purpose)]])) as Record<
        (typeof PURPOSES)[number],
        Array<(typeof CLAIM_GROUPS)[number]>
      >,
    },
    200,
  );
});
