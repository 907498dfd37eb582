import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, DistrictParam, problemResponses } from '../platform/http/openapi.js';
import { serviceContext } from '../platform/http/service-context.js';
import { getDistrict } from './districts.service.js';

const getRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}',
  operationId: 'getDistrict',
  tags: ['Districts'],
  summary: 'The district a key belongs to',
  description: "Any API key of the district, or a subject token: the district's id and name. A key of another district gets 403.",
  request: { params: DistrictParam },
  responses: {
    200: {
      description: 'The district',
      content: {
        'application/json': {
          schema: z
            .object({ id: z.string(), name: z.string(), createdAt: z.string() })
            .openapi('District', { example: { id: 'chongming', name: '崇明区', createdAt: '2026-11-24T08:00:00.000Z' } }),
        },
      },
    },
    ...problemResponses(404),
  },
});

export const districtRoutes = createRouter().openapi(getRoute, async (c) => {
  const row = await getDistrict(serviceContext(c));
  return c.json({ id: row.id, name: row.name, createdAt: row.createdAt }, 200);
});
