/**
 * The shapes of the JSON columns that are small pure data: the storage schema types its columns with
 * them, and the features that own the meaning re-export them. Larger documents a feature owns (a closed
 * GEP account, a loan assessment, an allocation) are stored as JSON values and parsed on read with the
 * owning feature's schema, since platform may not know their types.
 */
import type { z } from '@hono/zod-openapi';
import type { SubjectKind } from '../vocabulary.js';

/** What every score, decision, allocation and report records about the rules it used. */
export interface RuleSetRef {
  id: string;
  version: number;
  hash: string;
}

/** One amount of a credit event: a decimal string in its unit, e.g. a fine in yuan. */
export interface EventAmount {
  name: string;
  value: string;
  unit: string;
}

/** A rescore's running count for one kind of subject: the rule sets it scores with and the subjects per grade. */
export interface KindTally {
  subjectKind: SubjectKind;
  ruleSets: { scorecard: RuleSetRef; behaviourList: RuleSetRef; districtPolicy?: RuleSetRef };
  subjects: number;
  grades: Record<string, number>;
}

/** Why a job stopped: a domain error's code and detail, or `internal`. */
export interface JobFailure {
  code: string;
  detail: string;
}

const isEventAmount = (a: unknown): a is EventAmount =>
  typeof a === 'object' &&
  a !== null &&
  'name' in a &&
  typeof a.name === 'string' &&
  'value' in a &&
  typeof a.value === 'string' &&
  'unit' in a &&
  typeof a.unit === 'string';

/**
 * An event's amounts from the column's text, where a raw SQL read (the rescore's compact file) gets the
 * text rather than drizzle's parsed value. Checked, not cast: a row that is not [{ name, value, unit }]
 * fails here, naming its text, instead of scoring with amounts that are not there.
 */
export function parseEventAmounts(text: string): EventAmount[] {
  const value: unknown = JSON.parse(text);
  if (Array.isArray(value) && value.every(isEventAmount)) return value;
  throw new Error(`stored event amounts are not [{ name, value, unit }]: ${text}`);
}

/**
 * A JSON column's value read back with the schema of the feature that owns it, instead of a cast. A row
 * that does not fit is the service's fault, not the caller's: a plain error (500, logged), naming the row.
 */
export function readStored<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`stored ${what} does not fit its schema: ${parsed.error.message}`);
}
