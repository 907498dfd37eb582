import { createRoute, z } from '@hono/zod-openapi';
import { SubjectSchema, toSubject } from '../identity/schemas.js';
import { chinaDate } from '../platform/clock.js';
import { allow } from '../platform/http/auth.js';
import {
  bearerSecurity,
  createRouter,
  DistrictParam,
  IdempotencyHeader,
  jsonBody,
  pathId,
  problemResponses,
  SubjectParam,
} from '../platform/http/openapi.js';
import { AsOf, asOfInstant, pageOf, pageQuery } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { CREDIT_LISTS, OBJECTION_DECISIONS, OBJECTION_STATUSES, SUBJECT_KINDS } from '../platform/vocabulary.js';
import type { EventAmount } from '../rules/kinds/behaviour-list/compile.js';
import { RuleSetRefSchema } from '../rules/schemas.js';
import { creditFilePage, type EventRow, MAX_BATCH, recordEvents, reverseEvent } from './events.service.js';
import { creditLists } from './lists.service.js';
import { fileObjection, listObjections, type ObjectionRow, resolveObjection } from './objections.service.js';
import { Amount, EventInput } from './schemas.js';
import { getCreditScore } from './score.service.js';

const CreditEvent = z
  .object({
    id: z.string(),
    subjectId: z.string(),
    code: z.string(),
    title: z.string().nullable().describe("The code's title in the behaviour list in force; null for a code no longer on it"),
    occurredOn: z.string(),
    endedOn: z.string().nullable(),
    recordedAt: z.string(),
    agency: z.string(),
    evidence: z.string(),
    amounts: z.array(Amount),
    note: z.string().nullable(),
    reversesEventId: z.string().nullable().describe('Set on a correction: the event it cancels'),
    reversedBy: z.string().nullable().describe('The correction that cancels this event, if any'),
    disputed: z.boolean().describe('The subject has an open objection to it'),
    externalId: z.string().nullable(),
  })
  .openapi('CreditEvent');

function toEvent(row: EventRow, reversedBy: string | null, disputed: boolean, title: string | null = null): z.infer<typeof CreditEvent> {
  return {
    id: row.id,
    subjectId: row.subjectId,
    code: row.code,
    title,
    occurredOn: row.occurredOn,
    endedOn: row.endedOn,
    recordedAt: row.recordedAt,
    agency: row.agency,
    evidence: row.evidence,
    amounts: JSON.parse(row.amounts) as EventAmount[],
    note: row.note,
    reversesEventId: row.reversesEventId,
    reversedBy,
    disputed,
    externalId: row.externalId,
  };
}

const recordRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/credit-events',
  operationId: 'recordCreditEvents',
  tags: ['Credit'],
  summary: 'Record one event or a batch of up to 10 000, all or nothing',
  description:
    'Each line is checked against the behaviour list: the code, whether your agency may record it, the dates, the amounts and their units. One bad line rejects the batch and is named by its pointer and line number. Lines with an externalId already recorded (same content) are reported as duplicates and not written twice.',
  security: bearerSecurity,
  middleware: [allow('recorder')] as const,
  request: {
    params: DistrictParam,
    headers: IdempotencyHeader,
    body: jsonBody(
      z.strictObject({ events: z.array(EventInput).min(1).max(MAX_BATCH) }).openapi('RecordCreditEvents', {
        example: {
          events: [
            {
              subject: { kind: 'firm', uscc: '91310230MA1K2B3C4P' },
              code: 'ENV-PENALTY',
              occurredOn: '2026-10-12',
              evidence: '沪崇环罚〔2026〕45号',
              amounts: [{ name: 'fine_yuan', value: '50000.00', unit: 'yuan' }],
              externalId: 'penalty-2026-45',
            },
          ],
        },
      }),
    ),
  },
  responses: {
    201: {
      description: 'Recorded',
      content: {
        'application/json': {
          schema: z
            .object({
              recorded: z.number().int(),
              duplicates: z.number().int(),
              events: z.array(z.object({ line: z.number().int(), eventId: z.string(), status: z.enum(['recorded', 'duplicate']) })),
            })
            .openapi('RecordedCreditEvents'),
        },
      },
    },
    ...problemResponses(400, 401, 403, 409, 413, 415),
  },
});

const listEventsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/credit-events',
  operationId: 'listCreditEvents',
  tags: ['Credit'],
  summary: "A subject's credit file, in the order it was recorded",
  description:
    "Events and corrections as recorded, each with its agency, evidence and amounts; a correction names the event it cancels. A subject reads its own file with its token; every read by anyone else is in the subject's query log.",
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder', 'auditor', 'subject')] as const,
  request: {
    params: SubjectParam,
    query: z.strictObject({
      ...pageQuery(200),
    }),
  },
  responses: {
    200: {
      description: 'A page of the file',
      content: { 'application/json': { schema: pageOf(CreditEvent) } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const reverseRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/subjects/{subjectId}/credit-events/{eventId}/reversal',
  operationId: 'reverseCreditEvent',
  tags: ['Credit'],
  summary: 'Cancel an event with a correcting event',
  description:
    'Events are never edited or deleted. The recording agency or the bureau cancels one with a new event that points at it; a correction cannot itself be reversed.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder')] as const,
  request: {
    params: SubjectParam.extend({
      eventId: pathId('eventId'),
    }),
    headers: IdempotencyHeader,
    body: jsonBody(
      z
        .strictObject({ reason: z.string().min(1).max(2000), evidence: z.string().min(1).max(2000) })
        .openapi('ReverseCreditEvent', { example: { reason: '复议撤销原处罚决定', evidence: '沪崇复决〔2026〕3号' } }),
    ),
  },
  responses: {
    201: { description: 'The correcting event', content: { 'application/json': { schema: CreditEvent } } },
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

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
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder', 'auditor', 'subject')] as const,
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
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

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
  security: bearerSecurity,
  middleware: [allow('subject')] as const,
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
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
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
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder')] as const,
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
    ...problemResponses(400, 401, 403, 404, 409, 415),
  },
});

const listObjectionsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/objections',
  operationId: 'listObjections',
  tags: ['Credit'],
  summary: 'Objections: a subject sees its own; the bureau sees all, e.g. the overdue ones',
  description: 'Open and answered objections with their deadlines (20 days); `overdue=true` lists those past it. A subject sees only its own.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder', 'auditor', 'subject')] as const,
  request: {
    params: DistrictParam,
    query: z.strictObject({
      subjectId: z.string().max(64).optional(),
      status: z.enum(OBJECTION_STATUSES).optional(),
      overdue: z.enum(['true', 'false']).optional().openapi({ description: 'Only open objections past their due date' }),
    }),
  },
  responses: {
    200: { description: 'Objections', content: { 'application/json': { schema: z.object({ items: z.array(Objection) }) } } },
    ...problemResponses(400, 401, 403),
  },
});

const listsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/credit-lists',
  operationId: 'listCreditLists',
  tags: ['Credit'],
  summary: 'The red list (守信激励) and black list (失信惩戒) of the district',
  description:
    'For the bureau and auditors: subjects on the red list (守信激励) and the black list (失信惩戒), each with the events that put it there and until when they count. `asOf` gives the lists as they stood at that moment, exactly: what was known and in force then.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'auditor')] as const,
  request: {
    params: DistrictParam,
    query: z.strictObject({
      list: z.enum(CREDIT_LISTS).optional(),
      asOf: AsOf.optional().openapi({
        description: 'The lists as they stood then: events known then, corrections made by then, the rules then in force',
      }),
    }),
  },
  responses: {
    200: {
      description: 'Listed subjects with the events that put them there',
      content: {
        'application/json': {
          schema: z
            .object({
              items: z.array(
                z.object({
                  subject: z.object({ id: z.string(), kind: z.enum(SUBJECT_KINDS), displayId: z.string(), name: z.string().nullable() }),
                  list: z.enum(CREDIT_LISTS),
                  reasons: z.array(z.object({ eventId: z.string(), code: z.string(), title: z.string(), occurredOn: z.string(), until: z.string() })),
                }),
              ),
            })
            .openapi('CreditLists'),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export const creditRoutes = createRouter()
  .openapi(recordRoute, async (c) => {
    const outcomes = await recordEvents(serviceContext(c), c.req.valid('json').events);
    const recorded = outcomes.filter((o) => o.status === 'recorded').length;
    return c.json({ recorded, duplicates: outcomes.length - recorded, events: outcomes }, 201);
  })
  .openapi(listEventsRoute, async (c) => {
    const ctx = serviceContext(c);
    const { subjectId } = c.req.valid('param');
    const q = c.req.valid('query');
    const page = await creditFilePage(ctx, subjectId, { after: q.cursor === undefined ? undefined : Number(q.cursor), limit: q.limit });
    return c.json(
      {
        items: page.items.map((e) => toEvent(e, page.reversedBy.get(e.id) ?? null, page.disputed.has(e.id), page.titleOf(e.code))),
        nextCursor: page.nextCursor,
      },
      200,
    );
  })
  .openapi(reverseRoute, async (c) => {
    const { subjectId, eventId } = c.req.valid('param');
    const row = await reverseEvent(serviceContext(c), subjectId, eventId, c.req.valid('json'));
    return c.json(toEvent(row, null, false), 201);
  })
  .openapi(scoreRoute, async (c) => {
    const { subjectId } = c.req.valid('param');
    const q = c.req.valid('query');
    const ctx = serviceContext(c);
    const { subject, score, scorecards } = await getCreditScore(ctx, subjectId, {
      asOf: q.asOf ? asOfInstant(q.asOf) : undefined,
      scorecard: q.scorecard,
      all: q.scorecard === undefined,
    });
    return c.json({ subject: toSubject(subject), ...score, scorecards }, 200);
  })
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
    const rows = await listObjections(ctx, { subjectId: q.subjectId, status: q.status, overdue: q.overdue === 'true' });
    return c.json({ items: rows.map((r) => toObjection(r, chinaDate(ctx.now))) }, 200);
  })
  .openapi(listsRoute, async (c) => {
    const q = c.req.valid('query');
    return c.json({ items: await creditLists(serviceContext(c), { list: q.list, asOf: q.asOf ? asOfInstant(q.asOf) : undefined }) }, 200);
  });
