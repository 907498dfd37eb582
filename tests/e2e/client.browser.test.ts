/**
 * The integrators' client in a browser: `eco-credit-service/client` bundled for the web (esbuild, as a
 * bank's front end would bundle it), loaded into a page of the service's origin in Chromium, lists the
 * consents, receives a signed report and verifies it offline with WebCrypto.
 */
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, runBrowser, served } from '../support/browser.js';
import { createWorld, IDS } from '../support/world.js';

if (!runBrowser) console.warn('browser tests skipped: no Chromium (apt-get install chromium, or set CHROMIUM_PATH)');
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  if (!runBrowser) return;
  browser = await launchChromium();
  const out = await build({
    entryPoints: ['eco-credit-service/client'],
    bundle: true,
    format: 'iife',
    globalName: 'EcoCredit',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]?.text ?? '';
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!runBrowser)('the client in a browser', () => {
  it('issues and verifies a report with nothing but the bundle and WebCrypto', async () => {
    // Node builtins in a browser bundle would mean the client is not for browsers.
    expect(bundle).not.toMatch(/require\("(node:)?(fs|crypto|path)"\)/);
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: token })).json.items[0].id as string;
    await w.call('POST', '/v1/districts/chongming/consents', {
      as: token,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
    });
    const { base, close } = await served(w.app);
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/health`);
      await page.addScriptTag({ content: bundle });
      const outcome = await page.evaluate(
        async ({ base, key, resident }) => {
          // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, typed in Node, not in the page.
          const { createClient, verifyReport } = (globalThis as any).EcoCredit;
          const api = createClient({ baseUrl: base, apiKey: key });
          const path = { districtId: 'chongming' };
          const consents = await api.GET('/v1/districts/{districtId}/consents', { params: { path, query: { subjectId: resident } } });
          const consent = consents.data.items[0];
          const issued = await api.POST('/v1/districts/{districtId}/reports', {
            params: { path },
            body: { subjectId: resident, purpose: consent.purpose, scopes: ['credit'] },
          });
          const jwks = (await api.GET('/districts/{districtId}/.well-known/jwks.json', { params: { path } })).data;
          const good = await verifyReport(issued.data.report, jwks, { issuer: issued.data.issuer, audience: consent.bankClientId });
          const tampered = await verifyReport(`${issued.data.report.slice(0, -4)}AAAA`, jwks, { audience: consent.bankClientId });
          return {
            consents: consents.data.items.length,
            good: good.valid,
            subject: good.payload?.credentialSubject?.displayId,
            tampered: tampered.reason,
          };
        },
        { base, key: w.keys.chongming.bank, resident },
      );
      expect(outcome).toEqual({ consents: 1, good: true, subject: '310230********1233', tampered: 'bad-signature' });
    } finally {
      await page.close();
      await close();
    }
  }, 60_000);
});
