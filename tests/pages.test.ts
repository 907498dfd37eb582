/**
 * Pages for people, through real requests on the demo data: sessions held on the server, forms with
 * origin checks and confirmation steps, every page in Chinese. (tests/e2e drives the same pages in
 * Chromium, on a phone and at a desk.)
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiClients, pageSessions } from '../src/platform/db/schema.js';
import { identityProvider } from './support/identity-provider.js';
import { createWorld, IDS, type World } from './support/world.js';

const ORIGIN = 'http://localhost';
const D = '/app/districts/chongming';
const API = '/v1/districts/chongming';

async function form(w: World, path: string, fields: Record<string, string | string[]>, cookie?: string, origin: string | null = ORIGIN) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of ([] as string[]).concat(v)) body.append(k, x);
  return w.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...(cookie ? { cookie } : {}) },
    body: body.toString(),
  });
}

const page = async (w: World, path: string, cookie?: string) => {
  const res = await w.app.request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });
  return { status: res.status, html: await res.text(), headers: res.headers, location: res.headers.get('location') };
};

/**
 * The text a person reads: styles, form fields' contents and echoed files (data-verbatim) gone; inline
 * tags dissolve into their text, block tags leave a space.
 */
const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<textarea[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<span data-verbatim[^>]*>[^<]*<\/span>/g, ' ')
    .replace(/<\/?(strong|a|code|em|label)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

/** Two Latin words in a row: an English phrase where only Chinese should be. */
const ENGLISH = /\b[A-Za-z]+\s+[A-Za-z]+\b/;

async function signIn(w: World, kind: 'token' | 'key', credential: string) {
  const res = await form(w, `${D}/signin/${kind}`, { [kind]: credential });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  expect(setCookie).toContain(`Path=${D}`);
  const cookie = setCookie.split(';')[0] as string;
  // The cookie holds a random secret, never the credential.
  expect(cookie).not.toContain(credential);
  expect(cookie).toMatch(/^eco_session=[A-Za-z0-9_-]{43}$/);
  return { cookie, location: res.headers.get('location') as string };
}

describe('a resident on the demo data', () => {
  it('signs in, redeems a benefit after confirming, and sees the balance fall', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const { cookie, location } = await signIn(w, 'token', token);
    expect(location).toBe(`${D}/me`);

    // The session row keeps who signed in, not the token.
    const rows = await w.storage.db.select().from(pageSessions);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]).toMatchObject({ kind: 'subject', subjectKind: 'resident', clientId: null, login: null });

    const home = await page(w, location, cookie);
    expect(home.status).toBe(200);
    expect(home.html).toContain('<html lang="zh-CN">');
    expect(home.html).toContain('张海燕<span class="small">（居民）</span>');
    expect(home.html).toContain('<span class="big">92</span> 分可用');
    expect(home.html).not.toContain(token);
    expect(home.html).not.toContain(IDS.residentA);
    expect(home.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(text(home.html)).not.toMatch(ENGLISH);

    const offer = await page(w, `${D}/me/benefits`, cookie);
    const ticket = /href="[^"]*\/me\/benefits\/(ben_[0-9a-f]+)\/redeem" aria-label="兑换东平国家森林公园门票"/.exec(offer.html)?.[1] as string;
    expect(ticket).toBeDefined();
    const confirm = await page(w, `${D}/me/benefits/${ticket}/redeem`, cookie);
    expect(text(confirm.html)).toContain('用 50 分兑换“东平国家森林公园门票”。兑换后剩余 42 分。');
    const key = /name="requestKey" value="([^"]+)"/.exec(confirm.html)?.[1] as string;

    const done = await form(w, `${D}/me/benefits/${ticket}/redeem`, { requestKey: key }, cookie);
    expect(done.status).toBe(200);
    expect(text(await done.text())).toContain('已用 50 分兑换“东平国家森林公园门票”，剩余 42 分。');
    // The same confirmation sent twice (a double tap) redeems once.
    expect((await form(w, `${D}/me/benefits/${ticket}/redeem`, { requestKey: key }, cookie)).status).toBe(200);
    const me = (await w.call('GET', `${API}/me`, { as: token })).json.id;
    const account = await w.call('GET', `${API}/subjects/${me}/points`, { as: token });
    expect(account.json.balance).toBe(42);

    const history = await page(w, `${D}/me/points`, cookie);
    const lines = text(history.html);
    // Newest first: the redemption before the volunteer day before the tree planting.
    expect(lines.indexOf('兑换：东平国家森林公园门票')).toBeGreaterThan(0);
    expect(lines.indexOf('兑换：东平国家森林公园门票')).toBeLessThan(lines.indexOf('生态志愿服务'));
    expect(lines.indexOf('生态志愿服务')).toBeLessThan(lines.indexOf('义务植树（4棵）'));
    expect(lines).toContain('2026年10月19日');
  });

  it('objects to an event with a statement and follows its deadline', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const { cookie } = await signIn(w, 'token', token);
    const credit = await page(w, `${D}/me/credit`, cookie);
    const t = text(credit.html);
    expect(t).toContain('信用等级 良好 85 分');
    expect(t).toContain('基础分 80');
    expect(t).toContain('生态守信行为加分（近12个月） 义务植树（2026年3月12日）+2 分');
    expect(t).not.toMatch(ENGLISH);
    const eventId = /\/me\/credit\/events\/(evt_[0-9a-f]+)\/objection" aria-label="对“垃圾分类”提出异议"/.exec(credit.html)?.[1] as string;
    expect(eventId).toBeDefined();

    const empty = await form(w, `${D}/me/credit/events/${eventId}/objection`, { statement: '' }, cookie);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('role="alert"');

    const statement = '11月2日我不在村里，巡查记录记错了人。';
    const filed = await form(w, `${D}/me/credit/events/${eventId}/objection`, { statement, requestKey: crypto.randomUUID() }, cookie);
    expect(filed.status).toBe(201);
    expect(text(await filed.text())).toContain('主管部门将在 2026年12月14日 前答复');
    const objections = await w.call('GET', `${API}/objections`, { as: token });
    expect(objections.json.items).toMatchObject([{ eventId, statement, status: 'open', dueOn: '2026-12-14' }]);

    const after = text((await page(w, `${D}/me/credit`, cookie)).html);
    expect(after).toContain('有异议，答复期限 2026年12月14日');
    expect(after).toContain(statement);
    expect(after).toContain('处理中 答复期限 2026年12月14日');
  });

  it('grants a consent agreeing to the statement shown, then revokes it after confirming', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const { cookie } = await signIn(w, 'token', token);
    const bank = (await w.call('GET', `${API}/banks`, { as: token })).json.items[0];

    const choose = await page(w, `${D}/me/consents/new`, cookie);
    expect(choose.html).toContain(`<option value="${bank.id}">上海农商银行崇明支行</option>`);
    const confirm = await page(
      w,
      `${D}/me/consents/confirm?bank=${bank.id}&purpose=loan-application&scopes=credit&scopes=points-summary&days=90`,
      cookie,
    );
    const shown = /<p class="statement" id="statement">([^<]+)<\/p>/.exec(confirm.html)?.[1];
    expect(shown).toBe('本人同意将本人的生态信用信息、积分概况提供给上海农商银行崇明支行，用于贷款申请，有效期至2027年2月22日。');
    const hidden = Object.fromEntries([...confirm.html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));

    // A forged cross-site form cannot grant or revoke anything.
    expect((await form(w, `${D}/me/consents`, { bank: bank.id }, cookie, 'https://evil.example')).status).toBe(403);
    const granted = await form(
      w,
      `${D}/me/consents`,
      {
        bank: bank.id,
        purpose: 'loan-application',
        scopes: ['credit', 'points-summary'],
        expiresAt: hidden.expiresAt as string,
        requestKey: hidden.requestKey as string,
      },
      cookie,
    );
    expect(granted.status).toBe(201);
    expect(await granted.text()).toContain(shown);
    const stored = (await w.call('GET', `${API}/consents`, { as: token })).json.items[0];
    expect(stored.evidence.statement).toBe(shown);
    expect(stored.scopes).toEqual(['credit', 'points-summary']);

    const list = await page(w, `${D}/me/consents`, cookie);
    expect(list.html).toContain(`href="${D}/me/consents/${stored.id}/revoke" aria-label="撤销对上海农商银行崇明支行的授权"`);
    const ask = await page(w, `${D}/me/consents/${stored.id}/revoke`, cookie);
    expect(text(ask.html)).toContain('撤销后，上海农商银行崇明支行将不能再为“贷款申请”查询您的生态信用信息、积分概况。');
    // Opening the confirmation changes nothing.
    expect((await w.call('GET', `${API}/consents`, { as: token })).json.items[0].state).toBe('active');
    const revoked = await form(w, `${D}/me/consents/${stored.id}/revoke`, {}, cookie);
    expect(revoked.status).toBe(200);
    expect(text(await revoked.text())).toContain('已于 2026年11月24日 10:00 撤销对上海农商银行崇明支行的授权。');
    expect((await w.call('GET', `${API}/consents`, { as: token })).json.items[0].state).toBe('revoked');
    expect(text((await page(w, `${D}/me/consents`, cookie)).html)).toContain('已撤销');
  });

  it('reads how to earn points, switches a source off and on, and sees who queried them in Beijing time', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const { cookie } = await signIn(w, 'token', token);
    const earn = text((await page(w, `${D}/me/earn`, cookie)).html);
    expect(earn).toContain('垃圾分类投放：每次 2 分；每天最多 10 分；每月最多 200 分；有效期至获得次年的 12 月 31 日。');
    expect(earn).toContain('步行：每 1000 步 2 分；至少 5000 步才计分；每天最多 50 分；次日到账');
    expect(earn).not.toMatch(ENGLISH);

    const off = await form(w, `${D}/me/sources/transit-app`, { enabled: 'false' }, cookie);
    expect(off.status).toBe(303);
    expect(text((await page(w, off.headers.get('location') as string, cookie)).html)).toContain('已关闭“公交地铁出行数据”');
    const me = (await w.call('GET', `${API}/me`, { as: token })).json.id;
    const sources = await w.call('GET', `${API}/subjects/${me}/points/sources`, { as: token });
    expect(sources.json.items.find((s: { source: string }) => s.source === 'transit-app')).toMatchObject({ enabled: false });
    await form(w, `${D}/me/sources/transit-app`, { enabled: 'true' }, cookie);
    expect((await w.call('GET', `${API}/subjects/${me}/points/sources`, { as: token })).json.items[0]).toMatchObject({ enabled: true });

    // The bureau looks at the resident's points at 02:00 UTC: 10:00 in Beijing.
    await w.call('GET', `${API}/subjects/${me}/points`, { as: w.keys.chongming.bureau });
    const log = text((await page(w, `${D}/me/log`, cookie)).html);
    expect(log).toContain('2026年11月24日 10:00 崇明区财政局 查看积分账户 履行主管职责');
  });
});

