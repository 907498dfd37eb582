/**
 * Compiles a scorecard rule set into plain closures once; evaluating it is then a loop over functions,
 * with no interpretation of the rule data per call. Points are summed in hundredths (integers) so that
 * 0.1 + 0.2 is 0.3 here too, and every rounding to a hundredth is exact (half away from zero): a
 * product that lands near a half is recomputed in exact fractions, so the fast path never decides a tie.
 * Free-form formulas are exact formulas (rules/formula), type-checked against the facts and their units.
 */

import { compileComparison, type FactValue, type Interval, intervalOf, type Predicate, present } from '../../engine/conditions.js';
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
import type { ScorecardBody } from './body.js';

export type Facts = Readonly<Record<string, FactValue>>;
export type FactTypes = Record<string, 'number' | 'boolean'>;

export interface TraceEntry {
  kind: 'item' | 'override';
  id: string;
  reason: string;
  /** The facts the rule read, with their values. */
  inputs: Record<string, FactValue>;
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

type ItemFn = (facts: Facts) => number; // contribution in hundredths, 0 when it does not apply

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

/** A points or per-unit item on a numeric fact whose condition is an interval. */
function numericItem(
  fact: string,
  { lo, loClosed, hi, hiClosed }: Interval,
  points: number | undefined,
  perUnit: number | undefined,
  badFact: (name: string, v: unknown) => Error,
): ItemFn {
  if (points !== undefined) {
    const pts = round100(points);
    return (f) => {
      const v = f[fact];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw badFact(fact, v);
      if (loClosed ? v < lo : v <= lo) return 0;
      if (hiClosed ? v > hi : v >= hi) return 0;
      return pts;
    };
  }
  const per = perUnit as number;
  return (f) => {
    const v = f[fact];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badFact(fact, v);
    if (loClosed ? v < lo : v <= lo) return 0;
    if (hiClosed ? v > hi : v >= hi) return 0;
    return product100(v, per);
  };
}

interface CompiledItem {
  id: string;
  reason: string;
  fact: string | undefined;
  /** Contribution before the cap. */
  raw: ItemFn;
  capped: (hundredths: number) => number;
  /** raw then capped: the hot path. */
  fn: ItemFn;
}

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
  // Each closure reads its fact through a typed getter, so the type check costs no second lookup.
  const getter = (name: string): ((f: Facts) => FactValue) =>
    factTypes[name] === 'number'
      ? (f) => {
          const v = f[name];
          if (typeof v !== 'number' || !Number.isFinite(v)) throw badFact(name, v);
          return v;
        }
      : (f) => {
          const v = f[name];
          if (typeof v !== 'boolean') throw badFact(name, v);
          return v;
        };
  const checkAllFacts = (f: Facts) => {
    for (const name of factNames) getter(name)(f);
  };

  const items = body.items.map((item, i): CompiledItem => {
    const applies: Predicate = item.when ? compileComparison(item.when) : present;
    const min = item.cap?.min === undefined ? -Infinity : round100(item.cap.min);
    const max = item.cap?.max === undefined ? Infinity : round100(item.cap.max);
    const capped = (h: number) => (h < min ? min : h > max ? max : h);
    const fact = item.fact;
    const get = fact === undefined ? undefined : getter(fact);
    let raw: ItemFn;
    const interval = fact !== undefined && factTypes[fact] === 'number' ? intervalOf(item.when) : undefined;
    if (interval && fact !== undefined && (item.points !== undefined || item.perUnit !== undefined)) {
      // The hot shapes: one closure per item, with the fact read, type-checked and compared inline.
      raw = numericItem(fact, interval, item.points, item.perUnit, badFact);
    } else if (item.points !== undefined && get) {
      const pts = round100(item.points);
      raw = (f) => (applies(get(f)) ? pts : 0);
    } else if (item.perUnit !== undefined && get) {
      const per = item.perUnit;
      raw = (f) => {
        const v = get(f);
        return applies(v) ? product100(v as number, per) : 0;
      };
    } else if (item.formula !== undefined) {
      const pointer = `/body/items/${i}/formula`;
      let formula: ReturnType<typeof compileFormula>;
      try {
        formula = compileFormula(item.formula, formulaTypes, { pointer, expect: NUMBER, what: 'a scorecard item (points)' });
      } catch (error) {
        if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, error.message);
        throw error;
      }
      // A formula may read any declared fact, so all of them are checked before it runs.
      const run = (f: Facts) => {
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
      raw = get ? (f) => (applies(get(f)) ? run(f) : 0) : run;
    } else {
      throw new RuleCompileError(`/body/items/${i}`, 'item has no points, perUnit or formula');
    }
    // An item that does not apply contributes nothing: its cap is not a floor under zero.
    const fn: ItemFn =
      item.cap === undefined
        ? raw
        : (f) => {
            const h = raw(f);
            return h === 0 ? 0 : h < min ? min : h > max ? max : h;
          };
    return { id: item.id, reason: item.reason, fact, raw, capped, fn };
  });

  const base = round100(body.baseScore);
  const lo = body.minScore === undefined ? -Infinity : round100(body.minScore);
  const hi = body.maxScore === undefined ? Infinity : round100(body.maxScore);
  const bandMins = body.bands.map((b) => (b.min === undefined ? -Infinity : round100(b.min)));
  const lastBand = body.bands.length - 1;
  const overrides = body.overrides.map((o) => ({
    id: o.id,
    reason: o.reason,
    fact: o.fact,
    applies: o.when ? compileComparison(o.when) : present,
    get: getter(o.fact),
    target: (index: number) => (o.effect === 'lowest' ? lastBand : Math.min(lastBand, index + o.effect.lowerBy)),
  }));

  const bandOf = (total: number): number => {
    for (let b = 0; b < bandMins.length; b++) if (total >= (bandMins[b] as number)) return b;
    throw new RuleEvaluationError(ruleSet.id, '/body/bands', `no band holds the score ${total / 100}`);
  };

  // Overrides are each measured from the score's own band and the most severe wins, so their order in
  // the file does not matter and two "one grade down" overrides do not add up to two grades.
  const scoreOnly = (facts: Facts) => {
    let total = base;
    for (const item of items) total += item.fn(facts);
    total = total < lo ? lo : total > hi ? hi : total;
    const scoreBand = bandOf(total);
    let bandIndex = scoreBand;
    for (const o of overrides) if (o.applies(o.get(facts))) bandIndex = Math.max(bandIndex, o.target(scoreBand));
    return { score: total / 100, bandIndex };
  };

  const evaluate = (facts: Facts): ScorecardResult => {
    const trace: TraceEntry[] = [];
    let total = base;
    for (const item of items) {
      const uncapped = item.raw(facts);
      if (uncapped === 0) continue;
      const points = item.capped(uncapped);
      total += points;
      const inputs: Record<string, FactValue> = item.fact ? { [item.fact]: facts[item.fact] as FactValue } : { ...facts };
      trace.push({
        kind: 'item',
        id: item.id,
        reason: item.reason,
        inputs,
        points: points / 100,
        ...(points !== uncapped ? { uncapped: uncapped / 100 } : {}),
      });
    }
    total = total < lo ? lo : total > hi ? hi : total;
    const scoreBand = bandOf(total);
    let bandIndex = scoreBand;
    for (const o of overrides) {
      const value = o.get(facts);
      if (!o.applies(value)) continue;
      const target = o.target(scoreBand);
      bandIndex = Math.max(bandIndex, target);
      trace.push({ kind: 'override', id: o.id, reason: o.reason, inputs: { [o.fact]: value }, grade: body.bands[target]?.grade as string });
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
