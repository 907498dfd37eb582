import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

async function setup(now?: string) {
  const w = await createWorld(now ? { now } : {});
  const resident = await w.register('chongming', 'resident', IDS.residentA);
  const agencies = {
    greening: await w.client('chongming', 'recorder', '绿化市容局'),
    transport: await w.client('chongming', 'recorder', '交通委'),
    reform: await w.client('chongming', 'recorder', '发改委'),
    environment: w.keys.chongming.recorder,
  };
  return { w, resident, agencies };
}

const awardAs = (w: World, key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  w.call('POST', `${D}/points/awards`, { as: key, body, headers });

const holder = (id: string) => ({ id });

async function benefit(w: World, body: Record<string, unknown>) {
  const res = await w.call('POST', `${D}/benefits`, {
    as: w.keys.chongming.bureau,
    body: { holderKinds: ['resident'], validFrom: '2026-01-01', validUntil: '2027-12-31', ...body },
  });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

const accountOf = (w: World, id: string, as = w.keys.chongming.bureau) => w.call('GET', `${D}/subjects/${id}/points`, { as });

describe('caps hold exactly at the boundary', () => {
  it('five waste-sorting awards fill the daily cap of 10; the sixth is refused and writes nothing', async () => {
    const { w, resident, agencies } = await setup();
    for (let i = 0; i < 5; i++) {
      const res = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ awarded: 2, refused: null, ruleSet: { id: 'points-catalogue' } });
    }
    const sixth = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' });
    expect(expectProblem(sixth, 422).detail).toMatch(/at most 10 points a day/);
    expect((await accountOf(w, resident)).json.balance).toBe(10);
    // The next day the cap starts again.
    w.clock.advanceDays(1);
    expect((await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' })).status).toBe(201);
  });

  it('an award over the cap is cut to what is left, and the refused part is reported with its reason', async () => {
    const { w, resident, agencies } = await setup();
    const first = await awardAs(w, agencies.transport, { holder: holder(resident), action: 'WALKING', amount: { value: '20000', unit: 'step' } });
    expect(first.json).toMatchObject({ requested: 40, awarded: 40, refused: null });
    const second = await awardAs(w, agencies.transport, { holder: holder(resident), action: 'WALKING', amount: { value: '10000', unit: 'step' } });
    expect(second.json).toMatchObject({ requested: 20, awarded: 10, refused: { points: 10, reason: 'WALKING gives at most 50 points a day' } });
    expectProblem(
      await awardAs(w, agencies.transport, { holder: holder(resident), action: 'WALKING', amount: { value: '6000', unit: 'step' } }),
      422,
    );
  });

  it('the monthly cap holds across days: four volunteer days of 50 fill 200, the fifth is refused', async () => {
    const { w, resident, agencies } = await setup();
    for (const day of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      expect((await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: day })).json.awarded).toBe(50);
    }
    expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: '2026-11-24' }), 422);
    expect((await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: '2026-10-31' })).json.awarded).toBe(
      50,
    );
  });

  it('a walk below the minimum is refused, as is an amount in the wrong unit', async () => {
    const { w, resident, agencies } = await setup();
    expect(
      expectProblem(
        await awardAs(w, agencies.transport, { holder: holder(resident), action: 'WALKING', amount: { value: '4999', unit: 'step' } }),
        422,
      ).detail,
    ).toMatch(/below the minimum/);
    expect(
      expectProblem(await awardAs(w, agencies.transport, { holder: holder(resident), action: 'WALKING', amount: { value: '9000', unit: 'km' } }), 400)
        .errors?.[0]?.pointer,
    ).toBe('/amount/unit');
  });
});

