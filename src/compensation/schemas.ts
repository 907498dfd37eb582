/** Schemas of compensation that the routes, the seed file and the stored runs share. */
import { z } from '@hono/zod-openapi';
import { AsOf, DecimalString, MoneyString } from '../platform/http/schemas.js';
import { SCHEMES } from '../rules/kinds/allocation/body.js';
import type { AllocationInput, AllocationResult } from '../rules/kinds/allocation/model.js';
import { RuleSetRefSchema } from '../rules/schemas.js';

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

const Recipient = z.object({
  id: z.string(),
  name: z.string().nullable(),
  inputs: z.record(z.string(), z.string()),
  shares: z.record(z.string(), z.string()).describe('Each factor normalised: x_i / Σx'),
  weights: z.record(z.string(), z.string()),
  components: z.array(z.object({ name: z.string(), before: z.string(), after: z.string(), note: z.string().optional() })),
  constrained: z.enum(['floor', 'cap']).nullable(),
  exact: z.string().describe('Before rounding'),
  amount: z.string().describe('Yuan, at the rounding unit'),
  sources: z
    .record(z.string(), z.string())
    .optional()
    .describe('What each source paid this recipient, where a floor is topped up from an extra fund'),
});

export const AllocationResultSchema = z
  .object({
    scheme: z.enum(SCHEMES),
    period: z.string(),
    fund: z.string().nullable(),
    total: z.string(),
    parameters: z.record(z.string(), z.string()),
    rounding: z.object({
      unit: z.string().describe('Yuan per rounding step: 0.01 (a fen), 1, 100 (0.01 万元)'),
      text: z.string().describe('The step as the rule file states it'),
      method: z.literal('largest-remainder'),
      tieBreak: z.string(),
    }),
    recipients: z.array(Recipient),
    index: z
      .object({
        value: z.string().describe('The index, exactly, as a decimal string (20 places where it does not terminate)'),
        formula: z.string(),
        direction: z.string(),
        threshold: z.string(),
        comparison: z.enum(['below', 'at', 'above']).describe('Where the index stands against the threshold, compared exactly'),
      })
      .optional(),
    derived: z.array(z.object({ name: z.string(), value: z.string(), unit: z.string(), formula: z.string() })).optional(),
    components: z
      .array(
        z.object({
          name: z.string(),
          title: z.string().nullable(),
          payer: z.string(),
          payee: z.string(),
          amount: z.string().describe('What the payer pays the payee for this component'),
          before: z.string().describe('Before its cap'),
          applies: z.boolean().describe('False where its condition does not hold'),
          note: z.string(),
          direction: z.enum(['by-index', 'stated']),
        }),
      )
      .optional()
      .describe("An agreement's components, each with its direction"),
    parties: z.array(z.object({ id: z.string(), title: z.string().nullable(), kind: z.string().nullable() })).optional(),
    flows: z
      .array(z.object({ payer: z.string(), payee: z.string(), amount: z.string() }))
      .optional()
      .describe('What changes hands: for an agreement, the net between each pair of parties'),
    net: z.array(z.object({ party: z.string(), contributes: z.string(), receives: z.string(), net: z.string() })).optional(),
    sources: z
      .array(z.object({ source: z.string(), title: z.string(), available: z.string(), paid: z.string() }))
      .optional()
      .describe('Where the money came from, where an extra fund tops floors up'),
    poolFund: z.object({ formula: z.string(), value: z.string() }).optional(),
    reads: z
      .array(
        z.object({
          recipient: z.string(),
          input: z.string(),
          value: z.string(),
          from: z.string().describe('What was read, e.g. the closed 2025 GEP account of chenjia-town, revision 1'),
          record: z
            .record(z.string(), z.union([z.string(), z.number(), z.null()]))
            .describe('The record version read: account revision and method version, unit update, scorecard hash'),
        }),
      )
      .optional()
      .describe("The district's records the run read its inputs from"),
    ruleSet: RuleSetRefSchema,
  })
  .openapi('AllocationResult');

/**
 * A run's input as stored with it: the request without what says where to read from (recipientsFrom,
 * asOf, gep), with every value read from the records filled in. Looser than the request schema, since a
 * value read from a GEP account or a rule file's grade table is not held to a request's limits; strict, so
 * that a key this schema does not know fails the read instead of dropping out of a re-run.
 */
export const StoredAllocationInput: z.ZodType<AllocationInput> = z.strictObject({
  period: z.string(),
  fund: z.string().optional(),
  recipients: z.array(z.strictObject({ id: z.string(), name: z.string().optional(), values: z.record(z.string(), z.string()) })),
  values: z.record(z.string(), z.string()).optional(),
  parameters: z.record(z.string(), z.string()).optional(),
  sources: z.record(z.string(), z.string()).optional(),
});

/** A run's result as stored: what the API answers, typed as the allocation gives it. */
export const StoredAllocationResult: z.ZodType<AllocationResult> = AllocationResultSchema;
