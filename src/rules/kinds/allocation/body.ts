import { z } from '@hono/zod-openapi';
import { Fraction, toDecimal } from '../../formula/exact.js';
import { DecimalValue, FactName, Formula, Slug, UnitText } from '../common.js';

/** A number given directly, or the name of a parameter of the rule set. */
const ValueOrParam = z.union([DecimalValue, z.strictObject({ param: FactName })]);

const Parameter = z.strictObject({
  value: DecimalValue,
  min: DecimalValue.optional(),
  max: DecimalValue.optional(),
  unit: UnitText.optional(),
  description: z.string().optional(),
});

/** What a recipient (or, for an agreement, the run) must supply, with its unit and allowed range. */
const InputDecl = z.strictObject({
  unit: UnitText.optional(),
  min: DecimalValue.optional(),
  max: DecimalValue.optional(),
  description: z.string().optional(),
  /** Stated per member (per person, per household): multiplied by the recipient's `members` input. */
  perMember: z.boolean().default(false),
  optional: z.boolean().default(false),
});

const Tier = z.strictObject({
  from: DecimalValue.nullable().describe('Lower bound; null for none'),
  fromInclusive: z.boolean().default(false),
  to: DecimalValue.nullable().describe('Upper bound; null for none'),
  toInclusive: z.boolean().default(true),
  amount: ValueOrParam,
});

const Cap = z.strictObject({ max: ValueOrParam }).optional().describe('Caps this component');

/** A quantity computed from the inputs (and earlier lines): defined once, read by any later line. */
const DerivedLine = z.strictObject({
  name: FactName,
  unit: UnitText.default('1').describe('The unit the formula must give, e.g. t for a load, yuan for an amount'),
  formula: Formula,
  description: z.string().optional(),
});

export const Component = z.discriminatedUnion('kind', [
  z.strictObject({
    name: Slug,
    kind: z.literal('formula'),
    formula: Formula.describe('An amount in yuan from the inputs, parameters, derived lines and the index'),
    cap: Cap,
  }),
  z.strictObject({ name: Slug, kind: z.literal('fixed'), amount: ValueOrParam, cap: Cap }),
  z.strictObject({
    name: Slug,
    kind: z.literal('linear'),
    input: FactName.describe("An input, or 'index'"),
    inputUnit: UnitText.optional(),
    rate: ValueOrParam,
    rateUnit: UnitText.optional().describe('With inputUnit, checked to give yuan, e.g. yuan/t with mg/L*m3'),
    cap: Cap,
  }),
  z.strictObject({ name: Slug, kind: z.literal('tiers'), input: FactName, tiers: z.array(Tier).min(1), cap: Cap }),
  z.strictObject({
    name: Slug,
    kind: z.literal('steps'),
    input: FactName,
    every: DecimalValue.describe('Step size, e.g. 0.5 (times the standard)'),
    amount: ValueOrParam.describe('Yuan per step'),
    count: z.enum(['full', 'started']).describe('full: each complete step counts; started: each begun step counts'),
    cap: Cap,
  }),
]);
export type Component = z.infer<typeof Component>;

const Split = z.strictObject({
  factors: z
    .array(z.strictObject({ input: FactName, weight: DecimalValue, normalise: z.enum(['share']).default('share') }))
    .min(1)
    .describe('Each factor gives a share x_i / Σx; the weights must sum to 1'),
  floor: z
    .strictObject({
      amount: ValueOrParam.optional().describe('No recipient gets less'),
      holdHarmless: z.strictObject({ input: FactName, ratio: DecimalValue }).optional().describe("At least ratio × last year's amount"),
    })
    .optional(),
  cap: z.strictObject({ amount: ValueOrParam.optional(), share: DecimalValue.optional() }).optional(),
  deductions: z
    .array(
      z.strictObject({
        name: Slug,
        input: FactName,
        below: DecimalValue.describe('A recipient whose input is below this loses `share` of its amount'),
        share: DecimalValue,
        redirectTo: z.array(z.strictObject({ recipient: z.string().min(1), ratio: DecimalValue })).min(1),
      }),
    )
    .default([]),
});

const Bilateral = z.strictObject({
  upstream: z.string().min(1),
  downstream: z.string().min(1),
  index: z.strictObject({ formula: Formula, description: z.string().optional() }),
  direction: z
    .strictObject({
      threshold: DecimalValue,
      atThreshold: z.enum(['downstream-pays', 'upstream-pays']).describe('Who pays when the index equals the threshold exactly'),
    })
    .describe('Below the threshold the downstream party pays the upstream one; above it, the reverse'),
  components: z.array(Component).min(1),
});