describe('de-duplication', () => {
  it('a utility bill counts once a month', async () => {
    const { w, resident, agencies } = await setup();
    expect((await awardAs(w, agencies.reform, { holder: holder(resident), action: 'UTILITY-BILL-E', occurredOn: '2026-11-03' })).status).toBe(201);
    const again = await awardAs(w, agencies.reform, { holder: holder(resident), action: 'UTILITY-BILL-E', occurredOn: '2026-11-20' });
    expect(expectProblem(again, 409).type).toMatch(/duplicate-award/);
    expect((await awardAs(w, agencies.reform, { holder: holder(resident), action: 'UTILITY-BILL-E', occurredOn: '2026-10-20' })).status).toBe(201);
    expect((await accountOf(w, resident)).json.balance).toBe(40);
  });

  it('an award retried with the same Idempotency-Key counts once', async () => {
    const { w, resident, agencies } = await setup();
    const headers = { 'idempotency-key': 'award-0001-retry' };
    const body = { holder: holder(resident), action: 'VOLUNTEER-DAY' };
    const first = await awardAs(w, agencies.greening, body, headers);
    const retry = await awardAs(w, agencies.greening, body, headers);
    expect(retry.json).toEqual(first.json);
    expect((await accountOf(w, resident)).json.balance).toBe(50);
  });
});

describe('expiry, oldest first', () => {
  it('points earned in year Y expire at the end of Y+1, and spending takes the oldest first', async () => {
    const { w, resident, agencies } = await setup();
    await awardAs(w, agencies.environment, {
      holder: holder(resident),
      action: 'VIOLATION-REPORT',
      occurredOn: '2025-06-01',
      reference: '举报-2025-1',
    });
    await awardAs(w, agencies.environment, {
      holder: holder(resident),
      action: 'VIOLATION-REPORT',
      occurredOn: '2026-03-01',
      reference: '举报-2026-1',
    });
    const ticket = await benefit(w, { name: '森林公园门票', cost: 60 });
    const token = await w.token('resident', IDS.residentA);
    const spent = await w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: ticket } });
    expect(spent.status).toBe(201);
    expect(spent.json).toMatchObject({ cost: 60, balance: 140 });

    w.clock.set('2026-12-05T02:00:00Z');
    const december = await accountOf(w, resident);
    expect(december.json.expiringSoon).toEqual([{ points: 40, expiresOn: '2026-12-31', earnedOn: '2025-06-01', actionCode: 'VIOLATION-REPORT' }]);

    w.clock.set('2026-12-31T15:59:00Z'); // 23:59 on 31 December in China: still valid
    expect((await accountOf(w, resident)).json.balance).toBe(140);
    w.clock.set('2026-12-31T16:00:00Z'); // midnight: 1 January 2027 in China
    const after = await accountOf(w, resident);
    expect(after.json.balance).toBe(100);
    expect(after.json.history[0]).toMatchObject({ kind: 'expire', points: -40, earnedOn: '2027-01-01', actionCode: 'VIOLATION-REPORT' });
    // Looking again writes nothing more.
    expect((await accountOf(w, resident)).json.balance).toBe(100);
    const ledger = await w.call('GET', `${D}/subjects/${resident}/points/ledger`, { as: w.keys.chongming.auditor });
    expect(ledger.json.items.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([
      ['earn', 100],
      ['earn', 100],
      ['redeem', -60],
      ['expire', -40],
    ]);
  });

  it('the light balance read gives what the account gives, expiry applied, and is in the query log when staff read it', async () => {
    const { w, resident, agencies } = await setup();
    await awardAs(w, agencies.environment, {
      holder: holder(resident),
      action: 'VIOLATION-REPORT',
      occurredOn: '2025-06-01',
      reference: '举报-2025-9',
    });
    await awardAs(w, agencies.transport, { holder: holder(resident), action: 'GREEN-TRAVEL' });
    const balanceOf = (as: string) => w.call('GET', `${D}/subjects/${resident}/points/balance`, { as });
    expect((await balanceOf(w.keys.chongming.bureau)).json).toEqual({ holderId: resident, balance: 100, pending: 10, asOf: '2026-11-24' });
    // On 1 January 2027 the 2025 award has expired: the light read writes the expiry, as the account does.
    w.clock.set('2026-12-31T16:00:00Z');
    const token = await w.token('resident', IDS.residentA);
    const light = await balanceOf(token);
    expect(light.json).toMatchObject({ balance: 10, pending: 0, asOf: '2027-01-01' });
    const whole = await accountOf(w, resident);
    expect({ balance: whole.json.balance, pending: whole.json.pending }).toEqual({ balance: 10, pending: 0 });
    expect(whole.json.history.filter((e: { kind: string }) => e.kind === 'expire')).toHaveLength(1);
    const log = await w.call('GET', `${D}/query-log?subjectId=${resident}`, { as: w.keys.chongming.auditor });
    const actions = log.json.items.map((e: { action: string; actorRole: string }) => `${e.actorRole}:${e.action}`);
    expect(actions).toContain('bureau:getPointsBalance');
    expect(actions.filter((a: string) => a.endsWith(':getPointsBalance'))).toHaveLength(1);
    expectProblem(await balanceOf(w.keys.chongming.bank), 403);
    expectProblem(await w.call('GET', `${D}/subjects/sub_nobody/points/balance`, { as: w.keys.chongming.bureau }), 404);
  });

  it('delayed points are pending until their day, and cannot be spent before', async () => {
    const { w, resident, agencies } = await setup();
    await awardAs(w, agencies.transport, { holder: holder(resident), action: 'GREEN-TRAVEL' });
    const now = await accountOf(w, resident);
    expect(now.json).toMatchObject({ balance: 0, pending: 10 });
    const coupon = await benefit(w, { name: '公交优惠券', cost: 10 });
    const token = await w.token('resident', IDS.residentA);
    expectProblem(await w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: coupon } }), 409);
    w.clock.advanceDays(1);
    expect((await accountOf(w, resident)).json).toMatchObject({ balance: 10, pending: 0 });
    const ok = await w.call('POST', `${D}/points/redemptions`, { as: await w.token('resident', IDS.residentA), body: { benefitId: coupon } });
    expect(ok.status).toBe(201);
  });
});

