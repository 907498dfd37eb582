import { createRoute, z } from '@hono/zod-openapi';
import { allow } from '../platform/http/auth.js';
import { bearerSecurity, createRouter, DistrictParam, jsonBody, problemResponses } from '../platform/http/openapi.js';
import { DecimalString, SubjectRefSchema } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { recordMeasurements } from './measurements.service.js';
import { type GepUnitRow, UNIT_LEVELS, upsertUnit } from './units.service.js';

const Decimal = DecimalString;

export const GepUnit = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
    parent: z.string().nullable().describe('The unit it belongs to'),
    rollUp: z.boolean().describe("Its account is the sum of its children's"),
    redLineAreaHa: z.string().nullable().describe('生态保护红线面积 (ha)'),
    forestAreaHa: z.string().nullable().describe('森林面积 (ha)'),
    ownerSubjectId: z.string().nullable(),
    areaHa: z.string(),
    ecosystemTypes: z.array(z.string()),
    method: z.string().nullable().describe("The GEP method it is accounted by; null: the district's only method"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('GepUnit', {
    example: {
      id: 'gpu_0193a1b2c3d47e5f8a9b0c1d2e3f4a5b',
      code: 'dongtan-wetland-plot-07',
      name: '东滩湿地7号地块',
      level: 'plot',
      parent: 'dongtan-town',
      rollUp: false,
      redLineAreaHa: '420.5',
      forestAreaHa: null,
      ownerSubjectId: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5c',
      areaHa: '420.5',
      ecosystemTypes: ['wetland'],
      method: null,
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-11-24T02:00:00.000Z',
    },
  });

export const toUnit = (r: GepUnitRow): z.infer<typeof GepUnit> => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  parent: r.parentCode,
  rollUp: r.rollUp,
  redLineAreaHa: r.redLineAreaHa,
  forestAreaHa: r.forestAreaHa,
  ownerSubjectId: r.ownerSubjectId,
  areaHa: r.areaHa,
  ecosystemTypes: JSON.parse(r.ecosystemTypes) as string[],
  method: r.methodId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const UnitCodeParam = DistrictParam.extend({
  unitCode: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/)
    .openapi({ param: { name: 'unitCode', in: 'path' }, example: 'dongtan-wetland-plot-07' }),
});

const upsertRoute = createRoute({
  method: 'put',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}',
  operationId: 'upsertGepUnit',
  tags: ['GEP'],
  summary: 'Create or update a GEP accounting unit (a district, town, village, plot or project)',
  description:
    'The bureau or a recording agency: creates the unit (201) or updates its owner, parent, areas and ecosystems (200). Units form a hierarchy through `parent`; a unit with `rollUp` adds up its children. Measurements are recorded separately, per year and indicator.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder')] as const,
  request: {
    params: UnitCodeParam,
    body: jsonBody(
      z
        .strictObject({
          name: z.string().min(1).max(200),
          level: z.enum(UNIT_LEVELS),
          parent: z
            .string()
            .max(80)
            .nullable()
            .optional()
            .openapi({ description: 'The code of the unit it belongs to (district → town → village → plot)' }),
          rollUp: z
            .boolean()
            .optional()
            .openapi({ description: "Its account is the sum of its children's; it then holds no measurement of its own (that would count twice)" }),
          redLineAreaHa: Decimal.nullable().optional().openapi({ description: '生态保护红线面积 (ha), for compensation factors' }),
          forestAreaHa: Decimal.nullable().optional().openapi({ description: '森林面积 (ha), for compensation factors' }),
          owner: SubjectRefSchema.nullable().optional().openapi({ description: 'The subject that holds the rights, if any' }),
          areaHa: Decimal,
          ecosystemTypes: z.array(z.enum(['forest', 'wetland', 'grassland', 'farmland', 'water', 'urban', 'ocean', 'desert'])).min(1),
          method: z
            .string()
            .max(80)
            .nullable()
            .optional()
            .openapi({ description: 'The GEP method (rule set id) this unit is accounted by; needed where several are in force' }),
        })
        .openapi('GepUnitInput', {
          example: {
            name: '东滩湿地7号地块',
            level: 'plot',
            owner: { kind: 'firm', uscc: '91310230MA1H5G6L7G' },
            areaHa: '420.5',
            ecosystemTypes: ['wetland'],
          },
        }),
    ),
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: GepUnit } } },
    200: { description: 'Updated', content: { 'application/json': { schema: GepUnit } } },
    ...problemResponses(400, 401, 403, 415),
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
  security: bearerSecurity,
  middleware: [allow('recorder', 'bureau')] as const,
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
    ...problemResponses(400, 401, 403, 404, 409, 415),
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
