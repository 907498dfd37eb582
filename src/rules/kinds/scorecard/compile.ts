/**
 * Compiles a scorecard rule set into plain closures once; evaluating it is then a loop over functions,
 * with no interpretation of the rule data per call. Points are summed in hundredths (integers) so that
 * 0.1 + 0.2 is 0.3 here too, and every rounding to a hundredth is exact (half away from zero): a
 * product that lands near a half is recomputed in exact fractions, so the fast path never decides a tie.
 * Free-form formulas are exact formulas (rules/formula), type-checked against the facts and their units.
 */

import { compileComparison, type FactValue, intervalOf, type Predicate, present } from '../../engine/conditions.js';
import { RuleCompileError, RuleEvaluationError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { Fraction, roundTo } from '../../formula/exact.js';
import {
  BOOLEAN,
  compileFormula,
  FormulaError,
  FormulaRuntimeError,
  type FormulaType,
  type FormulaValue,
  NUMBER,
  quantity,
} from '../../formula/formula.js';
import { UnitError, unitOf } from '../../units/units.js';
import type { Comparison } from '../common.js';
import type { ScorecardBody } from './body.js';

export type Facts = Readonly<Record<string, FactValue>>;
export type FactTypes = Record<string, 'number' | 'boolean'>;

export interface TraceEntry {
  kind: 'item' | 'override';
  id: string;
  reason: string;
  /** The facts the rule read, with their values. */
  inputs: Readonly<Record<string, FactValue>>;
  /** Points this item added, after its cap; absent for overrides. */
  points?: number;
  /** Points before the cap, when the cap changed them. */
  uncapped?: number;
  /** For overrides: the grade it forced. */
  grade?: string;
}

export interface ScorecardResult {
  score: number;
  grade: string;
  gradeLabel: string;
  /** The grade the score alone would give, before overrides. */
  scoreGrade: string;
  ruleSet: RuleSetRef;
  trace: TraceEntry[];
}

export interface CompiledScorecard {
  ruleSet: RuleSetRef;
  facts: FactTypes;
  /** Full result with a trace entry for every item that contributed and every override that fired. */
  evaluate(facts: Facts): ScorecardResult;
  /** Score and band index only: the hot path for bulk rescoring. */
  scoreOnly(facts: Facts): { score: number; bandIndex: number };
}

// How a row of the item table decides: an interval test inline, a test on the value, or a formula.
const OP_POINTS_IN = 0;
const OP_PER_UNIT_IN = 1;
const OP_POINTS_IF = 2;
const OP_PER_UNIT_IF = 3;
const OP_FORMULA = 4;
/** Whole values below this share their trace inputs record. */
const SHARED_VALUES = 1024;
type Inputs = Readonly<Record<string, FactValue>>;

const HUNDREDTH = new Fraction(1, 100);

/** x in hundredths, rounded half away from zero, exactly: floats decide only when far from a tie. */
export function hundredths(x: number): number {
  const scaled = x * 100;
  const frac = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(frac - 0.5) > 1e-6) return Math.round(scaled);
  return exactHundredths(new Fraction(String(x)));
}

function exactHundredths(x: Fraction): number {
  const r = roundTo(x, HUNDREDTH, 'half-up').mul(100);
  return Number(r.s * r.n);
}

/** v × per in hundredths, exactly at ties. */
function product100(v: number, per: number): number {
  const scaled = v * per * 100;
  const frac = Math.abs(scaled - Math.trunc(scaled));
  if (Math.abs(frac - 0.5) > 1e-6 && Number.isSafeInteger(Math.round(scaled))) return Math.round(scaled);
  return exactHundredths(new Fraction(String(v)).mul(new Fraction(String(per))));
}

const round100 = hundredths;

