/**
 * `npm start`: the service on Node with the embedded database. PORT and DATA_DIR configure it.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openNodeRuntime } from './node/runtime.js';
import { seedDemoData } from './node/seed-files.js';

const runtime = await openNodeRuntime();
const { deps } = runtime;
const seeded = await seedDemoData(deps, runtime.dataDir);
if (seeded.loaded) {
  console.log(`Loaded demo data. API keys (shown once, also in ${seeded.credentialsFile}):`);
  for (const c of seeded.credentials) console.log(`  ${c.districtId.padEnd(10)} ${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`);
}

const port = Number(process.env.PORT ?? 3000);
const server = serve({ fetch: createApp(deps).fetch, port }, (info) => {
  deps.logger.info('listening', { port: info.port, dataDir: runtime.dataDir, environment: deps.config.environment });
  console.log(`Eco-credit service on http://localhost:${info.port} (docs: /docs, OpenAPI: /openapi.json)`);
});

const shutdown = () => {
  server.close(() => {
    runtime.close();
    process.exit(0);
  });
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
