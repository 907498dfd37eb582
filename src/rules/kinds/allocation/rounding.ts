/**
 * Rounding to the unit a scheme states (a fen, a yuan, 0.01 万元), exactly: amounts that must add up
 * to a fund are rounded by largest remainder at that unit, so that they do.
 */
import Decimal from 'decimal.js';
import { exact, type Fraction, roundTo, toFixed } from '../../formula/exact.js';

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const TIE_BREAK = 'larger remainder first; equal remainders by recipient id, ascending';

/** Amounts at `step` yuan that sum exactly to `total`: floor each, then one step each to the largest remainders. */
export function largestRemainder(values: ReadonlyArray<{ id: string; value: Dec }>, total: Dec, step: Dec = new D('0.01')): Map<string, Dec> {
  const floored = values.map((e) => {
    const base = e.value.div(step).floor().mul(step);
    return { id: e.id, base, rem: e.value.minus(base) };
  });
  // The steps still to hand out, kept as a Decimal: a count of money units is never a float here.
  let left = total
    .minus(floored.reduce((s, f) => s.plus(f.base), new D(0)))
    .div(step)
    .round();
  const order = [...floored].sort((a, b) => {
    const c = b.rem.comparedTo(a.rem);
    return c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const out = new Map(floored.map((f) => [f.id, f.base]));
  for (const f of order) {
    if (!left.gt(0)) break;
    out.set(f.id, (out.get(f.id) as Dec).plus(step));
    left = left.minus(1);
  }
  return out;
}

/** One amount rounded half up to the step, as yuan with two decimals. */
export function roundAmount(value: Fraction, step: Fraction): string {
  return toFixed(roundTo(value, step, 'half-up'), 2);
}

export const stepOf = (step: Fraction): Dec => new D(toFixed(step, 2));
export const fractionOf = (d: string | Dec): Fraction => exact(typeof d === 'string' ? d : d.toString());
