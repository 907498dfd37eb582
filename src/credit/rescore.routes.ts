import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { inBackground } from '../platform/http/background.js';
import type { AppEnv } from '../platform/http/env.js';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { serviceContext } from '../platform/http/service-context.js';
import { RESCORE_STATUSES, SUBJECT_KINDS } from '../platform/vocabulary.js';
import { RuleSetRefSchema } from '../rules/schemas.js';
import { getRescoreJob, isAbandoned, listRescoreJobs, type RescoreJob, runRescoreJob, startRescore } from './rescore-jobs.service.js';

const AsOf = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), {
    message: 'a date (YYYY-MM-DD, end of that day in China) or an ISO-8601 instant',
  })
  .openapi({ example: '2026-11-23' });

/** A date means the end of that day in China; an instant is taken as is. */
const asOfInstant = (s: string): Date => new Date(s.length === 10 ? `${s}T23:59:59.999+08:00` : s);

const RescoreJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(RESCORE_STATUSES),
    asOf: z.string().describe('The instant scored as of: nothing recorded later counts, and the rules are those in force then'),
    scorecardId: z.string().nullable().describe("The scorecard asked for; null: each kind's primary scorecard"),
    progress: z.object({
      subjectsTotal: z.number().int().describe('Subjects registered by asOf, of the kinds scored'),
      subjectsDone: z.number().int(),
      eventsDone: z.number().int().describe('Events on file at asOf in the files scored so far, corrections included'),
    }),
    results: z
      .array(
        z.object({
          subjectKind: z.enum(SUBJECT_KINDS),
          ruleSets: z.object({ scorecard: RuleSetRefSchema, behaviourList: RuleSetRefSchema }),
          subjects: z.number().int(),
          grades: z.record(z.string(), z.number().int()).describe('Subjects in each grade (so far, while running)'),
        }),
      )
      .describe('Per kind of subject: the rule sets scored with (id, version, hash) and the subjects in each grade'),
    error: z.object({ code: z.string(), detail: z.string() }).nullable().describe('Why a failed rescore stopped'),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('RescoreJob');

const toBody = (job: RescoreJob): z.infer<typeof RescoreJobSchema> => ({
  id: job.id,
  status: job.status,
  asOf: job.asOf,
  scorecardId: job.scorecardId,
  progress: { subjectsTotal: job.subjectsTotal, subjectsDone: job.subjectsDone, eventsDone: job.eventsDone },
  results: job.results,
  error: job.error,
  createdAt: job.createdAt,
  updatedAt: job.updatedAt,
  finishedAt: job.finishedAt,
});

const JobParam = DistrictParam.extend({ jobId: pathId('jobId') });

const startRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/rescore-jobs',
  operationId: 'startRescore',
  tags: ['Credit'],
  summary: 'Rescore every subject of the district as of an instant: a job to follow',
  description:
    'For the bureau, e.g. after publishing a new scorecard: scores every subject registered by `asOf` (default: now) with the rules in force then, the named scorecard or each kind’s primary one. Answers 202 at once with the job; follow it with getRescoreJob (the Location header) until its status is done. Reproducible: nothing recorded after `asOf` counts, so the same job run again gives the same grades.',
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({
          asOf: AsOf.optional(),
          scorecard: z.string().min(1).max(80).optional().openapi({ description: "A scorecard in force; default: each kind's primary one" }),
        })
        .openapi('StartRescore', { example: { asOf: '2026-11-23' } }),
    ),
  },
  responses: {
    202: {
      description: 'Started; follow it at the Location given',
      headers: { location: { description: 'The job, for getRescoreJob', schema: { type: 'string' as const } } },
      content: { 'application/json': { schema: RescoreJobSchema } },
    },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/rescore-jobs/{jobId}',
  operationId: 'getRescoreJob',
  tags: ['Credit'],
  summary: 'A rescore job: how far it is, and the subjects in each grade',
  description:
    'Progress (subjects scored of those to score), then the result: per kind of subject, the rule sets used and the number of subjects in each grade. A job whose process stopped is taken up again where it stopped when it is read.',
  request: { params: JobParam },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: RescoreJobSchema } } },
    ...problemResponses(404),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/rescore-jobs',
  operationId: 'listRescoreJobs',
  tags: ['Credit'],
  summary: 'The latest rescore jobs of the district, newest first',
  description: 'The 20 latest rescore jobs with their progress and results.',
  request: { params: DistrictParam },
  responses: {
    200: { description: 'Jobs', content: { 'application/json': { schema: z.object({ items: z.array(RescoreJobSchema) }) } } },
  },
});

/** Runs the job's slices after the answer, in this process (Node) or for as long as the Worker may. */
function runLater(c: Context<AppEnv>, jobId: string): void {
  const ctx = serviceContext(c);
  // A slice's context has no outcome record: the job's own lease makes each slice safe to repeat.
  const background = { ...ctx, outcome: undefined };
  inBackground(c, () => runRescoreJob(background, jobId));
}

export const rescoreRoutes = createRouter()
  .openapi(startRoute, async (c) => {
    const body = c.req.valid('json');
    const job = await startRescore(serviceContext(c), { asOf: body.asOf ? asOfInstant(body.asOf) : undefined, scorecard: body.scorecard });
    if (job.status === 'running') runLater(c, job.id);
    c.header('location', `/v1/districts/${c.req.valid('param').districtId}/rescore-jobs/${job.id}`);
    return c.json(toBody(job), 202);
  })
  .openapi(getRoute, async (c) => {
    const ctx = serviceContext(c);
    const { jobId } = c.req.valid('param');
    const job = await getRescoreJob(ctx, jobId);
    if (job.status === 'running' && (await isAbandoned(ctx, jobId))) runLater(c, jobId);
    return c.json(toBody(job), 200);
  })
  .openapi(listRoute, async (c) => c.json({ items: (await listRescoreJobs(serviceContext(c))).map(toBody) }, 200));
