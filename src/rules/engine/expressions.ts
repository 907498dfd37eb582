/**
 * CEL for the free-form formulas of rule files, through @marcbachmann/cel-js: parsed and type-checked
 * once when the rule set is compiled, then called as a function. Numeric facts enter CEL as doubles;
 * an integer result (CEL ints are BigInt in cel-js) is brought back to a JS number at the boundary.
 */
import { Environment } from '@marcbachmann/cel-js';
import { RuleCompileError } from './errors.js';

export type FactTypes = Record<string, 'number' | 'boolean'>;
export type CompiledExpression = (facts: Record<string, unknown>) => number | boolean;

export function compileExpression(source: string, facts: FactTypes, pointer: string, expect: 'number' | 'boolean'): CompiledExpression {
  const env = new Environment();
  for (const [name, type] of Object.entries(facts)) env.registerVariable(name, type === 'number' ? 'double' : 'bool');
  const checked = env.check(source);
  if (!checked.valid) {
    throw new RuleCompileError(pointer, `CEL: ${String(checked.error?.message ?? 'invalid expression').split('\n')[0]}`);
  }
  const type = checked.type;
  const numeric = type === 'double' || type === 'int' || type === 'uint';
  if (expect === 'number' && !numeric) throw new RuleCompileError(pointer, `CEL: the formula gives ${type}, a number is needed`);
  if (expect === 'boolean' && type !== 'bool') throw new RuleCompileError(pointer, `CEL: the formula gives ${type}, a bool is needed`);
  const run = env.parse(source);
  return (context) => {
    const value = run(context) as unknown;
    return typeof value === 'bigint' ? Number(value) : (value as number | boolean);
  };
}
