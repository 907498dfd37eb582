import { z } from '@hono/zod-openapi';
import { AllocationBody } from './kinds/allocation/body.js';
import { BehaviourListBody } from './kinds/behaviour-list/body.js';
import { IsoDate, Slug } from './kinds/common.js';
import { GepMethodBody } from './kinds/gep-method/body.js';
import { LoanProductBody } from './kinds/loan-product/body.js';
import { PointsCatalogueBody } from './kinds/points-catalogue/body.js';
import { ScorecardBody } from './kinds/scorecard/body.js';

/** What every rule file says about itself, whatever its kind. */
const envelope = {
  $schema: z.string().optional().describe('Editor hint: the JSON Schema of this kind; not part of the hash'),
  id: Slug.describe('The rule set this file is a version of, e.g. firm-env-credit'),
  version: z.number().int().min(1),
  district: z.union([z.literal('default'), Slug]).describe("The district it is for, or 'default' for the shipped defaults"),
  effectiveFrom: IsoDate.describe('The first day (China time) it applies'),
  title: z.string().min(1),
  description: z.string().optional(),
};

/** Every kind of rule set the service knows, each with its own body schema. */
export const RULE_KINDS = {
  scorecard: ScorecardBody,
  'behaviour-list': BehaviourListBody,
  'points-catalogue': PointsCatalogueBody,
  'gep-method': GepMethodBody,
  'loan-product': LoanProductBody,
  allocation: AllocationBody,
} as const;
export type RuleKind = keyof typeof RULE_KINDS;

export const RuleSetDocument = z.discriminatedUnion('kind', [
  z.strictObject({ ...envelope, kind: z.literal('scorecard'), body: ScorecardBody }),
  z.strictObject({ ...envelope, kind: z.literal('behaviour-list'), body: BehaviourListBody }),
  z.strictObject({ ...envelope, kind: z.literal('points-catalogue'), body: PointsCatalogueBody }),
  z.strictObject({ ...envelope, kind: z.literal('gep-method'), body: GepMethodBody }),
  z.strictObject({ ...envelope, kind: z.literal('loan-product'), body: LoanProductBody }),
  z.strictObject({ ...envelope, kind: z.literal('allocation'), body: AllocationBody }),
]);
export type RuleSetDocument = z.infer<typeof RuleSetDocument>;

/** The schema for one kind alone, used to generate per-kind JSON Schemas for editors. */
export function documentSchemaFor(kind: RuleKind) {
  return z.strictObject({ ...envelope, kind: z.literal(kind), body: RULE_KINDS[kind] });
}
