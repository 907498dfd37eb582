/**
 * Ecological compensation allocations, computed exactly and explained per recipient. Pure: rule set and
 * inputs in, result out. Five schemes, one module each:
 * - split: a fund divided by weighted, normalised factors, with deductions, floors and caps;
 * - bilateral: an agreement between parties on an index, its components each with its direction, netted;
 * - pool: contribution and receipt ratios among parties, and the net flow of each;
 * - payroll: a standard per person per year or month, pro rata, part fixed and part by assessment;
 * - schedule: standards paid to each recipient from its own inputs (yuan per mu × area).
 * Amounts are rounded to the scheme's unit (a fen unless the file says a yuan or 0.01 万元).
 */
import { toFixed } from '../../formula/exact.js';
import { bilateral } from './agreement.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type AllocationInput, type AllocationResult } from './model.js';
import { payroll } from './payroll.js';
import { pool } from './pool.js';
import { D, TIE_BREAK } from './rounding.js';
import { schedule } from './schedule.js';
import { split } from './split.js';

export * from './model.js';
export { largestRemainder } from './rounding.js';

export function allocate(compiled: CompiledAllocation, input: AllocationInput): AllocationResult {
  const { body, ruleSet } = compiled;
  const parameters = resolveParameters(body, input.parameters ?? {});
  const base = {
    period: input.period,
    parameters,
    rounding: { unit: toFixed(compiled.step, 2), text: compiled.stepText, method: 'largest-remainder' as const, tieBreak: TIE_BREAK },
    ruleSet,
  };
  switch (body.scheme) {
    case 'split':
      return { scheme: 'split', ...base, ...split(compiled, input, parameters) };
    case 'bilateral':
      return { scheme: 'bilateral', ...base, ...bilateral(compiled, input, parameters) };
    case 'pool':
      return { scheme: 'pool', ...base, ...pool(compiled, input, parameters) };
    case 'payroll':
      return { scheme: 'payroll', ...base, ...payroll(compiled, input, parameters) };
    case 'schedule':
      return { scheme: 'schedule', ...base, ...schedule(compiled, input, parameters) };
  }
}

function resolveParameters(body: AllocationBody, overrides: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(overrides)) {
    if (!(name in body.parameters)) throw new AllocationError(`/parameters/${name}`, `the rule set has no parameter '${name}'`);
  }
  for (const [name, p] of Object.entries(body.parameters)) {
    const v = overrides[name] ?? p.value;
    const d = new D(v);
    if ((p.min !== undefined && d.lt(p.min)) || (p.max !== undefined && d.gt(p.max))) {
      throw new AllocationError(`/parameters/${name}`, `parameter '${name}' = ${v} is outside its agreed range [${p.min ?? '-∞'}, ${p.max ?? '∞'}]`);
    }
    out[name] = d.toString();
  }
  return out;
}
