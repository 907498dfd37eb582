/**
 * A pool: parties pay in and draw out by fixed ratios; what matters is each one's net, and the net
 * payers pay the net receivers in proportion. The pool's size is the run's fund, or a formula of the
 * agreement's inputs (an index, a condition).
 */
import { exact, type Fraction, toFixed } from '../../formula/exact.js';
import { FormulaRuntimeError } from '../../formula/formula.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type AllocationInput, type RecipientResult, requireFund } from './model.js';
import { D, type Dec, largestRemainder, stepOf } from './rounding.js';
import { agreementValues } from './values.js';

export function pool(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const spec = compiled.body.pool as NonNullable<AllocationBody['pool']>;
  const step = stepOf(compiled.step);
  let fund: Dec;
  let derived: ReturnType<typeof agreementValues>['derived'] | undefined;
  let fundFormula: { formula: string; value: string } | undefined;
  if (compiled.poolFund) {
    const agreed = agreementValues(compiled, input, parameters);
    derived = agreed.derived;
    let size: Fraction;
    try {
      size = compiled.poolFund.evaluate(agreed.scope) as Fraction;
    } catch (error) {
      if (error instanceof FormulaRuntimeError) throw new AllocationError('/pool/fund/formula', error.message);
      throw error;
    }
    if (size.compare(0) <= 0) throw new AllocationError('/pool/fund/formula', `the pool comes to ${toFixed(size, 2)} yuan: nothing to share`);
    if (input.fund !== undefined && !exact(input.fund).equals(size))
      throw new AllocationError('/fund', `the pool's size is set by its formula (${toFixed(size, 2)}): give no fund, or that one`);
    fund = new D(toFixed(size, 2));
    if (!fund.div(step).isInteger())
      throw new AllocationError('/pool/fund/formula', `the pool ${fund.toFixed(2)} is not a whole number of ${compiled.stepText}`);
    fundFormula = { formula: (spec.fund as { formula: string }).formula, value: fund.toFixed(2) };
  } else {
    fund = requireFund(input, step, compiled.stepText);
  }
  const cSum = spec.parties.reduce((s, p) => s.plus(p.contributes), new D(0));
  const rSum = spec.parties.reduce((s, p) => s.plus(p.receives), new D(0));
  const pays = largestRemainder(
    spec.parties.map((p) => ({ id: p.id, value: fund.mul(p.contributes).div(cSum) })),
    fund,
    step,
  );
  const gets = largestRemainder(
    spec.parties.map((p) => ({ id: p.id, value: fund.mul(p.receives).div(rSum) })),
    fund,
    step,
  );
  const net = spec.parties.map((p) => {
    const c = pays.get(p.id) as Dec;
    const r = gets.get(p.id) as Dec;
    return { party: p.id, contributes: c.toFixed(2), receives: r.toFixed(2), net: r.minus(c).toFixed(2) };
  });
  const recipients: RecipientResult[] = net.map((n, i) => ({
    id: n.party,
    name: spec.parties[i]?.title ?? null,
    inputs: {},
    shares: {},
    weights: {},
    components: [
      { name: 'contribution', before: '0.00', after: `-${n.contributes}` },
      { name: 'receipt', before: '0.00', after: n.receives },
    ],
    constrained: null,
    exact: n.net,
    amount: n.net,
  }));
  // Net payers pay net receivers in proportion to what each receiver is owed.
  const owed = net.filter((n) => new D(n.net).gt(0));
  const owedSum = owed.reduce((s, n) => s.plus(n.net), new D(0));
  const flows = net
    .filter((n) => new D(n.net).lt(0))
    .flatMap((payer) => {
      const amount = new D(payer.net).neg();
      const parts = largestRemainder(
        owed.map((o) => ({ id: o.party, value: amount.mul(o.net).div(owedSum) })),
        amount,
        step,
      );
      return owed
        .map((o) => ({ payer: payer.party, payee: o.party, amount: (parts.get(o.party) as Dec).toFixed(2) }))
        .filter((f) => f.amount !== '0.00');
    });
  return {
    fund: fund.toFixed(2),
    total: fund.toFixed(2),
    recipients,
    net,
    flows,
    ...(derived?.length ? { derived } : {}),
    ...(fundFormula ? { poolFund: fundFormula } : {}),
  };
}
