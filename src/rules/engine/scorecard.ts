/**
 * Compiles a scorecard rule set into plain closures once; evaluating it is then a loop over functions,
 * with no interpretation of the rule data per call. Points are summed in hundredths (integers) so that
 * 0.1 + 0.2 is 0.3 here too.
 */
import type { ScorecardBody } from '../kinds/scorecard.js';
import { compileComparison, type FactValue, type Predicate, present } from './conditions.js';
import { RuleCompileError, RuleEvaluationError } from './errors.js';
import { compileExpression, type FactTypes } from './expressions.js';
import type { RuleSetRef } from './ruleset-ref.js';

export type Facts = Readonly<Record<string, FactValue>>;

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

const round100 = (x: number) => Math.round(x * 100);

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

  const items = body.items.map((item, i): CompiledItem => {
    const applies: Predicate = item.when ? compileComparison(item.when) : present;
    const min = item.cap?.min === undefined ? -Infinity : round100(item.cap.min);
    const max = item.cap?.max === undefined ? Infinity : round100(item.cap.max);
    const capped = (h: number) => (h < min ? min : h > max ? max : h);
    const fact = item.fact;
    let raw: ItemFn;
    if (item.points !== undefined && fact !== undefined) {
      const pts = round100(item.points);
      raw = (f) => (applies(f[fact] as FactValue) ? pts : 0);
    } else if (item.perUnit !== undefined && fact !== undefined) {
      const per = item.perUnit;
      raw = (f) => {
        const v = f[fact] as FactValue;
        return applies(v) ? round100((v as number) * per) : 0;
      };
    } else if (item.formula !== undefined) {
      const formula = compileExpression(item.formula, factTypes, `/body/items/${i}/formula`, 'number');
      raw = fact === undefined ? (f) => round100(formula(f) as number) : (f) => (applies(f[fact] as FactValue) ? round100(formula(f) as number) : 0);
    } else {
      throw new RuleCompileError(`/body/items/${i}`, 'item has no points, perUnit or formula');
    }
    return { id: item.id, reason: item.reason, fact, raw, capped, fn: (f) => capped(raw(f)) };
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
    target: (index: number) => (o.effect === 'lowest' ? lastBand : Math.min(lastBand, index + o.effect.lowerBy)),
  }));

  const checkFacts = (facts: Facts) => {
    for (const name of factNames) {
      const v = facts[name];
      const want = factTypes[name];
      if (want === 'number' ? typeof v !== 'number' || !Number.isFinite(v) : typeof v !== 'boolean') {
        throw new RuleEvaluationError(
          ruleSet.id,
          `/facts/${name}`,
          `fact '${name}' must be a ${want}; got ${v === undefined ? 'nothing' : JSON.stringify(v)}`,
        );
      }
    }
  };

  const bandOf = (total: number): number => {
    for (let b = 0; b < bandMins.length; b++) if (total >= (bandMins[b] as number)) return b;
    throw new RuleEvaluationError(ruleSet.id, '/body/bands', `no band holds the score ${total / 100}`);
  };

  const scoreOnly = (facts: Facts) => {
    checkFacts(facts);
    let total = base;
    for (const item of items) total += item.fn(facts);
    total = total < lo ? lo : total > hi ? hi : total;
    let bandIndex = bandOf(total);
    for (const o of overrides) if (o.applies(facts[o.fact] as FactValue)) bandIndex = Math.max(bandIndex, o.target(bandIndex));
    return { score: total / 100, bandIndex };
  };

  const evaluate = (facts: Facts): ScorecardResult => {
    checkFacts(facts);
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
      const value = facts[o.fact] as FactValue;
      if (!o.applies(value)) continue;
      const target = Math.max(bandIndex, o.target(bandIndex));
      bandIndex = target;
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