describe('redemptions under load', () => {
  it('50 concurrent redemptions against a balance that covers 10 succeed exactly 10 times', async () => {
    const { w, resident, agencies } = await setup();
    for (let i = 0; i < 2; i++)
      await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: `2026-11-0${i + 1}` });
    const voucher = await benefit(w, { name: '5元环保购物券', cost: 10 });
    const token = await w.token('resident', IDS.residentA);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: voucher } })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(40);
    expect((await accountOf(w, resident)).json.balance).toBe(0);
  });

  it('a benefit never oversells: 20 concurrent redemptions of a stock of 3 hand out 3', async () => {
    const { w, resident, agencies } = await setup();
    for (let i = 1; i <= 4; i++)
      await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: `2026-11-0${i}` });
    const scarce = await benefit(w, { name: '湿地公园年卡', cost: 1, stock: 3 });
    const token = await w.token('resident', IDS.residentA);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: scarce } })),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(17);
    expect(refused.filter((a) => /sold out/.test(a.json.detail))).toHaveLength(17);
    const list = await w.call('GET', `${D}/benefits`, { as: token });
    expect(list.json.items.find((b: { id: string }) => b.id === scarce)).toMatchObject({ left: 0 });
    expect((await accountOf(w, resident)).json.balance).toBe(197);
  });

  it('refuses an expired benefit and one not offered to the holder, writing nothing', async () => {
    const { w, resident, agencies } = await setup();
    await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY' });
    const old = await benefit(w, { name: '旧活动', cost: 1, validFrom: '2025-01-01', validUntil: '2025-12-31' });
    const firmsOnly = await benefit(w, { name: '绿色贷款利率优惠', cost: 1, holderKinds: ['firm'] });
    const token = await w.token('resident', IDS.residentA);
    expectProblem(await w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: old } }), 422);
    expectProblem(await w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: firmsOnly } }), 403);
    expectProblem(await w.call('POST', `${D}/points/redemptions`, { as: token, body: { benefitId: 'ben_missing' } }), 404);
    expect((await accountOf(w, resident)).json.balance).toBe(50);
  });
});

