/** A points catalogue compiled for awarding: its actions by code, with their units checked. */
import { CompileIssues, RuleCompileError } from '../../engine/errors.js';
import type { RuleSetRef } from '../../engine/ruleset-ref.js';
import { UnitError, unitOf } from '../../units/units.js';
import type { PointsAction, PointsCatalogueBody } from './body.js';

export interface CompiledCatalogue {
  ruleSet: RuleSetRef;
  actions: Map<string, PointsAction>;
}

export function compileCatalogue(body: PointsCatalogueBody, ruleSet: RuleSetRef): CompiledCatalogue {
  const issues = new CompileIssues();
  body.actions.forEach((a, i) => {
    const unit = a.perUnit?.unit ?? a.amountUnit;
    const field = a.perUnit ? 'perUnit/unit' : 'amountUnit';
    if (unit !== undefined) {
      issues.check(() => {
        try {
          unitOf(unit);
        } catch (error) {
          if (error instanceof UnitError) throw new RuleCompileError(`/body/actions/${i}/${field}`, `${a.code}: ${error.message}`);
          throw error;
        }
      });
    }
  });
  issues.done();
  return { ruleSet, actions: new Map(body.actions.map((a) => [a.code, a])) };
}