const Pool = z.strictObject({
  parties: z.array(z.strictObject({ id: z.string().min(1), contributes: DecimalValue, receives: DecimalValue })).min(2),
});

const Payroll = z.strictObject({
  yearlyStandard: ValueOrParam.describe('Yuan per person per year'),
  fixedShare: DecimalValue.describe('The part paid whatever the assessment, e.g. 0.6'),
  monthsInput: FactName.describe('Months worked in the period (pro rata of 12)'),
  scoreInput: FactName.describe('Assessment score 0-100 for the performance part'),
});

export const AllocationBody = z
  .strictObject({
    scheme: z.enum(['split', 'bilateral', 'pool', 'payroll']),
    currency: z.literal('yuan').default('yuan'),
    parameters: z.record(FactName, Parameter).default({}),
    inputs: z.record(FactName, InputDecl).default({}),
    derive: z
      .array(DerivedLine)
      .default([])
      .describe('Quantities computed from the inputs before the scheme runs (per recipient for split and payroll, for the agreement otherwise)'),
    split: Split.optional(),
    bilateral: Bilateral.optional(),
    pool: Pool.optional(),
    payroll: Payroll.optional(),
  })
  .superRefine((body, ctx) => {
    const section = body[body.scheme];
    if (!section) ctx.addIssue({ code: 'custom', path: [body.scheme], message: `scheme ${body.scheme} needs a '${body.scheme}' section` });
    for (const [name, p] of Object.entries(body.parameters)) {
      if ((p.min !== undefined && Number(p.value) < Number(p.min)) || (p.max !== undefined && Number(p.value) > Number(p.max))) {
        ctx.addIssue({ code: 'custom', path: ['parameters', name, 'value'], message: `${p.value} is outside [${p.min ?? '-∞'}, ${p.max ?? '∞'}]` });
      }
    }
    const params = (v: unknown, path: (string | number)[]) => {
      if (typeof v === 'object' && v !== null && 'param' in v && !((v as { param: string }).param in body.parameters)) {
        ctx.addIssue({ code: 'custom', path, message: `parameter '${(v as { param: string }).param}' is not declared` });
      }
    };
    if (body.split) {
      // Exactly: a boundary a weight sum decides is never left to floats.
      const total = body.split.factors.reduce((s, f) => s.add(new Fraction(f.weight)), new Fraction(0));
      if (!total.equals(1)) ctx.addIssue({ code: 'custom', path: ['split', 'factors'], message: `weights sum to ${toDecimal(total)}, not 1` });
      const derived = new Set(body.derive.map((d) => d.name));
      body.split.factors.forEach((f, i) => {
        if (!(f.input in body.inputs) && !derived.has(f.input))
          ctx.addIssue({ code: 'custom', path: ['split', 'factors', i, 'input'], message: `input '${f.input}' is not declared` });
      });
      params(body.split.floor?.amount, ['split', 'floor', 'amount']);
      params(body.split.cap?.amount, ['split', 'cap', 'amount']);
    }
    body.bilateral?.components.forEach((c, i) => {
      if (c.kind === 'tiers') {
        for (let t = 1; t < c.tiers.length; t++) {
          const prev = c.tiers[t - 1];
          const cur = c.tiers[t];
          if (!prev || !cur) continue;
          if (prev.to === null || cur.from === null || Number(prev.to) !== Number(cur.from)) {
            ctx.addIssue({
              code: 'custom',
              path: ['bilateral', 'components', i, 'tiers', t, 'from'],
              message: `tier ${t + 1} must start where tier ${t} ends (${prev.to})`,
            });
          } else if (prev.toInclusive === cur.fromInclusive) {
            ctx.addIssue({
              code: 'custom',
              path: ['bilateral', 'components', i, 'tiers', t, 'fromInclusive'],
              message: `at ${cur.from} tiers ${t} and ${t + 1} ${prev.toInclusive ? 'overlap' : 'leave a gap'}: exactly one of them must include it`,
            });
          }
        }
      }
      if ('amount' in c) params(c.amount, ['bilateral', 'components', i, 'amount']);
    });
    if (body.pool) {
      const c = body.pool.parties.reduce((s, p) => s + Number(p.contributes), 0);
      const r = body.pool.parties.reduce((s, p) => s + Number(p.receives), 0);
      if (c <= 0 || r <= 0)
        ctx.addIssue({ code: 'custom', path: ['pool', 'parties'], message: 'contributions and shares must both be positive in total' });
    }
    if (body.payroll) params(body.payroll.yearlyStandard, ['payroll', 'yearlyStandard']);
  });
export type AllocationBody = z.infer<typeof AllocationBody>;