describe('sessions', () => {
  it('end at sign-out, at expiry, and when a staff key is revoked', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const a = await signIn(w, 'token', token);
    const out = await form(w, `${D}/signout`, {}, a.cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/eco_session=;/);
    expect((await page(w, `${D}/me`, a.cookie)).location).toBe(D);
    expect(await w.storage.db.select().from(pageSessions)).toHaveLength(0);

    const b = await signIn(w, 'token', token);
    expect((await page(w, `${D}/me`, b.cookie)).status).toBe(200);
    w.clock.set('2026-11-24T04:00:01Z');
    expect((await page(w, `${D}/me`, b.cookie)).location).toBe(D);

    const staff = await signIn(w, 'key', w.keys.chongming.bank);
    expect((await page(w, `${D}/bank`, staff.cookie)).status).toBe(200);
    await w.storage.db.update(apiClients).set({ revokedAt: w.clock.now().toISOString() }).where(eq(apiClients.id, w.clientIds.chongming.bank));
    expect((await page(w, `${D}/bank`, staff.cookie)).location).toBe(D);
  });

  it('refuses bad credentials in Chinese and keeps each district’s sessions apart', async () => {
    const w = await createWorld({ demo: true });
    const bad = await form(w, `${D}/signin/token`, { token: 'eyJnot.a.token' });
    expect(bad.status).toBe(401);
    const html = await bad.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('登录已失效或凭证无效，请重新登录。');
    expect(text(html)).not.toMatch(ENGLISH);
    expect((await form(w, `${D}/signin/key`, { key: 'eck_nope' })).status).toBe(401);
    expect((await form(w, `${D}/signin/key`, { key: w.keys.lishui.bureau })).status).toBe(403);
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bureau);
    expect((await page(w, '/app/districts/lishui/bureau', cookie)).location).toBe('/app/districts/lishui');
    expect((await page(w, `${D}/me`)).location).toBe(D);
  });
});

