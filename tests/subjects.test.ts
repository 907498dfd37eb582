import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS } from './support/world.js';

describe('a bureau registers the subjects of its district', () => {
  it('registers a firm by its USCC and shows the code', async () => {
    const w = await createWorld();
    const res = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.bureau,
      body: { kind: 'firm', uscc: IDS.firmA.toLowerCase(), name: '上海崇明生态农业有限公司' },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ kind: 'firm', displayId: IDS.firmA, regionCode: '310230', districtId: 'chongming' });
    expect(res.json.id).toMatch(/^sub_[0-9a-f]{32}$/);
    expect(res.headers.get('location')).toBe(`/v1/districts/chongming/subjects/${res.json.id}`);

    const read = await w.call('GET', `/v1/districts/chongming/subjects/${res.json.id}`, { as: w.keys.chongming.auditor });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(res.json);
  });

  it('registers a resident without ever storing or echoing the ID number', async () => {
    const w = await createWorld();
    const res = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.recorder,
      body: { kind: 'resident', idNumber: IDS.residentA, name: '张海燕' },
    });
    expect(res.status).toBe(201);
    expect(res.json.displayId).toBe('310230********1233');
    expect(res.text).not.toContain(IDS.residentA);

    // Look into every column of every table: the number must not be there in any form.
    const sqlite = (w.storage.db as unknown as { $client: import('better-sqlite3').Database }).$client;
    const tables = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>;
    for (const { name } of tables) {
      const dump = JSON.stringify(sqlite.prepare(`select * from "${name}"`).all());
      expect(dump).not.toContain(IDS.residentA);
      expect(dump).not.toContain(IDS.residentA.slice(6, 14));
    }
  });

  it('finds a resident again by the ID number, through a POST so the number stays out of URLs', async () => {
    const w = await createWorld();
    const id = await w.register('chongming', 'resident', IDS.residentB);
    const found = await w.call('POST', '/v1/districts/chongming/subjects/lookup', {
      as: w.keys.chongming.recorder,
      body: { kind: 'resident', idNumber: IDS.residentB },
    });
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(id);
    const missing = await w.call('POST', '/v1/districts/chongming/subjects/lookup', {
      as: w.keys.chongming.recorder,
      body: { kind: 'resident', idNumber: IDS.residentA },
    });
    expectProblem(missing, 404);
  });

  it('refuses a second registration of the same subject and names the existing one', async () => {
    const w = await createWorld();
    const id = await w.register('chongming', 'firm', IDS.firmA);
    const again = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.bureau,
      body: { kind: 'firm', uscc: IDS.firmA, name: 'other name' },
    });
    const problem = expectProblem(again, 409);
    expect(problem).toMatchObject({ subjectId: id });
  });

  it('pages through the subjects of the district', async () => {
    const w = await createWorld();
    const ids = [
      await w.register('chongming', 'firm', IDS.firmA),
      await w.register('chongming', 'firm', IDS.firmB),
      await w.register('chongming', 'resident', IDS.residentA),
    ];
    await w.register('lishui', 'firm', IDS.lishuiFirm);
    const first = await w.call('GET', '/v1/districts/chongming/subjects?limit=2', { as: w.keys.chongming.bureau });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    const second = await w.call('GET', `/v1/districts/chongming/subjects?limit=2&cursor=${first.json.nextCursor}`, { as: w.keys.chongming.bureau });
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    const seen = [...first.json.items, ...second.json.items].map((s: { id: string }) => s.id).sort();
    expect(seen).toEqual([...ids].sort());
    const firms = await w.call('GET', '/v1/districts/chongming/subjects?kind=firm', { as: w.keys.chongming.auditor });
    expect(firms.json.items).toHaveLength(2);
  });
});

describe('the oldest residents register like everyone else', () => {
  it('a resident born in 1880 is registered, with the birth date read from the number', async () => {
    const w = await createWorld();
    const res = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.bureau,
      body: { kind: 'resident', idNumber: '110105188003150021', name: '百岁老人' },
    });
    expect(res.status).toBe(201);
    expect(res.json.displayId).toBe('110105********0021');
  });
});

