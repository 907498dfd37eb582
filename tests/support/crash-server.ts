/**
 * The real service (same runtime, app and database as `npm start`) with one fault point: when the
 * first atomic write after start-up reaches CRASH_POINT (before-commit or after-commit), it says so on
 * stdout and stops dead, so that the test can kill it with SIGKILL at exactly that moment.
 */
import { writeSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/app.js';
import { nodeConfig } from '../../src/node/config.js';
import { openNodeRuntime } from '../../src/node/runtime.js';
import { seedDemoData } from '../../src/node/seed-files.js';
import type { Storage } from '../../src/platform/db/database.js';

const point = process.env.CRASH_POINT;
if (point !== 'before-commit' && point !== 'after-commit') throw new Error('CRASH_POINT must be before-commit or after-commit');

const runtime = await openNodeRuntime(nodeConfig(process.env));
await seedDemoData(runtime.deps, runtime.dataDir);

let armed = false;
function freeze(): never {
  // Written synchronously: the event loop is about to stop, and a pipe's console.log is asynchronous.
  writeSync(1, `CRASH-POINT ${point}\n`);
  // Block the event loop so nothing else runs (no answer, no idempotency update) until the SIGKILL.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
  process.exit(99);
}
function faulty<F extends (statements: never) => Promise<unknown>>(run: F): F {
  return (async (statements: never) => {
    if (armed && point === 'before-commit') freeze();
    const result = await run(statements);
    if (armed && point === 'after-commit') freeze();
    return result;
  }) as F;
}
const storage: Storage = runtime.deps.storage;
runtime.deps.storage = { ...storage, atomic: faulty(storage.atomic), atomicSql: faulty(storage.atomicSql) };

serve({ fetch: createApp(runtime.deps).fetch, port: Number(process.env.PORT ?? 0) }, (info) => {
  armed = true;
  console.log(`Eco-credit service on http://localhost:${info.port}`);
});
