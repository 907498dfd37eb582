/**
 * Pages for people, through real requests: sign-in cookies, forms with origin checks, HTML in Chinese.
 * (Driving them in a headless browser with screenshots is still to come.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, IDS, type World } from './support/world.js';

const ORIGIN = 'http://localhost';

async function form(w: World, path: string, fields: Record<string, string>, cookie?: string, origin: string | null = ORIGIN) {
  return w.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}), ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
  });
}

async function signIn(w: World, credential: string) {
  const res = await form(w, '/app/signin', { district: 'chongming', credential });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Strict/i);
  return { cookie: setCookie.split(';')[0] as string, location: res.headers.get('location') as string };
}

const page = async (w: World, path: string, cookie: string) => {
  const res = await w.app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

describe('a resident opens the service on a phone', () => {
  it('signs in, sees points, credit and consents, and revokes a consent', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA, '张海燕');
    const greening = await w.client('chongming', 'recorder', '绿化市容局');
    await w.call('POST', '/v1/districts/chongming/points/awards', { as: greening, body: { holder: { id: resident }, action: 'VOLUNTEER-DAY' } });
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: token })).json.items[0].id;
    const consent = await w.call('POST', '/v1/districts/chongming/consents', {
      as: token,
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
    });

    const { cookie, location } = await signIn(w, token);
    expect(location).toBe('/app/districts/chongming/me');
    const me = await page(w, location, cookie);
    expect(me.status).toBe(200);
    expect(me.html).toContain('<html lang="zh-CN">');
    expect(me.html).toContain('<span class="big">50</span> 分可用');
    expect(me.html).toContain('生态志愿服务');
    expect(me.html).toMatch(/一般<\/span> 80 分/);
    expect(me.html).toContain('撤销对chongming bank的授权');
    expect(me.html).not.toContain(token);
    expect(me.html).not.toContain(IDS.residentA);
    expect(me.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);

    // A forged cross-site form cannot revoke anything; the resident's own form can.
    const forged = await form(w, `/app/districts/chongming/consents/${consent.json.id}/revoke`, {}, cookie, 'https://evil.example');
    expect(forged.status).toBe(403);
    const revoked = await form(w, `/app/districts/chongming/consents/${consent.json.id}/revoke`, {}, cookie);
    expect(revoked.status).toBe(303);
    const consents = await w.call('GET', '/v1/districts/chongming/consents', { as: token });
    expect(consents.json.items[0].state).toBe('revoked');
    expect((await page(w, location, cookie)).html).toContain('已撤销');
  });

  it('without a valid credential there is no page, only the sign-in', async () => {
    const w = await createWorld();
    const res = await w.app.request(`${ORIGIN}/app/districts/chongming/me`);
    expect(res.status).toBe(303);
    const bad = await form(w, '/app/signin', { district: 'chongming', credential: 'eyJnot.a.token' });
    expect(bad.status).toBe(401);
    expect(await bad.text()).toContain('登录失败');
  });
});

describe('a bureau tries a change before publishing it', () => {
  it('uploads a draft, sees the change per town as a chart with statistics, and publishes it', async () => {
    const w = await createWorld();
    const recipients = [
      { id: 'chenjia', values: { gep: '8120000000', redline_area: '5210', forest_area: '3120', assessment: '92' } },
      { id: 'xinhe', values: { gep: '3050000000', redline_area: '1810', forest_area: '1420', assessment: '85' } },
      { id: 'gangyan', values: { gep: '2210000000', redline_area: '960', forest_area: '1980', assessment: '78' } },
      { id: 'miaozhen', values: { gep: '1900000000', redline_area: '700', forest_area: '880', assessment: '88' } },
      { id: 'lvhua', values: { gep: '450000000', redline_area: '120', forest_area: '210', assessment: '95' } },
    ];
    await w.call('POST', '/v1/districts/chongming/allocations', {
      as: w.keys.chongming.bureau,
      body: { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients },
    });
    const draft = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8')
      .replace('district: default', 'district: chongming')
      .replace('version: 1', 'version: 2')
      .replace('effectiveFrom: 2026-01-01', 'effectiveFrom: 2027-01-01')
      .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.3' }")
      .replace("{ input: assessment, weight: '0.1' }", "{ input: assessment, weight: '0.2' }");
    const { cookie } = await signIn(w, w.keys.chongming.bureau);
    const uploaded = await form(w, '/app/districts/chongming/bureau/drafts', { source: draft }, cookie);
    expect(uploaded.status).toBe(303);
    const diff = await page(w, uploaded.headers.get('location') as string, cookie);
    expect(diff.status).toBe(200);
    expect(diff.html).toContain('<svg role="img" aria-label="各受偿单位金额变化（元）"');
    expect(diff.html).toContain('基尼系数');
    expect(diff.html).toContain('合计变化 ¥0.00');
    expect(diff.html).not.toContain(w.keys.chongming.bureau);

    const versionId = (uploaded.headers.get('location') as string).split('/').pop() as string;
    const published = await form(w, `/app/districts/chongming/bureau/versions/${versionId}/publish`, {}, cookie);
    expect(published.status).toBe(200);
    expect(await published.text()).toContain('自 2027-01-01 起生效');

    const history = await page(w, '/app/districts/chongming/bureau/rule-sets/town-eco-fund', cookie);
    expect(history.status).toBe(200);
    expect(history.html).toContain('<td>已发布</td><td>2027-01-01</td>');
    expect(history.html).toMatch(/<td>1<\/td><td>已发布<\/td><td>2026-01-01<\/td>/);
    expect((await page(w, '/app/districts/chongming/staff', cookie)).html).toContain('/app/districts/chongming/bureau/rule-sets/town-eco-fund');

    const broken = await form(w, '/app/districts/chongming/bureau/drafts', { source: draft.replace("weight: '0.3'", "weight: '0.5'") }, cookie);
    expect(broken.status).toBe(422);
    expect(await broken.text()).toMatch(/第 \d+ 行 \/body\/split\/factors weights sum to 1.2, not 1/);
  });
});

describe('a bank officer checks a pasted report', () => {
  it('sees a genuine report verified with its contents, and a tampered one refused with the reason', async () => {
    const w = await createWorld();
    const { report } = await w.consentedReport();

    const { cookie, location } = await signIn(w, w.keys.chongming.bank);
    expect((await page(w, location, cookie)).html).toContain('粘贴签名报告');
    const genuine = await form(w, '/app/districts/chongming/bank/verify', { report }, cookie);
    expect(genuine.status).toBe(200);
    const html = await genuine.text();
    expect(html).toContain('报告真实有效');
    expect(html).toContain('310230********1233');
    const [h, p, s] = report.split('.') as [string, string, string];
    const tampered = `${h}.${p.slice(0, -4)}AAAA.${s}`;
    const refused = await form(w, '/app/districts/chongming/bank/verify', { report: tampered }, cookie);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('签名与内容不符');
  });
});
