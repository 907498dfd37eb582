/** Request and response schemas that more than one file of GEP shares: route files, and the services reading what they stored. */
import { z } from '@hono/zod-openapi';
import { DistrictParam } from '../platform/http/openapi.js';
import { DecimalString, SubjectRefSchema } from '../platform/http/schemas.js';
import { ECOSYSTEM_TYPES } from '../platform/vocabulary.js';
import { RuleSetRefSchema } from '../rules/schemas.js';
import type { AccountView } from './account-view.js';
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

/** A unit as the bureau or a recording agency creates or updates it, by the API or the seed file. */
export const GepUnitInput = z
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
    redLineAreaHa: DecimalString.nullable().optional().openapi({ description: '生态保护红线面积 (ha), for compensation factors' }),
    forestAreaHa: DecimalString.nullable().optional().openapi({ description: '森林面积 (ha), for compensation factors' }),
    owner: SubjectRefSchema.nullable().optional().openapi({ description: 'The subject that holds the rights, if any' }),
    areaHa: DecimalString,
    ecosystemTypes: z.array(z.enum(ECOSYSTEM_TYPES)).min(1),
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
  });

export const UnitCodeParam = DistrictParam.extend({
  unitCode: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/)
    .openapi({ param: { name: 'unitCode', in: 'path' }, example: 'dongtan-wetland-plot-07' }),
});

export const Money = z.string().openapi({ example: '9306432.15', description: 'Yuan, a decimal string to the fen' });
const Share = z.string().openapi({ example: '0.253417', description: 'A decimal fraction of the total (0.25 = a quarter)' });

const Step = z.object({
  kind: z.enum(['input', 'constant', 'area', 'line']),
  name: z.string(),
  title: z.string().nullable(),
  value: z.string(),
  unit: z.string(),
  formula: z.string().optional(),
  source: z.string().optional(),
  measured: z.object({ value: z.string(), unit: z.string() }).optional(),
});

const Status = z.enum(['open', 'closed']);

export const GepAccountSchema = z
  .object({
    unit: GepUnit,
    year: z.number().int(),
    status: Status.describe('closed: approved by the bureau and immutable; open: still being accounted'),
    revision: z.number().int().nullable().describe('The closed revision (1, 2, …); null while open'),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    note: z.string().nullable(),
    methodVersionId: z.string().describe('The method version the account is computed with'),
    pinnedAt: z.string().nullable().describe('Since when an open account keeps this method version (its first read, pledge or report)'),
    rows: z.array(
      z.object({
        indicator: z.string(),
        title: z.string(),
        category: z.enum(['material', 'regulating', 'cultural']),
        subtotal: z.string(),
        status: z.enum(['assessed', 'not-assessed']),
        quantity: z.string().nullable(),
        quantityUnit: z.string(),
        quantityFormula: z.string().nullable().describe('How the quantity is computed, where the method computes it'),
        steps: z.array(Step).describe('Every figure the quantity rests on: inputs as measured and converted, constants, the area, derived lines'),
        factors: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string() })),
        price: z.object({ value: z.string(), unit: z.string(), year: z.number().int(), source: z.string(), formula: z.string().optional() }),
        value: Money.nullable(),
        share: Share.nullable(),
        formula: z.string(),
        source: z.string().nullable(),
        measured: z
          .object({ value: z.string(), unit: z.string() })
          .nullable()
          .describe('The measurement as recorded; converted into quantityUnit when the account is read'),
        note: z.string().optional().describe('Why it is not assessed: what is not measured, or a unit that does not fit'),
      }),
    ),
    subtotals: z.array(
      z.object({ category: z.string(), subtotal: z.string(), value: Money, share: Share, assessed: z.number().int(), notAssessed: z.number().int() }),
    ),
    categories: z.object({ material: Money, regulating: Money, cultural: Money }),
    categoryShares: z.object({ material: Share, regulating: Share, cultural: Share }),
    total: Money,
    notAssessed: z.array(z.string()),
    complete: z.boolean(),
    ruleSet: RuleSetRefSchema,
    measurements: z
      .array(z.object({ name: z.string(), value: z.string(), unit: z.string(), source: z.string(), recordedAt: z.string() }))
      .describe('Every measurement the account used, as recorded'),
    children: z
      .array(z.object({ code: z.string(), name: z.string(), total: Money, status: Status, revision: z.number().int().nullable() }))
      .nullable()
      .describe("For a roll-up unit: each child's total and state"),
    figures: z.object({ population: z.string().nullable(), gdp: Money.nullable(), areaKm2: z.string() }),
    indicators: z
      .object({ perPerson: Money.nullable(), perKm2: Money, gepToGdp: z.string().nullable() })
      .describe('GEP per person, per km² and as a ratio to GDP, where population and GDP are recorded'),
    values: z
      .object({
        annual: Money.describe("The year's GEP, a flow"),
        increment: Money.nullable().describe('The change from the year before (the closed revision of that year where there is one)'),
        asset: Money.nullable().describe('The capitalised asset value (VEP), where the method states how'),
        previousYear: z.object({ year: z.number().int(), total: Money, status: Status }).nullable(),
        assetBasis: z.string().nullable(),
      })
      .describe('Annual GEP, its increment and the asset value are three distinct values: a loan product names which it lends against'),
  })
  .openapi('GepAccount');

/**
 * A closed account as stored with its revision: the answer without its unit (the unit is read as it
 * stands), read back with the answer's schema.
 */
export const StoredAccount: z.ZodType<AccountView> = GepAccountSchema.omit({ unit: true });
