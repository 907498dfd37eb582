/**
 * Formulas in rule files: mathjs parses them (no hand-written parser, no eval) and evaluates them on
 * exact fractions; before that, every formula is type-checked here, once, at upload: each name must be
 * declared, units must agree under + − and comparisons, and the result must be in the unit its line
 * needs, or the error names the missing factor.
 *
 * What a formula may use: numbers (exact: 0.1 is 1/10), declared names, unit names written after a
 * number (`1000000 yuan`, `3600 s` is not a unit here: use kWh), + − × ÷ and ^ with a whole-number
 * power, comparisons (< <= > >= == !=), and / or / not, `cond ? a : b`, min, max, abs, and
 * round(x, step, "mode") with a stated mode. Values are computed in the base unit of their dimension
 * (yuan, m, t, kWh, …) and converted into the line's unit at the end.
 */
import type { MathNode } from 'mathjs';
import { combine, type Dims, formatDims, isDimensionless, missingFactor, sameDims, UnitError, unitOf } from '../units/units.js';
import { Fraction, ROUNDING_MODES, type RoundingMode, roundTo, toDecimal } from './exact.js';
import { create } from './mathjs-build.js';

export type FormulaType = { kind: 'quantity'; dims: Dims } | { kind: 'boolean' };
export type FormulaValue = Fraction | boolean;

export const NUMBER: FormulaType = { kind: 'quantity', dims: {} };
export const BOOLEAN: FormulaType = { kind: 'boolean' };
export const quantity = (dims: Dims): FormulaType => ({ kind: 'quantity', dims });

/** A formula that cannot be compiled: `pointer` is the field, the message names the sub-expression. */
export class FormulaError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
  }
}

/** A formula that fails on its inputs (a division by zero): never a silent zero. */
export class FormulaRuntimeError extends Error {}

export interface CompiledFormula {
  source: string;
  type: FormulaType;
  /** The declared names it reads. */
  reads: readonly string[];
  /** Values in base units; a quantity result comes back in base units too. */
  evaluate(scope: Readonly<Record<string, FormulaValue>>): FormulaValue;
}

const math = create({ number: 'Fraction' });
// Only round changes meaning: it takes a step and a stated mode. The type check lets nothing else through.
math.import(
  {
    round: math.typed('round', {
      'Fraction, Fraction, string': (x: Fraction, step: Fraction, mode: string) => roundTo(x, step, mode as RoundingMode),
    }),
  },
  { override: true },
);

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);
const COMPARISONS = new Set(['smaller', 'smallerEq', 'larger', 'largerEq', 'equal', 'unequal']);
const LOGIC = new Set(['and', 'or', 'not']);
const FUNCTIONS = new Set(['min', 'max', 'abs', 'round']);
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

const describe = (t: FormulaType) => (t.kind === 'boolean' ? 'true/false' : isDimensionless(t.dims) ? 'a pure number' : formatDims(t.dims));

interface Checked {
  type: FormulaType;
  /** A constant's exact value, when the node is one (for steps and powers). */
  constant?: Fraction | string;
  /** A literal 0: zero of any unit is zero, so it takes the unit of what it meets (max(x - s, 0)). */
  zero?: boolean;
}

/**
 * Compiles a formula against the names it may read. `expect` is the type its line needs; a quantity
 * of other dimensions is refused with the factor that is missing.
 */
