import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonBody, problemResponses } from '../platform/http/openapi.js';
import { DecimalString } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { recordMeasurements } from './measurements.service.js';
import { GepUnit, GepUnitInput, toUnit, UnitCodeParam } from './schemas.js';
import { upsertUnit } from './units.service.js';

const Decimal = DecimalString;

const upsertRoute = createRoute({
  method: 'put',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}',
  operationId: 'upsertGepUnit',
  tags: ['GEP'],
  summary: 'Create or update a GEP accounting unit (a district, town, village, plot or project)',
  description:
    'The bureau or a recording agency: creates the unit (201) or updates its owner, parent, areas and ecosystems (200). Units form a hierarchy through `parent`; a unit with `rollUp` adds up its children. Measurements are recorded separately, per year and indicator.',
  request: {
    params: UnitCodeParam,
    body: jsonBody(GepUnitInput),
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: GepUnit } } },
    200: { description: 'Updated', content: { 'application/json': { schema: GepUnit } } },
    ...problemResponses(400, 415),
  },
});

const measureRoute = createRoute({
  method: 'post',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}/measurements',
  operationId: 'recordGepMeasurements',
  tags: ['GEP'],
  summary: 'Upload a year’s measurements per indicator, with their units and sources',
  description:
    'Indicators measured directly, the inputs a method computes indicators from (precipitation, NPP, erosion …), and the figures population and gdp. Each value must come in a unit convertible to the one the method names (万立方米 for m3 is fine; tonnes for m3 is not). An indicator the method computes is refused (record its inputs), and so is anything for a roll-up unit other than its figures. A year whose account is closed takes measurements only with a `correction` (its reason); a new revision is then closed. All or nothing.',
  request: {
    params: UnitCodeParam,
    body: jsonBody(
      z
        .strictObject({
          year: z.number().int().min(1990).max(2100),
          correction: z
            .string()
            .min(1)
            .max(500)
            .optional()
            .openapi({ description: 'Why a closed year is corrected; required once the year is closed, and kept with each measurement' }),
          measurements: z
            .array(
              z.strictObject({
                indicator: z.string().min(1).max(80),
                value: Decimal,
                unit: z.string().min(1).max(40),
                source: z.string().min(1).max(500),
              }),
            )
            .min(1)
            .max(200),
        })
        .openapi('GepMeasurements', {
          example: {
            year: 2025,
            measurements: [{ indicator: 'water-conservation', value: '152.3', unit: 'wan-m3', source: '区水务局水文监测 2025' }],
          },
        }),
    ),
  },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ recorded: z.number().int() }) } } },
    ...problemResponses(400, 404, 409, 415),
  },
});

export const gepRoutes = createRouter()
  .openapi(upsertRoute, async (c) => {
    const { row, created } = await upsertUnit(serviceContext(c), c.req.valid('param').unitCode, c.req.valid('json'));
    return created ? c.json(toUnit(row), 201) : c.json(toUnit(row), 200);
  })
  .openapi(measureRoute, async (c) => {
    const body = c.req.valid('json');
    const recorded = await recordMeasurements(serviceContext(c), c.req.valid('param').unitCode, body.year, body.measurements, body.correction);
    return c.json({ recorded }, 201);
  });
