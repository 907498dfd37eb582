/**
 * Every kind of rule set the service knows, listed once. Adding a kind is a folder beside these and
 * one line here: the envelope, the upload check, the compiled cache, the JSON Schemas and the typed
 * look-up of versions in force all follow from this list.
 */
import type { z } from '@hono/zod-openapi';
import { allocationKind } from './allocation/index.js';
import { behaviourListKind } from './behaviour-list/index.js';
import { districtPolicyKind } from './district-policy/index.js';
import { gepMethodKind } from './gep-method/index.js';
import { loanProductKind } from './loan-product/index.js';
import { pointsCatalogueKind } from './points-catalogue/index.js';
import { scorecardKind } from './scorecard/index.js';

export const RULE_KINDS = [
  scorecardKind,
  behaviourListKind,
  pointsCatalogueKind,
  gepMethodKind,
  loanProductKind,
  allocationKind,
  districtPolicyKind,
] as const;

type Kinds = (typeof RULE_KINDS)[number];
export type KindName = Kinds['name'];
export type KindOf<K extends KindName> = Extract<Kinds, { name: K }>;
export type BodyOf<K extends KindName> = z.output<KindOf<K>['body']>;
export type CompiledOf<K extends KindName> = ReturnType<KindOf<K>['compile']>;

export const KIND_NAMES = RULE_KINDS.map((k) => k.name) as KindName[];

export function kindOf<K extends KindName>(name: K): KindOf<K> {
  // The list holds exactly one kind per name, so the find is the kind of that name.
  return RULE_KINDS.find((k) => k.name === name) as KindOf<K>;
}