describe('each role sees its own pages', () => {
  it('a bank officer is not shown the bureau’s pages, nor a resident the bank’s', async () => {
    const w = await createWorld({ demo: true });
    const bank = await signIn(w, 'key', w.keys.chongming.bank);
    expect(bank.location).toBe(`${D}/bank`);
    const desk = await page(w, bank.location, bank.cookie);
    expect(desk.html).toContain('上海农商银行崇明支行<span class="small">（银行）</span>');
    expect(desk.html).not.toContain('/bureau');
    const bureau = await page(w, `${D}/bureau/drafts/new`, bank.cookie);
    expect(bureau.status).toBe(403);
    expect(bureau.html).toContain('您没有进行此操作的权限。');
    const resident = await signIn(w, 'token', await w.token('resident', IDS.residentA));
    expect((await page(w, `${D}/bank`, resident.cookie)).status).toBe(403);
    const auditor = await signIn(w, 'key', w.keys.chongming.auditor);
    expect(auditor.location).toBe(`${D}/audit`);
    expect((await page(w, auditor.location, auditor.cookie)).html).toContain('崇明区信用办<span class="small">（审计）</span>');
  });
});

const TOWNS_CSV = `名称,编号,上年度GEP,生态保护红线面积,森林面积,生态保护考核得分,上年度补偿金额
陈家镇,chenjia,"8,120,000,000",5210,3120,92,4800000.00
新河镇,xinhe,3050000000,1810,1420,85,2100000.00
港沿镇,gangyan,2210000000,960,1980,78,1900000.00
绿华镇,lvhua,450000000,120,210,95,600000.00
`;

