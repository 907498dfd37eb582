/**
 * A two-party agreement (and any third payer): the index decides the direction of the components that
 * follow it, the others run between the parties they name; a signed component that comes out negative
 * runs the other way. Each component is shown with its payer and payee; what changes hands is the net
 * between each pair of parties.
 */
import { exact, type Fraction, toDecimal } from '../../formula/exact.js';
import { FormulaRuntimeError } from '../../formula/formula.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { componentAmount } from './components.js';
import { type AgreementComponent, AllocationError, type AllocationInput, type RecipientResult } from './model.js';
import { D, roundAmount } from './rounding.js';
import { agreementValues } from './values.js';

export function bilateral(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const spec = compiled.body.bilateral as NonNullable<AllocationBody['bilateral']>;
  const { values, scope, derived } = agreementValues(compiled, input, parameters);
  let index: Fraction;
  try {
    index = (compiled.index as NonNullable<CompiledAllocation['index']>).evaluate(scope) as Fraction;
  } catch (error) {
    if (error instanceof FormulaRuntimeError) throw new AllocationError('/bilateral/index/formula', error.message);
    throw error;
  }
  const threshold = exact(spec.direction.threshold);
  const cmp = index.compare(threshold);
  const downstreamPays = cmp < 0 || (cmp === 0 && spec.direction.atThreshold === 'downstream-pays');
  const byIndex = downstreamPays ? { from: spec.downstream, to: spec.upstream } : { from: spec.upstream, to: spec.downstream };
  const x = (name: string): Fraction => {
    if (name === 'index') return index;
    const v = values.get(name) ?? (parameters[name] !== undefined ? exact(parameters[name] as string) : undefined);
    if (v === undefined) throw new AllocationError(`/values/${name}`, `the agreement needs a value for '${name}'`);
    return v;
  };
  const value = (v: string | { param: string }) => exact(typeof v === 'string' ? v : (parameters[v.param] as string));
  scope.index = index;

  const components: AgreementComponent[] = spec.components.map((c, i) => {
    const at = `/bilateral/components/${i}`;
    const { before, amount, note, applies } = componentAmount(
      c,
      compiled.components[i] as CompiledAllocation['components'][number],
      { x, value, scope },
      at,
    );
    let pays = c.pays === undefined || c.pays === 'by-index' ? byIndex : c.pays;
    let paid = amount;
    let reversed = false;
    if (amount.compare(0) < 0) {
      if (!c.signed) {
        throw new AllocationError(
          at,
          `component ${c.name} comes to ${toDecimal(amount)} yuan: the agreement does not say who pays then (mark it signed to reverse it, or state when it applies)`,
        );
      }
      pays = { from: pays.to, to: pays.from };
      paid = amount.neg();
      reversed = true;
    }
    return {
      name: c.name,
      title: c.title ?? null,
      payer: pays.from,
      payee: pays.to,
      amount: roundAmount(paid, compiled.step),
      before: roundAmount(before, compiled.step),
      applies,
      note: `${note}${reversed ? '; negative, so it runs the other way' : ''}`,
      direction: c.pays === undefined || c.pays === 'by-index' ? 'by-index' : 'stated',
    };
  });

  // The net between each pair of parties: what changes hands.
  const pair = new Map<string, { a: string; b: string; aToB: InstanceType<typeof D> }>();
  for (const c of components) {
    const [a, b] = c.payer < c.payee ? [c.payer, c.payee] : [c.payee, c.payer];
    const key = `${a}\u0000${b}`;
    const entry = pair.get(key) ?? { a, b, aToB: new D(0) };
    entry.aToB = c.payer === a ? entry.aToB.plus(c.amount) : entry.aToB.minus(c.amount);
    pair.set(key, entry);
  }
  const flows = [...pair.values()]
    .filter((p) => !p.aToB.isZero())
    .map((p) => (p.aToB.gt(0) ? { payer: p.a, payee: p.b, amount: p.aToB.toFixed(2) } : { payer: p.b, payee: p.a, amount: p.aToB.neg().toFixed(2) }));
  const ids = [...compiled.parties.keys()];
  const net = ids.map((party) => {
    const contributes = flows.filter((f) => f.payer === party).reduce((s, f) => s.plus(f.amount), new D(0));
    const receives = flows.filter((f) => f.payee === party).reduce((s, f) => s.plus(f.amount), new D(0));
    return { party, contributes: contributes.toFixed(2), receives: receives.toFixed(2), net: receives.minus(contributes).toFixed(2) };
  });
  const total = flows.reduce((s, f) => s.plus(f.amount), new D(0));
  // Each party that comes out ahead, with the components as they touch it (+ received, − paid).
  const recipients: RecipientResult[] = net
    .filter((n) => new D(n.net).gt(0))
    .map((n) => ({
      id: n.party,
      name: compiled.parties.get(n.party)?.title ?? null,
      inputs: {},
      shares: {},
      weights: {},
      components: components
        .filter((c) => c.payee === n.party || c.payer === n.party)
        .map((c) => {
          const sign = c.payee === n.party ? '' : '-';
          const signed = (v: string) => (v === '0.00' || sign === '' ? v : `-${v}`);
          return { name: c.name, before: signed(c.before), after: signed(c.amount), note: c.note };
        }),
      constrained: null,
      exact: n.net,
      amount: n.net,
    }));
  const direction = downstreamPays
    ? `${spec.downstream} (downstream) pays ${spec.upstream} (upstream)`
    : `${spec.upstream} (upstream) pays ${spec.downstream} (downstream)`;
  return {
    fund: null,
    total: total.toFixed(2),
    recipients,
    derived,
    components,
    parties: ids.map((id) => ({ id, title: compiled.parties.get(id)?.title ?? null, kind: compiled.parties.get(id)?.kind ?? null })),
    index: {
      value: toDecimal(index),
      formula: spec.index.formula,
      direction,
      threshold: toDecimal(threshold),
      comparison: (cmp < 0 ? 'below' : cmp > 0 ? 'above' : 'at') as 'below' | 'at' | 'above',
    },
    flows,
    net,
  };
}
