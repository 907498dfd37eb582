/**
 * Compensation as the provinces publish it: two-way agreements whose components run in opposite
 * directions and are settled net, with a third payer; derived inputs; tier payouts as formulas; floors
 * topped up from a named fund; a stated rounding unit; payroll per month, per-area rates per household,
 * a pool whose size depends on the index; and a vertical split that reads its factors from the
 * district's closed GEP accounts, units and credit files, and re-runs to the same fen. Each figure is
 * worked by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { NETTING_BETTER, NETTING_BETTER_FLOWS } from './support/rule-fixtures.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
/** Runs an allocation; one that runs is read back at once, and reads back as it was answered, every step of every scheme. */
async function run(w: World, body: Record<string, unknown>) {
  const res = await w.call('POST', `${D}/allocations`, { as: w.keys.chongming.bureau, body });
  if (res.status === 201) {
    const stored = await w.call('GET', `${D}/allocations/${res.json.id}`, { as: w.keys.chongming.auditor });
    expect(stored.json.result).toEqual(res.json.result);
  }
  return res;
}
const later = (w: World, minutes = 1) => w.clock.set(new Date(w.clock.now().getTime() + minutes * 60_000));

async function publish(w: World, source: string) {
  const uploaded = await w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source } });
  expect(uploaded.status, uploaded.text).toBe(201);
  const published = await w.call('POST', `${D}/rule-set-versions/${uploaded.json.versionId}/publication`, { as: w.keys.chongming.bureau, body: {} });
  expect(published.status, published.text).toBe(200);
  later(w);
}
const validate = (w: World, source: string) => w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source } });

const envelope = (id: string, body: string) => `id: ${id}
kind: allocation
version: 1
district: chongming
effectiveFrom: 2026-11-24
title: ${id}
body:
${body}`;

