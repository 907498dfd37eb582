/** Request and response schemas that more than one route file of GEP shares. */
import { z } from '@hono/zod-openapi';
import { DistrictParam } from '../platform/http/openapi.js';
import { type GepUnitRow, UNIT_LEVELS } from './units.service.js';

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
  ecosystemTypes: r.ecosystemTypes,
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
