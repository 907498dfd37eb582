import type { SQL } from 'drizzle-orm';
import type { AtomicStatement } from './db/database.js';
import type { AppDeps } from './deps.js';
import type { Principal } from './http/principal.js';

/** What a service verb knows about the call: who, in which district, when. Nothing of HTTP. */
export interface ServiceContext {
  deps: AppDeps;
  principal: Principal;
  districtId: string;
  now: Date;
  /** Present when the caller asked for a retry-safe call (an idempotency key): see platform/db/outcome.ts. */
  outcome?: OutcomeRecord | undefined;
}

/**
 * The record of a retry-safe call's result. A service appends `statement(result)` to its business write,
 * so that the result commits in the same atomic unit as the write, or not at all. When a retry finds the
 * write committed but no answer given (the process died in between), `committed` holds that result, and
 * the service answers with it instead of writing again.
 */
export interface OutcomeRecord {
  /** `onlyIf`: a query whose rows exist only if the business write took effect (an insert that may do nothing). */
  statement(result: unknown, onlyIf?: SQL): AtomicStatement;
  committed?: { result: unknown } | undefined;
}