describe('identifiers with a wrong check character or an impossible birth date are refused', () => {
  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['a wrong check digit', { kind: 'resident', idNumber: '310230198503121234' }, '/idNumber', /check character/],
    ['a 30 February birth date', { kind: 'resident', idNumber: '310230199902300012' }, '/idNumber', /does not exist/],
    ['a birth date in the future', { kind: 'resident', idNumber: '310230202712010010' }, '/idNumber', /future/],
    // 1799-12-31 is a real date, but nobody holding an ID number was born before 1800: say so, not "does not exist".
    ['a birth year before 1800', { kind: 'resident', idNumber: '110105179912310016' }, '/idNumber', /birth year 1799 is before 1800/],
    ['letters in an ID number', { kind: 'resident', idNumber: '31023019850312123A' }, '/idNumber', /17 digits/],
    ['a wrong USCC check character', { kind: 'firm', uscc: '91310230MA1K2B3C4Q', name: 'x' }, '/uscc', /check character/],
    ['a forbidden USCC letter', { kind: 'firm', uscc: '91310230MA1K2B3COP', name: 'x' }, '/uscc', /'O' is not allowed/],
    ['a short USCC', { kind: 'firm', uscc: '9131023', name: 'x' }, '/uscc', /18 characters/],
  ];
  for (const [story, body, pointer, reason] of cases) {
    it(`refuses ${story} and writes nothing`, async () => {
      const w = await createWorld();
      const res = await w.call('POST', '/v1/districts/chongming/subjects', { as: w.keys.chongming.bureau, body });
      const problem = expectProblem(res, 400);
      expect(problem.errors?.[0]?.pointer).toBe(pointer);
      expect(problem.errors?.[0]?.detail).toMatch(reason);
      const list = await w.call('GET', '/v1/districts/chongming/subjects', { as: w.keys.chongming.bureau });
      expect(list.json.items).toHaveLength(0);
    });
  }

  it('accepts a birth date of today and refuses tomorrow (China time)', async () => {
    // 2026-11-24T17:00Z is already 25 November in China.
    const w = await createWorld({ now: '2026-11-24T17:00:00Z' });
    const { residentIdCheckChar } = await import('../src/platform/identifiers/resident-id.js');
    const born = (date: string) => {
      const first = `310230${date}001`;
      return first + residentIdCheckChar(first);
    };
    const today = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.bureau,
      body: { kind: 'resident', idNumber: born('20261125') },
    });
    expect(today.status).toBe(201);
    const tomorrow = await w.call('POST', '/v1/districts/chongming/subjects', {
      as: w.keys.chongming.bureau,
      body: { kind: 'resident', idNumber: born('20261126') },
    });
    expectProblem(tomorrow, 400);
  });
});

describe('a resident looks at their own record', () => {
  it('sees their own record with their token, and not another resident’s', async () => {
    const w = await createWorld();
    const mine = await w.register('chongming', 'resident', IDS.residentA);
    const theirs = await w.register('chongming', 'resident', IDS.residentB);
    const token = await w.token('resident', IDS.residentA);

    const me = await w.call('GET', '/v1/districts/chongming/me', { as: token });
    expect(me.status).toBe(200);
    expect(me.json.id).toBe(mine);

    const own = await w.call('GET', `/v1/districts/chongming/subjects/${mine}`, { as: token });
    expect(own.status).toBe(200);
    expectProblem(await w.call('GET', `/v1/districts/chongming/subjects/${theirs}`, { as: token }), 403);
  });

  it('a firm representative sees the firm', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const me = await w.call('GET', '/v1/districts/chongming/me', { as: await w.token('firm', IDS.firmA) });
    expect(me.json.id).toBe(firm);
  });

  it('is told plainly when not registered in that district', async () => {
    const w = await createWorld();
    await w.register('chongming', 'resident', IDS.residentA);
    expectProblem(await w.call('GET', '/v1/districts/lishui/me', { as: await w.token('resident', IDS.residentA) }), 404);
  });
});
