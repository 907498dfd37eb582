import { z } from '@hono/zod-openapi';
import { exact, Fraction, toDecimal } from '../../formula/exact.js';
import { DecimalValue, FactName, Formula, Slug, UnitText } from '../common.js';

/** A number given directly, or the name of a parameter of the rule set. */
const ValueOrParam = z.union([DecimalValue, z.strictObject({ param: FactName })]);
/** A number, a parameter, or an amount computed by a formula (in yuan). */
const Amount = z.union([
  DecimalValue,
  z.strictObject({ param: FactName }),
  z.strictObject({ formula: Formula.describe("An amount in yuan, e.g. 'base_amount * (1 + m)'") }),
]);

const Parameter = z.strictObject({
  value: DecimalValue,
  min: DecimalValue.optional(),
  max: DecimalValue.optional(),
  unit: UnitText.optional(),
  description: z.string().optional(),
});

/** Where the service itself fills an input, from its own records as of the run's date. */
const InputSource = z
  .union([
    z.strictObject({
      gep: z.strictObject({
        value: z.enum(['annual', 'increment', 'asset']).default('annual').describe("The year's GEP, its increment, or the asset value"),
        yearOffset: z.number().int().min(-10).max(0).default(-1).describe('The GEP year relative to the period: -1 for last year (上年度GEP)'),
        closedOnly: z.boolean().default(true).describe('Only accounts the bureau has closed (approved); an open one is refused'),
      }),
    }),
    z.strictObject({ unitArea: z.enum(['area', 'red-line', 'forest']).describe("The accounting unit's area, red-line area or forest area (ha)") }),
    z.strictObject({
      grade: z.strictObject({
        scorecard: Slug.optional().describe("The scorecard; default the primary one for the owner's kind"),
        values: z.record(Slug, DecimalValue).describe('The number each grade stands for, e.g. { a: 1.0, b: 0.8 }'),
      }),
    }),
  ])
  .describe("Filled by the service for a recipient that is an accounting unit (its code as the recipient's id)");

/** What a recipient (or, for an agreement, the run) must supply, with its unit and allowed range. */
const InputDecl = z.strictObject({
  unit: UnitText.optional(),
  min: DecimalValue.optional(),
  max: DecimalValue.optional(),
  description: z.string().optional(),
  /** Stated per member (per person, per household): multiplied by the recipient's `members` input. */
  perMember: z.boolean().default(false),
  optional: z.boolean().default(false),
  from: InputSource.optional(),
});

const Tier = z.strictObject({
  from: DecimalValue.nullable().describe('Lower bound; null for none'),
  fromInclusive: z.boolean().default(false),
  to: DecimalValue.nullable().describe('Upper bound; null for none'),
  toInclusive: z.boolean().default(true),
  amount: Amount.describe('A fixed amount, a parameter, or a formula such as base_amount * (1 + m) within the tier'),
});

const Cap = z.strictObject({ max: ValueOrParam }).optional().describe('Caps this component');

/** A quantity computed from the inputs (and earlier lines): defined once, read by any later line. */
const DerivedLine = z.strictObject({
  name: FactName,
  unit: UnitText.default('1').describe('The unit the formula must give, e.g. t for a load, yuan for an amount'),
  formula: Formula,
  description: z.string().optional(),
});

/** Who pays whom for a component of an agreement. */
const Pays = z
  .union([
    z.literal('by-index').describe("As the index decides (the agreement's direction)"),
    z.strictObject({ from: z.string().min(1), to: z.string().min(1) }).describe('Always from one named party to another'),
  ])
  .describe('Who pays whom; default: as the index decides');

const common = {
  name: Slug,
  title: z.string().optional().describe('What the component is, as the agreement prints it'),
  cap: Cap,
  pays: Pays.optional(),
  signed: z.boolean().default(false).describe('A negative amount runs the other way (else a negative amount is refused)'),
  when: Formula.optional().describe("The component counts only when this condition holds, e.g. 'index <= 1'"),
};