export function compileFormula(
  source: string,
  declared: ReadonlyMap<string, FormulaType>,
  options: { pointer: string; expect?: FormulaType; what?: string },
): CompiledFormula {
  const { pointer } = options;
  let root: MathNode;
  try {
    root = math.parse(source);
  } catch (error) {
    throw new FormulaError(pointer, `cannot read the formula '${source}': ${(error as Error).message}`);
  }
  const reads = new Set<string>();
  const units = new Map<string, Fraction>();
  const fail = (node: MathNode, message: string): never => {
    throw new FormulaError(pointer, `in '${show(node)}'${node === root ? '' : ` (of '${source}')`}: ${message}`);
  };

  const check = (node: MathNode): Checked => {
    switch (node.type) {
      case 'ConstantNode': {
        const value = (node as unknown as { value: unknown }).value;
        if (value instanceof Fraction) return { type: NUMBER, constant: value, ...(value.n === 0n ? { zero: true } : {}) };
        if (typeof value === 'boolean') return { type: BOOLEAN };
        if (typeof value === 'string') return { type: NUMBER, constant: value };
        return fail(node, 'only numbers, true and false may be written as constants');
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const type = declared.get(name);
        if (type) {
          reads.add(name);
          return { type };
        }
        if (IDENTIFIER.test(name)) {
          try {
            const unit = unitOf(name);
            units.set(name, unit.scale);
            return { type: quantity(unit.dims) };
          } catch (error) {
            if (!(error instanceof UnitError)) throw error;
          }
        }
        const known = [...declared.keys()];
        return fail(node, `'${name}' is neither declared nor a unit${known.length ? ` (declared: ${known.join(', ')})` : ''}`);
      }
      case 'ParenthesisNode':
        return check((node as unknown as { content: MathNode }).content);
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        const cond = check(c.condition);
        if (cond.type.kind !== 'boolean') fail(c.condition, `a condition must be true/false, not ${describe(cond.type)}`);
        const [ta, tb] = unifyZeros([check(c.trueExpr), check(c.falseExpr)]);
        const a = (ta as Checked).type;
        const b = (tb as Checked).type;
        if (!sameType(a, b)) fail(node, `the two branches differ: ${describe(a)} and ${describe(b)}`);
        return { type: a };
      }
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        const checked = op.args.map(check);
        // Zero takes a unit only where units must agree (+, −, comparisons), never in × or ÷.
        const args = op.fn === 'add' || op.fn === 'subtract' || COMPARISONS.has(op.fn) ? unifyZeros(checked) : checked;
        const b = args[1];
        const quantities = () => {
          for (const [i, x] of args.entries()) {
            if (x.type.kind !== 'quantity') fail(op.args[i] as MathNode, `'${op.op}' needs numbers, not true/false`);
          }
          return args.map((x) => (x.type as { dims: Dims }).dims);
        };
        if (OPERATORS.has(op.fn)) {
          const dims = quantities();
          if (op.fn === 'unaryMinus' || op.fn === 'unaryPlus') return { type: quantity(dims[0] as Dims) };
          if (op.fn === 'add' || op.fn === 'subtract') {
            if (!sameDims(dims[0] as Dims, dims[1] as Dims)) {
              fail(node, `cannot ${op.fn} ${formatDims(dims[0] as Dims)} and ${formatDims(dims[1] as Dims)}: they measure different things`);
            }
            return { type: quantity(dims[0] as Dims) };
          }
          if (op.fn === 'multiply') return { type: quantity(combine(dims[0] as Dims, dims[1] as Dims, 1)) };
          if (op.fn === 'divide') return { type: quantity(combine(dims[0] as Dims, dims[1] as Dims, -1)) };
          // pow: a whole-number constant power, so the result has whole dimensions and stays rational.
          const exponent = b?.constant;
          if (!(exponent instanceof Fraction) || exponent.d !== 1n) fail(node, 'a power must be a whole number written as a constant');
          const n = Number((exponent as Fraction).s * (exponent as Fraction).n);
          const base = dims[0] as Dims;
          let out: Dims = {};
          for (let i = 0; i < Math.abs(n); i++) out = combine(out, base, n > 0 ? 1 : -1);
          return { type: quantity(out) };
        }
        if (COMPARISONS.has(op.fn)) {
          const dims = quantities();
          if (!sameDims(dims[0] as Dims, dims[1] as Dims)) {
            fail(
              node,
              `cannot compare ${formatDims(dims[0] as Dims)} with ${formatDims(dims[1] as Dims)}: write the unit, e.g. '${show(op.args[1] as MathNode)} ${formatDims(dims[0] as Dims)}'`,
            );
          }
          return { type: BOOLEAN };
        }
        if (LOGIC.has(op.fn)) {
          for (const [i, x] of args.entries())
            if (x.type.kind !== 'boolean') fail(op.args[i] as MathNode, `'${op.op}' needs true/false, not ${describe(x.type)}`);
          return { type: BOOLEAN };
        }
        return fail(node, `the operator '${op.op}' is not available in formulas`);
      }
      case 'FunctionNode': {
        const fn = node as unknown as { fn: MathNode; args: MathNode[] };
        const name = fn.fn.type === 'SymbolNode' ? (fn.fn as unknown as { name: string }).name : '';
        if (!FUNCTIONS.has(name)) fail(node, `'${name || show(fn.fn)}' is not a function formulas may use (min, max, abs, round)`);
        const args = name === 'round' ? fn.args.map(check) : unifyZeros(fn.args.map(check));
        if (name === 'round') {
          const [x, step, mode] = args;
          if (args.length !== 3 || !x || !step || !mode) {
            return fail(
              node,
              `round takes the value, the step and a stated mode, e.g. round(x, 0.01, "half-up"); modes: ${ROUNDING_MODES.join(', ')}`,
            );
          }
          if (x.type.kind !== 'quantity') fail(fn.args[0] as MathNode, 'round needs a number');
          if (!(step.constant instanceof Fraction) || step.constant.compare(0) <= 0)
            fail(fn.args[1] as MathNode, 'the step must be a positive constant, e.g. 0.01');
          if (typeof mode.constant !== 'string' || !(ROUNDING_MODES as readonly string[]).includes(mode.constant)) {
            fail(fn.args[2] as MathNode, `the mode must be one of ${ROUNDING_MODES.map((m) => `"${m}"`).join(', ')}`);
          }
          return { type: x.type };
        }
        if (args.length === 0 || (name === 'abs' && args.length !== 1))
          fail(node, `${name} needs ${name === 'abs' ? 'one value' : 'at least one value'}`);
        const first = args[0]?.type as FormulaType;
        for (const [i, x] of args.entries()) {
          if (x.type.kind !== 'quantity') fail(fn.args[i] as MathNode, `${name} needs numbers`);
          if (!sameType(x.type, first))
            fail(node, `${name} compares things that measure different things: ${describe(first)} and ${describe(x.type)}`);
        }
        return { type: first };
      }
      default:
        return fail(node, `${node.type.replace(/Node$/, '').toLowerCase()} expressions are not available in formulas`);
    }
  };

  const result = check(root).type;
  if (options.expect && !sameType(result, options.expect)) {
    const want = options.expect;
    if (want.kind === 'boolean' || result.kind === 'boolean') {
      throw new FormulaError(pointer, `'${source}' gives ${describe(result)}; ${options.what ?? 'this line'} needs ${describe(want)}`);
    }
    throw new FormulaError(
      pointer,
      `'${source}' gives ${describe(result)}; ${options.what ?? 'this line'} needs ${describe(want)}: the factor ${missingFactor(result.dims, want.dims)} is missing`,
    );
  }
  const compiled = root.compile();
  const constants = Object.fromEntries(units);
  const evaluate = (scope: Readonly<Record<string, FormulaValue>>): FormulaValue => {
    try {
      return compiled.evaluate({ ...constants, ...scope }) as FormulaValue;
    } catch (error) {
      const message = (error as Error).message;
      throw new FormulaRuntimeError(/zero/i.test(message) ? `'${source}' divides by zero` : `'${source}' cannot be computed: ${message}`);
    }
  };
  return { source, type: result, reads: [...reads], evaluate };
}

/** A literal 0 beside quantities takes their unit; anything else keeps its own. */
function unifyZeros(args: Checked[]): Checked[] {
  const unit = args.find((a) => !a.zero && a.type.kind === 'quantity');
  if (!unit) return args;
  return args.map((a) => (a.zero ? { ...a, type: unit.type } : a));
}

/** A sub-expression as the bureau wrote it: exact constants as decimals, not fractions. */
function show(node: MathNode): string {
  return node.toString({
    handler: (n: MathNode) => {
      const value = n.type === 'ConstantNode' ? (n as unknown as { value: unknown }).value : undefined;
      if (value instanceof Fraction) return toDecimal(value);
      if (typeof value === 'string') return JSON.stringify(value);
      return undefined;
    },
  });
}

function sameType(a: FormulaType, b: FormulaType): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'boolean' || sameDims(a.dims, (b as { dims: Dims }).dims);
}
