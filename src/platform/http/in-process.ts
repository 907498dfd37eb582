/**
 * Calls the app makes to itself on behalf of a signed-in visitor of the pages. The pages keep a
 * server-side session, not the visitor's token or key, so their calls to the JSON API carry the
 * session's principal instead of a bearer credential. The principal travels in the request's
 * environment under a symbol only this module holds: nothing that arrives over the network can set it
 * (on Node the environment is the socket pair, on Workers the bindings), so it cannot be forged.
 */
import type { Principal } from './principal.js';

const PRINCIPAL = Symbol('in-process principal');

/** The environment to pass to `app.request(path, init, env)` for a call made as `principal`. */
export function asPrincipal(principal: Principal): Record<symbol, Principal> {
  return { [PRINCIPAL]: principal };
}

/** The principal of an in-process call, if this is one. */
export function inProcessPrincipal(env: unknown): Principal | undefined {
  if (typeof env !== 'object' || env === null) return undefined;
  return (env as Record<symbol, Principal | undefined>)[PRINCIPAL];
}