describe('a basin agreement settles the net between the provinces', () => {
  it('shows each component with its direction, and pays the net between each pair of parties', async () => {
    const w = await createWorld();
    const res = await run(w, { ruleSetId: 'basin-netting-agreement', period: '2026', values: NETTING_BETTER });
    expect(res.status, res.text).toBe(201);
    const r = res.json.result;
    // P = 0.85 × 0.25 × (0.9 + 0.9 + 0.9 + 0.9) = 0.765: below 1, so the downstream province pays.
    expect(r.index).toMatchObject({ value: '0.765', comparison: 'below' });
    expect(r.parties).toEqual([
      { id: 'anhui', title: '安徽省', kind: 'province' },
      { id: 'zhejiang', title: '浙江省', kind: 'province' },
      { id: 'central', title: '中央财政', kind: 'central' },
    ]);
    // The quality change (0.765 − 1) × 200 000 000 = −47 000 000 is stated from anhui to zhejiang: signed, so it runs back.
    const change = r.components.find((c: { name: string }) => c.name === 'quality-change');
    expect(change).toMatchObject({ payer: 'zhejiang', payee: 'anhui', amount: '47000000.00', direction: 'stated' });
    expect(change.note).toContain('negative, so it runs the other way');
    // Tier [−∞, 0.8] pays 10 000 000 × (1 + 0.2) = 12 000 000.
    expect(r.components.find((c: { name: string }) => c.name === 'quality-bonus')).toMatchObject({ amount: '12000000.00', payer: 'zhejiang' });
    expect(r.components.find((c: { name: string }) => c.name === 'ammonia-excess')).toMatchObject({ amount: '0.00', applies: false });
    // Zhejiang → anhui: 100 000 000 + 47 000 000 + 12 000 000 = 159 000 000; the centre pays 300 000 000 in either case.
    expect(r.flows).toEqual(NETTING_BETTER_FLOWS);
    expect(r.net).toEqual([
      { party: 'anhui', contributes: '0.00', receives: '459000000.00', net: '459000000.00' },
      { party: 'zhejiang', contributes: '159000000.00', receives: '0.00', net: '-159000000.00' },
      { party: 'central', contributes: '300000000.00', receives: '0.00', net: '-300000000.00' },
    ]);
    expect(r.total).toBe('459000000.00');
  });

  it('nets opposite components: worse water turns the base round, and the ammonia above standard is charged per tonne', async () => {
    const w = await createWorld();
    // Every concentration 1.25 × baseline: P = 0.85 × 1.25 = 1.0625; NH3-N (0.25 − 0.2) mg/L × 3 亿 m3 = 15 t.
    const values = { ...NETTING_BETTER, c_codmn: '2.5', c_nh3n: '0.25', c_tn: '1.25', c_tp: '0.0625' };
    const r = (await run(w, { ruleSetId: 'basin-netting-agreement', period: '2026', values })).json.result;
    expect(r.derived).toEqual([{ name: 'nh3n_excess', value: '15', unit: 't', formula: 'max(c_nh3n - s_nh3n, 0) * volume' }]);
    // anhui → zhejiang: base 100 000 000 + change 0.0625 × 200 000 000 = 12 500 000 + ammonia 15 t × 20 000 = 300 000.
    expect(r.flows).toEqual([
      { payer: 'central', payee: 'anhui', amount: '300000000.00' },
      { payer: 'anhui', payee: 'zhejiang', amount: '112800000.00' },
    ]);
    expect(r.recipients.map((x: { id: string; amount: string }) => [x.id, x.amount])).toEqual([
      ['anhui', '187200000.00'],
      ['zhejiang', '112800000.00'],
    ]);
  });

  it('refuses a component that comes out negative when the agreement does not say who pays then', async () => {
    const w = await createWorld();
    await publish(
      w,
      envelope(
        'unsigned-change',
        `  scheme: bilateral
  parameters:
    rate: { value: '1000000', unit: yuan }
  inputs:
    c: { unit: mg/L }
    s: { unit: mg/L }
  bilateral:
    upstream: county-a
    downstream: county-b
    index: { formula: c / s }
    direction: { threshold: '1', atThreshold: downstream-pays }
    components:
      - { name: change, kind: formula, formula: (index - 1) * rate, pays: { from: county-a, to: county-b } }
`,
      ),
    );
    // c / s = 0.9: (0.9 − 1) × 1 000 000 = −100 000, and the component is not signed.
    const res = await run(w, { ruleSetId: 'unsigned-change', period: '2026', values: { c: '0.9', s: '1' } });
    const problem = expectProblem(res, 422);
    expect(problem.code).toBe('allocation-refused');
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/bilateral/components/0' });
    expect(problem.errors?.[0]?.detail).toContain('comes to -100000 yuan: the agreement does not say who pays then');
    // 1.1 → +100 000 from county-a to county-b.
    expect((await run(w, { ruleSetId: 'unsigned-change', period: '2026', values: { c: '1.1', s: '1' } })).json.result.flows).toEqual([
      { payer: 'county-a', payee: 'county-b', amount: '100000.00' },
    ]);
  });

  it('refuses at upload a component naming a party the agreement does not have, and tiers that leave a gap', async () => {
    const w = await createWorld();
    const body = (pays: string, secondFrom: string) => `  scheme: bilateral
  parameters:
    s: { value: '1', unit: mg/L }
  inputs:
    c: { unit: mg/L }
  bilateral:
    upstream: county-a
    downstream: county-b
    parties: [{ id: province, title: 省财政, kind: province }]
    index: { formula: c / s }
    direction: { threshold: '1', atThreshold: downstream-pays }
    components:
      - { name: grant, kind: fixed, amount: '100', pays: ${pays} }
      - name: band
        kind: tiers
        input: index
        tiers:
          - { from: null, to: '0.8', toInclusive: true, amount: '10' }
          - { from: '${secondFrom}', fromInclusive: false, to: null, amount: { formula: '10 yuan * (2 - index)' } }
`;
    expect((await validate(w, envelope('x', body('{ from: province, to: county-a }', '0.80')))).status).toBe(200);
    const party = expectProblem(await validate(w, envelope('x', body('{ from: ministry, to: county-a }', '0.8'))), 422);
    expect(party.errors?.[0]).toMatchObject({ pointer: '/body/bilateral/components/0/pays/from' });
    expect(party.errors?.[0]?.detail).toContain("'ministry' is not a party of the agreement (county-a, county-b, province)");
    // 0.8 and 0.81: exactly compared, a gap between them.
    const gap = expectProblem(await validate(w, envelope('x', body('{ from: province, to: county-a }', '0.81'))), 422);
    expect(gap.errors?.[0]).toMatchObject({ pointer: '/body/bilateral/components/1/tiers/1/from' });
  });
});

