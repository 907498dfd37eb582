/**
 * GEP accounts as the provinces publish them: quantities derived from what the stations record, with
 * every intermediate; accounts that never change behind a bank's back (pinned on first read, closed by
 * the bureau, corrected only as a new revision, reproduced as of any moment); a district that adds up
 * its towns; the results per person, per km², against GDP and against last year; the annual value, its
 * increment and the asset value kept apart; and the table a bureau files. Every figure is worked by hand
 * in the comments.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { STATION_2025, STATION_2025_ROWS, STATION_2025_TOTAL } from './support/rule-fixtures.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const src = (s: string) => ({
  indicator: s.split(' ')[0] as string,
  value: s.split(' ')[1] as string,
  unit: s.split(' ')[2] as string,
  source: '2025年度生态监测',
});

async function unit(w: World, code: string, body: Record<string, unknown>) {
  const res = await w.call('PUT', `${D}/gep-units/${code}`, {
    as: w.keys.chongming.bureau,
    body: { name: code, level: 'town', areaHa: '1000', ecosystemTypes: ['forest'], ...body },
  });
  expect([200, 201]).toContain(res.status);
  return res.json;
}
const measure = (w: World, code: string, year: number, lines: string[], extra: Record<string, unknown> = {}) =>
  w.call('POST', `${D}/gep-units/${code}/measurements`, { as: w.keys.chongming.recorder, body: { year, measurements: lines.map(src), ...extra } });
const account = (w: World, code: string, year: number, query = '') =>
  w.call('GET', `${D}/gep-units/${code}/accounts/${year}${query}`, { as: w.keys.chongming.bureau });
const close = (w: World, code: string, year: number, body: Record<string, unknown> = {}, as?: string) =>
  w.call('POST', `${D}/gep-units/${code}/accounts/${year}/closure`, { as: as ?? w.keys.chongming.bureau, body });
const later = (w: World, minutes = 1) => w.clock.set(new Date(w.clock.now().getTime() + minutes * 60_000));
type Row = {
  indicator: string;
  status: string;
  value: string | null;
  quantity: string | null;
  steps: Array<{ kind: string; name: string; value: string }>;
};
const row = (a: { rows: Row[] }, code: string) => a.rows.find((r) => r.indicator === code) as Row & Record<string, unknown>;

async function publish(w: World, source: string) {
  const uploaded = await w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source } });
  expect(uploaded.status).toBe(201);
  const published = await w.call('POST', `${D}/rule-set-versions/${uploaded.json.versionId}/publication`, { as: w.keys.chongming.bureau, body: {} });
  expect(published.status).toBe(200);
  later(w);
}

describe('a county accounts its GEP from what the stations record', () => {
  it('computes each quantity with exact formulas and shows every intermediate, row by row', async () => {
    const w = await createWorld();
    await unit(w, 'xinhe-forest', { method: 'county-gep-method' });
    expect((await measure(w, 'xinhe-forest', 2025, STATION_2025)).json).toEqual({ recorded: 9 });
    const res = await account(w, 'xinhe-forest', 2025);
    expect(res.status).toBe(200);
    const a = res.json;
    expect(a.ruleSet).toMatchObject({ id: 'county-gep-method', version: 1 });

    // (1200 − 300 − 650) mm × 1000 ha = 0.25 m × 10 000 000 m² = 2 500 000 m3; × 6.1107 = 15 276 750.00
    const water = row(a, 'water-conservation');
    expect(water).toMatchObject({ status: 'assessed', quantity: '2500000', value: '15276750.00' });
    expect(water.quantityFormula).toBe('(precipitation - runoff - evapotranspiration) * area');
    expect(water.steps.map((s) => [s.kind, s.name, s.value])).toEqual([
      ['area', 'area', '1000'],
      ['input', 'precipitation', '1200'],
      ['input', 'runoff', '300'],
      ['input', 'evapotranspiration', '650'],
    ]);
    // Soil retained: 5.2 万t − 12 000 t = 40 000 t, shown as its own line.
    // Sediment 0.24 × 40 000 t ÷ 1.3 t/m3 = 7384.615… m3 × 12.60 = 93 046.153… → 93 046.15
    const dredging = row(a, 'soil-retention-dredging');
    expect(dredging.value).toBe('93046.15');
    expect(dredging.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'line', name: 'soil_retained', value: '40000', formula: 'erosion_potential - erosion_actual' }),
        expect.objectContaining({ kind: 'input', name: 'erosion_potential', value: '52000', measured: { value: '5.2', unit: 'wan-t' } }),
        expect.objectContaining({ kind: 'constant', name: 'bulk_density', value: '1.3', unit: 't/m3' }),
      ]),
    );
    // N: 40 000 × 0.00094 = 37.6 t × 1750 = 65 800.00; P: 40 000 × 0.00045 = 18 t × 2800 = 50 400.00
    expect(row(a, 'soil-retention-nitrogen')).toMatchObject({ quantity: '37.6', value: '65800.00' });
    expect(row(a, 'soil-retention-phosphorus')).toMatchObject({ quantity: '18', value: '50400.00' });
    // One recorded NPP feeds two rows: CO2 1.63 × 5000 = 8150 t × 58.50 = 476 775.00; O2 1.19 × 5000 = 5950 t × 1000
    expect(row(a, 'carbon-sequestration')).toMatchObject({ quantity: '8150', value: '476775.00' });
    expect(row(a, 'oxygen-release')).toMatchObject({ quantity: '5950', value: '5950000.00' });
    // (18 + 3.6) 亿 kJ ÷ 3600 kJ/kWh ÷ 3.0 = 200 000 kWh × 0.617 = 123 400.00
    expect(row(a, 'climate-regulation')).toMatchObject({ quantity: '200000', value: '123400.00' });
    // 1.2 yuan/eq ÷ 0.95 kg/eq = 24000/19 yuan/t (1263.157895 shown); 12.5 t × 24000/19 = 15 789.473… → 15 789.47
    expect(row(a, 'air-purification-so2')).toMatchObject({
      value: '15789.47',
      price: expect.objectContaining({ value: '1263.157895', formula: 'so2_tax / so2_kg_per_eq' }),
    });
    // 15 276 750 + 93 046.15 + 65 800 + 50 400 + 476 775 + 5 950 000 + 123 400 + 15 789.47 = 22 051 960.62
    expect(a.total).toBe(STATION_2025_TOTAL);
    expect(Object.fromEntries(a.rows.filter((r: Row) => r.value !== null).map((r: Row) => [r.indicator, r.value]))).toEqual(STATION_2025_ROWS);
    expect(a.notAssessed).toEqual(['crops', 'water-purification-cod', 'recreation']);
    expect(a.measurements.map((m: { name: string }) => m.name)).toEqual(STATION_2025.map((l) => l.split(' ')[0]));
  });

  it('a missing input leaves the rows it feeds not assessed, saying what is not measured, never 0', async () => {
    const w = await createWorld();
    await unit(w, 'xinhe-forest', { method: 'county-gep-method' });
    await measure(w, 'xinhe-forest', 2025, ['precipitation 1200 mm', 'runoff 300 mm', 'npp 5000 t-dm']);
    const a = (await account(w, 'xinhe-forest', 2025)).json;
    expect(row(a, 'water-conservation')).toMatchObject({
      status: 'not-assessed',
      value: null,
      quantity: null,
      note: 'not measured: 蒸散发量 ET (evapotranspiration)',
    });
    expect(row(a, 'soil-retention-dredging').note).toBe(
      'not measured: 潜在土壤侵蚀量（USLE，无植被） (erosion_potential), 实际土壤侵蚀量（USLE） (erosion_actual)',
    );
    // Only the two NPP rows count: 476 775.00 + 5 950 000.00
    expect(a.total).toBe('6426775.00');
  });

  it('a quantity the method computes is not taken as a measurement', async () => {
    const w = await createWorld();
    await unit(w, 'xinhe-forest', { method: 'county-gep-method' });
    const res = await measure(w, 'xinhe-forest', 2025, ['npp 5000 t-dm', 'water-conservation 2500000 m3']);
    const problem = expectProblem(res, 400);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/measurements/1/indicator' });
    expect(problem.errors?.[0]?.detail).toContain('water-conservation is computed by county-gep-method');
    expect(problem.errors?.[0]?.detail).toContain('record precipitation, runoff, evapotranspiration');
    expect((await account(w, 'xinhe-forest', 2025)).json.measurements).toEqual([]);
  });

  it('a method whose formula does not come out in its unit is refused at upload, naming the line', async () => {
    const w = await createWorld();
    const method = (formula: string) => `id: broken-method
kind: gep-method
version: 1
district: chongming
effectiveFrom: 2027-01-01
title: 错误示例
body:
  standard: test
  inputs:
    precipitation: { unit: mm, title: 降水 }
    npp: { unit: t-dm, title: NPP }
  indicators:
    - code: water-conservation
      title: 水源涵养
      category: regulating
      subtotal: 水源涵养
      quantity: { unit: m3, formula: '${formula}' }
      price: { value: '6.1107', unit: yuan/m3, year: 2020, source: x }
`;
    // mm × ha is a volume; mm alone is a depth, and mm − t is nothing at all.
    for (const formula of ['precipitation', 'precipitation - npp']) {
      const res = await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: method(formula) } });
      const problem = expectProblem(res, 422);
      expect(problem.code).toBe('rule-file-invalid');
      expect(problem.errors?.[0]).toMatchObject({ pointer: '/body/indicators/0/quantity/formula', line: 17 });
    }
    expect(
      (await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: method('precipitation * area') } })).status,
    ).toBe(200);
  });
});

// Water 152.37 万m3 × 6.1107 = 9 310 873.59; NPP 3120.5 t × 1.63 × 58.50 = 297 555.28; 4.5 万 visits × 120 = 5 400 000.00
const WETLAND = ['water-conservation 152.37 wan-m3', 'carbon-sequestration 3120.5 t-dm', 'recreation 4.5 wan-visit'];
const WETLAND_TOTAL = '15008428.87';

// A revision that renames the indicators: under it, the wetland's measurements fit nothing.
const RENAMED = `id: gep-method
kind: gep-method
version: 2
district: chongming
effectiveFrom: 2026-11-24
title: 生态系统生产总值核算方法（修订）
# The shipped file's worked example is restated for this revision, under its name.
examples:
  - name: 东滩湿地7号地块2025年水源涵养与固碳
    input: { measurements: [{ indicator: water-retention, value: '1', unit: m3 }] }
    expect: { total: '6.11' }
body:
  standard: 《生态系统生产总值核算技术规范》
  primary: true
  indicators:
    - code: water-retention
      title: 水源涵养量
      category: regulating
      subtotal: 水源涵养
      quantity: { unit: m3 }
      price: { value: '6.11', unit: yuan/m3, year: 2025, source: 水库单位库容造价 }
`;

describe('an account never changes behind a bank’s back', () => {
  it('publishing a revised method leaves an account already read as it was (no more 14.9 million turned into 0.00)', async () => {
    const w = await createWorld();
    await unit(w, 'dongtan-wetland', { level: 'plot', ecosystemTypes: ['wetland'] });
    await measure(w, 'dongtan-wetland', 2025, WETLAND);
    const first = await account(w, 'dongtan-wetland', 2025);
    expect(first.json).toMatchObject({ total: WETLAND_TOTAL, status: 'open', revision: null, pinnedAt: '2026-11-24T02:00:00.000Z' });
    expect(first.json.methodVersionId).toMatch(/^rsv_/);
    later(w);

    await publish(w, RENAMED);
    const after = await account(w, 'dongtan-wetland', 2025);
    expect(after.json).toEqual(first.json);
    // A unit nobody has read yet is accounted by the method in force.
    await unit(w, 'new-wetland', { level: 'plot', ecosystemTypes: ['wetland'] });
    await measure(w, 'new-wetland', 2025, ['water-retention 1 m3']);
    expect((await account(w, 'new-wetland', 2025)).json).toMatchObject({ total: '6.11', ruleSet: { version: 2 } });
  });

  it('asOf reproduces a past answer exactly, and refuses a moment before any method', async () => {
    const w = await createWorld();
    await unit(w, 'dongtan-wetland', { level: 'plot', ecosystemTypes: ['wetland'] });
    await measure(w, 'dongtan-wetland', 2025, WETLAND);
    const then = (await account(w, 'dongtan-wetland', 2025)).json;
    const moment = w.clock.now().toISOString();
    later(w, 60);
    // A late crop figure: 100 t × 2800 = 280 000.00 more.
    await measure(w, 'dongtan-wetland', 2025, ['crops 100 t']);
    expect((await account(w, 'dongtan-wetland', 2025)).json.total).toBe('15288428.87');
    expect((await account(w, 'dongtan-wetland', 2025, `?asOf=${moment}`)).json).toEqual(then);

    const before = await account(w, 'dongtan-wetland', 2025, '?asOf=2025-12-31');
    expect(expectProblem(before, 404).code).toBe('rule-not-in-force');
    expectProblem(await account(w, 'dongtan-wetland', 2025, '?asOf=2027-01-01T00:00:00Z'), 400);
  });

  it('a bureau closes the year: immutable from then on, corrected only as a new revision, every revision kept', async () => {
    const w = await createWorld();
    await unit(w, 'dongtan-wetland', { level: 'plot', ecosystemTypes: ['wetland'] });
    await measure(w, 'dongtan-wetland', 2025, WETLAND);
    expectProblem(await close(w, 'dongtan-wetland', 2025, {}, w.keys.chongming.recorder), 403);

    const closed = await close(w, 'dongtan-wetland', 2025, { note: '区生态环境局2026年第3号审定' });
    expect(closed.status).toBe(201);
    expect(closed.json).toMatchObject({
      status: 'closed',
      revision: 1,
      total: WETLAND_TOTAL,
      note: '区生态环境局2026年第3号审定',
      closedBy: expect.any(String),
    });
    const moment = w.clock.now().toISOString();
    later(w, 60);

    // A late figure without a stated correction is refused, and nothing is written.
    const refused = await measure(w, 'dongtan-wetland', 2025, ['recreation 5 wan-visit']);
    expect(expectProblem(refused, 409).code).toBe('gep-account-closed');
    expect(refused.json.errors[0].pointer).toBe('/correction');
    // With its reason it is taken; the closed revision stands, the working view moves.
    // 5 万 visits × 120 = 6 000 000.00 instead of 5 400 000.00: 15 608 428.87
    const corrected = await measure(w, 'dongtan-wetland', 2025, ['recreation 5 wan-visit'], { correction: '景区票务数据复核' });
    expect(corrected.status).toBe(201);
    expect((await account(w, 'dongtan-wetland', 2025)).json).toMatchObject({ status: 'closed', revision: 1, total: WETLAND_TOTAL });
    const open = (await account(w, 'dongtan-wetland', 2025, '?view=open')).json;
    expect(open).toMatchObject({ status: 'open', total: '15608428.87' });
    expect(open.measurements.find((m: { name: string }) => m.name === 'recreation').source).toBe('2025年度生态监测（更正：景区票务数据复核）');

    const second = await close(w, 'dongtan-wetland', 2025, { note: '更正后重新审定' });
    expect(second.json).toMatchObject({ status: 'closed', revision: 2, total: '15608428.87' });
    const revisions = await w.call('GET', `${D}/gep-units/dongtan-wetland/accounts/2025/revisions`, { as: w.keys.chongming.auditor });
    expect(revisions.json.revisions.map((r: { revision: number; total: string }) => [r.revision, r.total])).toEqual([
      [1, WETLAND_TOTAL],
      [2, '15608428.87'],
    ]);
    expect(revisions.json.revisions[0]).toMatchObject({ methodHash: closed.json.ruleSet.hash, note: '区生态环境局2026年第3号审定' });
    // The first revision, as it was when it stood.
    expect((await account(w, 'dongtan-wetland', 2025, `?asOf=${moment}`)).json).toEqual(closed.json);
  });

  it('a year with nothing assessed cannot be closed', async () => {
    const w = await createWorld();
    await unit(w, 'empty', {});
    const res = await close(w, 'empty', 2025);
    expect(expectProblem(res, 400).errors?.[0]).toMatchObject({ pointer: '/year' });
    expect((await w.call('GET', `${D}/gep-units/empty/accounts/2025/revisions`, { as: w.keys.chongming.bureau })).json.revisions).toEqual([]);
  });
});

describe('a district adds up its towns', () => {
  async function county(w: World) {
    await unit(w, 'demo-county', { level: 'district', areaHa: '2000', rollUp: true });
    await unit(w, 'town-a', { parent: 'demo-county' });
    await unit(w, 'town-b', { parent: 'demo-county' });
    // town-a: crops 100 t × 2800 = 280 000.00; recreation 1000 visits × 120 = 120 000.00 → 400 000.00
    await measure(w, 'town-a', 2025, ['crops 100 t', 'recreation 1000 visit']);
    // town-b: crops 50 t × 2800 = 140 000.00; water 10 000 m3 × 6.1107 = 61 107.00 → 201 107.00
    await measure(w, 'town-b', 2025, ['crops 50 t', 'water-conservation 1 wan-m3']);
    // Last year town-a alone: crops 80 t × 2800 = 224 000.00
    await measure(w, 'town-a', 2024, ['crops 80 t']);
    // 0.5 万 residents, GDP 1.2 亿 yuan
    await measure(w, 'demo-county', 2025, ['population 0.5 万人', 'gdp 1.2 亿元']);
  }

  it('sums its children indicator by indicator, with shares, results per person, per km² and against GDP, and the increment', async () => {
    const w = await createWorld();
    await county(w);
    const a = (await account(w, 'demo-county', 2025)).json;
    // 400 000.00 + 201 107.00 = 601 107.00
    expect(a.total).toBe('601107.00');
    expect(row(a, 'crops')).toMatchObject({ value: '420000.00', formula: 'town-a 280000.00 + town-b 140000.00', share: '0.698711' });
    expect(a.children).toEqual([
      { code: 'town-a', name: 'town-a', total: '400000.00', status: 'open', revision: null },
      { code: 'town-b', name: 'town-b', total: '201107.00', status: 'open', revision: null },
    ]);
    // material 420 000 / 601 107 = 0.698711; regulating 61 107 / 601 107 = 0.101657; cultural 120 000 / 601 107 = 0.199632
    expect(a.categoryShares).toEqual({ material: '0.698711', regulating: '0.101657', cultural: '0.199632' });
    // 601 107 ÷ 5000 people = 120.22; 2000 ha = 20 km²: 601 107 ÷ 20 = 30 055.35; ÷ 120 000 000 = 0.005009
    expect(a.figures).toEqual({ population: '5000', gdp: '120000000', areaKm2: '20' });
    expect(a.indicators).toEqual({ perPerson: '120.22', perKm2: '30055.35', gepToGdp: '0.005009' });
    // 2024 adds up to 224 000.00: the increment is 601 107.00 − 224 000.00 = 377 107.00
    expect(a.values).toMatchObject({
      annual: '601107.00',
      increment: '377107.00',
      previousYear: { year: 2024, total: '224000.00', status: 'open' },
      asset: null,
    });
    expect((await account(w, 'town-a', 2025)).json.values.increment).toBe('176000.00');
  });

  it('a parent that adds up its children cannot hold its own measurement of an indicator, nor sit below its child', async () => {
    const w = await createWorld();
    await county(w);
    const twice = await measure(w, 'demo-county', 2025, ['crops 10 t']);
    expect(expectProblem(twice, 400).errors?.[0]).toMatchObject({ pointer: '/measurements/0/indicator' });
    expect(twice.json.errors[0].detail).toContain('it would count twice');
    const loop = await w.call('PUT', `${D}/gep-units/demo-county`, {
      as: w.keys.chongming.bureau,
      body: { name: 'demo', level: 'district', areaHa: '2000', ecosystemTypes: ['forest'], rollUp: true, parent: 'town-a' },
    });
    expect(expectProblem(loop, 400).errors?.[0]).toMatchObject({ pointer: '/parent' });
    const missing = await w.call('PUT', `${D}/gep-units/town-c`, {
      as: w.keys.chongming.bureau,
      body: { name: 'c', level: 'town', areaHa: '10', ecosystemTypes: ['forest'], parent: 'nowhere' },
    });
    expect(expectProblem(missing, 400).errors?.[0]).toMatchObject({ pointer: '/parent' });
  });

  it('a closed town counts in its district with its closed revision', async () => {
    const w = await createWorld();
    await county(w);
    await close(w, 'town-b', 2025, { note: '镇级审定' });
    later(w);
    await measure(w, 'town-b', 2025, ['crops 60 t'], { correction: '复核' });
    const a = (await account(w, 'demo-county', 2025)).json;
    expect(a.children[1]).toEqual({ code: 'town-b', name: 'town-b', total: '201107.00', status: 'closed', revision: 1 });
    expect(a.total).toBe('601107.00');
  });
});

const INCREMENT_LOAN = `id: gep-increment-loan
kind: loan-product
version: 1
district: chongming
effectiveFrom: 2026-11-24
title: GEP增量贷
body:
  name: GEP增量贷
  borrowerKinds: [firm]
  eligibility: {}
  pledges:
    gep: { ratio: '0.5', valueType: increment, closedOnly: true }
  caps:
    - { borrowerKind: firm, guarantee: none, max: '1000000.00' }
  maxTermMonths: 36
  rateByGrade:
    green: { bp: -20, lineMultiplier: '1' }
`;

describe('a bank lends against the value its product names', () => {
  async function borrower() {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmB);
    const token = await w.token('firm', IDS.firmB);
    const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0] as { id: string };
    await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] },
    });
    await unit(w, 'firm-farm', { level: 'plot', owner: { id: firm }, method: 'county-gep-method', ecosystemTypes: ['farmland'] });
    // 2025: 500 t × 2800 = 1 400 000.00; 2024: 400 t × 2800 = 1 120 000.00; increment 280 000.00
    await measure(w, 'firm-farm', 2025, ['crops 500 t']);
    await measure(w, 'firm-farm', 2024, ['crops 400 t']);
    return { w, firm };
  }
  const assess = (w: World, firm: string, productId: string, pledge: Record<string, unknown> = {}) =>
    w.call('POST', `${D}/loan-assessments`, {
      as: w.keys.chongming.bank,
      body: {
        subjectId: firm,
        productId,
        pledges: [{ type: 'gep', unitCode: 'firm-farm', year: 2025, ...pledge }],
        requestedAmount: '100000.00',
        termMonths: 12,
        guarantee: 'none',
        ecoPledgeSigned: true,
      },
    });

  it('annual GEP, its increment and the asset value are three values, and the assessment names the account version it read', async () => {
    const { w, firm } = await borrower();
    const a = (await account(w, 'firm-farm', 2025)).json;
    // Capitalised at 4.4 %: 1 400 000 ÷ 0.044 = 31 818 181.818… → 31 818 181.82
    expect(a.values).toMatchObject({
      annual: '1400000.00',
      increment: '280000.00',
      asset: '31818181.82',
      previousYear: { year: 2024, total: '1120000.00' },
    });

    const annual = await assess(w, firm, 'gep-eco-loan');
    expect(annual.status).toBe(201);
    expect(annual.json.pledges[0]).toMatchObject({
      basis: '1400000.00',
      account: { unitCode: 'firm-farm', year: 2025, valueType: 'annual', status: 'open', revision: null, methodVersionId: a.methodVersionId },
    });
    // An asset value is never taken for a year's GEP.
    const asAsset = await assess(w, firm, 'gep-eco-loan', { valueType: 'asset' });
    expect(expectProblem(asAsset, 422).code).toBe('pledge-refused');
    expect(asAsset.json.errors[0]).toMatchObject({ pointer: '/pledges/0/valueType' });

    await publish(w, INCREMENT_LOAN);
    // This product takes only closed accounts.
    const open = await assess(w, firm, 'gep-increment-loan');
    expect(open.json.errors[0].detail).toContain('is not closed');
    await close(w, 'firm-farm', 2025, { note: '审定' });
    // 280 000.00 × 0.5 = 140 000.00
    const increment = await assess(w, firm, 'gep-increment-loan', { valueType: 'increment' });
    expect(increment.status).toBe(201);
    expect(increment.json.pledges[0]).toMatchObject({
      basis: '280000.00',
      ceiling: '140000.00',
      account: { valueType: 'increment', status: 'closed', revision: 1 },
    });
    expect(increment.json.ruleSets.map((r: { id: string }) => r.id)).toContain('county-gep-method');
  });
});

describe('a bureau files the account', () => {
  it('as CSV with the method version, approval, quantities, prices with year and source, values and shares', async () => {
    const w = await createWorld();
    await unit(w, 'xinhe-forest', { method: 'county-gep-method', name: '新河镇林地' });
    await measure(w, 'xinhe-forest', 2025, STATION_2025);
    await close(w, 'xinhe-forest', 2025, { note: '区生态环境局审定' });
    for (const ask of [
      { query: '?format=csv', accept: 'application/json' },
      { query: '', accept: 'text/csv' },
    ]) {
      const res = await w.call('GET', `${D}/gep-units/xinhe-forest/accounts/2025${ask.query}`, {
        as: w.keys.chongming.auditor,
        headers: { accept: ask.accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = parse(res.text, { relax_column_count: true, bom: true }) as string[][];
      expect(lines[0]).toEqual(['新河镇林地 2025年 生态产品总值核算表']);
      expect(lines[3]?.[1]).toMatch(/^county-gep-method 第1版（rsv_/);
      expect(lines[4]?.[1]).toMatch(/^已审定 第1次修订，2026-11-24T02:00:00.000Z .*：区生态环境局审定$/);
      const header = lines[6] as string[];
      const byTitle = new Map(lines.slice(7).map((l) => [l[2], Object.fromEntries(header.map((h, i) => [h, l[i]]))]));
      expect(byTitle.get('水源涵养 Q = (P − R − ET) × A')).toMatchObject({
        类别: '调节服务',
        实物量: '2500000',
        实物量单位: 'm3',
        价格: '6.1107',
        价格年份: '2020',
        价格来源: '水库单位库容工程造价',
        '价值（元）': '15276750.00',
        // 15 276 750.00 ÷ 22 051 960.62 = 0.692761… → 69.28%
        占比: '69.28%',
      });
      expect(byTitle.get('农业产品（粮食）')).toMatchObject({ '价值（元）': '未核算', 说明: '无测量数据' });
      const total = lines.find((l) => l[0] === '生态产品总值（GEP）') as string[];
      expect(total[9]).toBe('22051960.62');
    }
    // A byte-order mark first, so that a spreadsheet program reads the Chinese as UTF-8.
    const raw = await w.app.request(`${D}/gep-units/xinhe-forest/accounts/2025?format=csv`, {
      headers: { authorization: `Bearer ${w.keys.chongming.auditor}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