describe('a bureau on the demo data', () => {
  it('sees the seeded run, uploads a CSV of inputs and reads the allocation by town name', async () => {
    const w = await createWorld({ demo: true });
    const { cookie, location } = await signIn(w, 'key', w.keys.chongming.bureau);
    const home = text((await page(w, location, cookie)).html);
    expect(home).toContain('乡镇生态补偿资金分配 2026 30,000,000.00 元');

    const formPage = text((await page(w, `${D}/bureau/allocations/new`, cookie)).html);
    expect(formPage).toContain('示例首行：名称,上年度GEP,生态保护红线面积,森林面积,生态保护考核得分,上年度补偿金额');

    const wrong = await form(
      w,
      `${D}/bureau/allocations`,
      { ruleSetId: 'town-eco-fund', period: '2027', fund: '10,000,000.00', csv: TOWNS_CSV.replace('95,600000', '九十五,600000') },
      cookie,
    );
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(text(wrongHtml)).toContain('第 5 行：“生态保护考核得分”应为数字，而不是“九十五”。');
    expect(wrongHtml).toContain('九十五,600000');

    const ran = await form(
      w,
      `${D}/bureau/allocations`,
      { ruleSetId: 'town-eco-fund', period: '2027', fund: '10,000,000.00', csv: TOWNS_CSV },
      cookie,
    );
    expect(ran.status).toBe(303);
    const run = text((await page(w, ran.headers.get('location') as string, cookie)).html);
    expect(run).toContain('已按现行规则计算并保存，共 4 个单位，合计 10,000,000.00 元。');
    expect(run).toMatch(/陈家镇 3,000,000\.00 元 30\.00% 封顶/);
    expect(run).not.toContain('chenjia');
    expect(run).not.toMatch(ENGLISH);
    const runs = await w.call('GET', `${API}/allocations`, { as: w.keys.chongming.bureau });
    // The new run first, then the two seeded ones (town-gep-split and town-eco-fund, both for 2026).
    expect(runs.json.items.map((r: { period: string; ruleSetId: string }) => `${r.ruleSetId} ${r.period}`)).toEqual([
      'town-eco-fund 2027',
      'town-eco-fund 2026',
      'town-gep-split 2026',
    ]);
  });

  it('keeps a broken draft with each error beside its line, then compares a good one, sees the chart and publishes after confirming', async () => {
    const w = await createWorld({ demo: true });
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bureau);
    const source = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8')
      .replace('district: default', 'district: chongming')
      .replace('version: 1', 'version: 2')
      .replace('effectiveFrom: 2026-01-01', 'effectiveFrom: 2027-01-01');
    const broken = source.replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.5' }");
    const refused = await form(w, `${D}/bureau/drafts`, { source: broken }, cookie);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('规则文件有误，请按所示行号修改。');
    expect(text(html)).toContain('第 33 行：各项权重之和为 1.1，应等于 1（/body/split/factors）');
    expect(html).toMatch(/<li class="err" id="line-33"><span class="n">33<\/span><span data-verbatim[^>]*> {4}factors:<\/span>/);
    // The pasted file comes back as it was (escaped), to be corrected.
    expect(html).toContain('{ input: gep, weight: &#39;0.5&#39; }');
    expect(text(html)).not.toMatch(ENGLISH);

    const draft = source
      .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.3' }")
      .replace("{ input: assessment, weight: '0.1' }", "{ input: assessment, weight: '0.2' }");
    const uploaded = await form(w, `${D}/bureau/drafts`, { source: draft }, cookie);
    expect(uploaded.status).toBe(303);
    const diff = await page(w, uploaded.headers.get('location') as string, cookie);
    expect(diff.status).toBe(200);
    const t = text(diff.html);
    expect(t).toMatch(/共 10 个单位：增加 \d+ 个，减少 \d+ 个，不变 \d+ 个。/);
    expect((diff.html.match(/<span class="name" title=/g) ?? []).length).toBe(10);
    expect(t).toContain('东平镇');
    expect(t).toContain('基尼系数');
    expect(t).toMatch(/合计变化 \+?0\.00 元/);
    expect(t).not.toMatch(ENGLISH);

    const versionId = (uploaded.headers.get('location') as string).split('/').pop() as string;
    expect(t).toContain('按规则文件所载，自 2027年1月1日 起生效。');
    const ask = await page(w, `${D}/bureau/versions/${versionId}/publish?ruleSetId=town-eco-fund`, cookie);
    expect(text(ask.html)).toContain('发布“乡镇生态补偿资金分配”的这一草案，自 2027年1月1日 起生效。');
    const versions = async () => (await w.call('GET', `${API}/rule-sets/town-eco-fund/versions`, { as: w.keys.chongming.bureau })).json.items;
    expect((await versions()).filter((v: { status: string }) => v.status === 'published')).toHaveLength(1);
    const published = await form(w, `${D}/bureau/versions/${versionId}/publish`, { effectiveFrom: '2027-01-01' }, cookie);
    expect(published.status).toBe(200);
    expect(text(await published.text())).toContain('新版本已发布，自 2027年1月1日 起生效。');
    expect((await versions()).filter((v: { status: string }) => v.status === 'published')).toHaveLength(2);
  });

  it('draws ten bars and pages the table whatever the number of towns', async () => {
    const w = await createWorld({ demo: true });
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bureau);
    const rows = Array.from(
      { length: 57 },
      (_, i) => `第${i + 1}村,v${i},${(i + 1) * 37_000_000},${100 + i * 13},${200 + ((i * 71) % 500)},${60 + (i % 40)},`,
    );
    const csv = ['名称,编号,gep,redline_area,forest_area,assessment,last_year', ...rows].join('\n');
    expect((await form(w, `${D}/bureau/allocations`, { ruleSetId: 'town-eco-fund', period: '2027', fund: '50000000', csv }, cookie)).status).toBe(
      303,
    );
    const source = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8')
      .replace('district: default', 'district: chongming')
      .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.2' }")
      .replace("{ input: redline_area, weight: '0.3' }", "{ input: redline_area, weight: '0.5' }");
    const uploaded = await form(w, `${D}/bureau/drafts`, { source }, cookie);
    const diff = await page(w, uploaded.headers.get('location') as string, cookie);
    expect((diff.html.match(/<span class="name" title=/g) ?? []).length).toBe(10);
    expect(text(diff.html)).toContain('图中为变化最大的 10 个，全部单位见下表。');
    expect(text(diff.html)).toContain('第 1 / 3 页');
    // The draft still says it takes effect on 2026-01-01, a day past: it cannot be published as it is.
    expect(text(diff.html)).toContain('规则文件所载生效日期 2026年1月1日 已过，不能发布。');
    expect(diff.html).not.toContain('发布……');
    const last = await page(w, `${uploaded.headers.get('location')}?page=3`, cookie);
    expect((last.html.match(/<td data-label="单位">/g) ?? []).length).toBe(17);
  });

  it('reads a unit’s GEP account as a table, to the fen, with what is not assessed', async () => {
    const w = await createWorld({ demo: true });
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bureau);
    const gep = await page(w, `${D}/gep?unit=dongtan-wetland-plot-07&year=2025`, cookie);
    expect(gep.status).toBe(200);
    const t = text(gep.html);
    expect(t).toContain('东滩湿地7号地块 2025 年 GEP 核算');
    expect(t).toContain('1,523,700 立方米');
    expect(t).toContain('6.1107 元/立方米');
    expect(t).toContain('9,310,873.59 元');
    expect(t).toContain('未核算');
    expect(t).not.toMatch(ENGLISH);
  });

  it('files the account: the 生态产品总值核算表 with its method and approval, closed from the page, downloaded as CSV', async () => {
    const w = await createWorld({ demo: true });
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bureau);
    const open = text((await page(w, `${D}/gep?unit=dongtan-wetland-plot-07&year=2025`, cookie)).html);
    expect(open).toContain('东滩湿地7号地块 2025 年 生态产品总值核算表');
    expect(open).toContain('gep-method 第 1 版');
    expect(open).toContain('未审定，核算中');
    expect(open).toContain('水源涵养 小计');
    expect(open).toContain('生态产品总值（GEP）');
    expect(open).toContain('审定本年度核算');

    const closed = await form(
      w,
      `${D}/gep/close`,
      { unit: 'dongtan-wetland-plot-07', year: '2025', note: '区生态环境局审定', key: 'page-close-0001' },
      cookie,
    );
    expect(closed.status).toBe(303);
    const after = text((await page(w, closed.headers.get('location') as string, cookie)).html);
    expect(after).toContain('已审定：东滩湿地7号地块 2025 年核算为第 1 次修订，此后不再改变。');
    expect(after).toContain('已审定（第 1 次修订');
    expect(after).not.toContain('审定本年度核算');
    expect(after).not.toMatch(ENGLISH);

    const csv = await w.app.request(`${ORIGIN}${D}/gep/table.csv?unit=dongtan-wetland-plot-07&year=2025`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="gep-dongtan-wetland-plot-07-2025.csv"');
    expect(await csv.text()).toContain('东滩湿地7号地块 2025年 生态产品总值核算表');

    // A recording agency reads the table but is not offered the approval.
    const recorder = await signIn(w, 'key', w.keys.chongming.recorder);
    const seen = await page(w, `${D}/gep?unit=chongming-district&year=2025`, recorder.cookie);
    expect(text(seen.html)).not.toContain('审定本年度核算');
    expect((await form(w, `${D}/gep/close`, { unit: 'chongming-district', year: '2025' }, recorder.cookie)).status).toBe(403);
  });
});