describe('derived inputs, exactly and with their units', () => {
  it('an excess per pollutant, the size of a change, a decline beyond the provincial average and a difference against the baseline year', async () => {
    const w = await createWorld();
    await publish(
      w,
      envelope(
        'derived-agreement',
        `  scheme: bilateral
  parameters:
    price_per_tonne: { value: '20000', unit: yuan/t }
    rate_per_point: { value: '500000', unit: yuan }
  inputs:
    c_cod: { unit: mg/L }
    s_cod: { unit: mg/L }
    c_tp: { unit: mg/L }
    s_tp: { unit: mg/L }
    volume: { unit: wan-m3 }
    share_good_2025: { unit: percent }
    share_good_2020: { unit: percent }
    decline_own: { unit: percent }
    decline_province: { unit: percent }
  derive:
    - { name: cod_excess, unit: t, formula: 'max(c_cod - s_cod, 0) * volume' }
    - { name: tp_excess, unit: t, formula: 'max(c_tp - s_tp, 0) * volume' }
    - { name: change_size, unit: percent, formula: 'abs(share_good_2025 - share_good_2020)' }
    - { name: beyond_average, unit: percent, formula: 'max(decline_own - decline_province, 0)' }
    - { name: against_baseline, unit: percent, formula: 'share_good_2025 - share_good_2020' }
  bilateral:
    upstream: county-a
    downstream: county-b
    index: { formula: c_cod / s_cod }
    direction: { threshold: '1', atThreshold: downstream-pays }
    components:
      - { name: pollution, kind: formula, formula: '(cod_excess + tp_excess) * price_per_tonne', pays: { from: county-a, to: county-b } }
      - { name: improvement, kind: formula, formula: 'against_baseline / 1 percent * rate_per_point', pays: { from: county-b, to: county-a }, signed: true }
      - { name: decline-penalty, kind: formula, formula: 'beyond_average / 1 percent * rate_per_point', pays: { from: county-a, to: county-b } }
`,
      ),
    );
    const res = await run(w, {
      ruleSetId: 'derived-agreement',
      period: '2026',
      values: {
        c_cod: '22',
        s_cod: '20',
        c_tp: '0.18',
        s_tp: '0.2',
        volume: '500',
        share_good_2025: '82.5',
        share_good_2020: '86',
        decline_own: '3.5',
        decline_province: '2',
      },
    });
    expect(res.status, res.text).toBe(201);
    const r = res.json.result;
    // COD (22 − 20) mg/L × 500 万 m3 = 2 g/m3 × 5 000 000 m3 = 10 t; TP below its standard: 0 t.
    // |82.5 − 86| = 3.5 points; 3.5 − 2 = 1.5 points beyond the province; against 2020: −3.5 points.
    expect(Object.fromEntries(r.derived.map((d: { name: string; value: string }) => [d.name, d.value]))).toEqual({
      cod_excess: '10',
      tp_excess: '0',
      change_size: '3.5',
      beyond_average: '1.5',
      against_baseline: '-3.5',
    });
    // pollution 10 t × 20 000 = 200 000 a → b; improvement −3.5 × 500 000 = −1 750 000 from b to a, so a → b;
    // decline 1.5 × 500 000 = 750 000 a → b. Net a → b: 200 000 + 1 750 000 + 750 000 = 2 700 000.
    expect(r.flows).toEqual([{ payer: 'county-a', payee: 'county-b', amount: '2700000.00' }]);
  });

  it('a derived input whose units do not work out is refused at upload, naming the line', async () => {
    const w = await createWorld();
    const res = await validate(
      w,
      envelope(
        'bad-units',
        `  scheme: bilateral
  inputs:
    c: { unit: mg/L }
    volume: { unit: m3 }
  derive:
    - { name: load, unit: t, formula: 'c + volume' }
  bilateral:
    upstream: a
    downstream: b
    index: { formula: '1' }
    direction: { threshold: '1', atThreshold: downstream-pays }
    components:
      - { name: x, kind: fixed, amount: '1' }
`,
      ),
    );
    const problem = expectProblem(res, 422);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/body/derive/0/formula', line: 13 });
  });
});

