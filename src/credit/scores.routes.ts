/** A subject's credit score and grade, with the reasons, as of any moment. */
import { createRoute, z } from '@hono/zod-openapi';
import { SubjectSchema, toSubject } from '../identity/schemas.js';
import { createRouter, problemResponses, SubjectParam } from '../platform/http/openapi.js';
import { AsOf, asOfInstant } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { CREDIT_LISTS } from '../platform/vocabulary.js';
import { RuleSetRefSchema } from '../rules/schemas.js';
import { getCreditScore } from './score.service.js';

const SubjectStatementSchema = z
  .object({
    objectionId: z.string(),
    statement: z.string(),
    filedAt: z.string(),
    status: z.enum(['open', 'rejected']),
    dueOn: z.string(),
    resolution: z.string().nullable().describe('The answer that rejected the objection'),
    resolvedAt: z.string().nullable(),
  })
  .openapi('SubjectStatement');

const CountedEvent = z
  .object({
    eventId: z.string(),
    code: z.string(),
    title: z.string(),
    occurredOn: z.string(),
    endedOn: z.string().nullable(),
    points: z.number(),
    uncappedPoints: z.number().optional(),
    stopsCountingOn: z.string(),
    disputed: z.boolean(),
    statements: z.array(SubjectStatementSchema).optional().describe('The subject’s statements (异议声明) on this record, open or rejected'),
  })
  .openapi('CountedEvent');

const ScorecardResultSchema = z
  .object({
    asOf: z.string(),
    primary: z.boolean().describe("The district's primary scorecard for this kind of subject"),
    baseScore: z.number().describe("The scorecard's starting score; the items add to it (within the scorecard's minimum and maximum)"),
    score: z.number(),
    grade: z.string(),
    gradeLabel: z.string(),
    scoreGrade: z.string().describe('The grade the score alone gives, before overrides such as the one-vote veto'),
    items: z.array(
      z.object({
        id: z.string(),
        reason: z.string(),
        points: z.number(),
        uncapped: z.number().optional(),
        fact: z.string().optional(),
        value: z.union([z.number(), z.boolean(), z.string()]).optional(),
        events: z.array(CountedEvent),
      }),
    ),
    overrides: z.array(z.object({ id: z.string(), reason: z.string(), grade: z.string(), events: z.array(CountedEvent) })),
    stoppedCounting: z.array(
      z.object({
        eventId: z.string(),
        code: z.string(),
        title: z.string(),
        occurredOn: z.string(),
        endedOn: z.string().nullable(),
        stoppedCountingOn: z.string(),
      }),
    ),
    lists: z.array(z.object({ list: z.enum(CREDIT_LISTS), eventId: z.string(), code: z.string(), title: z.string(), until: z.string() })),
    disputed: z.array(z.object({ eventId: z.string(), objectionId: z.string(), statement: z.string(), dueOn: z.string() })),
    statements: z
      .array(SubjectStatementSchema.extend({ eventId: z.string() }))
      .describe('Every statement on a record that still counts: kept after a rejected objection until the record stops counting'),
    ruleSets: z.object({
      scorecard: RuleSetRefSchema,
      behaviourList: RuleSetRefSchema,
      districtPolicy: RuleSetRefSchema.optional().describe('Present when the behaviour list left how long a record counts to the district policy'),
    }),
  })
  .openapi('CreditScorecardResult');

const CreditScoreSchema = ScorecardResultSchema.extend({
  subject: SubjectSchema,
  scorecards: z
    .array(ScorecardResultSchema)
    .describe(
      'Every scorecard in force for the subject, each scored from its own behaviour list (the primary first); with ?scorecard=, that one only',
    ),
}).openapi('CreditScore');

const scoreRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/credit-score',
  operationId: 'getCreditScore',
  tags: ['Credit'],
  summary: "A subject's score and grade, with a reason for every point",
  description:
    'Computed from the credit file on every call. The top level is the primary scorecard (or the one named with `scorecard`); `scorecards` holds every scorecard in force for the subject, side by side (a village eco-credit card and a carbon account, say), each from its own behaviour list. `asOf` reproduces the scores as they were at that moment, with the rules then in force, ignoring anything recorded later. Disputed events are marked.',
  request: {
    params: SubjectParam,
    query: z.strictObject({
      asOf: AsOf.optional(),
      scorecard: z
        .string()
        .min(1)
        .max(80)
        .optional()
        .openapi({ description: "Another scorecard than the district's primary one, e.g. resident-carbon-account" }),
    }),
  },
  responses: {
    200: { description: 'The score', content: { 'application/json': { schema: CreditScoreSchema } } },
    ...problemResponses(400, 404, 422),
  },
});

export const creditScoreRoutes = createRouter().openapi(scoreRoute, async (c) => {
  const { subjectId } = c.req.valid('param');
  const q = c.req.valid('query');
  const ctx = serviceContext(c);
  const { subject, score, scorecards } = await getCreditScore(ctx, subjectId, {
    asOf: q.asOf ? asOfInstant(q.asOf) : undefined,
    scorecard: q.scorecard,
    all: q.scorecard === undefined,
  });
  return c.json({ subject: toSubject(subject), ...score, scorecards }, 200);
});
