/** Recording agencies append events to a subject's credit file, correct them, and page through it. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, IdempotencyHeader, jsonBody, pathId, problemResponses, SubjectParam } from '../platform/http/openapi.js';
import { pageOf, pageQuery } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { creditFilePage, type EventRow, MAX_BATCH, recordEvents, reverseEvent } from './events.service.js';
import { Amount, EventInput } from './schemas.js';

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
    amounts: row.amounts,
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
    ...problemResponses(400, 409, 413, 415),
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
    ...problemResponses(400, 404),
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
    ...problemResponses(400, 404, 409, 415, 422),
  },
});

export const creditEventRoutes = createRouter()
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
  });
