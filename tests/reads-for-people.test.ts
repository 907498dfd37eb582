/**
 * The reads the pages are built on, through the HTTP API: how points are earned, which sources may
 * send them, the ledger newest first, the bureau's runs, named events and the base score, and the
 * consent statement a subject agrees to.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS } from './support/world.js';

const D = '/v1/districts/chongming';

describe('a resident learns how to earn points', () => {
  it('reads the catalogue in force, with points, minimums, caps, delays and expiry, for its own kind only', async () => {
    const w = await createWorld();
    await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const res = await w.call('GET', `${D}/points/catalogue`, { as: token });
    expect(res.status).toBe(200);
    expect(res.json.ruleSet).toMatchObject({ id: 'points-catalogue', version: 1 });
    expect(res.json.ruleSet.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const byCode = Object.fromEntries(res.json.actions.map((a: { code: string }) => [a.code, a]));
    expect(byCode['WASTE-SORTING']).toMatchObject({
      title: '垃圾分类投放',
      points: 2,
      perUnit: null,
      caps: { perDay: 10, perMonth: 200 },
      delayDays: 0,
      expiry: { endOfYearAfter: true },
      source: null,
    });
    expect(byCode.WALKING).toMatchObject({
      points: null,
      perUnit: { unit: 'step', points: 0.002 },
      minAmount: 5000,
      delayDays: 1,
      source: 'fitness-app',
    });
    expect(byCode['UTILITY-BILL-E']).toMatchObject({ oncePer: '{holder}:{month}' });
    // Firms' actions are not offered to a resident.
    expect(byCode['GREEN-CERTIFICATION']).toBeUndefined();

    const firms = await w.call('GET', `${D}/points/catalogue?holderKind=firm`, { as: w.keys.chongming.bureau });
    expect(firms.json.actions.map((a: { code: string }) => a.code)).toContain('GREEN-CERTIFICATION');
    expect(firms.json.actions.map((a: { code: string }) => a.code)).not.toContain('WASTE-SORTING');
    expectProblem(await w.call('GET', `${D}/points/catalogue`), 401);
  });

  it('sees the sources that may award it points, switches one off, and an award from it is refused', async () => {
    const w = await createWorld();
    const me = await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const before = await w.call('GET', `${D}/subjects/${me}/points/sources`, { as: token });
    expect(before.json.items).toEqual([
      { source: 'transit-app', actions: ['GREEN-TRAVEL'], enabled: true, changedAt: null },
      { source: 'fitness-app', actions: ['WALKING'], enabled: true, changedAt: null },
      { source: 'utility-company', actions: ['UTILITY-BILL-E'], enabled: true, changedAt: null },
    ]);
    await w.call('PUT', `${D}/subjects/${me}/points/sources/transit-app`, { as: token, body: { enabled: false } });
    const after = await w.call('GET', `${D}/subjects/${me}/points/sources`, { as: token });
    expect(after.json.items[0]).toEqual({ source: 'transit-app', actions: ['GREEN-TRAVEL'], enabled: false, changedAt: '2026-11-24T02:00:00.000Z' });
    const transit = await w.client('chongming', 'recorder', '交通委');
    const refused = await w.call('POST', `${D}/points/awards`, { as: transit, body: { holder: { id: me }, action: 'GREEN-TRAVEL' } });
    expect(expectProblem(refused, 403)).toMatchObject({ code: 'source-switched-off' });

    await w.register('chongming', 'resident', IDS.residentB);
    expectProblem(await w.call('GET', `${D}/subjects/${me}/points/sources`, { as: await w.token('resident', IDS.residentB) }), 403);
    expect((await w.call('GET', `${D}/subjects/${me}/points/sources`, { as: w.keys.chongming.auditor })).status).toBe(200);
  });

  it('pages through its points newest first', async () => {
    const w = await createWorld();
    const me = await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const greening = await w.client('chongming', 'recorder', '绿化市容局');
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']) {
      await w.call('POST', `${D}/points/awards`, { as: greening, body: { holder: { id: me }, action: 'WASTE-SORTING', occurredOn: day } });
    }
    const first = await w.call('GET', `${D}/subjects/${me}/points/ledger?order=desc&limit=2`, { as: token });
    expect(first.json.items.map((e: { earnedOn: string }) => e.earnedOn)).toEqual(['2026-11-05', '2026-11-04']);
    const second = await w.call('GET', `${D}/subjects/${me}/points/ledger?order=desc&limit=2&cursor=${first.json.nextCursor}`, { as: token });
    expect(second.json.items.map((e: { earnedOn: string }) => e.earnedOn)).toEqual(['2026-11-03', '2026-11-02']);
    const third = await w.call('GET', `${D}/subjects/${me}/points/ledger?order=desc&limit=2&cursor=${second.json.nextCursor}`, { as: token });
    expect(third.json).toMatchObject({ nextCursor: null, items: [{ earnedOn: '2026-11-01' }] });
    const oldest = await w.call('GET', `${D}/subjects/${me}/points/ledger?limit=2`, { as: token });
    expect(oldest.json.items.map((e: { earnedOn: string }) => e.earnedOn)).toEqual(['2026-11-01', '2026-11-02']);
    expectProblem(await w.call('GET', `${D}/subjects/${me}/points/ledger?order=sideways`, { as: token }), 400);
  });
});

describe('a bureau lists its allocation runs', () => {
  it('sees the demo run, then its own newest first, filtered by rule set; a bank may not', async () => {
    const w = await createWorld({ demo: true });
    const bureau = w.keys.chongming.bureau;
    const seeded = await w.call('GET', `${D}/allocations`, { as: bureau });
    expect(seeded.json.items.map((r: { ruleSetId: string }) => r.ruleSetId).sort()).toEqual(['town-eco-fund', 'town-gep-split']);
    expect(seeded.json.items).toContainEqual(
      expect.objectContaining({ ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', total: '30000000.00' }),
    );
    const run = await w.call('POST', `${D}/allocations`, {
      as: bureau,
      body: {
        ruleSetId: 'forest-ranger-payroll',
        period: '2026-Q4',
        recipients: [{ id: 'r1', name: '张护林', values: { months: '3', score: '90' } }],
      },
    });
    expect(run.status).toBe(201);
    w.clock.advanceDays(1);
    const all = await w.call('GET', `${D}/allocations`, { as: bureau });
    expect(all.json.items.map((r: { ruleSetId: string }) => r.ruleSetId)[0]).toBe('forest-ranger-payroll');
    expect(all.json.items).toHaveLength(3);
    expect(all.json.items[0]).toMatchObject({ id: run.json.id, versionId: run.json.versionId, fund: null, period: '2026-Q4' });
    const towns = await w.call('GET', `${D}/allocations?ruleSetId=town-eco-fund`, { as: bureau });
    expect(towns.json.items).toHaveLength(1);
    expect((await w.call('GET', `/v1/districts/lishui/allocations`, { as: w.keys.lishui.bureau })).json.items).toEqual([]);
    expectProblem(await w.call('GET', `${D}/allocations`, { as: w.keys.chongming.bank }), 403);
  });
});

describe('a subject reads its file', () => {
  it('sees each event named as the behaviour list names it, and the score’s base beside its items', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const me = (await w.call('GET', `${D}/me`, { as: token })).json.id;
    const events = await w.call('GET', `${D}/subjects/${me}/credit-events`, { as: token });
    expect(events.json.items.map((e: { code: string; title: string }) => [e.code, e.title])).toEqual([
      ['CARBON-REDUCTION', '低碳行为减排'],
      ['WASTE-SORTING', '垃圾分类'],
      ['VOLUNTEER-DAY', '生态志愿服务'],
      ['TREE-PLANTING', '义务植树'],
    ]);
    const score = await w.call('GET', `${D}/subjects/${me}/credit-score`, { as: token });
    expect(score.json.baseScore).toBe(80);
    expect(score.json.baseScore + score.json.items.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBe(score.json.score);
  });
});

describe('a resident consents to a bank', () => {
  it('stores the Chinese sentence it agreed to, and the bank sees who consented by the masked number only', async () => {
    const w = await createWorld({ demo: true });
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0];
    const granted = await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['points-summary', 'credit'], expiresAt: '2027-03-01T00:00:00+08:00' },
    });
    expect(granted.status).toBe(201);
    expect(granted.json.evidence.statement).toBe(
      '本人同意将本人的生态信用信息、积分概况提供给上海农商银行崇明支行，用于贷款申请，有效期至2027年3月1日。',
    );
    expect(granted.json.subject).toEqual({ kind: 'resident', displayId: '310230********1233', name: null });
    const seen = await w.call('GET', `${D}/consents`, { as: w.keys.chongming.bank });
    expect(seen.json.items[0].subject).toEqual({ kind: 'resident', displayId: '310230********1233', name: null });

    const firm = await w.token('firm', IDS.firmB);
    const byFirm = await w.call('POST', `${D}/consents`, { as: firm, body: { bankClientId: bank.id, purpose: 'guarantee', scopes: ['gep-assets'] } });
    expect(byFirm.json.evidence.statement).toBe('本人同意将本人的生态资产（GEP）信息提供给上海农商银行崇明支行，用于担保，有效期至2027年2月22日。');
    expect(byFirm.json.subject).toEqual({ kind: 'firm', displayId: IDS.firmB, name: '崇明东滩湿地旅游发展有限公司' });
  });
});