describe('a statement outlives its rejected objection', () => {
  it('the resident sees it on the credit page and the bank in the report, with the answer', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const me = (await w.call('GET', `${API}/me`, { as: token })).json.id as string;
    const events = await w.call('GET', `${API}/subjects/${me}/credit-events`, { as: token });
    const waste = events.json.items.find((e: { code: string }) => e.code === 'WASTE-SORTING');
    const filed = await w.call('POST', `${API}/credit-events/${waste.id}/objections`, { as: token, body: { statement: '当天我在外地出差。' } });
    await w.call('POST', `${API}/objections/${filed.json.id}/resolution`, {
      as: w.keys.chongming.bureau,
      body: { decision: 'rejected', reason: '巡查照片为证' },
    });
    const resident = await signIn(w, 'token', await w.token('resident', IDS.residentA));
    const credit = text((await page(w, `${D}/me/credit`, resident.cookie)).html);
    expect(credit).toContain('我的异议声明 “当天我在外地出差。”（未被采纳：巡查照片为证；声明随记录保留，银行查询时可见）');

    const bank = (await w.call('GET', `${API}/banks`, { as: token })).json.items[0].id;
    const consent = await w.call('POST', `${API}/consents`, {
      as: token,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
    });
    const officer = await signIn(w, 'key', w.keys.chongming.bank);
    const issued = await form(w, `${D}/bank/reports`, { consentId: consent.json.id, requestKey: crypto.randomUUID() }, officer.cookie);
    const t = text(await issued.text());
    expect(t).toContain('主体异议声明 主体声明：“当天我在外地出差。”（异议未被采纳，2026年11月24日：巡查照片为证；声明随记录保留）');
    expect(t).not.toMatch(ENGLISH);
  });
});

