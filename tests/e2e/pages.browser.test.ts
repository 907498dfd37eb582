/**
 * The pages driven in a real headless Chromium (Debian's package, installed by .ci/run), over real
 * HTTP on loopback ports, on a phone (390 px, touch: every action is tapped) and at a desk (1280 px).
 * Residents sign in through a real OpenID Connect provider started here (oidc-provider) with its own
 * login page. Every page visited is checked: nothing wider than the screen, every button inside it, no
 * English phrase in the visible text, and no serious or critical axe-core finding. Screenshots go to
 * tests/.artifacts/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityProvider } from '../support/identity-provider.js';
import { createWorld, IDS, type World } from '../support/world.js';

// The page.evaluate callbacks run in the browser; this file is compiled without the DOM library, so
// the little of it they touch is declared here (module-local).
interface InPageElement {
  style: { visibility: string };
}
declare const window: { innerWidth: number; axe: { run(root: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } };
declare const document: {
  documentElement: { scrollWidth: number };
  body: { innerText: string };
  querySelectorAll(selector: string): Iterable<InPageElement>;
};
interface AxeViolation {
  id: string;
  impact: string;
  nodes: Array<{ target: string[] }>;
}

const ARTIFACTS = 'tests/.artifacts';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// CI installs Chromium (.ci/run) and must run these; a developer's machine without it skips them, saying so.
const runBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
if (!runBrowser) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
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

interface Device {
  name: 'phone' | 'desk';
  touch: boolean;
  options: Parameters<Browser['newContext']>[0];
}

const DEVICES: Device[] = [
  { name: 'phone', touch: true, options: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 } },
  { name: 'desk', touch: false, options: { viewport: { width: 1280, height: 900 } } },
];

/** A world served over HTTP on 127.0.0.1, for the browser. */
async function served(w: World, port = 0) {
  const server = serve({ fetch: w.app.fetch, port, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

/** Everything a person should find true of any page. */
async function checkPage(page: Page, shot: string) {
  // The screen's width as set, not innerWidth alone: a phone browser widens its layout viewport (and
  // zooms out) to fit a page that overflows, and then innerWidth grows with the page.
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => window.innerWidth), `${shot}: the page is not zoomed out to fit`).toBe(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${shot}: nothing wider than the screen`).toBeLessThanOrEqual(width);
  for (const button of await page.locator('button:visible, a.button:visible').all()) {
    const box = await button.boundingBox();
    expect(box, `${shot}: a button is laid out`).not.toBeNull();
    if (!box) continue;
    expect(box.x, `${shot}: "${await button.textContent()}" starts inside the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${shot}: "${await button.textContent()}" ends inside the screen`).toBeLessThanOrEqual(width + 0.5);
  }
  const visible = await page.evaluate(() => {
    // The bureau's own file echoed back, and what is typed into fields, are not page text.
    const hidden = [...document.querySelectorAll('[data-verbatim], textarea')];
    for (const el of hidden) el.style.visibility = 'hidden';
    const text = document.body.innerText;
    for (const el of hidden) el.style.visibility = '';
    return text.replace(/\s+/g, ' ');
  });
  expect(visible, `${shot}: no English phrase`).not.toMatch(/\b[A-Za-z]+\s+[A-Za-z]+\b/);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `${shot}: axe-core`).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/${shot}.png`, fullPage: true });
}

/** Taps on a phone, clicks at a desk, and waits for the page it leads to. */
async function press(device: Device, page: Page, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width + 0.5, 'the control is inside the screen').toBe(true);
  await Promise.all([page.waitForNavigation(), device.touch ? target.tap() : target.click()]);
}