const TOWNS = [
  { id: 'town-a', values: { gep: '6000000000', redline_area: '3000', forest_area: '2000' } },
  { id: 'town-b', values: { gep: '3000000000', redline_area: '1500', forest_area: '1500' } },
  { id: 'town-c', values: { gep: '1000000000', redline_area: '500', forest_area: '500' } },
];

describe('floors topped up from a stated source', () => {
  it('the province tops a town up to the floor; the other towns keep what the fund gave them, and the result shows what each source paid', async () => {
    const w = await createWorld();
    const res = await run(w, {
      ruleSetId: 'town-gep-split',
      period: '2026',
      fund: '10000000.00',
      recipients: TOWNS,
      sources: { 'province-topup': '500000.00' },
    });
    expect(res.status, res.text).toBe(201);
    const r = res.json.result;
    // A 0.58 × 10 000 000 = 5 800 000; B 0.315 → 3 150 000; C 0.105 → 1 050 000 + 150 000 from the province.
    expect(r.recipients.map((x: { id: string; amount: string; sources: unknown }) => [x.id, x.amount, x.sources])).toEqual([
      ['town-a', '5800000.00', { fund: '5800000.00', 'province-topup': '0.00' }],
      ['town-b', '3150000.00', { fund: '3150000.00', 'province-topup': '0.00' }],
      ['town-c', '1200000.00', { fund: '1050000.00', 'province-topup': '150000.00' }],
    ]);
    expect(r.sources).toEqual([
      { source: 'fund', title: '本级补偿资金', available: '10000000.00', paid: '10000000.00' },
      { source: 'province-topup', title: '省级财政补助', available: '500000.00', paid: '150000.00' },
    ]);
    expect(r.total).toBe('10150000.00');
  });

  it('a floor source without funds, or with too little, is refused naming the source and the towns', async () => {
    const w = await createWorld();
    const none = expectProblem(await run(w, { ruleSetId: 'town-gep-split', period: '2026', fund: '10000000.00', recipients: TOWNS }), 422);
    expect(none.errors?.[0]).toMatchObject({ pointer: '/sources/province-topup' });
    expect(none.errors?.[0]?.detail).toContain('give what it holds (town-c need 150000.00)');
    const short = expectProblem(
      await run(w, {
        ruleSetId: 'town-gep-split',
        period: '2026',
        fund: '10000000.00',
        recipients: TOWNS,
        sources: { 'province-topup': '100000.00' },
      }),
      422,
    );
    expect(short.errors?.[0]?.detail).toBe('省级财政补助 holds 100000.00; topping town-c up to the floor needs 150000.00');
    expect((await w.call('GET', `${D}/allocations?ruleSetId=town-gep-split`, { as: w.keys.chongming.bureau })).json.items).toEqual([]);
  });
});

describe('a stated rounding unit', () => {
  const split = (step: string, unit: string) =>
    envelope(
      'equal-split',
      `  scheme: split
  rounding: { step: '${step}', unit: ${unit} }
  inputs:
    x: { min: '0' }
  split:
    factors: [{ input: x, weight: '1' }]
`,
    );
  const three = [
    { id: 'a', values: { x: '1' } },
    { id: 'b', values: { x: '1' } },
    { id: 'c', values: { x: '1' } },
  ];

  it('rounds to 0.01 万元 by largest remainder at that unit, summing exactly to the fund', async () => {
    const w = await createWorld();
    await publish(w, split('0.01', 'wan-yuan'));
    const r = (await run(w, { ruleSetId: 'equal-split', period: '2026', fund: '1000000.00', recipients: three })).json.result;
    // 1 000 000 ÷ 3 = 333 333.33…: 3333 steps of 100 yuan each, and the one step left goes to 'a' (equal remainders, by id).
    expect(r.recipients.map((x: { amount: string }) => x.amount)).toEqual(['333400.00', '333300.00', '333300.00']);
    expect(r.rounding).toMatchObject({ unit: '100.00', text: '0.01 wan-yuan (100 yuan)', method: 'largest-remainder' });
    // A fund that is not a whole number of 100-yuan steps cannot be divided at that unit.
    const odd = expectProblem(await run(w, { ruleSetId: 'equal-split', period: '2026', fund: '1000050.00', recipients: three }), 422);
    expect(odd.errors?.[0]).toMatchObject({ pointer: '/fund' });
  });

  it('a rounding unit that is no money, or finer than a fen, is refused at upload', async () => {
    const w = await createWorld();
    expect(expectProblem(await validate(w, split('1', 't')), 422).errors?.[0]).toMatchObject({ pointer: '/body/rounding/unit' });
    expect(expectProblem(await validate(w, split('0.001', 'yuan')), 422).errors?.[0]).toMatchObject({ pointer: '/body/rounding/step' });
  });
});