describe('a resident switches a source off', () => {
  it('awards from that source are refused from then on, and accepted again when switched back on', async () => {
    const { w, resident, agencies } = await setup();
    const token = await w.token('resident', IDS.residentA);
    const off = await w.call('PUT', `${D}/subjects/${resident}/points/sources/transit-app`, { as: token, body: { enabled: false } });
    expect(off.json).toMatchObject({ source: 'transit-app', enabled: false });
    expect(expectProblem(await awardAs(w, agencies.transport, { holder: holder(resident), action: 'GREEN-TRAVEL' }), 403).detail).toMatch(
      /switched off/,
    );
    // Other sources are untouched.
    expect((await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' })).status).toBe(201);
    await w.call('PUT', `${D}/subjects/${resident}/points/sources/transit-app`, { as: token, body: { enabled: true } });
    expect((await awardAs(w, agencies.transport, { holder: holder(resident), action: 'GREEN-TRAVEL' })).status).toBe(201);
    // Nobody else decides for the holder.
    expectProblem(
      await w.call('PUT', `${D}/subjects/${resident}/points/sources/transit-app`, { as: w.keys.chongming.bureau, body: { enabled: false } }),
      403,
    );
  });
});

describe('what holders and the bureau see', () => {
  it('the holder sees balance, pending, history with reasons and the benefits on offer; nobody else’s', async () => {
    const { w, resident, agencies } = await setup();
    const other = await w.register('chongming', 'resident', IDS.residentB);
    await awardAs(w, agencies.greening, { holder: holder(resident), action: 'TREE-PLANTING', amount: { value: '3', unit: 'tree' } });
    await awardAs(w, agencies.transport, { holder: holder(resident), action: 'GREEN-TRAVEL' });
    await benefit(w, { name: '森林公园门票', cost: 20 });
    await benefit(w, { name: '节水器具', cost: 500 });
    const token = await w.token('resident', IDS.residentA);
    const mine = await accountOf(w, resident, token);
    expect(mine.json).toMatchObject({ balance: 30, pending: 10 });
    expect(mine.json.history.map((h: { reason: string }) => h.reason)).toEqual(['绿色出行（公交地铁）', '义务植树 (3 tree)']);
    expect(mine.json.benefits.map((b: { name: string; affordable: boolean }) => [b.name, b.affordable])).toEqual([
      ['森林公园门票', true],
      ['节水器具', false],
    ]);
    expectProblem(await accountOf(w, other, token), 403);
    expectProblem(await w.call('GET', `${D}/subjects/${other}/points/ledger`, { as: token }), 403);
  });

  it('the bureau sees points issued, redeemed and expired per action and month', async () => {
    const { w, resident, agencies } = await setup();
    await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: '2026-10-10' });
    await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING', occurredOn: '2026-11-01' });
    await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY', occurredOn: '2026-11-02' });
    const gift = await benefit(w, { name: '购物券', cost: 30 });
    await w.call('POST', `${D}/points/redemptions`, { as: await w.token('resident', IDS.residentA), body: { benefitId: gift } });
    const stats = await w.call('GET', `${D}/points/statistics?from=2026-10&to=2026-11`, { as: w.keys.chongming.auditor });
    expect(stats.json.items).toEqual([
      { month: '2026-10', actionCode: 'VOLUNTEER-DAY', issued: 50, redeemed: 0, expired: 0, reversed: 0 },
      { month: '2026-11', actionCode: null, issued: 0, redeemed: 30, expired: 0, reversed: 0 },
      { month: '2026-11', actionCode: 'VOLUNTEER-DAY', issued: 50, redeemed: 0, expired: 0, reversed: 0 },
      { month: '2026-11', actionCode: 'WASTE-SORTING', issued: 2, redeemed: 0, expired: 0, reversed: 0 },
    ]);
    expectProblem(await w.call('GET', `${D}/points/statistics?from=2026-10&to=2026-11`, { as: w.keys.chongming.bank }), 403);
  });

  it('a firm earns for a certification and can spend on a firm benefit', async () => {
    const { w, agencies } = await setup();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    await awardAs(w, agencies.environment, { holder: { kind: 'firm', uscc: IDS.firmA }, action: 'GREEN-CERTIFICATION', reference: 'ISO14001-2026' });
    const discount = await benefit(w, { name: '贷款利率优惠10BP', cost: 300, holderKinds: ['firm'] });
    const res = await w.call('POST', `${D}/points/redemptions`, { as: await w.token('firm', IDS.firmA), body: { benefitId: discount } });
    expect(res.json).toMatchObject({ cost: 300, balance: 200 });
    expect((await accountOf(w, firm)).json.history[1]).toMatchObject({ kind: 'earn', expiresOn: '2028-11-23' });
  });
});

