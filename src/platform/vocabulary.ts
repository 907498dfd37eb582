/**
 * The service's closed vocabularies, stated once. The storage schema's text enums, the API's zod schemas,
 * the CLI's choices and the seed file all take their values from here, so that a value added to one of
 * them cannot be refused by another. Each list keeps the order the API documents it in: OpenAPI enums
 * list their values in this order.
 */

/** What an API client may be; a subject speaking for itself with a token is not a client. */
export const CLIENT_ROLES = ['bureau', 'recorder', 'bank', 'auditor'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

/** Who a credit file, a points account or a GEP unit belongs to. */
export const SUBJECT_KINDS = ['firm', 'resident'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Who may hold points and buy benefits with them, in the order the points API lists them. */
export const HOLDER_KINDS = ['resident', 'firm'] as const satisfies readonly SubjectKind[];

/** An objection (异议) is open until the bureau or the recording agency upholds or rejects it. */
export const OBJECTION_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export const OBJECTION_DECISIONS = ['upheld', 'rejected'] as const satisfies readonly ObjectionStatus[];
export type ObjectionDecision = (typeof OBJECTION_DECISIONS)[number];

/** Why a bank may ask for a subject's eco-credit. A consent names one; a report is issued for one. */
export const PURPOSES = ['loan-application', 'post-loan-management', 'guarantee'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** What a consent lets a bank see. */
export const SCOPES = ['credit', 'points-summary', 'gep-assets'] as const;
export type Scope = (typeof SCOPES)[number];

/** A consent is active until it expires or its subject revokes it; the state is derived, never stored. */
export const CONSENT_STATES = ['active', 'revoked', 'expired'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/**
 * The parts of a subject's eco-credit that a report carries and a credential discloses one by one:
 * score and grade; each item with its events; the red and black lists; disputed marks and the
 * subject's statements; how often the subject was queried; the points summary; GEP assets; GEP
 * eco-loan assessments.
 */
export const CLAIM_GROUPS = ['score', 'items', 'lists', 'disputes', 'query-history', 'points-summary', 'gep-assets', 'assessments'] as const;
export type ClaimGroup = (typeof CLAIM_GROUPS)[number];

/** red: 守信激励 (reward); black: 失信惩戒 (punishment). */
export const CREDIT_LISTS = ['red', 'black'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

/** The kinds of points ledger entry: an earn entry is a lot; the others act on lots or spend them. */
export const LEDGER_KINDS = ['earn', 'expire', 'redeem', 'reverse'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** A rule set version is a draft until it is published; a published version is never edited. */
export const RULE_SET_STATUSES = ['draft', 'published'] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

export const RESCORE_STATUSES = ['running', 'done', 'failed'] as const;
export type RescoreStatus = (typeof RESCORE_STATUSES)[number];

/** The levels of GEP accounting units, from the whole district down to a plot or a project. */
export const UNIT_LEVELS = ['district', 'town', 'village', 'plot', 'project'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** What a GEP unit's land is; an account reads the ecosystem types its method names. */
export const ECOSYSTEM_TYPES = ['forest', 'wetland', 'grassland', 'farmland', 'water', 'urban', 'ocean', 'desert'] as const;
export type EcosystemType = (typeof ECOSYSTEM_TYPES)[number];
