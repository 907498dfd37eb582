/**
 * `npm start`: the service on Node with the embedded database, configured by the environment (checked
 * first, before anything is opened or written; see src/platform/config.ts).
 *
 * In development an empty database gets the demo data and its keys are printed. In production nothing
 * secret is printed and nothing is loaded: an empty database starts empty, and the log says how to
 * create the first district and its bureau's client.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createApp } from './app.js';
import { nodeAssets } from './node/assets.js';
import { configOrExit } from './node/config.js';
import { DataDirInUse, lockDataDir } from './node/data-dir-lock.js';
import { SecretsMismatch } from './node/deployment-record.js';
import { metricsEndpoint, prometheusMetrics } from './node/metrics.js';
import { type NodeRuntime, openNodeRuntime } from './node/runtime.js';
import { seedDemoData } from './node/seed-files.js';
import { districts } from './platform/db/schema.js';

const config = configOrExit(process.env);

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

const metrics = prometheusMetrics();
let runtime: NodeRuntime;
let releaseLock: () => void;
try {
  mkdirSync(resolve(config.dataDir), { recursive: true, mode: 0o700 });
  releaseLock = lockDataDir(resolve(config.dataDir));
} catch (error) {
  if (error instanceof DataDirInUse) fail(error.message);
  throw error;
}
try {
  runtime = await openNodeRuntime(config, { metrics });
} catch (error) {
  releaseLock();
  if (error instanceof SecretsMismatch) fail(error.message);
  throw error;
}
const { deps, dataDir } = runtime;
deps.assets = nodeAssets();

if (config.demoData) {
  const seeded = await seedDemoData(deps, dataDir);
  if (seeded.loaded) {
    console.log(`Loaded demo data. API keys (shown once, also in ${seeded.credentialsFile}):`);
    for (const c of seeded.credentials) console.log(`  ${c.districtId.padEnd(10)} ${c.role.padEnd(8)} ${c.name}: ${c.apiKey}`);
  }
}
const [anyDistrict] = await deps.storage.db.select({ id: districts.id }).from(districts).limit(1);
if (!anyDistrict) {
  deps.logger.warn(
    'no district yet: create the first with `npm run cli -- district create <id> --name <name>`, then its bureau with `npm run cli -- client create --district <id> --role bureau --name <name>` (the API key is printed once, to you)',
    { dataDir },
  );
}
if (config.environment === 'production' && !config.publicBaseUrl) {
  deps.logger.warn('PUBLIC_BASE_URL is not set: report issuers and JWKS URLs follow the Host header of each request', {});
}

const app = createApp(deps);
const metricsFetch = metricsEndpoint(metrics, config.metrics.token);
// METRICS_PORT puts /metrics on a port of its own; else METRICS_TOKEN guards it on the main port; else it is off.
const onMainPort = config.metrics.port === undefined && config.metrics.token !== undefined;
const fetch = onMainPort
  ? (request: Request) => (new URL(request.url).pathname === '/metrics' ? metricsFetch(request) : app.fetch(request))
  : app.fetch;

const servers: ServerType[] = [];
const listenFailed = (what: string) => (error: Error) => {
  releaseLock();
  fail(`${what}: ${error.message}`);
};
const server = serve({ fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) }, (info) => {
  deps.logger.info('listening', { port: info.port, dataDir, environment: config.environment });
  console.log(`Eco-credit service on http://localhost:${info.port} (docs: /docs, OpenAPI: /openapi.json, health: /health, /ready)`);
});
server.on('error', listenFailed(`cannot listen on port ${config.port}`));
servers.push(server);

if (config.metrics.port !== undefined) {
  const metricsServer = serve({ fetch: metricsFetch, port: config.metrics.port, hostname: config.metrics.host }, (info) => {
    deps.logger.info('metrics listening', { port: info.port, host: config.metrics.host, token: config.metrics.token !== undefined });
  });
  metricsServer.on('error', listenFailed(`cannot listen for metrics on port ${config.metrics.port}`));
  servers.push(metricsServer);
} else if (!onMainPort) {
  deps.logger.info('metrics off: set METRICS_TOKEN (GET /metrics on PORT) or METRICS_PORT', {});
}

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  deps.logger.info('stopping', { signal });
  let open = servers.length;
  for (const s of servers) {
    s.close(() => {
      open -= 1;
      if (open > 0) return;
      runtime.close();
      releaseLock();
      process.exit(0);
    });
  }
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
