/** A subject's objections (异议) to events in its file, and the bureau's or the agency's answers. */
import { createRoute, z } from '@hono/zod-openapi';
import { chinaDate } from '../platform/clock.js';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses } from '../platform/http/openapi.js';
import { pageOf } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { OBJECTION_DECISIONS, OBJECTION_STATUSES } from '../platform/vocabulary.js';
import { fileObjection, listObjections, type ObjectionRow, parseObjectionCursor, resolveObjection } from './objections.service.js';

const Objection = z
  .object({
    id: z.string(),
    subjectId: z.string(),
    eventId: z.string(),
    statement: z.string(),
    filedAt: z.string(),
    dueOn: z.string().describe('The last day for an answer: 20 days after filing'),
    overdue: z.boolean(),
    status: z.enum(OBJECTION_STATUSES),
    resolvedAt: z.string().nullable(),
    resolvedBy: z.string().nullable(),
    resolution: z.string().nullable(),
    reversalEventId: z.string().nullable(),
  })
  .openapi('Objection');

const toObjection = (row: ObjectionRow, today: string): z.infer<typeof Objection> => ({
  id: row.id,
  subjectId: row.subjectId,
  eventId: row.eventId,
  statement: row.statement,
  filedAt: row.filedAt,
  dueOn: row.dueOn,
  overdue: row.status === 'open' && row.dueOn < today,
  status: row.status,
  resolvedAt: row.resolvedAt,
  resolvedBy: row.resolvedBy,
  resolution: row.resolution,
  reversalEventId: row.reversalEventId,
});

const fileObjectionRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/credit-events/{eventId}/objections',
  operationId: 'fileObjection',
  tags: ['Credit'],
  summary: 'Object to an event in your own file',
  description:
    'With the subject’s own token. The event is marked disputed in every score and report until the objection is answered (within 20 days).',
  request: {
    params: DistrictParam.extend({
      eventId: pathId('eventId'),
    }),
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({ statement: z.string().min(1).max(4000) })
        .openapi('FileObjection', { example: { statement: '该处罚已于2026年11月经行政复议撤销，附复议决定书。' } }),
    ),
  },
  responses: {
    201: { description: 'Filed', content: { 'application/json': { schema: Objection } } },
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/objections/{objectionId}/resolution',
  operationId: 'resolveObjection',
  tags: ['Credit'],
  summary: 'Answer an objection: uphold it (the event is reversed) or reject it with a reason',
  description:
    'The bureau or a recording agency. Upheld: the event is reversed by a correction in the same step. Rejected: the event stands and the reason is kept.',
  request: {
    params: DistrictParam.extend({
      objectionId: pathId('objectionId'),
    }),
    body: jsonBody(
      z
        .strictObject({
          decision: z.enum(OBJECTION_DECISIONS),
          reason: z.string().min(1).max(4000),
          evidence: z.string().min(1).max(2000).optional(),
        })
        .openapi('ResolveObjection', { example: { decision: 'upheld', reason: '经核实，原处罚已被复议撤销', evidence: '沪崇复决〔2026〕3号' } }),
    ),
  },
  responses: {
    200: { description: 'Answered', content: { 'application/json': { schema: Objection } } },
    ...problemResponses(400, 404, 409, 415),
  },
});

const listObjectionsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/objections',
  operationId: 'listObjections',
  tags: ['Credit'],
  summary: 'Objections: a subject sees its own; the bureau sees all, e.g. the overdue ones, a page at a time',
  description:
    'Open and answered objections with their deadlines (20 days), soonest due first; `overdue=true` lists those past it. A subject sees only its own. `nextCursor` pages on.',
  request: {
    params: DistrictParam,
    query: z.strictObject({
      subjectId: z.string().max(64).optional(),
      status: z.enum(OBJECTION_STATUSES).optional(),
      overdue: z.enum(['true', 'false']).optional().openapi({ description: 'Only open objections past their due date' }),
      cursor: z
        .string()
        .max(100)
        .regex(/^\d{4}-\d{2}-\d{2}~[\w-]{1,64}$/, 'a nextCursor from the previous page')
        .optional()
        .openapi({ description: 'nextCursor from the previous page' }),
      limit: z.coerce.number().int().min(1).max(1000).default(1000),
    }),
  },
  responses: {
    200: { description: 'A page of objections', content: { 'application/json': { schema: pageOf(Objection) } } },
    ...problemResponses(400),
  },
});

export const objectionRoutes = createRouter()
  .openapi(fileObjectionRoute, async (c) => {
    const ctx = serviceContext(c);
    const row = await fileObjection(ctx, c.req.valid('param').eventId, c.req.valid('json').statement);
    return c.json(toObjection(row, chinaDate(ctx.now)), 201);
  })
  .openapi(resolveRoute, async (c) => {
    const ctx = serviceContext(c);
    const row = await resolveObjection(ctx, c.req.valid('param').objectionId, c.req.valid('json'));
    return c.json(toObjection(row, chinaDate(ctx.now)), 200);
  })
  .openapi(listObjectionsRoute, async (c) => {
    const ctx = serviceContext(c);
    const q = c.req.valid('query');
    const page = await listObjections(ctx, {
      subjectId: q.subjectId,
      status: q.status,
      overdue: q.overdue === 'true',
      after: q.cursor ? parseObjectionCursor(q.cursor) : undefined,
      limit: q.limit,
    });
    const today = chinaDate(ctx.now);
    return c.json({ items: page.items.map((r) => toObjection(r, today)), nextCursor: page.nextCursor }, 200);
  });