describe('the shapes bureaus publish', () => {
  it('pays rangers a monthly standard', async () => {
    const w = await createWorld();
    await publish(
      w,
      envelope(
        'monthly-rangers',
        `  scheme: payroll
  parameters:
    monthly: { value: '1000', unit: yuan }
  inputs:
    months: { min: '0', max: '12' }
    score: { min: '0', max: '100' }
  payroll: { monthlyStandard: { param: monthly }, fixedShare: '0.6', monthsInput: months, scoreInput: score }
`,
      ),
    );
    // 1000 × 10 months = 10 000: 6000 fixed + 4000 × 90 % = 3600 by assessment = 9600.00
    const r = (
      await run(w, { ruleSetId: 'monthly-rangers', period: '2026', recipients: [{ id: 'ranger-01', values: { months: '10', score: '90' } }] })
    ).json.result;
    expect(r.recipients[0]).toMatchObject({
      amount: '9600.00',
      components: [
        { name: 'fixed', after: '6000.00' },
        { name: 'performance', after: '3600.00' },
      ],
    });
  });

  it('pays households per mu of their forest, with a ranger household paid more', async () => {
    const w = await createWorld();
    const res = await run(w, {
      ruleSetId: 'forest-households',
      period: '2026',
      fund: '2000.00',
      recipients: [
        { id: 'household-001', name: '张家', values: { area: '12.5', ranger: '1' } },
        { id: 'household-002', name: '李家', values: { area: '40', ranger: '0' } },
        { id: 'household-003', name: '王家', values: { area: '3.3', ranger: '0' } },
      ],
    });
    expect(res.status, res.text).toBe(201);
    // 12.5 × 15 = 187.50 + 200 = 387.50; 40 × 15 = 600.00; 3.3 × 15 = 49.50. Total 1037.00.
    expect(res.json.result.recipients.map((x: { amount: string }) => x.amount)).toEqual(['387.50', '600.00', '49.50']);
    expect(res.json.result.recipients[1].components[1]).toMatchObject({ name: 'ranger', after: '0.00', note: 'does not apply: ranger == 1' });
    expect(res.json.result.total).toBe('1037.00');
    const over = expectProblem(
      await run(w, {
        ruleSetId: 'forest-households',
        period: '2026',
        fund: '500.00',
        recipients: [{ id: 'h', values: { area: '40', ranger: '0' } }],
      }),
      422,
    );
    expect(over.errors?.[0]).toMatchObject({ pointer: '/fund' });
  });

  it('a pool whose size depends on the index', async () => {
    const w = await createWorld();
    await publish(
      w,
      envelope(
        'index-pool',
        `  scheme: pool
  inputs:
    p: { min: '0' }
  pool:
    fund: { formula: 'p <= 1 ? 500000000 yuan : 300000000 yuan' }
    parties:
      - { id: province-a, title: 甲省, contributes: '1', receives: '3' }
      - { id: province-b, title: 乙省, contributes: '1', receives: '1' }
`,
      ),
    );
    // P ≤ 1: a pool of 5 亿, paid in 1:1 (2.5 亿 each), shared 3:1 (3.75 亿 and 1.25 亿): b pays a 1.25 亿.
    const good = (await run(w, { ruleSetId: 'index-pool', period: '2026', values: { p: '0.95' } })).json.result;
    expect(good).toMatchObject({
      fund: '500000000.00',
      poolFund: { value: '500000000.00' },
      flows: [{ payer: 'province-b', payee: 'province-a', amount: '125000000.00' }],
    });
    // P > 1: 3 亿, so 0.75 亿.
    const bad = (await run(w, { ruleSetId: 'index-pool', period: '2026', values: { p: '1.2' } })).json.result;
    expect(bad.flows).toEqual([{ payer: 'province-b', payee: 'province-a', amount: '75000000.00' }]);
  });
});

