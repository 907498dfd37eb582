/**
 * Work a request starts and its answer does not wait for (a rescore's slices). On Workers the request's
 * ExecutionContext keeps the isolate up for it (`waitUntil`); on Node the process runs it between other
 * requests. Either way a failure is logged, never thrown at nobody.
 */
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

export function inBackground(c: Context<AppEnv>, task: () => Promise<unknown>): void {
  const { logger } = c.var.deps;
  const running = task().catch((error: unknown) => {
    logger.error('background work failed', { error: error instanceof Error ? error.message : String(error) });
  });
  let executionCtx: { waitUntil(promise: Promise<unknown>): void } | undefined;
  try {
    executionCtx = c.executionCtx;
  } catch {
    // Hono throws when the runtime gave the request no ExecutionContext: Node, and app.request in tests.
  }
  executionCtx?.waitUntil(running);
}
