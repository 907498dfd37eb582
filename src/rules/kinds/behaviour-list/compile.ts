/**
 * A behaviour list compiled for scoring: per code, how many points an event gives (fixed, or an exact
 * formula over its amounts, whose units are checked), how long it counts, and what it does to the red
 * and black lists.
 */

import type { EventAmount } from '../../../platform/db/json-types.js';
import type { SubjectKind } from '../../../platform/vocabulary.js';
import { CompileIssues, RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { Fraction, roundTo } from '../../formula/exact.js';
import { compileFormula, FormulaError, type FormulaType, type FormulaValue, NUMBER, quantity } from '../../formula/formula.js';
import { type Unit, UnitError, unitOf } from '../../units/units.js';
import type { BehaviourCode, BehaviourListBody } from './body.js';

/** An event's amounts are stored as JSON, so their shape is defined with the storage schema. */
export type { EventAmount } from '../../../platform/db/json-types.js';

export interface CompiledCode {
  def: BehaviourCode;
  /** Points before any cap, rounded to hundredths (half away from zero), exactly. */
  points(amounts: readonly EventAmount[]): number;
  /** Years it counts after the behaviour ends: the code's own, else the list's; null: the district policy's default. */
  retentionYears: number | null;
}

export interface CompiledBehaviourList {
  ruleSet: RuleSetRef;
  subjectKind: SubjectKind;
  codes: Map<string, CompiledCode>;
}

/** A list whose every code knows how long it counts: the district policy has filled what the list left unsaid. */
export interface ScoringBehaviourList extends CompiledBehaviourList {
  codes: Map<string, CompiledCode & { retentionYears: number }>;
  /** The district policy whose retention defaults the list relies on; null when the list states all of its own. */
  retentionFrom: RuleSetRef | null;
}

export function withRetentionDefaults(
  list: CompiledBehaviourList,
  defaults: { negativeYears: number; positiveYears: number },
  policy: RuleSetRef,
): ScoringBehaviourList {
  let usesPolicy = false;
  const codes = new Map<string, CompiledCode & { retentionYears: number }>();
  for (const [code, c] of list.codes) {
    if (c.retentionYears !== null) codes.set(code, { ...c, retentionYears: c.retentionYears });
    else {
      usesPolicy = true;
      codes.set(code, { ...c, retentionYears: c.def.polarity === 'negative' ? defaults.negativeYears : defaults.positiveYears });
    }
  }
  return { ...list, codes, retentionFrom: usesPolicy ? policy : null };
}

const HUNDREDTH = new Fraction(1, 100);

export function compileBehaviourList(body: BehaviourListBody, ruleSet: RuleSetRef): CompiledBehaviourList {
  const codes = new Map<string, CompiledCode>();
  const issues = new CompileIssues();
  body.codes.forEach((def, i) => {
    const retentionYears = def.retentionYears ?? (def.polarity === 'negative' ? body.retention.negativeYears : body.retention.positiveYears) ?? null;
    const units = new Map<string, Unit>();
    for (const [name, decl] of Object.entries(def.amounts)) {
      issues.check(() => {
        try {
          units.set(name, unitOf(decl.unit));
        } catch (error) {
          if (error instanceof UnitError) throw new RuleCompileError(`/body/codes/${i}/amounts/${name}/unit`, `${def.code}: ${error.message}`);
          throw error;
        }
      });
    }
    let points: CompiledCode['points'] = () => def.points ?? 0;
    if (def.formula !== undefined) {
      const source = def.formula;
      const declared = new Map<string, FormulaType>([...units].map(([n, u]) => [n, quantity(u.dims)]));
      const formula = issues.check(() => {
        try {
          return compileFormula(source, declared, { pointer: `/body/codes/${i}/formula`, expect: NUMBER, what: `${def.code} (points)` });
        } catch (error) {
          if (error instanceof FormulaError) throw new RuleCompileError(error.pointer, `${def.code}: ${error.message}`);
          throw error;
        }
      });
      if (formula) {
        points = (amounts) => {
          // Absent amounts are 0 only because the list marks them optional; required ones are checked when recorded.
          const scope: Record<string, FormulaValue> = {};
          for (const [name, unit] of units) scope[name] = new Fraction(0).mul(unit.scale);
          for (const a of amounts) {
            const unit = units.get(a.name);
            if (unit) scope[a.name] = new Fraction(a.value).mul(unit.scale);
          }
          const r = roundTo(formula.evaluate(scope) as Fraction, HUNDREDTH, 'half-up');
          return Number(r.s * r.n) / Number(r.d);
        };
      }
    }
    codes.set(def.code, { def, points, retentionYears });
  });
  issues.done();
  return { ruleSet, subjectKind: body.subjectKind, codes };
}
