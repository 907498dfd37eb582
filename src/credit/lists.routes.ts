/** The district's red and black lists (守信激励 / 失信惩戒). */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, problemResponses } from '../platform/http/openapi.js';
import { AsOf, asOfInstant } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { CREDIT_LISTS, SUBJECT_KINDS } from '../platform/vocabulary.js';
import { creditLists } from './lists.service.js';

const listsRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/credit-lists',
  operationId: 'listCreditLists',
  tags: ['Credit'],
  summary: 'The red list (守信激励) and black list (失信惩戒) of the district',
  description:
    'For the bureau and auditors: subjects on the red list (守信激励) and the black list (失信惩戒), each with the events that put it there and until when they count. `asOf` gives the lists as they stood at that moment, exactly: what was known and in force then.',
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
    ...problemResponses(400),
  },
});

export const creditListRoutes = createRouter().openapi(listsRoute, async (c) => {
  const q = c.req.valid('query');
  return c.json({ items: await creditLists(serviceContext(c), { list: q.list, asOf: q.asOf ? asOfInstant(q.asOf) : undefined }) }, 200);
});
