/**
 * One component of an agreement or a schedule: its amount in yuan, exactly, with a note saying how it
 * was formed; zero with the reason where its condition does not hold.
 */
import { exact, Fraction, roundTo, toDecimal } from '../../formula/exact.js';
import { FormulaRuntimeError, type FormulaValue } from '../../formula/formula.js';
import type { Component } from './body.js';
import type { CompiledComponent } from './compile.js';
import { AllocationError } from './model.js';

const F0 = new Fraction(0);

export interface ComponentContext {
  /** An input, derived line or the index in its declared unit. */
  x: (name: string) => Fraction;
  /** A number or a parameter. */
  value: (v: string | { param: string }) => Fraction;
  /** Every name in base units, for formulas. */
  scope: Readonly<Record<string, FormulaValue>>;
}

function run(
  f: { evaluate: (s: Readonly<Record<string, FormulaValue>>) => FormulaValue },
  scope: Readonly<Record<string, FormulaValue>>,
  at: string,
  what: string,
) {
  try {
    return f.evaluate(scope);
  } catch (error) {
    if (error instanceof FormulaRuntimeError) throw new AllocationError(at, `${what}: ${error.message}`);
    throw error;
  }
}

export function componentAmount(
  c: Component,
  compiled: CompiledComponent,
  ctx: ComponentContext,
  at: string,
): { before: Fraction; amount: Fraction; note: string; applies: boolean } {
  if (compiled.when && run(compiled.when, ctx.scope, `${at}/when`, `component ${c.name}`) !== true) {
    return { before: F0, amount: F0, note: `does not apply: ${c.when}`, applies: false };
  }
  const amount = (): { amount: Fraction; note: string } => {
    switch (c.kind) {
      case 'formula':
        return {
          amount: run(compiled.formula as NonNullable<CompiledComponent['formula']>, ctx.scope, `${at}/formula`, `component ${c.name}`) as Fraction,
          note: c.formula,
        };
      case 'fixed':
        return { amount: ctx.value(c.amount), note: 'fixed' };
      case 'linear': {
        const input = ctx.x(c.input);
        const rate = ctx.value(c.rate);
        const unit = c.inputUnit && c.rateUnit ? ` ${c.inputUnit} × ${toDecimal(rate)} ${c.rateUnit}` : ` × ${toDecimal(rate)}`;
        return { amount: input.mul(rate).mul(compiled.linearScale ?? 1), note: `${toDecimal(input)}${unit}` };
      }
      case 'tiers': {
        const v = ctx.x(c.input);
        const j = c.tiers.findIndex((t) => {
          const aboveFrom = t.from === null || (t.fromInclusive ? v.compare(exact(t.from)) >= 0 : v.compare(exact(t.from)) > 0);
          const belowTo = t.to === null || (t.toInclusive ? v.compare(exact(t.to)) <= 0 : v.compare(exact(t.to)) < 0);
          return aboveFrom && belowTo;
        });
        const tier = c.tiers[j];
        if (!tier) throw new AllocationError(`${at}/tiers`, `component ${c.name}: no tier holds ${c.input} = ${toDecimal(v)}`);
        const bounds = `${tier.from === null ? '(-∞' : `${tier.fromInclusive ? '[' : '('}${tier.from}`}, ${tier.to === null ? '∞)' : `${tier.to}${tier.toInclusive ? ']' : ')'}`}`;
        const f = compiled.tierFormulas.get(j);
        if (f) {
          const formula = (tier.amount as { formula: string }).formula;
          return {
            amount: run(f, ctx.scope, `${at}/tiers/${j}/amount/formula`, `component ${c.name}`) as Fraction,
            note: `${c.input} = ${toDecimal(v)} in ${bounds}: ${formula}`,
          };
        }
        return { amount: ctx.value(tier.amount as string | { param: string }), note: `${c.input} = ${toDecimal(v)} in ${bounds}` };
      }
      case 'steps': {
        const v = ctx.x(c.input);
        const every = exact(c.every);
        const steps = v.compare(0) <= 0 ? F0 : roundTo(v.div(every), new Fraction(1), c.count === 'full' ? 'floor' : 'ceiling');
        return { amount: steps.mul(ctx.value(c.amount)), note: `${c.input} = ${toDecimal(v)}: ${toDecimal(steps)} ${c.count} step(s) of ${c.every}` };
      }
    }
  };
  const { amount: a, note } = amount();
  const cap = c.cap ? ctx.value(c.cap.max) : undefined;
  if (cap && a.compare(cap) > 0) return { before: a, amount: cap, note: `${note}; capped at ${toDecimal(cap)}`, applies: true };
  return { before: a, amount: a, note, applies: true };
}
