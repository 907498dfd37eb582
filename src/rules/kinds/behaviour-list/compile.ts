/**
 * A behaviour list compiled for scoring: per code, how many points an event gives (fixed, or a CEL
 * formula over its amounts), how long it counts, and what it does to the red and black lists.
 */

import { compileExpression } from '../../engine/expressions.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import type { BehaviourCode, BehaviourListBody } from './body.js';

export interface EventAmount {
  name: string;
  value: string;
  unit: string;
}

export interface CompiledCode {
  def: BehaviourCode;
  /** Points before any cap, rounded to hundredths. */
  points(amounts: readonly EventAmount[]): number;
  retentionYears: number;
}

export interface CompiledBehaviourList {
  ruleSet: RuleSetRef;
  subjectKind: 'firm' | 'resident';
  codes: Map<string, CompiledCode>;
}

export function compileBehaviourList(body: BehaviourListBody, ruleSet: RuleSetRef): CompiledBehaviourList {
  const codes = new Map<string, CompiledCode>();
  body.codes.forEach((def, i) => {
    const retentionYears = def.retentionYears ?? (def.polarity === 'negative' ? body.retention.negativeYears : body.retention.positiveYears);
    let points: CompiledCode['points'];
    if (def.formula !== undefined) {
      const names = Object.keys(def.amounts);
      const formula = compileExpression(
        def.formula,
        Object.fromEntries(names.map((n) => [n, 'number' as const])),
        `/body/codes/${i}/formula`,
        'number',
      );
      points = (amounts) => {
        // Points are not money: a double is exact enough once rounded to hundredths. Absent amounts are 0 here
        // only because the list marks them optional; required ones are checked when the event is recorded.
        const context: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
        for (const a of amounts) context[a.name] = Number(a.value);
        return Math.round((formula(context) as number) * 100) / 100;
      };
    } else {
      const fixed = def.points ?? 0;
      points = () => fixed;
    }
    codes.set(def.code, { def, points, retentionYears });
  });
  return { ruleSet, subjectKind: body.subjectKind, codes };
}