export function compileScorecard(body: ScorecardBody, ruleSet: RuleSetRef): CompiledScorecard {
  const factTypes: FactTypes = Object.fromEntries(Object.entries(body.facts).map(([k, v]) => [k, v.type]));
  const factNames = Object.keys(factTypes);
  // Each number fact in its declared unit: formulas see it in the base unit of its dimension.
  const scales = new Map<string, Fraction>();
  const formulaTypes = new Map<string, FormulaType>();
  for (const [name, decl] of Object.entries(body.facts)) {
    if (decl.type === 'boolean') {
      formulaTypes.set(name, BOOLEAN);
      continue;
    }
    try {
      const unit = unitOf(decl.unit ?? '1');
      scales.set(name, unit.scale);
      formulaTypes.set(name, quantity(unit.dims));
    } catch (error) {
      if (error instanceof UnitError) throw new RuleCompileError(`/body/facts/${name}/unit`, `fact '${name}': ${error.message}`);
      throw error;
    }
  }
  const toFormulaValue = (name: string, v: FactValue): FormulaValue =>
    typeof v === 'boolean' ? v : new Fraction(String(v)).mul(scales.get(name) ?? 1);

  const badFact = (name: string, v: unknown) =>
    new RuleEvaluationError(
      ruleSet.id,
      `/facts/${name}`,
      `fact '${name}' must be a ${factTypes[name]}; got ${v === undefined ? 'nothing' : JSON.stringify(v)}`,
    );
  // A formula may read any declared fact, so all of them are checked before one runs.
  const checkAllFacts = (f: Facts) => {
    for (const name of factNames) {
      const v = f[name];
      if (factTypes[name] === 'number' ? typeof v !== 'number' || !Number.isFinite(v) : typeof v !== 'boolean') throw badFact(name, v);
    }
  };

  // Facts are resolved to slots here, once: a call reads each fact the items use from the record a single
  // time, checks its type, and every item then indexes an array of doubles (a boolean as 0 or 1). Items
  // are rows of a table walked by one loop, not a closure each: a closure call and a record lookup per
  // item cost more than the item's own test.
  const slotOf = new Map<string, number>();
  const slotNames: string[] = [];
  const slotOfFact = (name: string): number => {
    let slot = slotOf.get(name);
    if (slot === undefined) {
      slot = slotNames.length;
      slotOf.set(name, slot);
      slotNames.push(name);
    }
    return slot;
  };
  for (const item of body.items) if (item.fact !== undefined) slotOfFact(item.fact);
  for (const o of body.overrides) slotOfFact(o.fact);
  const slotCount = slotNames.length;
  const slotIsBoolean = Uint8Array.from(slotNames, (name) => (factTypes[name] === 'boolean' ? 1 : 0));
  // One buffer per compiled card: evaluation is synchronous and never re-enters the same card.
  const values = new Float64Array(slotCount);
  const put = (s: number, x: unknown): void => {
    if (typeof x === 'number' && !slotIsBoolean[s] && Number.isFinite(x)) values[s] = x;
    else if (typeof x === 'boolean' && slotIsBoolean[s]) values[s] = x ? 1 : 0;
    else throw badFact(slotNames[s] as string, x);
  };
  const load = (f: Facts): Float64Array => {
    for (let s = 0; s < slotCount; s++) put(s, f[slotNames[s] as string]);
    return values;
  };
  const factValueAt = (s: number, x: number): FactValue => (slotIsBoolean[s] ? x === 1 : x);

  // A condition on a boolean has two possible inputs, so it is decided here: bit 0 holds its answer for
  // false, bit 1 for true. A condition on a number that is no interval (ne, in) keeps its test.
  const conditionOf = (slot: number, when: Comparison | undefined): { bits: number; test: Predicate | undefined } => {
    const applies: Predicate = when ? compileComparison(when) : present;
    if (!slotIsBoolean[slot]) return { bits: 0, test: applies };
    return { bits: (applies(false) ? 1 : 0) | (applies(true) ? 2 : 0), test: undefined };
  };
  const holds = (s: number, bits: number, test: Predicate | undefined, x: number): boolean =>
    slotIsBoolean[s] ? ((bits >> x) & 1) === 1 : (test as Predicate)(x);

  const n = body.items.length;
  const op = new Uint8Array(n);
  const slot = new Int32Array(n).fill(-1);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const loClosed = new Uint8Array(n);
  const hiClosed = new Uint8Array(n);
  /** Fixed points in hundredths, or points per unit. */
  const amount = new Float64Array(n);
  const capMin = new Float64Array(n).fill(-Infinity);
  const capMax = new Float64Array(n).fill(Infinity);
  const hasCap = new Uint8Array(n);
  const bits = new Uint8Array(n);
  /** For the shapes the table does not hold: the item's test on its fact's value, or a formula on the record. */
  const tests: (Predicate | undefined)[] = new Array(n).fill(undefined);
  const formulas: (((f: Facts) => number) | undefined)[] = new Array(n).fill(undefined);

  body.items.forEach((item, i) => {
    if (item.cap?.min !== undefined) capMin[i] = round100(item.cap.min);
    if (item.cap?.max !== undefined) capMax[i] = round100(item.cap.max);
    hasCap[i] = item.cap === undefined ? 0 : 1;
    const fact = item.fact;
    if (fact !== undefined) {
      const s = slotOfFact(fact);
      slot[i] = s;
      const condition = conditionOf(s, item.when);
      bits[i] = condition.bits;
      tests[i] = condition.test;
    }
    if (item.points !== undefined) amount[i] = round100(item.points);
    if (item.perUnit !== undefined) amount[i] = item.perUnit;
    const interval = fact !== undefined && factTypes[fact] === 'number' ? intervalOf(item.when) : undefined;
    if (fact !== undefined && (item.points !== undefined || item.perUnit !== undefined)) {
      if (interval) {
        op[i] = item.points !== undefined ? OP_POINTS_IN : OP_PER_UNIT_IN;
        lo[i] = interval.lo;
        hi[i] = interval.hi;
        loClosed[i] = interval.loClosed ? 1 : 0;
        hiClosed[i] = interval.hiClosed ? 1 : 0;
      } else {
        op[i] = item.points !== undefined ? OP_POINTS_IF : OP_PER_UNIT_IF;
      }
      return;
    }
    if (item.formula === undefined) throw new RuleCompileError(`/body/items/${i}`, 'item has no points, perUnit or formula');
    const pointer = `/body/items/${i}/formula`;
    let formula: ReturnType<typeof compileFormula>;
    try {
      formula = compileFormula(item.formula, formulaTypes, { pointer, expect: NUMBER, what: 'a scorecard item (points)' });
    } catch (error) {
      if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
      throw error;
    }
    op[i] = OP_FORMULA;
    formulas[i] = (f: Facts) => {
      checkAllFacts(f);
      const scope: Record<string, FormulaValue> = {};
      for (const name of formula.reads) scope[name] = toFormulaValue(name, f[name] as FactValue);
      try {
        return exactHundredths(formula.evaluate(scope) as Fraction);
      } catch (error) {
        if (error instanceof FormulaRuntimeError) throw new RuleEvaluationError(ruleSet.id, pointer, error.message);
        throw error;
      }
    };
  });

  /** Item i's contribution in hundredths before its cap; 0 when it does not apply. */
  const raw = (i: number, v: Float64Array, f: Facts): number => {
    const s = slot[i] as number;
    switch (op[i]) {
      case OP_POINTS_IN:
      case OP_PER_UNIT_IN: {
        const x = v[s] as number;
        if (loClosed[i] ? x < (lo[i] as number) : x <= (lo[i] as number)) return 0;
        if (hiClosed[i] ? x > (hi[i] as number) : x >= (hi[i] as number)) return 0;
        return op[i] === OP_POINTS_IN ? (amount[i] as number) : product100(x, amount[i] as number);
      }
      case OP_POINTS_IF:
      case OP_PER_UNIT_IF: {
        const x = v[s] as number;
        if (!holds(s, bits[i] as number, tests[i], x)) return 0;
        return op[i] === OP_POINTS_IF ? (amount[i] as number) : product100(x, amount[i] as number);
      }
      default:
        if (s >= 0 && !holds(s, bits[i] as number, tests[i], v[s] as number)) return 0;
        return (formulas[i] as (f: Facts) => number)(f);
    }
  };
  // An item that does not apply contributes nothing: its cap is not a floor under zero.
  const capped = (i: number, h: number): number => {
    if (h === 0 || !hasCap[i]) return h;
    const min = capMin[i] as number;
    const max = capMax[i] as number;
    return h < min ? min : h > max ? max : h;
  };

  // A trace entry's inputs record names one fact, which costs a keyed store to build. Most values are
  // booleans or small counts, so those records are built once per fact and value and shared, frozen.
  const sharedInputs = slotNames.map(() => new Array<Inputs | undefined>(SHARED_VALUES + 2));
  /** Where fact s's record for value x is kept: after the whole values for a boolean, -1 when not shared. */
  const sharedKey = (s: number, x: number): number => {
    if (slotIsBoolean[s]) return SHARED_VALUES + x;
    return x >= 0 && x < SHARED_VALUES && Number.isInteger(x) && !Object.is(x, -0) ? x : -1;
  };
  const inputsOf = (s: number, x: number): Inputs => {
    const key = sharedKey(s, x);
    const shared = sharedInputs[s] as (Inputs | undefined)[];
    const made = key < 0 ? undefined : shared[key];
    if (made) return made;
    const record: Record<string, FactValue> = {};
    record[slotNames[s] as string] = factValueAt(s, x);
    if (key < 0) return record;
    shared[key] = Object.freeze(record);
    return record;
  };

  const base = round100(body.baseScore);
  const minTotal = body.minScore === undefined ? -Infinity : round100(body.minScore);
  const maxTotal = body.maxScore === undefined ? Infinity : round100(body.maxScore);
  const bandMins = body.bands.map((b) => (b.min === undefined ? -Infinity : round100(b.min)));
  const lastBand = body.bands.length - 1;
  const overrides = body.overrides.map((o) => {
    const s = slotOfFact(o.fact);
    return {
      id: o.id,
      reason: o.reason,
      slot: s,
      ...conditionOf(s, o.when),
      target: (index: number) => (o.effect === 'lowest' ? lastBand : Math.min(lastBand, index + o.effect.lowerBy)),
    };
  });
  const itemIds = body.items.map((item) => item.id);
  const itemReasons = body.items.map((item) => item.reason);

  const bandOf = (total: number): number => {
    for (let b = 0; b < bandMins.length; b++) if (total >= (bandMins[b] as number)) return b;
    throw new RuleEvaluationError(ruleSet.id, '/body/bands', `no band holds the score ${total / 100}`);
  };

  // Overrides are each measured from the score's own band and the most severe wins, so their order in
  // the file does not matter and two "one grade down" overrides do not add up to two grades.
  const scoreOnly = (facts: Facts) => {
    const v = load(facts);
    let total = base;
    for (let i = 0; i < n; i++) total += capped(i, raw(i, v, facts));
    total = total < minTotal ? minTotal : total > maxTotal ? maxTotal : total;
    const scoreBand = bandOf(total);
    let bandIndex = scoreBand;
    for (const o of overrides) if (holds(o.slot, o.bits, o.test, v[o.slot] as number)) bandIndex = Math.max(bandIndex, o.target(scoreBand));
    return { score: total / 100, bandIndex };
  };

  const evaluate = (facts: Facts): ScorecardResult => {
    const v = load(facts);
    const trace: TraceEntry[] = [];
    let total = base;
    for (let i = 0; i < n; i++) {
      const uncapped = raw(i, v, facts);
      if (uncapped === 0) continue;
      const points = capped(i, uncapped);
      total += points;
      const s = slot[i] as number;
      const inputs = s >= 0 ? inputsOf(s, v[s] as number) : { ...facts };
      const entry: TraceEntry = { kind: 'item', id: itemIds[i] as string, reason: itemReasons[i] as string, inputs, points: points / 100 };
      if (points !== uncapped) entry.uncapped = uncapped / 100;
      trace.push(entry);
    }
    total = total < minTotal ? minTotal : total > maxTotal ? maxTotal : total;
    const scoreBand = bandOf(total);
    let bandIndex = scoreBand;
    for (const o of overrides) {
      const x = v[o.slot] as number;
      if (!holds(o.slot, o.bits, o.test, x)) continue;
      const target = o.target(scoreBand);
      bandIndex = Math.max(bandIndex, target);
      trace.push({ kind: 'override', id: o.id, reason: o.reason, inputs: inputsOf(o.slot, x), grade: body.bands[target]?.grade as string });
    }
    const band = body.bands[bandIndex] as (typeof body.bands)[number];
    return {
      score: total / 100,
      grade: band.grade,
      gradeLabel: band.label,
      scoreGrade: (body.bands[scoreBand] as (typeof body.bands)[number]).grade,
      ruleSet,
      trace,
    };
  };

  return { ruleSet, facts: factTypes, evaluate, scoreOnly };
}