export const Component = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('formula'),
    formula: Formula.describe('An amount in yuan from the inputs, parameters, derived lines and the index'),
  }),
  z.strictObject({ ...common, kind: z.literal('fixed'), amount: ValueOrParam }),
  z.strictObject({
    ...common,
    kind: z.literal('linear'),
    input: FactName.describe("An input, a derived line, or 'index'"),
    inputUnit: UnitText.optional(),
    rate: ValueOrParam,
    rateUnit: UnitText.optional().describe('With inputUnit, checked to give yuan, e.g. yuan/t with mg/L*m3, yuan/mu with mu'),
  }),
  z.strictObject({ ...common, kind: z.literal('tiers'), input: FactName, tiers: z.array(Tier).min(1) }),
  z.strictObject({
    ...common,
    kind: z.literal('steps'),
    input: FactName,
    every: DecimalValue.describe('Step size, e.g. 0.5 (times the standard)'),
    amount: ValueOrParam.describe('Yuan per step'),
    count: z.enum(['full', 'started']).describe('full: each complete step counts; started: each begun step counts'),
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
      topUpFrom: z
        .strictObject({
          source: Slug.describe('The extra fund, named in the run with what it holds'),
          title: z.string().min(1).describe('e.g. 省级财政补助'),
        })
        .optional()
        .describe('Top a recipient below its floor up from this extra fund, instead of taking it from the other recipients'),
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

const Party = z.strictObject({
  id: z.string().min(1).max(80),
  title: z.string().min(1).describe('What the party is, e.g. 安徽省, 黄山市, 新安江流域农户'),
  kind: z.enum(['central', 'province', 'city', 'county', 'town', 'village', 'households', 'firm', 'other']).optional(),
});

const Bilateral = z.strictObject({
  upstream: z.string().min(1),
  downstream: z.string().min(1),
  parties: z.array(Party).default([]).describe('Every party, named for what it is; a third payer (a province paying in either case) is one more'),
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
  parties: z.array(z.strictObject({ id: z.string().min(1), title: z.string().optional(), contributes: DecimalValue, receives: DecimalValue })).min(2),
  fund: z
    .strictObject({
      formula: Formula.describe("The pool's size in yuan from the agreement's inputs, e.g. 'index <= 1 ? 500000000 yuan : 300000000 yuan'"),
    })
    .optional()
    .describe('A pool whose size depends on an index or a condition; default: the fund given to the run'),
});

const Payroll = z
  .strictObject({
    yearlyStandard: ValueOrParam.optional().describe('Yuan per person per year'),
    monthlyStandard: ValueOrParam.optional().describe('Yuan per person per month'),
    fixedShare: DecimalValue.describe('The part paid whatever the assessment, e.g. 0.6'),
    monthsInput: FactName.describe('Months worked in the period'),
    scoreInput: FactName.describe('Assessment score 0-100 for the performance part'),
  })
  .refine((p) => (p.yearlyStandard === undefined) !== (p.monthlyStandard === undefined), {
    message: 'give the standard per year (yearlyStandard) or per month (monthlyStandard), not both',
  });

const Schedule = z
  .strictObject({
    components: z.array(Component).min(1).describe('Evaluated for each recipient from its own inputs, e.g. area (mu) × 15 yuan/mu'),
  })
  .describe('Each recipient is paid by the schedule from its own inputs (per-area rates per household, per-head standards)');

const Rounding = z
  .strictObject({
    step: DecimalValue.default('0.01').describe('e.g. 0.01 with yuan (a fen), 1 with yuan, 0.01 with wan-yuan (100 yuan)'),
    unit: UnitText.default('yuan'),
  })
  .describe('Amounts are rounded to step × unit; where they must add up to a fund, by largest remainder at that unit');

export const SCHEMES = ['split', 'bilateral', 'pool', 'payroll', 'schedule'] as const;

export const AllocationBody = z
  .strictObject({
    scheme: z.enum(SCHEMES),
    currency: z.literal('yuan').default('yuan'),
    rounding: Rounding.optional(),
    parameters: z.record(FactName, Parameter).default({}),
    inputs: z.record(FactName, InputDecl).default({}),
    derive: z
      .array(DerivedLine)
      .default([])
      .describe(
        'Quantities computed from the inputs before the scheme runs (per recipient for split, payroll and schedule; for the agreement otherwise)',
      ),
    split: Split.optional(),
    bilateral: Bilateral.optional(),
    pool: Pool.optional(),
    payroll: Payroll.optional(),
    schedule: Schedule.optional(),
  })
  .superRefine((body, ctx) => {
    const section = body[body.scheme];
    if (!section) ctx.addIssue({ code: 'custom', path: [body.scheme], message: `scheme ${body.scheme} needs a '${body.scheme}' section` });
    const outside = (v: string, min?: string, max?: string) =>
      (min !== undefined && exact(v).compare(exact(min)) < 0) || (max !== undefined && exact(v).compare(exact(max)) > 0);
    for (const [name, p] of Object.entries(body.parameters)) {
      if (outside(p.value, p.min, p.max)) {
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
    const components = (list: readonly Component[], path: (string | number)[]) => {
      list.forEach((c, i) => {
        if (c.kind === 'tiers') {
          for (let t = 1; t < c.tiers.length; t++) {
            const prev = c.tiers[t - 1];
            const cur = c.tiers[t];
            if (!prev || !cur) continue;
            if (prev.to === null || cur.from === null || !exact(prev.to).equals(exact(cur.from))) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, i, 'tiers', t, 'from'],
                message: `tier ${t + 1} must start where tier ${t} ends (${prev.to})`,
              });
            } else if (prev.toInclusive === cur.fromInclusive) {
              ctx.addIssue({
                code: 'custom',
                path: [...path, i, 'tiers', t, 'fromInclusive'],
                message: `at ${cur.from} tiers ${t} and ${t + 1} ${prev.toInclusive ? 'overlap' : 'leave a gap'}: exactly one of them must include it`,
              });
            }
          }
          c.tiers.forEach((t, j) => {
            params(t.amount, [...path, i, 'tiers', j, 'amount']);
          });
        }
        if ('amount' in c) params(c.amount, [...path, i, 'amount']);
        if ('rate' in c) params(c.rate, [...path, i, 'rate']);
        params(c.cap?.max, [...path, i, 'cap', 'max']);
      });
    };
    if (body.bilateral) components(body.bilateral.components, ['bilateral', 'components']);
    if (body.schedule) {
      components(body.schedule.components, ['schedule', 'components']);
      body.schedule.components.forEach((c, i) => {
        if (c.pays !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['schedule', 'components', i, 'pays'],
            message: 'a schedule pays each recipient: it has no parties to name',
          });
      });
    }
    if (body.pool) {
      const sum = (k: 'contributes' | 'receives') => body.pool?.parties.reduce((s, p) => s.add(exact(p[k])), new Fraction(0)) ?? new Fraction(0);
      if (sum('contributes').compare(0) <= 0 || sum('receives').compare(0) <= 0)
        ctx.addIssue({ code: 'custom', path: ['pool', 'parties'], message: 'contributions and shares must both be positive in total' });
    }
    if (body.payroll) {
      params(body.payroll.yearlyStandard, ['payroll', 'yearlyStandard']);
      params(body.payroll.monthlyStandard, ['payroll', 'monthlyStandard']);
    }
    for (const [name, d] of Object.entries(body.inputs)) {
      if (d.from && body.scheme !== 'split' && body.scheme !== 'schedule')
        ctx.addIssue({
          code: 'custom',
          path: ['inputs', name, 'from'],
          message: 'only a split or a schedule over accounting units takes inputs from the records',
        });
    }
  });
export type AllocationBody = z.infer<typeof AllocationBody>;
