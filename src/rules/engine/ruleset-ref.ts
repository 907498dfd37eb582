/** What every score, decision, allocation and report records about the rules it used (stored as JSON, so defined with the storage schema). */
export type { RuleSetRef } from '../../platform/db/json-types.js';