describe('a vertical split reads its factors from the district’s records', () => {
  async function district(w: World) {
    await w.call('PUT', `${D}/gep-units/county`, {
      as: w.keys.chongming.bureau,
      body: { name: '示例县', level: 'district', areaHa: '30000', ecosystemTypes: ['forest'] },
    });
    const towns = [
      // town-a: crops 2000 t × 2800 = 5 600 000.00
      { code: 'town-a', redLineAreaHa: '3000', forestAreaHa: '2000', crops: '2000' },
      // town-b: crops 1000 t × 2800 = 2 800 000.00
      { code: 'town-b', redLineAreaHa: '1500', forestAreaHa: '1500', crops: '1000' },
      // town-c: crops 500 t × 2800 = 1 400 000.00
      { code: 'town-c', redLineAreaHa: '500', forestAreaHa: '500', crops: '500' },
    ];
    for (const t of towns) {
      const put = await w.call('PUT', `${D}/gep-units/${t.code}`, {
        as: w.keys.chongming.bureau,
        body: {
          name: t.code,
          level: 'town',
          parent: 'county',
          areaHa: '10000',
          ecosystemTypes: ['forest'],
          redLineAreaHa: t.redLineAreaHa,
          forestAreaHa: t.forestAreaHa,
        },
      });
      expect(put.status).toBe(201);
      await w.call('POST', `${D}/gep-units/${t.code}/measurements`, {
        as: w.keys.chongming.recorder,
        body: { year: 2025, measurements: [{ indicator: 'crops', value: t.crops, unit: 't', source: '统计年报' }] },
      });
    }
  }
  const request = {
    ruleSetId: 'town-gep-split',
    period: '2026',
    fund: '10000000.00',
    recipients: [],
    recipientsFrom: { childrenOf: 'county' },
    sources: { 'province-topup': '1000000.00' },
  };

  it('takes each town’s GEP from its closed 2025 account and its areas from its unit, records what it read, and re-runs to the same fen', async () => {
    const w = await createWorld();
    await district(w);
    // An open account is not taken.
    const open = expectProblem(await run(w, request), 422);
    expect(open.errors?.map((e) => e.pointer)).toEqual(['/recipients/0/values/gep', '/recipients/1/values/gep', '/recipients/2/values/gep']);
    expect(open.errors?.[0]?.detail).toBe('the 2025 GEP account of town-a is not closed (approved) yet');
    for (const t of ['town-a', 'town-b', 'town-c']) {
      expect(
        (await w.call('POST', `${D}/gep-units/${t}/accounts/2025/closure`, { as: w.keys.chongming.bureau, body: { note: '审定' } })).status,
      ).toBe(201);
    }
    later(w);
    const res = await run(w, request);
    expect(res.status, res.text).toBe(201);
    const r = res.json.result;
    // GEP 5.6 : 2.8 : 1.4 million = 4/7, 2/7, 1/7; red line 3000/1500/500 of 5000; forest 2000/1500/500 of 4000.
    // a: 0.5 × 4/7 + 0.3 × 0.6 + 0.2 × 0.5 = 2/7 + 0.28 = 0.565714… → 5 657 142.857 …
    // b: 0.5 × 2/7 + 0.09 + 0.075 = 1/7 + 0.165 = 0.307857… → 3 078 571.428 …
    // c: 0.5 × 1/7 + 0.03 + 0.025 = 1/14 + 0.055 = 0.126428… → 1 264 285.714 …  (above the 1 200 000 floor)
    // To the yuan by largest remainder: 5 657 143, 3 078 571, 1 264 286 (remainders .857, .429, .714: two steps left, to a and c).
    expect(r.recipients.map((x: { id: string; amount: string }) => [x.id, x.amount])).toEqual([
      ['town-a', '5657143.00'],
      ['town-b', '3078571.00'],
      ['town-c', '1264286.00'],
    ]);
    expect(r.reads.filter((x: { input: string }) => x.input === 'gep')).toEqual([
      expect.objectContaining({
        recipient: 'town-a',
        value: '5600000.00',
        from: 'annual GEP 2025 of town-a (closed, revision 1)',
        record: expect.objectContaining({ revision: 1, status: 'closed' }),
      }),
      expect.objectContaining({ recipient: 'town-b', value: '2800000.00' }),
      expect.objectContaining({ recipient: 'town-c', value: '1400000.00' }),
    ]);
    expect(r.reads.find((x: { recipient: string; input: string }) => x.recipient === 'town-a' && x.input === 'redline_area')).toMatchObject({
      value: '3000',
      from: 'red-line area of town-a (ha)',
    });

    // A correction after the run is a new revision; the run, re-run, still gives the same fen from what it read.
    later(w);
    await w.call('POST', `${D}/gep-units/town-c/measurements`, {
      as: w.keys.chongming.recorder,
      body: { year: 2025, correction: '统计口径调整', measurements: [{ indicator: 'crops', value: '5000', unit: 't', source: '统计年报' }] },
    });
    await w.call('POST', `${D}/gep-units/town-c/accounts/2025/closure`, { as: w.keys.chongming.bureau, body: { note: '更正审定' } });
    const again = await w.call('GET', `${D}/allocations/${res.json.id}?recompute=true`, { as: w.keys.chongming.bureau });
    expect(again.json).toMatchObject({ reproduced: true });
    expect(again.json.result.recipients.map((x: { amount: string }) => x.amount)).toEqual(['5657143.00', '3078571.00', '1264286.00']);
    // A new run reads revision 2.
    const next = (await run(w, request)).json.result;
    expect(next.reads.find((x: { recipient: string; input: string }) => x.recipient === 'town-c' && x.input === 'gep')).toMatchObject({
      value: '14000000.00',
      record: expect.objectContaining({ revision: 2 }),
    });
    // As of the first run, the records read then give the first run's amounts again.
    const asOf = (await run(w, { ...request, asOf: res.json.createdAt })).json.result;
    expect(asOf.recipients.map((x: { amount: string }) => x.amount)).toEqual(['5657143.00', '3078571.00', '1264286.00']);
  });

  it('takes a grade from the owner’s credit file, as the rule file maps it to a number', async () => {
    const w = await createWorld();
    const firmA = await w.register('chongming', 'firm', IDS.firmA);
    const firmB = await w.register('chongming', 'firm', IDS.firmB);
    for (const [code, owner] of [
      ['plot-a', firmA],
      ['plot-b', firmB],
    ] as const) {
      await w.call('PUT', `${D}/gep-units/${code}`, {
        as: w.keys.chongming.bureau,
        body: { name: code, level: 'plot', areaHa: '10', ecosystemTypes: ['forest'], owner: { id: owner } },
      });
    }
    // Firm B drops to blue: 100 − 3 (exceedance) − 10 (overdue) = 87.
    await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          { subject: { id: firmB }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-10-01', evidence: '在线监测' },
          { subject: { id: firmB }, code: 'RECTIFICATION-OVERDUE', occurredOn: '2026-10-05', evidence: '复查' },
        ],
      },
    });
    await publish(
      w,
      envelope(
        'grade-split',
        `  scheme: split
  inputs:
    grade: { from: { grade: { values: { green: '1.0', blue: '0.6', yellow: '0.2', red: '0' } } } }
  split:
    factors: [{ input: grade, weight: '1' }]
`,
      ),
    );
    const res = await run(w, {
      ruleSetId: 'grade-split',
      period: '2026',
      fund: '160000.00',
      recipients: [
        { id: 'plot-a', values: {} },
        { id: 'plot-b', values: {} },
      ],
    });
    expect(res.status, res.text).toBe(201);
    // green 1.0 and blue 0.6: 160 000 × 1/1.6 = 100 000 and × 0.6/1.6 = 60 000.
    expect(res.json.result.recipients.map((x: { amount: string }) => x.amount)).toEqual(['100000.00', '60000.00']);
    expect(res.json.result.reads[1]).toMatchObject({ recipient: 'plot-b', value: '0.6', record: { grade: 'blue', scorecard: 'firm-env-credit' } });
    const stranger = expectProblem(
      await run(w, { ruleSetId: 'grade-split', period: '2026', fund: '1.00', recipients: [{ id: 'nobody', values: {} }] }),
      422,
    );
    expect(stranger.errors?.[0]).toMatchObject({ pointer: '/recipients/0/values/grade' });
  });
});
