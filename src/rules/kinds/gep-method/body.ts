import { z } from '@hono/zod-openapi';
import { DecimalValue, Slug, UnitText } from '../common.js';

const Factor = z.strictObject({
  name: Slug,
  value: DecimalValue,
  unit: UnitText.describe('e.g. t-CO2/t-dm for 1.63 t CO2 per t of NPP'),
  source: z.string().optional(),
});

const Indicator = z.strictObject({
  code: Slug.describe('e.g. water-conservation'),
  title: z.string().min(1),
  category: z.enum(['material', 'regulating', 'cultural']).describe('物质产品 / 调节服务 / 文化服务'),
  subtotal: z.string().min(1).describe('The subtotal line it belongs to, e.g. 水源涵养'),
  quantity: z.strictObject({
    unit: UnitText.describe('The unit the measurement is kept in; uploads in a convertible unit (万立方米 for m3) are converted'),
    allowNegative: z.boolean().default(false),
    description: z.string().optional(),
  }),
  factors: z.array(Factor).default([]).describe('Coefficients between quantity and price, each with its unit'),
  perArea: z.boolean().default(false).describe("Multiply by the accounting unit's area (for depths such as mm of water retained)"),
  price: z.strictObject({
    value: DecimalValue,
    unit: UnitText.describe('e.g. yuan/m3'),
    year: z.number().int().min(1990).max(2100).describe('The price year'),
    source: z.string().min(1).describe('Where the price comes from'),
  }),
});
export type GepIndicator = z.infer<typeof Indicator>;

export const GepMethodBody = z
  .strictObject({
    standard: z.string().min(1).describe('The accounting standard followed, e.g. 《生态系统生产总值核算技术规范》'),
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
