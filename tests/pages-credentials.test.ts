/**
 * The pages for issue 20, on the demo data: a resident sees what a presentation would disclose for a
 * purpose and downloads the credential bound to the key of its device; a bank officer reads the
 * status of a report it verifies, and a withdrawn consent in plain Chinese.
 */
import { decodeJwt, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createWorld, IDS, type World } from './support/world.js';

const ORIGIN = 'http://localhost';
const D = '/app/districts/chongming';
const API = '/v1/districts/chongming';
const ENGLISH = /\b[A-Za-z]+\s+[A-Za-z]+\b/;

async function form(w: World, path: string, fields: Record<string, string>, cookie: string) {
  return w.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

const page = async (w: World, path: string, cookie: string) => {
  const res = await w.app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  return { status: res.status, html: await res.text() };
};

const text = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<textarea[\s\S]*?<\/textarea>/g, ' ')
    .replace(/<\/?(strong|a|code|em|label)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

async function signIn(w: World, kind: 'token' | 'key', credential: string) {
  const res = await w.app.request(`${ORIGIN}${D}/signin/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
    body: new URLSearchParams({ [kind]: credential }).toString(),
  });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

describe('a resident and its own credential, on the pages', () => {
  it('sees what each purpose would disclose, and downloads the credential bound to its key', async () => {
    const w = await createWorld({ demo: true });
    const cookie = await signIn(w, 'token', await w.token('resident', IDS.residentA));
    const home = text((await page(w, `${D}/me`, cookie)).html);
    expect(home).toContain('电子信用凭证');

    const loan = await page(w, `${D}/me/credential`, cookie);
    expect(loan.status).toBe(200);
    const t = text(loan.html);
    expect(t).toContain('用于贷款申请时，按本辖区规定可出示以下信息：');
    expect(t).toContain('信用分与信用等级 出示 良好，85 分');
    expect(t).toContain('各评分项目及其记录 出示');
    // The one Latin phrase is the command that makes a key, shown verbatim.
    expect(t.replace(/npm run cli -- credential keygen/g, '')).not.toMatch(ENGLISH);

    // After the loan, the items with their records stay hidden.
    const after = text((await page(w, `${D}/me/credential?purpose=post-loan-management`, cookie)).html);
    expect(after).toContain('用于贷后管理时');
    expect(after).toContain('各评分项目及其记录 不出示 —');
    expect(after).toContain('积分概况 不出示 —');
    expect(after).toContain('红黑名单 出示');

    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(publicKey);
    const res = await form(w, `${D}/me/credential`, { holderKey: JSON.stringify(jwk), requestKey: crypto.randomUUID() }, cookie);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/dc+sd-jwt');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="eco-credit-crd_[0-9a-f]+\.sd-jwt"$/);
    const credential = await res.text();
    expect(decodeJwt(credential.split('~')[0] as string)).toMatchObject({ cnf: { jwk: { x: jwk.x } } });

    // A private key, or no key at all, is refused in Chinese.
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const leaked = await form(
      w,
      `${D}/me/credential`,
      { holderKey: JSON.stringify(await exportJWK(privateKey)), requestKey: crypto.randomUUID() },
      cookie,
    );
    expect(leaked.status).toBe(422);
    expect(text(await leaked.text())).toContain('提交的内容有误，请按提示修改后重试。');
    const garbage = await form(w, `${D}/me/credential`, { holderKey: 'not a key', requestKey: crypto.randomUUID() }, cookie);
    expect(garbage.status).toBe(400);
    expect(text(await garbage.text())).toContain('设备公钥格式有误');
  });
});

describe('a bank officer reads a report’s status', () => {
  it('a verified report says its status is valid; once the consent is withdrawn, that it is suspended', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', `${API}/banks`, { as: token })).json.items[0].id;
    const consent = await w.call('POST', `${API}/consents`, {
      as: token,
      body: { bankClientId: bank, purpose: 'post-loan-management', scopes: ['credit', 'points-summary'] },
    });
    const cookie = await signIn(w, 'key', w.keys.chongming.bank);
    const issued = await form(w, `${D}/bank/reports`, { consentId: consent.json.id, requestKey: crypto.randomUUID() }, cookie);
    expect(issued.status).toBe(200);
    const html = await issued.text();
    const t = text(html);
    expect(t).toContain('状态：有效（已核对本辖区状态列表）。');
    // Post-loan management: no items, no points, but the grade, the lists and the query history.
    expect(t).toContain('所含信息 信用分与信用等级、红黑名单、异议标记与本人声明、被查询次数');
    expect(t).toContain('按本辖区规定，该用途的报告不含各评分项目及其记录。');
    expect(t).toContain('被查询次数');
    expect(t).not.toContain('可用积分');
    const jws = /<textarea id="issued"[^>]*>([^<]+)<\/textarea>/.exec(html)?.[1] as string;

    await w.call('POST', `${API}/consents/${consent.json.id}/revocation`, { as: token });
    const again = await form(w, `${D}/bank/verify`, { report: jws }, cookie);
    expect(again.status).toBe(422);
    expect(text(await again.text())).toContain('该报告已暂停使用：其所依据的授权已撤回或过期。');
  });
});