describe('a bank officer on the demo data', () => {
  async function consented(w: World, kind: 'resident' | 'firm', id: string, scopes: string[]) {
    const token = await w.token(kind, id);
    const bank = (await w.call('GET', `${API}/banks`, { as: token })).json.items[0].id;
    const res = await w.call('POST', `${API}/consents`, { as: token, body: { bankClientId: bank, purpose: 'loan-application', scopes } });
    expect(res.status).toBe(201);
    return { token, consentId: res.json.id as string };
  }

  it('requests a report for a consented resident and reads all of it, with the resident’s objection', async () => {
    const w = await createWorld({ demo: true });
    const { token, consentId } = await consented(w, 'resident', IDS.residentA, ['credit', 'points-summary']);
    const events = await w.call('GET', `${API}/subjects/${(await w.call('GET', `${API}/me`, { as: token })).json.id}/credit-events`, { as: token });
    const waste = events.json.items.find((e: { code: string }) => e.code === 'WASTE-SORTING');
    await w.call('POST', `${API}/credit-events/${waste.id}/objections`, { as: token, body: { statement: '巡查记录记错了人。' } });

    const { cookie, location } = await signIn(w, 'key', w.keys.chongming.bank);
    const desk = text((await page(w, location, cookie)).html);
    expect(desk).toContain('居民 310230********1233 贷款申请 生态信用信息、积分概况');
    const issued = await form(w, `${D}/bank/reports`, { consentId, requestKey: crypto.randomUUID() }, cookie);
    expect(issued.status).toBe(200);
    const html = await issued.text();
    const t = text(html);
    expect(t).toContain('签名有效：报告由本辖区出具，内容未被改动，出具给本行。');
    expect(t).toContain('信用等级 良好 85 分');
    expect(t).toContain('有异议');
    expect(t).toContain('主体陈述：“巡查记录记错了人。”（答复期限 2026年12月14日）');
    expect(t).toContain('可用积分 92 分');
    expect(t).toContain('有效期至 2026年12月24日 10:00');
    expect(t).not.toMatch(ENGLISH);
    const jws = /<textarea id="issued"[^>]*>([^<]+)<\/textarea>/.exec(html)?.[1] as string;
    expect(jws.split('.')).toHaveLength(3);

    // A pasted copy verifies; a tampered one is refused with the catalogue's sentence.
    expect((await form(w, `${D}/bank/verify`, { report: jws }, cookie)).status).toBe(200);
    const [h, p, s] = jws.split('.') as [string, string, string];
    const tampered = await form(w, `${D}/bank/verify`, { report: `${h}.${p.slice(0, -4)}AAAA.${s}` }, cookie);
    expect(tampered.status).toBe(422);
    expect(await tampered.text()).toContain('报告签名验证失败，内容可能被篡改。');

    const history = text((await page(w, `${D}/bank/history`, cookie)).html);
    expect(history).toContain('2026年11月24日 10:00 居民 310230********1233 出具信用报告 贷款申请');
  });

  it('asks for a GEP eco-loan assessment for a consented firm and gets the ceiling with how it was reached', async () => {
    const w = await createWorld({ demo: true });
    const { consentId } = await consented(w, 'firm', IDS.firmB, ['credit', 'gep-assets']);
    const { cookie } = await signIn(w, 'key', w.keys.chongming.bank);
    const ask = await page(w, `${D}/bank/assessments/new?consentId=${consentId}`, cookie);
    expect(text(ask.html)).toContain('借款人：崇明东滩湿地旅游发展有限公司（91310230MA1H5G6L7G）');
    const res = await form(
      w,
      `${D}/bank/assessments`,
      {
        consentId,
        requestKey: crypto.randomUUID(),
        productId: 'gep-eco-loan',
        requestedAmount: '800,000.00',
        termMonths: '36',
        guarantee: 'guaranteed',
        pledgeType: 'gep',
        reference: 'dongtan-wetland-plot-07',
        value: '',
        ecoPledgeSigned: 'true',
      },
      cookie,
    );
    const html = await res.text();
    expect(res.status).toBe(201);
    const t = text(html);
    expect(t).toMatch(/符合产品条件。参考额度 [\d,]+\.\d\d 元/);
    expect(t).toContain('GEP（生态产品价值） dongtan-wetland-plot-07');
    expect(t).toContain('30%');
    expect(t).not.toMatch(ENGLISH);
    const assessmentId = /name="assessmentId" value="([^"]+)"/.exec(html)?.[1] as string;
    const report = await form(w, `${D}/bank/reports`, { consentId, assessmentId, requestKey: crypto.randomUUID() }, cookie);
    expect(text(await report.text())).toMatch(/符合条件，参考额度 [\d,]+\.\d\d 元/);
  });
});

