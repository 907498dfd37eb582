/**
 * The numbers a scheme reads: each recipient's inputs (present, numbers, in range; per member where so
 * declared) or the agreement's, with the derived lines computed from them in order, exactly.
 */
import { exact, type Fraction, toDecimal } from '../../formula/exact.js';
import { FormulaRuntimeError, type FormulaValue } from '../../formula/formula.js';
import type { AllocationBody } from './body.js';
import type { CompiledAllocation } from './compile.js';
import { AllocationError, type AllocationInput, type RecipientInput } from './model.js';
import { D, type Dec } from './rounding.js';

/** Every declared input of every recipient: present, a number, in range; per-member inputs × members. */
export function recipientValues(body: AllocationBody, recipients: readonly RecipientInput[]): Array<Map<string, Dec>> {
  const ids = new Set<string>();
  return recipients.map((r, i) => {
    if (ids.has(r.id)) throw new AllocationError(`/recipients/${i}/id`, `recipient '${r.id}' is listed twice`);
    ids.add(r.id);
    const out = new Map<string, Dec>();
    for (const [name, decl] of Object.entries(body.inputs)) {
      const raw = r.values[name];
      const at = `/recipients/${i}/values/${name}`;
      if (raw === undefined) {
        if (decl.optional) continue;
        throw new AllocationError(at, `recipient '${r.id}' has no value for '${name}'`);
      }
      let d: Dec;
      try {
        d = new D(raw);
      } catch {
        throw new AllocationError(at, `recipient '${r.id}': '${name}' = '${raw}' is not a number`);
      }
      if ((decl.min !== undefined && d.lt(decl.min)) || (decl.max !== undefined && d.gt(decl.max))) {
        throw new AllocationError(at, `recipient '${r.id}': '${name}' = ${raw} is outside [${decl.min ?? '-∞'}, ${decl.max ?? '∞'}]`);
      }
      if (decl.perMember) {
        const members = r.values.members;
        if (members === undefined)
          throw new AllocationError(`/recipients/${i}/values/members`, `recipient '${r.id}': '${name}' is per member, so 'members' is needed`);
        d = d.mul(members);
      }
      out.set(name, d);
    }
    return out;
  });
}

/** The formula scope of one recipient: its inputs and the parameters, in base units. */
export function recipientScope(compiled: CompiledAllocation, values: ReadonlyMap<string, Dec>, parameters: Record<string, string>) {
  const scope: Record<string, FormulaValue> = {};
  for (const [name, v] of values) scope[name] = exact(v.toString()).mul(compiled.scales.get(name) ?? 1);
  for (const [name, v] of Object.entries(parameters)) scope[name] ??= exact(v).mul(compiled.scales.get(name) ?? 1);
  return scope;
}

/** A recipient's inputs with its derived lines added, each in its line's unit. */
export function withDerived(compiled: CompiledAllocation, values: Map<string, Dec>, parameters: Record<string, string>, i: number): Map<string, Dec> {
  if (compiled.derived.length === 0) return values;
  const scope = recipientScope(compiled, values, parameters);
  const out = new Map<string, Fraction>();
  deriveInto(compiled, scope, out, `/recipients/${i}/derive`);
  const all = new Map(values);
  for (const [name, v] of out) all.set(name, new D(toDecimal(v, 30)));
  return all;
}

/**
 * Evaluates the derived lines in order into the scope (base units) and the values (each in its line's
 * unit), and gives them back for the result's trace.
 */
export function deriveInto(compiled: CompiledAllocation, scope: Record<string, FormulaValue>, values: Map<string, Fraction>, at: string) {
  return compiled.derived.map((line, i) => {
    let v: Fraction;
    try {
      v = line.formula.evaluate(scope) as Fraction;
    } catch (error) {
      if (error instanceof FormulaRuntimeError) throw new AllocationError(`${at}/${i}`, `'${line.name}': ${error.message}`);
      throw error;
    }
    scope[line.name] = v;
    const inUnit = v.div(line.unit.scale);
    values.set(line.name, inUnit);
    return { name: line.name, value: toDecimal(inUnit), unit: line.unit.text, formula: line.formula.source };
  });
}

/** The agreement's own inputs (values given to the run), checked, with the scope formulas read. */
export function agreementValues(compiled: CompiledAllocation, input: AllocationInput, parameters: Record<string, string>) {
  const values = new Map<string, Fraction>();
  for (const [name, decl] of Object.entries(compiled.body.inputs)) {
    const raw = input.values?.[name];
    if (raw === undefined) {
      if (decl.optional) continue;
      throw new AllocationError(`/values/${name}`, `the agreement needs a value for '${name}'`);
    }
    let v: Fraction;
    try {
      v = exact(raw);
    } catch {
      throw new AllocationError(`/values/${name}`, `'${name}' = '${raw}' is not a decimal number`);
    }
    if ((decl.min !== undefined && v.compare(exact(decl.min)) < 0) || (decl.max !== undefined && v.compare(exact(decl.max)) > 0)) {
      throw new AllocationError(`/values/${name}`, `'${name}' = ${raw} is outside [${decl.min ?? '-∞'}, ${decl.max ?? '∞'}]`);
    }
    values.set(name, v);
  }
  // The formulas see each value in the base unit of its dimension.
  const scope: Record<string, FormulaValue> = {};
  for (const [name, v] of Object.entries(parameters)) scope[name] = exact(v).mul(compiled.scales.get(name) ?? 1);
  for (const [name, v] of values) scope[name] = v.mul(compiled.scales.get(name) ?? 1);
  const derived = deriveInto(compiled, scope, values, '/derive');
  return { values, scope, derived };
}
