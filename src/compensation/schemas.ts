/** Request schemas of compensation that the routes and the seed file share. */
import { z } from '@hono/zod-openapi';
import { AsOf, DecimalString, MoneyString } from '../platform/http/schemas.js';

/** Two towns of the demo district: the example both the input and a run request show. */
export const ALLOCATION_EXAMPLE = {
  period: '2026',
  fund: '50000000.00',
  recipients: [
    {
      id: 'chenjia-town',
      name: '陈家镇',
      values: { gep: '8120000000', redline_area: '5210', forest_area: '3120', assessment: '92', last_year: '9800000.00' },
    },
    {
      id: 'xinhe-town',
      name: '新河镇',
      values: { gep: '3050000000', redline_area: '1810', forest_area: '1420', assessment: '85', last_year: '3900000.00' },
    },
  ],
};

export const AllocationInputSchema = z
  .strictObject({
    period: z.string().min(4).max(20).openapi({ example: '2026' }),
    fund: z
      .string()
      .regex(/^-?\d{1,13}(\.\d{1,2})?$/, 'yuan as a decimal string to the fen')
      .optional()
      .openapi({ example: '50000000.00' }),
    recipients: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(80).describe("The recipient; for inputs the service fills (`from` in the rule file), an accounting unit's code"),
          name: z.string().max(200).optional(),
          values: z.record(z.string(), DecimalString).default({}),
        }),
      )
      .max(100_000)
      .default([]),
    recipientsFrom: z
      .strictObject({ childrenOf: z.string().min(1).max(80).describe('Every accounting unit directly below this one, e.g. the towns of a district') })
      .optional()
      .describe('Recipients taken from the accounting units instead of listed'),
    asOf: AsOf.optional().describe('The records the service fills inputs from, as they stood then (default: now)'),
    sources: z
      .record(z.string(), MoneyString)
      .optional()
      .describe('What each extra fund named in the rule file holds, e.g. { "province-topup": "2000000.00" } for floors topped up by the province'),
    values: z.record(z.string(), DecimalString).optional().describe('Agreement-level inputs, e.g. concentrations at the boundary section'),
    parameters: z.record(z.string(), DecimalString).optional().describe('Negotiated parameters, each within its declared range'),
    gep: z
      .strictObject({ input: z.string().min(1), year: z.number().int() })
      .optional()
      .describe(
        "Fill this input from the GEP account of the unit whose code is the recipient's id (the rule file's `from: { gep }` says the same, with the year relative to the period)",
      ),
  })
  .openapi('AllocationInput', { example: ALLOCATION_EXAMPLE });