describe('signing in with the identity provider', () => {
  it('goes to the provider with PKCE, state and nonce, and refuses an answer it did not ask for', async () => {
    const idp = await identityProvider();
    const w = await createWorld({ demo: true, pagesOidc: { issuer: idp.issuer, clientId: 'eco-pages', clientSecret: idp.clientSecret } });
    idp.start(`${ORIGIN}${D}/signin/callback`);
    try {
      expect((await page(w, D)).html).toContain(`<a class="button" href="${D}/signin/oidc">用政务服务账号登录</a>`);
      const start = await page(w, `${D}/signin/oidc`);
      expect(start.status).toBe(303);
      const to = new URL(start.location as string);
      expect(`${to.origin}${to.pathname}`).toBe(`${idp.issuer}/auth`);
      expect(Object.fromEntries(to.searchParams)).toMatchObject({
        client_id: 'eco-pages',
        redirect_uri: `${ORIGIN}${D}/signin/callback`,
        response_type: 'code',
        scope: 'openid',
        code_challenge_method: 'S256',
      });
      for (const p of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(p)).toMatch(/^[\w-]{43}$/);
      const login = (start.headers.get('set-cookie') ?? '').split(';')[0] as string;
      expect(start.headers.get('set-cookie')).toContain(`Path=${D}/signin`);
      // The pending sign-in keeps its state, nonce and verifier on the server, not in the cookie.
      expect(login).not.toContain(to.searchParams.get('state') as string);

      // An answer with another state is refused, and the pending sign-in is used up.
      const forged = await page(w, `${D}/signin/callback?code=abc&state=not-the-one&iss=${encodeURIComponent(idp.issuer)}`, login);
      expect(forged.status).toBe(401);
      expect(forged.html).toContain('登录请求已失效，请重新登录。');
      const again = await page(w, `${D}/signin/callback?code=abc&state=${to.searchParams.get('state')}`, login);
      expect(again.status).toBe(400);
      expect(again.html).toContain('登录已超时或不是从本页发起的，请重新登录。');
      expect(await w.storage.db.select().from(pageSessions)).toHaveLength(0);
    } finally {
      await idp.close();
    }
  });
});
