import { z } from '@hono/zod-openapi';
import { DecimalValue, FactName, Formula, Slug, UnitText } from '../common.js';

const Factor = z.strictObject({
  name: Slug,
  value: DecimalValue,
  unit: UnitText.describe('e.g. t-CO2/t-dm for 1.63 t CO2 per t of NPP'),
  source: z.string().optional(),
});

/** A coefficient the method uses by name in its formulas: 1.3 t/m3, 44/12 t-CO2/t-C, 3600 kJ/kWh. */
const Constant = z.strictObject({
  value: DecimalValue.or(z.string().regex(/^\d+\/\d+$/, 'a fraction, e.g. 44/12')).describe("A decimal, or an exact fraction such as '44/12'"),
  unit: UnitText.default('1'),
  title: z.string().optional(),
  source: z.string().optional().describe('Where the value comes from, e.g. 土壤容重实测'),
});

/** A quantity recorded per unit and year that the method's formulas read (not an indicator itself). */
const Input = z.strictObject({
  unit: UnitText.describe('The unit the formulas see it in; a measurement in a convertible unit is converted'),
  title: z.string().min(1).describe('What is measured, e.g. 年降水量'),
  allowNegative: z.boolean().default(false),
  description: z.string().optional(),
});

/** A quantity computed from inputs, constants and earlier lines, shared by several indicators. */
const Derived = z.strictObject({
  name: FactName,
  unit: UnitText,
  title: z.string().optional(),
  formula: Formula,
});

const Price = z.union([
  z.strictObject({
    value: DecimalValue,
    unit: UnitText.describe('e.g. yuan/m3'),
    year: z.number().int().min(1990).max(2100).describe('The price year'),
    source: z.string().min(1).describe('Where the price comes from'),
  }),
  z
    .strictObject({
      formula: Formula.describe("A price computed from the method's constants, e.g. 'tax_per_eq / so2_kg_per_eq'"),
      unit: UnitText,
      year: z.number().int().min(1990).max(2100),
      source: z.string().min(1),
    })
    .describe('A derived price, e.g. from pollution equivalents: yuan per equivalent ÷ kg per equivalent'),
]);

const Indicator = z.strictObject({
  code: Slug.describe('e.g. water-conservation'),
  title: z.string().min(1),
  category: z.enum(['material', 'regulating', 'cultural']).describe('物质产品 / 调节服务 / 文化服务'),
  subtotal: z.string().min(1).describe('The subtotal line it belongs to, e.g. 水源涵养'),
  quantity: z.strictObject({
    unit: UnitText.describe('The unit of the quantity; a measurement in a convertible unit (万立方米 for m3) is converted when read'),
    formula: Formula.optional().describe(
      "Computed from the method's inputs, constants and derived lines (and `area`, the unit's area); without a formula the indicator is measured directly",
    ),
    allowNegative: z.boolean().default(false),
    description: z.string().optional(),
  }),
  factors: z.array(Factor).default([]).describe('Coefficients between quantity and price, each with its unit'),
  perArea: z.boolean().default(false).describe("Multiply by the accounting unit's area (for depths such as mm of water retained)"),
  price: Price,
});
export type GepIndicator = z.infer<typeof Indicator>;

export const GepMethodBody = z
  .strictObject({
    standard: z.string().min(1).describe('The accounting standard followed, e.g. 《生态系统生产总值核算技术规范》'),
    primary: z.boolean().default(false).describe('Where several methods are in force side by side, the one a unit that names none is accounted by'),
    constants: z.record(FactName, Constant).default({}).describe('Named coefficients with their units and sources'),
    inputs: z.record(FactName, Input).default({}).describe('Recorded quantities the formulas read (precipitation, NPP, erosion, …)'),
    derive: z.array(Derived).default([]).describe('Intermediate quantities, defined once and read by any later line or indicator'),
    assetValue: z
      .strictObject({
        discountRate: DecimalValue.describe('The social discount rate for the capitalised asset value (VEP = annual GEP ÷ rate), e.g. 0.044'),
        source: z.string().min(1),
      })
      .optional()
      .describe('How the capitalised value of the ecosystem assets is derived from the annual GEP'),
    indicators: z.array(Indicator).min(1),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.indicators.forEach((ind, i) => {
      if (seen.has(ind.code)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: `indicator ${ind.code} is listed twice` });
      seen.add(ind.code);
    });
  });
export type GepMethodBody = z.infer<typeof GepMethodBody>;
