import type { RuleSetDocument } from './envelope.js';
import { type CompiledBehaviourList, compileBehaviourList } from './kinds/behaviour-list/compile.js';
import { type CompiledGepMethod, compileGepMethod } from './kinds/gep-method/compile.js';
import type { PointsAction } from './kinds/points-catalogue/body.js';
import { type CompiledScorecard, compileScorecard } from './kinds/scorecard/compile.js';

/**
 * Compiled rule sets keyed by content hash. A hash names immutable content, so an entry can never be
 * stale; the map only saves recompiling. Bounded so a stream of drafts cannot grow it without end.
 */
const MAX_ENTRIES = 256;
const scorecards = new Map<string, CompiledScorecard>();

export function compiledScorecard(document: Extract<RuleSetDocument, { kind: 'scorecard' }>, hash: string): CompiledScorecard {
  let compiled = scorecards.get(hash);
  if (!compiled) {
    compiled = compileScorecard(document.body, { id: document.id, version: document.version, hash });
    if (scorecards.size >= MAX_ENTRIES) scorecards.delete(scorecards.keys().next().value as string);
    scorecards.set(hash, compiled);
  }
  return compiled;
}

const behaviourLists = new Map<string, CompiledBehaviourList>();

export function compiledBehaviourList(document: Extract<RuleSetDocument, { kind: 'behaviour-list' }>, hash: string): CompiledBehaviourList {
  let compiled = behaviourLists.get(hash);
  if (!compiled) {
    compiled = compileBehaviourList(document.body, { id: document.id, version: document.version, hash });
    if (behaviourLists.size >= MAX_ENTRIES) behaviourLists.delete(behaviourLists.keys().next().value as string);
    behaviourLists.set(hash, compiled);
  }
  return compiled;
}

const catalogues = new Map<string, Map<string, PointsAction>>();

/** A points catalogue as a map from action code to action. */
export function compiledCatalogue(document: Extract<RuleSetDocument, { kind: 'points-catalogue' }>, hash: string): Map<string, PointsAction> {
  let compiled = catalogues.get(hash);
  if (!compiled) {
    compiled = new Map(document.body.actions.map((a) => [a.code, a]));
    if (catalogues.size >= MAX_ENTRIES) catalogues.delete(catalogues.keys().next().value as string);
    catalogues.set(hash, compiled);
  }
  return compiled;
}

const gepMethods = new Map<string, CompiledGepMethod>();

export function compiledGepMethod(document: Extract<RuleSetDocument, { kind: 'gep-method' }>, hash: string): CompiledGepMethod {
  let compiled = gepMethods.get(hash);
  if (!compiled) {
    compiled = compileGepMethod(document.body, { id: document.id, version: document.version, hash });
    if (gepMethods.size >= MAX_ENTRIES) gepMethods.delete(gepMethods.keys().next().value as string);
    gepMethods.set(hash, compiled);
  }
  return compiled;
}

/** Compiles whatever needs compiling, so that a rule set that parses but cannot compile is refused at upload. */
export function compileRuleSet(document: RuleSetDocument, hash: string): void {
  if (document.kind === 'scorecard') compiledScorecard(document, hash);
  else if (document.kind === 'behaviour-list') compiledBehaviourList(document, hash);
  else if (document.kind === 'gep-method') compiledGepMethod(document, hash);
}