describe('bad awards and corrections', () => {
  it('an unknown action, an action not for this holder, or an agency that may not award it', async () => {
    const { w, resident, agencies } = await setup();
    expect(expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'FLYING' }), 422).errors?.[0]?.pointer).toBe(
      '/action',
    );
    expectProblem(
      await awardAs(w, agencies.reform, { holder: holder(resident), action: 'ENERGY-RETROFIT', amount: { value: '2', unit: 'tce' } }),
      422,
    );
    expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'GREEN-TRAVEL' }), 403);
    expectProblem(await awardAs(w, w.keys.chongming.bank, { holder: holder(resident), action: 'WASTE-SORTING' }), 403);
    expectProblem(await awardAs(w, agencies.greening, { holder: { id: 'sub_nobody' }, action: 'WASTE-SORTING' }), 400);
    expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING', occurredOn: '2026-12-01' }), 400);
    expect((await accountOf(w, resident)).json.balance).toBe(0);
  });

  it('an award is reversed, but never below a zero balance', async () => {
    const { w, resident, agencies } = await setup();
    const a = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY' });
    const b = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY' });
    const rev = await w.call('POST', `${D}/points/awards/${a.json.entry.id}/reversal`, { as: w.keys.chongming.bureau, body: { reason: '重复登记' } });
    expect(rev.json).toMatchObject({ kind: 'reverse', points: -50, lotId: a.json.entry.id });
    expectProblem(
      await w.call('POST', `${D}/points/awards/${a.json.entry.id}/reversal`, { as: w.keys.chongming.bureau, body: { reason: 'again' } }),
      409,
    );
    const gift = await benefit(w, { name: '购物券', cost: 50 });
    await w.call('POST', `${D}/points/redemptions`, { as: await w.token('resident', IDS.residentA), body: { benefitId: gift } });
    expectProblem(
      await w.call('POST', `${D}/points/awards/${b.json.entry.id}/reversal`, { as: w.keys.chongming.bureau, body: { reason: 'late' } }),
      409,
    );
    expect((await accountOf(w, resident)).json.balance).toBe(0);
  });
});

describe('an agency corrects a wrong award', () => {
  it('reverses it, and the room it took under the daily cap is free again for the corrected award', async () => {
    const { w, resident, agencies } = await setup();
    const awards = [];
    for (let i = 0; i < 5; i++) awards.push(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' }));
    // The fifth was a mistake: the day's cap of 10 is full, so the corrected award is refused until it is reversed.
    expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' }), 422);
    const wrong = awards[4]?.json.entry.id as string;
    const reversal = await w.call('POST', `${D}/points/awards/${wrong}/reversal`, { as: agencies.greening, body: { reason: '登记错误' } });
    expect(reversal.status).toBe(201);
    const corrected = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' });
    expect(corrected.status).toBe(201);
    expect(corrected.json).toMatchObject({ awarded: 2, refused: null });
    // What stands is at the cap again: 4 × 2 + 2 = 10.
    expectProblem(await awardAs(w, agencies.greening, { holder: holder(resident), action: 'WASTE-SORTING' }), 422);
    expect((await accountOf(w, resident)).json.balance).toBe(10);
  });

  it('only the agency that made the award, or the bureau, may reverse it; another agency gets 403 and nothing is written', async () => {
    const { w, resident, agencies } = await setup();
    const award = await awardAs(w, agencies.greening, { holder: holder(resident), action: 'VOLUNTEER-DAY' });
    const id = award.json.entry.id as string;
    const reverse = (key: string) => w.call('POST', `${D}/points/awards/${id}/reversal`, { as: key, body: { reason: '不认可' } });
    const refused = expectProblem(await reverse(agencies.transport), 403);
    expect(refused.detail).toMatch(/绿化市容局/);
    expectProblem(await reverse(w.keys.chongming.recorder), 403);
    expect((await accountOf(w, resident)).json.balance).toBe(50);
    // Another client of the same agency may, as may the bureau (here the agency's second key).
    const colleague = await w.client('chongming', 'recorder', '绿化市容局');
    expect((await reverse(colleague)).status).toBe(201);
    expect((await accountOf(w, resident)).json.balance).toBe(0);
  });
});
