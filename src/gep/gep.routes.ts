import { createRoute, z } from '@hono/zod-openapi';
import { allow } from '../platform/http/auth.js';
import { bearerSecurity, createRouter, DistrictParam, jsonBody, problemResponses } from '../platform/http/openapi.js';
import { DecimalString, SubjectRefSchema } from '../platform/http/schemas.js';
import { serviceContext } from '../platform/http/service-context.js';
import { logRead } from '../reports/query-log.service.js';
import { RuleSetRefSchema } from '../rules/rule-sets.routes.js';
import { type GepUnitRow, readableUnit, recordMeasurements, unitAccount, upsertUnit } from './gep.service.js';

const Decimal = DecimalString;

const GepUnit = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.enum(['district', 'town', 'plot', 'project']),
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
      ownerSubjectId: 'sub_0193a1b2c3d47e5f8a9b0c1d2e3f4a5c',
      areaHa: '420.5',
      ecosystemTypes: ['wetland'],
      method: null,
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-11-24T02:00:00.000Z',
    },
  });

const toUnit = (r: GepUnitRow): z.infer<typeof GepUnit> => ({
  id: r.id,
  code: r.code,
  name: r.name,
  level: r.level,
  ownerSubjectId: r.ownerSubjectId,
  areaHa: r.areaHa,
  ecosystemTypes: JSON.parse(r.ecosystemTypes) as string[],
  method: r.methodId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const UnitCodeParam = DistrictParam.extend({
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
  summary: 'Create or update a GEP accounting unit (a district, town, plot or project)',
  description:
    'The bureau or a recording agency: creates the unit (201) or updates its owner, area and ecosystems (200). Measurements are recorded separately, per year and indicator.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder')] as const,
  request: {
    params: UnitCodeParam,
    body: jsonBody(
      z
        .strictObject({
          name: z.string().min(1).max(200),
          level: z.enum(['district', 'town', 'plot', 'project']),
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
  description: 'Each value must come in a unit convertible to the indicator’s (万立方米 for m3 is fine; tonnes for m3 is not). All or nothing.',
  security: bearerSecurity,
  middleware: [allow('recorder', 'bureau')] as const,
  request: {
    params: UnitCodeParam,
    body: jsonBody(
      z
        .strictObject({
          year: z.number().int().min(1990).max(2100),
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
    ...problemResponses(400, 401, 403, 404, 415),
  },
});

const Money = z.string().openapi({ example: '9306432.15', description: 'Yuan, a decimal string to the fen' });

const accountRoute = createRoute({
  method: 'get',
  path: '/v1/districts/{districtId}/gep-units/{unitCode}/accounts/{year}',
  operationId: 'getGepAccount',
  tags: ['GEP'],
  summary: 'The GEP account of a unit for a year, indicator by indicator',
  description:
    'Each indicator’s quantity, price and value; subtotals, categories and the total add up exactly to the fen. Indicators without data are listed as not assessed, never counted as zero.',
  security: bearerSecurity,
  middleware: [allow('bureau', 'recorder', 'auditor', 'subject')] as const,
  request: {
    params: UnitCodeParam.extend({
      year: z.coerce
        .number()
        .int()
        .min(1990)
        .max(2100)
        .openapi({ param: { name: 'year', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The account',
      content: {
        'application/json': {
          schema: z
            .object({
              unit: GepUnit,
              year: z.number().int(),
              rows: z.array(
                z.object({
                  indicator: z.string(),
                  title: z.string(),
                  category: z.enum(['material', 'regulating', 'cultural']),
                  subtotal: z.string(),
                  status: z.enum(['assessed', 'not-assessed']),
                  quantity: z.string().nullable(),
                  quantityUnit: z.string(),
                  factors: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string() })),
                  price: z.object({ value: z.string(), unit: z.string(), year: z.number().int(), source: z.string() }),
                  value: Money.nullable(),
                  formula: z.string(),
                  source: z.string().nullable(),
                  measured: z
                    .object({ value: z.string(), unit: z.string() })
                    .nullable()
                    .describe('The measurement as recorded; converted into quantityUnit when the account is read'),
                  note: z.string().optional().describe('Why a measured indicator is still not assessed'),
                }),
              ),
              subtotals: z.array(
                z.object({ category: z.string(), subtotal: z.string(), value: Money, assessed: z.number().int(), notAssessed: z.number().int() }),
              ),
              categories: z.object({ material: Money, regulating: Money, cultural: Money }),
              total: Money,
              notAssessed: z.array(z.string()),
              complete: z.boolean(),
              ruleSet: RuleSetRefSchema,
            })
            .openapi('GepAccount'),
        },
      },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const gepRoutes = createRouter()
  .openapi(upsertRoute, async (c) => {
    const { row, created } = await upsertUnit(serviceContext(c), c.req.valid('param').unitCode, c.req.valid('json'));
    return created ? c.json(toUnit(row), 201) : c.json(toUnit(row), 200);
  })
  .openapi(measureRoute, async (c) => {
    const body = c.req.valid('json');
    const recorded = await recordMeasurements(serviceContext(c), c.req.valid('param').unitCode, body.year, body.measurements);
    return c.json({ recorded }, 201);
  })
  .openapi(accountRoute, async (c) => {
    const ctx = serviceContext(c);
    const { unitCode, year } = c.req.valid('param');
    const unit = await readableUnit(ctx, unitCode);
    const account = await unitAccount(ctx, unit, year);
    if (unit.ownerSubjectId) await logRead(ctx, unit.ownerSubjectId, 'getGepAccount');
    return c.json({ unit: toUnit(unit), ...account }, 200);
  });
