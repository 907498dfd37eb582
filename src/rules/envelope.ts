import { z } from '@hono/zod-openapi';
import { IsoDate, Slug } from './kinds/common.js';
import { type KindName, RULE_KINDS } from './kinds/index.js';

/** A worked example a bureau keeps with its rules: run at upload, and a change that breaks it is refused. */
export const RuleExample = z.strictObject({
  name: z.string().min(1).max(200).describe('Names the example, e.g. 2025年东滩湿地7号地块核算表'),
  input: z.record(z.string(), z.unknown()).describe("The inputs, in the shape of the kind's example input"),
  expect: z.record(z.string(), z.unknown()).describe('What the rules must give: every field named here is compared exactly'),
});
export type RuleExample = z.infer<typeof RuleExample>;

/** What every rule file says about itself, whatever its kind. */
const envelope = {
  $schema: z.string().optional().describe('Editor hint: the JSON Schema of this kind; not part of the hash'),
  id: Slug.describe('The rule set this file is a version of, e.g. firm-env-credit'),
  version: z.number().int().min(1),
  district: z.union([z.literal('default'), Slug]).describe("The district it is for, or 'default' for the shipped defaults"),
  effectiveFrom: IsoDate.describe('The first day (China time) it applies: a publication takes effect on this date, never another'),
  title: z.string().min(1),
  description: z.string().optional(),
  examples: z.array(RuleExample).max(200).default([]).describe('Worked examples, checked at every upload'),
};

type AnyKind = (typeof RULE_KINDS)[number];
type Variant<K extends AnyKind> = z.ZodObject<typeof envelope & { kind: z.ZodLiteral<K['name']>; body: K['body'] }, z.core.$strict>;

function variant<K extends AnyKind>(kind: K): Variant<K> {
  return z.strictObject({ ...envelope, kind: z.literal(kind.name as K['name']), body: kind.body as K['body'] });
}

type VariantsOf<T extends readonly AnyKind[]> = { -readonly [I in keyof T]: Variant<T[I]> };
type Variants = VariantsOf<typeof RULE_KINDS>;

// Mapping over a tuple loses its tuple type in TypeScript; Variants restores it, kind by kind.
export const RuleSetDocument = z.discriminatedUnion('kind', RULE_KINDS.map(variant) as unknown as Variants);
export type RuleSetDocument = z.infer<typeof RuleSetDocument>;
export type DocumentOf<K extends KindName> = Extract<RuleSetDocument, { kind: K }>;

/** The schema for one kind alone, used to generate per-kind JSON Schemas for editors. */
export function documentSchemaFor(kind: KindName) {
  return variant(RULE_KINDS.find((k) => k.name === kind) as AnyKind);
}