async function withContext<T>(device: Device, fn: (page: Page, context: BrowserContext) => Promise<T>) {
  // CSP is bypassed only so that the test can inject axe-core; the pages themselves carry no script.
  const context = await browser.newContext({ ...device.options, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  try {
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

const TOWNS_CSV = `名称,编号,上年度GEP,生态保护红线面积,森林面积,生态保护考核得分,上年度补偿金额
陈家镇,chenjia,8120000000,5210,3120,92,4800000.00
新河镇,xinhe,3050000000,1810,1420,85,2100000.00
港沿镇,gangyan,2210000000,960,1980,78,1900000.00
庙镇,miaozhen,1900000000,700,880,88,1300000.00
绿华镇,lvhua,450000000,120,210,95,600000.00
城桥镇,chengqiao,2650000000,640,1150,81,1800000.00
堡镇,baozhen,2380000000,590,1020,76,1600000.00
竖新镇,shuxin,1760000000,830,1310,83,1500000.00
向化镇,xianghua,1420000000,910,760,90,1200000.00
东平镇,dongping,3980000000,1620,2890,94,2600000.00
三星镇,sanxing,1650000000,780,940,86,1100000.00
中兴镇,zhongxing,1880000000,690,870,79,1250000.00
`;

describe.skipIf(!runBrowser).each(DEVICES)('in Chromium, on a $name', (device) => {
  it('a resident signs in through the identity provider, redeems a benefit, objects to an event, grants and revokes a consent', async () => {
    const idp = await identityProvider();
    const w = await createWorld({
      demo: true,
      pagesOidc: { issuer: idp.issuer, clientId: 'eco-pages', clientSecret: idp.clientSecret, displayName: '一网通办' },
    });
    const app = await served(w);
    idp.start(`${app.base}/app/districts/chongming/signin/callback`);
    try {
      await withContext(device, async (page) => {
        await page.goto(`${app.base}/app/districts/chongming`);
        await checkPage(page, `${device.name}-resident-sign-in`);
        await press(device, page, page.getByRole('link', { name: '用一网通办登录' }));
        expect(page.url(), (await page.textContent('body')) ?? '').toMatch(new RegExp(`^${idp.issuer}/interaction/`));
        await page.getByLabel('身份证号').fill(IDS.residentA);
        await Promise.all([
          page.waitForURL(`${app.base}/app/districts/chongming/me`),
          device.touch ? page.getByRole('button', { name: '登录' }).tap() : page.getByRole('button', { name: '登录' }).click(),
        ]);
        expect(await page.textContent('header')).toContain('张海燕（居民）');
        expect(await page.textContent('section[aria-labelledby=pts] .big')).toBe('92');
        await checkPage(page, `${device.name}-resident-home`);

        await press(device, page, page.getByRole('link', { name: '积分兑换' }).first());
        await checkPage(page, `${device.name}-resident-benefits`);
        await press(device, page, page.getByRole('link', { name: '兑换东平国家森林公园门票' }));
        expect(await page.textContent('.statement')).toBe('用 50 分兑换“东平国家森林公园门票”。兑换后剩余 42 分。');
        await checkPage(page, `${device.name}-resident-redeem-confirm`);
        await press(device, page, page.getByRole('button', { name: '确认兑换' }));
        expect(await page.textContent('[role=status]')).toContain('剩余 42 分');
        await checkPage(page, `${device.name}-resident-redeemed`);

        await press(device, page, page.getByRole('link', { name: '我的信用' }));
        await checkPage(page, `${device.name}-resident-credit`);
        await press(device, page, page.getByRole('link', { name: '对“垃圾分类”提出异议' }));
        await page.getByLabel('异议说明').fill('11月2日我不在村里，巡查记录记错了人。');
        await checkPage(page, `${device.name}-resident-objection`);
        await press(device, page, page.getByRole('button', { name: '提交异议' }));
        expect(await page.textContent('[role=status]')).toContain('主管部门将在 2026年12月14日 前答复');
        await press(device, page, page.getByRole('link', { name: '返回我的信用' }));
        expect(await page.textContent('section[aria-labelledby=ev]')).toContain('有异议，答复期限 2026年12月14日');

        await press(device, page, page.getByRole('link', { name: '授权管理' }).first());
        await press(device, page, page.getByRole('link', { name: '新增授权' }));
        await page.getByLabel('授权给哪家银行').selectOption({ label: '上海农商银行崇明支行' });
        if (device.touch) await page.getByLabel('积分概况').tap();
        else await page.getByLabel('积分概况').check();
        expect(await page.getByLabel('积分概况').isChecked()).toBe(true);
        await checkPage(page, `${device.name}-resident-consent-form`);
        await press(device, page, page.getByRole('button', { name: '下一步：查看授权书' }));
        const statement = '本人同意将本人的生态信用信息、积分概况提供给上海农商银行崇明支行，用于贷款申请，有效期至2027年2月22日。';
        expect(await page.textContent('#statement')).toBe(statement);
        await checkPage(page, `${device.name}-resident-consent-statement`);
        await press(device, page, page.getByRole('button', { name: '同意并授权' }));
        expect(await page.textContent('.statement')).toBe(statement);

        await press(device, page, page.getByRole('link', { name: '返回授权管理' }));
        await checkPage(page, `${device.name}-resident-consents`);
        await press(device, page, page.getByRole('link', { name: '撤销对上海农商银行崇明支行的授权' }));
        await checkPage(page, `${device.name}-resident-revoke-confirm`);
        await press(device, page, page.getByRole('button', { name: '确认撤销' }));
        expect(await page.textContent('[role=status]')).toContain('撤销对上海农商银行崇明支行的授权');
        await checkPage(page, `${device.name}-resident-revoked`);
      });
      const token = await w.token('resident', IDS.residentA);
      const consents = await w.call('GET', '/v1/districts/chongming/consents', { as: token });
      expect(consents.json.items).toMatchObject([{ state: 'revoked', evidence: { statement: expect.stringContaining('本人同意') } }]);
      const objections = await w.call('GET', '/v1/districts/chongming/objections', { as: token });
      expect(objections.json.items).toMatchObject([{ statement: '11月2日我不在村里，巡查记录记错了人。', status: 'open' }]);
    } finally {
      await app.close();
      await idp.close();
    }
  }, 120_000);

  it('a bureau uploads inputs, a draft, reads the chart and publishes', async () => {
    const w = await createWorld({ demo: true });
    const app = await served(w);
    try {
      await withContext(device, async (page) => {
        await page.goto(`${app.base}/app/districts/chongming`);
        await page.getByLabel('接入密钥').fill(w.keys.chongming.bureau);
        await press(device, page, page.getByRole('button', { name: '登录', exact: true }));
        expect(await page.textContent('header')).toContain('崇明区财政局（主管部门）');
        expect(await page.textContent('section[aria-labelledby=runs]')).toContain('30,000,000.00 元');
        await checkPage(page, `${device.name}-bureau-home`);

        await press(device, page, page.getByRole('link', { name: '上传分配数据' }).first());
        await page.getByLabel('期间').fill('2027');
        await page.getByLabel('资金总额（元）').fill('36,000,000.00');
        await page.getByLabel('CSV 文件').setInputFiles({ name: 'towns-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(TOWNS_CSV, 'utf8') });
        await checkPage(page, `${device.name}-bureau-inputs`);
        await press(device, page, page.getByRole('button', { name: '按现行规则计算并保存' }));
        expect(await page.textContent('[role=status]')).toContain('共 12 个单位，合计 36,000,000.00 元');
        await checkPage(page, `${device.name}-bureau-allocation`);

        await press(device, page, page.getByRole('link', { name: '规则草案' }));
        const draft = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8')
          .replace('district: default', 'district: chongming')
          .replace('version: 1', 'version: 2')
          .replace('effectiveFrom: 2026-01-01', 'effectiveFrom: 2027-01-01')
          .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.25' }")
          .replace("{ input: forest_area, weight: '0.2' }", "{ input: forest_area, weight: '0.35' }");
        await page.getByLabel('规则文件（YAML）').fill(draft.replace("weight: '0.25'", "weight: '0.3'"));
        await press(device, page, page.getByRole('button', { name: '保存草案并与现行版本比较' }));
        expect(await page.textContent('[role=alert]')).toContain('规则文件有误，请按所示行号修改。');
        // The error sits on the line of the factors list, wherever the file puts it.
        const factorsLine = draft.split('\n').findIndex((l) => l.trim() === 'factors:') + 1;
        expect(await page.textContent(`#line-${factorsLine}`)).toContain('各项权重之和为 1.05，应等于 1');
        expect(await page.getByLabel('规则文件（YAML）').inputValue()).toContain("weight: '0.3'");
        await checkPage(page, `${device.name}-bureau-draft-errors`);
        await page.getByLabel('规则文件（YAML）').fill(draft);
        await press(device, page, page.getByRole('button', { name: '保存草案并与现行版本比较' }));

        expect(await page.textContent('figcaption')).toContain('共 12 个单位');
        const names = page.locator('.chart .name');
        expect(await names.count()).toBe(10);
        // Labels never overlap: each row's name sits below the one before, inside the screen.
        const boxes = await Promise.all((await names.all()).map((n) => n.boundingBox()));
        const width = page.viewportSize()?.width ?? 0;
        for (const [i, box] of boxes.entries()) {
          expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
          if (i > 0) expect((box?.y ?? 0) >= (boxes[i - 1]?.y ?? 0) + (boxes[i - 1]?.height ?? 0) - 0.5).toBe(true);
        }
        await checkPage(page, `${device.name}-bureau-draft-chart`);

        expect(await page.textContent('section[aria-labelledby=pub]')).toContain('按规则文件所载，自 2027年1月1日 起生效。');
        await press(device, page, page.getByRole('button', { name: '发布……' }));
        expect(await page.textContent('.statement')).toContain('自 2027年1月1日 起生效');
        await checkPage(page, `${device.name}-bureau-publish-confirm`);
        await press(device, page, page.getByRole('button', { name: '确认发布' }));
        expect(await page.textContent('[role=status]')).toContain('新版本已发布，自 2027年1月1日 起生效。');
        await checkPage(page, `${device.name}-bureau-published`);
      });
      const versions = await w.call('GET', '/v1/districts/chongming/rule-sets/town-eco-fund/versions', { as: w.keys.chongming.bureau });
      expect(
        versions.json.items.filter((v: { status: string }) => v.status === 'published').map((v: { effectiveFrom: string }) => v.effectiveFrom),
      ).toEqual(expect.arrayContaining(['2026-01-01', '2027-01-01']));
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a bank officer requests and checks a report, then asks for a GEP eco-loan assessment', async () => {
    const w = await createWorld({ demo: true });
    const firm = await w.token('firm', IDS.firmB);
    const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: firm })).json.items[0].id;
    await w.call('POST', '/v1/districts/chongming/consents', {
      as: firm,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit', 'gep-assets', 'points-summary'] },
    });
    const app = await served(w);
    try {
      await withContext(device, async (page) => {
        await page.goto(`${app.base}/app/districts/chongming`);
        await page.getByLabel('接入密钥').fill(w.keys.chongming.bank);
        await press(device, page, page.getByRole('button', { name: '登录', exact: true }));
        expect(await page.textContent('header')).toContain('上海农商银行崇明支行（银行）');
        await checkPage(page, `${device.name}-bank-desk`);

        await press(device, page, page.getByRole('button', { name: '为崇明东滩湿地旅游发展有限公司（91310230MA1H5G6L7G）出具信用报告' }));
        expect(await page.textContent('[role=status]')).toContain('签名有效');
        expect(await page.textContent('section[aria-labelledby=credit]')).toContain('信用等级');
        expect(await page.textContent('section[aria-labelledby=gep]')).toContain('东滩湿地7号地块');
        expect(await page.textContent('section[aria-labelledby=validity]')).toContain('2026年12月24日 10:00');
        await checkPage(page, `${device.name}-bank-report`);
        const jws = await page.locator('#issued').inputValue();

        await press(device, page, page.getByRole('link', { name: '核验报告' }));
        await page.getByLabel('签名报告').fill(jws);
        await press(device, page, page.getByRole('button', { name: '核验' }));
        expect(await page.textContent('h1')).toBe('报告真实有效');
        await page.getByLabel('签名报告').fill(`${jws.slice(0, 60)}AAAA${jws.slice(64)}`);
        await press(device, page, page.getByRole('button', { name: '核验' }));
        expect(await page.textContent('h1')).toBe('报告无法验证');
        await checkPage(page, `${device.name}-bank-report-refused`);

        await press(device, page, page.getByRole('link', { name: '工作台' }));
        await press(device, page, page.getByRole('link', { name: 'GEP生态贷评估' }));
        await page.getByLabel('贷款产品').selectOption({ label: 'GEP生态贷' });
        await page.getByLabel('核算单元编号或权证编号').fill('dongtan-wetland-plot-07');
        await checkPage(page, `${device.name}-bank-assessment-form`);
        await press(device, page, page.getByRole('button', { name: '评估' }));
        expect(await page.textContent('[role=status]')).toMatch(/符合产品条件。参考额度 [\d,]+\.\d\d 元/);
        await checkPage(page, `${device.name}-bank-assessment`);

        await press(device, page, page.getByRole('link', { name: '查询记录' }));
        expect(await page.textContent('main')).toContain('出具信用报告');
        await checkPage(page, `${device.name}-bank-history`);
      });
    } finally {
      await app.close();
    }
  }, 120_000);
});

describe.skipIf(!runBrowser)('in Chromium, on a 360 px phone', () => {
  it('every page of every role fits the screen, reads in Chinese and passes axe-core', async () => {
    const w = await createWorld({ demo: true });
    const firm = await w.token('firm', IDS.firmB);
    const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: firm })).json.items[0].id;
    await w.call('POST', '/v1/districts/chongming/consents', {
      as: firm,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] },
    });
    const app = await served(w);
    const narrow: Device = { name: 'phone', touch: true, options: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true } };
    const visits: Array<{ as: 'token' | 'key'; credential: string; pages: string[] }> = [
      {
        as: 'token',
        credential: await w.token('resident', IDS.residentA),
        pages: ['me', 'me/points', 'me/benefits', 'me/earn', 'me/credit', 'me/consents', 'me/consents/new', 'me/log', 'me/credential'],
      },
      {
        as: 'key',
        credential: w.keys.chongming.bureau,
        pages: [
          'bureau',
          'bureau/allocations/new',
          'bureau/drafts/new',
          'bureau/rule-sets/town-eco-fund',
          'gep?unit=dongtan-wetland-plot-07&year=2025',
        ],
      },
      { as: 'key', credential: w.keys.chongming.bank, pages: ['bank', 'bank/verify', 'bank/history'] },
      { as: 'key', credential: w.keys.chongming.auditor, pages: ['audit', 'gep?unit=chongming-district&year=2025'] },
    ];
    try {
      for (const visit of visits) {
        await withContext(narrow, async (page) => {
          await page.goto(`${app.base}/app/districts/chongming`);
          await checkPage(page, 'narrow-sign-in');
          await page.locator(visit.as === 'token' ? '#token' : '#key').fill(visit.credential);
          await press(narrow, page, page.locator(`form:has(#${visit.as}) button[type=submit]`));
          for (const path of visit.pages) {
            await page.goto(`${app.base}/app/districts/chongming/${path}`);
            expect(await page.locator('h1').count(), path).toBe(1);
            await checkPage(page, `narrow-${path.replace(/[^a-z0-9]+/g, '-')}`);
          }
        });
      }
      // The seeded allocation, opened from the bureau's desk.
      await withContext(narrow, async (page) => {
        await page.goto(`${app.base}/app/districts/chongming`);
        await page.locator('#key').fill(w.keys.chongming.bureau);
        await press(narrow, page, page.locator('form:has(#key) button[type=submit]'));
        const townFund = page.getByRole('row').filter({ hasText: '乡镇生态补偿资金分配' });
        await press(narrow, page, townFund.getByRole('link', { name: '查看明细' }));
        expect(await page.textContent('main')).toContain('30,000,000.00 元');
        await checkPage(page, 'narrow-bureau-allocation');
      });
    } finally {
      await app.close();
    }
  }, 120_000);
});
