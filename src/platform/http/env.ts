import type { OutcomeRecord } from '../context.js';
import type { AppDeps } from '../deps.js';
import type { Principal } from './principal.js';

/** Hono's typing of what middleware puts on the context. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    principal: Principal;
    /** Set by the idempotency middleware for a POST with an Idempotency-Key. */
    outcome?: OutcomeRecord;
  };
}
