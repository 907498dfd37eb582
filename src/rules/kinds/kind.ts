/**
 * What a rule kind is: declared once, in its own folder under rules/kinds/, and listed once in
 * kinds/index.ts. The envelope's union, the upload check, the compiled cache, the JSON Schemas for
 * editors and the typed look-up of versions in force all derive from that list.
 */
import type { z } from '@hono/zod-openapi';
import type { RuleSetRef } from '../engine/ruleset-ref.js';

/** A reference from one rule set to another (a scorecard's behaviour list), checked when it is uploaded. */
export interface RuleReference {
  pointer: string;
  ruleSetId: string;
  kind: string;
}

/** How a kind runs its own worked examples: the input schema, and what one example gives. */
export interface ExampleRunner<Compiled> {
  input: z.ZodType;
  run(compiled: Compiled, input: unknown): unknown;
}

export interface RuleKind<Name extends string = string, Body extends z.ZodType = z.ZodType, Compiled = unknown> {
  name: Name;
  /** What the kind is for, in a bureau's words. */
  title: string;
  body: Body;
  /** Checks everything the file alone can show (formulas, units, tiers, bands) and compiles it; throws RuleCompileErrors. */
  compile(body: z.output<Body>, ruleSet: RuleSetRef): Compiled;
  /** Other rule sets it names, which must exist in the district. */
  references?(body: z.output<Body>): RuleReference[];
  examples?: ExampleRunner<Compiled>;
}

export function defineKind<const Name extends string, Body extends z.ZodType, Compiled>(
  kind: RuleKind<Name, Body, Compiled>,
): RuleKind<Name, Body, Compiled> {
  return kind;
}
