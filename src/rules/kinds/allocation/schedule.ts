/**
 * A schedule of standards paid to each recipient from its own inputs: per-area rates per household
 * (area in mu × yuan per mu), per-head amounts, tiers and conditions; each recipient's amount is the
 * sum of its components rounded to the scheme's unit, and a run's fund, where given, must cover them.
 */
import { exact, type Fraction, toDecimal } from '../../formula/exact.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { componentAmount } from './components.js';
import { AllocationError, type AllocationInput, type RecipientResult } from './model.js';
import { D, type Dec, roundAmount } from './rounding.js';
import { recipientScope, recipientValues, withDerived } from './values.js';

export function schedule(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const spec = compiled.body.schedule as NonNullable<AllocationBody['schedule']>;
  const value = (v: string | { param: string }) => exact(typeof v === 'string' ? v : (parameters[v.param] as string));
  if (input.recipients.length === 0) throw new AllocationError('/recipients', 'no recipients');
  const values = recipientValues(compiled.body, input.recipients).map((v, i) => withDerived(compiled, v, parameters, i));
  const recipients: RecipientResult[] = input.recipients.map((r, i) => {
    const v = values[i] as Map<string, Dec>;
    const scope = recipientScope(compiled, v, parameters);
    const x = (name: string): Fraction => {
      const d = v.get(name) ?? (parameters[name] !== undefined ? new D(parameters[name] as string) : undefined);
      if (d === undefined) throw new AllocationError(`/recipients/${i}/values/${name}`, `recipient '${r.id}' has no value for '${name}'`);
      return exact(d.toString());
    };
    let sum = exact(0);
    const components = spec.components.map((c, j) => {
      const at = `/recipients/${i}/schedule/components/${j}`;
      const { before, amount, note } = componentAmount(
        c,
        compiled.components[j] as CompiledAllocation['components'][number],
        { x, value, scope },
        at,
      );
      if (amount.compare(0) < 0 && !c.signed) {
        throw new AllocationError(
          at,
          `recipient '${r.id}': component ${c.name} comes to ${toDecimal(amount)} yuan; a schedule pays, it does not charge (mark it signed to deduct)`,
        );
      }
      sum = sum.add(amount);
      return { name: c.name, before: roundAmount(before, compiled.step), after: roundAmount(amount, compiled.step), note };
    });
    if (sum.compare(0) < 0) throw new AllocationError(`/recipients/${i}`, `recipient '${r.id}' comes to ${toDecimal(sum)} yuan: less than nothing`);
    return {
      id: r.id,
      name: r.name ?? null,
      inputs: Object.fromEntries([...v].map(([k, d]) => [k, d.toString()])),
      shares: {},
      weights: {},
      components,
      constrained: null,
      exact: toDecimal(sum),
      amount: roundAmount(sum, compiled.step),
    };
  });
  const total = recipients.reduce((s, r) => s.plus(r.amount), new D(0));
  if (input.fund !== undefined && total.gt(input.fund)) {
    throw new AllocationError('/fund', `the schedule comes to ${total.toFixed(2)}, more than the fund ${new D(input.fund).toFixed(2)}`);
  }
  return { fund: input.fund === undefined ? null : new D(input.fund).toFixed(2), total: total.toFixed(2), recipients };
}
