/**
 * The workerd suite: the main journeys run inside the Workers runtime on local D1, through the same
 * app the Worker serves. `npm test` runs it after the Node suite.
 */
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  plugins: [
    cloudflareTest(async () => ({
      main: `${root}/src/worker.ts`,
      miniflare: {
        compatibilityDate: '2026-04-26',
        compatibilityFlags: ['nodejs_compat'],
        d1Databases: ['DB_CHONGMING'],
        // As wrangler.toml's [assets]: the Scalar bundle for /docs, behind the Worker.
        assets: {
          directory: `${root}/node_modules/@scalar/api-reference/dist/browser`,
          binding: 'ASSETS',
          routerConfig: { invoke_user_worker_ahead_of_assets: true },
        },
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(`${root}/src/platform/db/migrations`),
          DISTRICT_DATABASES: JSON.stringify({ chongming: 'DB_CHONGMING' }),
          ECO_ID_HMAC_KEY: 'BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc',
          ECO_API_KEY_PEPPER: 'CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk',
        },
      },
    })),
  ],
  test: { include: ['tests/workers/**/*.test.ts'], testTimeout: 60_000 },
});
