/**
 * Eco public-welfare jobs: a standard per person per year or per month, pro rata by months worked,
 * part fixed and part by the assessment score; each pay rounded to the scheme's unit.
 */
import { exact, Fraction, toDecimal } from '../../formula/exact.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type AllocationInput, type RecipientResult } from './model.js';
import { D, type Dec, roundAmount } from './rounding.js';
import { recipientValues, withDerived } from './values.js';

export function payroll(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const body = compiled.body;
  const spec = body.payroll as NonNullable<AllocationBody['payroll']>;
  const value = (v: string | { param: string }) => exact(typeof v === 'string' ? v : (parameters[v.param] as string));
  const values = recipientValues(body, input.recipients).map((v, i) => withDerived(compiled, v, parameters, i));
  const monthly = spec.monthlyStandard !== undefined;
  const standard = value((spec.monthlyStandard ?? spec.yearlyStandard) as string | { param: string });
  const fixedShare = exact(spec.fixedShare);
  const rest = new Fraction(1).sub(fixedShare);
  const per = monthly ? `${toDecimal(standard)}/month × MONTHS` : `${toDecimal(standard)} × MONTHS/12`;
  const recipients: RecipientResult[] = input.recipients.map((r, i) => {
    const v = values[i] as Map<string, Dec>;
    const months = exact((v.get(spec.monthsInput) ?? new D(0)).toString());
    const score = exact((v.get(spec.scoreInput) ?? new D(0)).toString());
    const earned = monthly ? standard.mul(months) : standard.mul(months).div(12);
    const fixedPart = earned.mul(fixedShare);
    const performancePart = earned.mul(rest).mul(score).div(100);
    const total = fixedPart.add(performancePart);
    const basis = per.replace('MONTHS', toDecimal(months));
    return {
      id: r.id,
      name: r.name ?? null,
      inputs: Object.fromEntries([...v].map(([k, d]) => [k, d.toString()])),
      shares: {},
      weights: {},
      components: [
        {
          name: 'fixed',
          before: roundAmount(fixedPart, compiled.step),
          after: roundAmount(fixedPart, compiled.step),
          note: `${basis} × ${toDecimal(fixedShare)}`,
        },
        {
          name: 'performance',
          before: roundAmount(performancePart, compiled.step),
          after: roundAmount(performancePart, compiled.step),
          note: `${basis} × ${toDecimal(rest)} × ${toDecimal(score)}/100`,
        },
      ],
      constrained: null,
      exact: toDecimal(total),
      amount: roundAmount(total, compiled.step),
    };
  });
  const total = recipients.reduce((s, r) => s.plus(r.amount), new D(0));
  if (input.fund !== undefined && total.gt(input.fund)) {
    throw new AllocationError('/fund', `the payroll comes to ${total.toFixed(2)}, more than the fund ${new D(input.fund).toFixed(2)}`);
  }
  return { fund: input.fund === undefined ? null : new D(input.fund).toFixed(2), total: total.toFixed(2), recipients };
}
