/**
 * An integrator on a government intranet, with no internet, opens the API docs in a browser: the page
 * renders the operations, and nothing is asked of any other origin (every request is recorded, and any
 * to another origin would be refused and listed).
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeAssets } from '../../src/node/assets.js';
import { launchChromium, runBrowser, served } from '../support/browser.js';
import { createWorld } from '../support/world.js';

const ARTIFACTS = 'tests/.artifacts';
if (!runBrowser) console.warn('browser tests skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
let browser: Browser;

beforeAll(async () => {
  if (!runBrowser) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!runBrowser)('the API docs in a browser without internet', () => {
  it('render the API description from this origin alone', async () => {
    const w = await createWorld();
    w.deps.assets = nodeAssets();
    const { base, close } = await served(w.app);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const requested: string[] = [];
    const offOrigin: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      requested.push(url);
      if (new URL(url).origin !== base) {
        offOrigin.push(url);
        return route.abort('blockedbyclient');
      }
      return route.continue();
    });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/docs`);
      // Scalar has read /openapi.json and drawn the document: its description, and an operation under its tag.
      await page.getByText('Ecological credit files and scores').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Reports' }).first().click();
      await page.getByText('Receive a signed eco-credit report on a subject who consented').first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${ARTIFACTS}/docs-offline.png` });
      expect(requested).toContain(`${base}/docs/scalar.js`);
      expect(requested).toContain(`${base}/openapi.json`);
      expect(offOrigin).toEqual([]);
    } finally {
      await context.close();
      await close();
    }
  }, 60_000);
});
