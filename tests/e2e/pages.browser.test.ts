/**
 * The pages driven in a real headless Chromium (Debian's package, installed by .ci/run), served over
 * real HTTP on a loopback port. Each story saves a screenshot of its page in tests/.artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, IDS, type World } from '../support/world.js';

const ARTIFACTS = 'tests/.artifacts';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium (.ci/run) and must run these; a developer's machine without it skips them, saying so.
const runBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!runBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
let browser: Browser;

beforeAll(async () => {
  if (!runBrowser) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** A world served over HTTP on 127.0.0.1, for the browser. */
async function served(w: World) {
  const server = serve({ fetch: w.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

async function signIn(page: Page, base: string, credential: string, kind: 'token' | 'key') {
  await page.goto(`${base}/app`);
  await page.fill(`#d-${kind}`, 'chongming');
  await page.fill(`#cred-${kind}`, credential);
  await Promise.all([page.waitForNavigation(), page.click(`form:has(#cred-${kind}) button[type=submit]`)]);
}

describe.skipIf(!runBrowser)('in a browser', () => {
  it('a resident signs in, sees the points and revokes a consent', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA, '张海燕');
    const greening = await w.client('chongming', 'recorder', '绿化市容局');
    await w.call('POST', '/v1/districts/chongming/points/awards', { as: greening, body: { holder: { id: resident }, action: 'VOLUNTEER-DAY' } });
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: token })).json.items[0].id;
    await w.call('POST', '/v1/districts/chongming/consents', {
      as: token,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
    });
    const { base, close } = await served(w);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await signIn(page, base, token, 'token');
      await expect.poll(() => page.textContent('#pts')).toBe('生态积分');
      expect(await page.textContent('section[aria-labelledby=pts] .big')).toBe('50');
      await page.screenshot({ path: `${ARTIFACTS}/resident-points.png`, fullPage: true });
      await Promise.all([page.waitForNavigation(), page.click('button[aria-label^="撤销对"]')]);
      expect(await page.textContent('section[aria-labelledby=co]')).toContain('已撤销');
      await page.screenshot({ path: `${ARTIFACTS}/resident-consent-revoked.png`, fullPage: true });
      const consents = await w.call('GET', '/v1/districts/chongming/consents', { as: token });
      expect(consents.json.items[0].state).toBe('revoked');
    } finally {
      await page.close();
      await close();
    }
  }, 60_000);

  it('a bureau uploads a draft and sees the chart', async () => {
    const w = await createWorld();
    const recipients = ['chenjia', 'xinhe', 'gangyan', 'lvhua'].map((id, i) => ({
      id,
      values: {
        gep: String((i + 1) * 900_000_000),
        redline_area: String(1000 + i * 700),
        forest_area: String(3000 - i * 500),
        assessment: String(80 + i * 4),
      },
    }));
    await w.call('POST', '/v1/districts/chongming/allocations', {
      as: w.keys.chongming.bureau,
      body: { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients },
    });
    const draft = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8')
      .replace('district: default', 'district: chongming')
      .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.3' }")
      .replace("{ input: assessment, weight: '0.1' }", "{ input: assessment, weight: '0.2' }");
    const { base, close } = await served(w);
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    try {
      await signIn(page, base, w.keys.chongming.bureau, 'key');
      await page.fill('#source', draft);
      await Promise.all([page.waitForNavigation(), page.click('form:has(#source) button[type=submit]')]);
      expect(await page.locator('svg[role=img] rect').count()).toBe(4);
      expect(await page.textContent('main')).toContain('合计变化 ¥0.00');
      await page.screenshot({ path: `${ARTIFACTS}/bureau-draft-chart.png`, fullPage: true });
    } finally {
      await page.close();
      await close();
    }
  }, 60_000);

  it('a bank officer checks a genuine and a tampered report', async () => {
    const w = await createWorld();
    const { report } = await w.consentedReport();
    const { base, close } = await served(w);
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    try {
      await signIn(page, base, w.keys.chongming.bank, 'key');
      await page.fill('#report', report);
      await Promise.all([page.waitForNavigation(), page.click('form:has(#report) button[type=submit]')]);
      expect(await page.textContent('h1')).toBe('报告真实有效');
      await page.screenshot({ path: `${ARTIFACTS}/bank-report-genuine.png`, fullPage: true });
      const [h, p, s] = report.split('.') as [string, string, string];
      await page.fill('#report', `${h}.${p.slice(0, -4)}AAAA.${s}`);
      await Promise.all([page.waitForNavigation(), page.click('form:has(#report) button[type=submit]')]);
      expect(await page.textContent('h1')).toBe('报告无法验证');
      expect(await page.textContent('[role=status]')).toContain('签名与内容不符');
      await page.screenshot({ path: `${ARTIFACTS}/bank-report-tampered.png`, fullPage: true });
    } finally {
      await page.close();
      await close();
    }
  }, 60_000);
});
