/**
 * A bureau analyst writes the published methods as printed: every kind is checked whole at upload,
 * formulas are exact, several rule sets of a kind run side by side, and worked examples keep the rules
 * honest. Each story calls the HTTP API.
 */
import { readFileSync } from 'node:fs';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { ammoniaAgreement } from './support/rule-fixtures.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

const envelope = (id: string, kind: string, body: string, extra = '') => `id: ${id}
kind: ${kind}
version: 1
district: chongming
effectiveFrom: 2026-11-24
title: 测试
${extra}body:
${body}`;

async function upload(w: World, source: string) {
  return w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source, fileName: 'draft.yaml' } });
}

async function publishFile(w: World, source: string) {
  const up = await upload(w, source);
  expect(up.status, up.text).toBe(201);
  const pub = await w.call('POST', `${D}/rule-set-versions/${up.json.versionId}/publication`, { as: w.keys.chongming.bureau, body: {} });
  expect(pub.status, pub.text).toBe(200);
  // Published now: in force from the next instant.
  w.clock.set(new Date(w.clock.now().getTime() + 1000));
  return pub.json;
}

async function refusedAtUpload(w: World, id: string, source: string) {
  const res = await upload(w, source);
  const problem = expectProblem(res, 422);
  const versions = await w.call('GET', `${D}/rule-sets/${id}/versions`, { as: w.keys.chongming.bureau });
  expect(versions.json.items).toEqual([]);
  return problem;
}

describe('every kind refuses, at upload, what a run would find wrong', () => {
  it('a scorecard: a formula on an undeclared fact, a fact in an unknown unit, a behaviour list that does not exist', async () => {
    const w = await createWorld();
    const card = (items: string, facts = 'fines: { type: number, unit: yuan }', list = 'firm-behaviours') =>
      envelope(
        'my-card',
        'scorecard',
        `  subjectKind: firm
  behaviourList: ${list}
  facts:
    ${facts}
  baseScore: 100
  items:
${items}
  bands:
    - { grade: green, label: 诚信, min: 95 }
    - { grade: red, label: 不良 }
`,
      );
    const undeclared = await refusedAtUpload(w, 'my-card', card("    - { id: fine, reason: 罚款, formula: 'penalties * -5' }"));
    expect(undeclared.errors?.[0]).toMatchObject({ pointer: '/body/items/0/formula', line: 14 });
    expect(undeclared.errors?.[0]?.detail).toMatch(/'penalties' is neither declared nor a unit \(declared: fines\)/);

    const unit = await refusedAtUpload(
      w,
      'my-card',
      card('    - { id: fine, reason: 罚款, fact: fines, perUnit: -1 }', 'fines: { type: number, unit: dollars }'),
    );
    expect(unit.errors?.[0]).toMatchObject({ pointer: '/body/facts/fines/unit' });
    expect(unit.errors?.[0]?.detail).toMatch(/unknown unit 'dollars'/);

    const comparison = await refusedAtUpload(w, 'my-card', card("    - { id: fine, reason: 罚款, formula: 'fines >= 100000 ? -5 : 0' }"));
    expect(comparison.errors?.[0]?.detail).toMatch(/cannot compare yuan with 1: write the unit, e\.g\. '100000 yuan'/);

    const list = await refusedAtUpload(
      w,
      'my-card',
      card("    - { id: fine, reason: 罚款, formula: 'fines >= 100000 yuan ? -5 : 0' }", undefined, 'no-such-list'),
    );
    expect(list.errors?.[0]).toMatchObject({ pointer: '/body/behaviourList', line: 9 });
    expect(list.errors?.[0]?.detail).toMatch(/no behaviour-list 'no-such-list' in district 'chongming'/);
  });

  it('a behaviour list: points that come out per tree, not as points, and an amount in no known unit', async () => {
    const w = await createWorld();
    const list = (formula: string, unit = 'tree') =>
      envelope(
        'my-list',
        'behaviour-list',
        `  subjectKind: resident
  codes:
    - code: TREE-PLANTING
      title: 义务植树
      polarity: positive
      formula: '${formula}'
      amounts: { trees: { unit: ${unit}, required: true } }
      recorders: [绿化市容局]
`,
      );
    const perTree = await refusedAtUpload(w, 'my-list', list('trees * 0.5'));
    expect(perTree.errors?.[0]).toMatchObject({ pointer: '/body/codes/0/formula' });
    expect(perTree.errors?.[0]?.detail).toMatch(/gives tree; TREE-PLANTING \(points\) needs a pure number: the factor 1\/tree is missing/);
    const unknown = await refusedAtUpload(w, 'my-list', list('trees * 0.5 / tree', 'saplings'));
    expect(unknown.errors?.[0]?.detail).toMatch(/unknown unit 'saplings'/);
    expect((await upload(w, list('trees * 0.5 / tree'))).status).toBe(201);
  });

  it('a points catalogue: an amount unit nobody knows, and a minimum without a unit', async () => {
    const w = await createWorld();
    const catalogue = (action: string) =>
      envelope(
        'my-points',
        'points-catalogue',
        `  actions:
    - code: GREEN-PAYMENT
      title: 绿色支付
      holders: [resident]
${action}
      expiry: { days: 365 }
      recorders: [交通委]
`,
      );
    const unknown = await refusedAtUpload(w, 'my-points', catalogue('      perUnit: { unit: furlong, points: 1 }'));
    expect(unknown.errors?.[0]).toMatchObject({ pointer: '/body/actions/0/perUnit/unit' });
    const noUnit = await refusedAtUpload(w, 'my-points', catalogue('      points: 5\n      minAmount: 1'));
    expect(noUnit.errors?.[0]).toMatchObject({ pointer: '/body/actions/0/amountUnit' });
  });

  it('a GEP method: a price whose unit does not meet the quantity, naming the missing factor', async () => {
    const w = await createWorld();
    const method = envelope(
      'my-gep',
      'gep-method',
      `  standard: 《生态系统生产总值核算技术规范》
  indicators:
    - code: dredging
      title: 减少泥沙淤积
      category: regulating
      subtotal: 土壤保持
      quantity: { unit: t }
      price: { value: '12.6', unit: yuan/m3, year: 2023, source: 清淤工程单位费用 }
`,
    );
    const problem = await refusedAtUpload(w, 'my-gep', method);
    expect(problem.errors?.[0]?.detail).toMatch(/add a factor with the bulk density \(m3\/t\)/);
  });

  it('a loan product: a grade condition on a scorecard the district does not have, and a line multiplier of 0', async () => {
    const w = await createWorld();
    const product = (scorecard: string, multiplier: string) =>
      envelope(
        'my-loan',
        'loan-product',
        `  name: 碳账户贷
  borrowerKinds: [resident]
  eligibility: {}
  pledges: { carbon-sink: { referencePrice: '58.50' } }
  caps: [{ borrowerKind: resident, guarantee: none, max: '300000.00' }]
  maxTermMonths: 36
  rateByGrade: {}
  gradeAdjustments:
    - { id: deep-green, reason: 碳账户深绿, scorecard: ${scorecard}, grades: [deep-green], lineMultiplier: '${multiplier}', bp: -50 }
`,
      );
    const missing = await refusedAtUpload(w, 'my-loan', product('no-such-card', '1.2'));
    expect(missing.errors?.[0]).toMatchObject({ pointer: '/body/gradeAdjustments/0/scorecard' });
    expect(missing.errors?.[0]?.detail).toMatch(/no scorecard 'no-such-card'/);
    const zero = await refusedAtUpload(w, 'my-loan', product('resident-carbon-account', '0'));
    expect(zero.errors?.[0]).toMatchObject({ pointer: '/body/gradeAdjustments/0/lineMultiplier' });
  });

  it('an allocation: a formula on an undeclared input, a linear component priced in the wrong unit, a tier from 5 to 1, all at once', async () => {
    const w = await createWorld();
    const agreement = envelope(
      'my-agreement',
      'allocation',
      `  scheme: bilateral
  parameters:
    price: { value: '20000', unit: yuan/m3 }
  inputs:
    c: { unit: mg/L }
    s: { unit: mg/L }
    load: { unit: mg/L*m3 }
  bilateral:
    upstream: 上游
    downstream: 下游
    index: { formula: 'c / s_typo' }
    direction: { threshold: '1', atThreshold: downstream-pays }
    components:
      - { name: load, kind: linear, input: load, inputUnit: mg/L*m3, rate: { param: price }, rateUnit: yuan/m3 }
      - name: band
        kind: tiers
        input: index
        tiers:
          - { from: '5', to: '1', amount: '100' }
`,
    );
    const problem = await refusedAtUpload(w, 'my-agreement', agreement);
    const details = problem.errors?.map((e) => `${e.pointer} ${e.detail}`) ?? [];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/body\/bilateral\/index\/formula .*'s_typo' is neither declared nor a unit/),
        expect.stringMatching(/^\/body\/bilateral\/components\/0\/rateUnit .*gives t\*yuan\/m3, not yuan: the factor m3\/t is missing/),
        expect.stringMatching(/^\/body\/bilateral\/components\/1\/tiers\/0\/to tier 1 runs from 5 to 1/),
      ]),
    );
    expect(problem.errors?.map((e) => typeof e.line)).toEqual(['number', 'number', 'number']);
  });
});

describe('formulas are exact', () => {
  const agreement = (atThreshold: 'downstream-pays' | 'upstream-pays') => ammoniaAgreement('2026-11-24', atThreshold);

  it('a division and shared intermediates come out to the fen, and an index of exactly 1 pays in the stated direction', async () => {
    const w = await createWorld();
    await publishFile(w, agreement('downstream-pays'));
    const run = await w.call('POST', `${D}/allocations`, {
      as: w.keys.chongming.bureau,
      body: { ruleSetId: 'ammonia-agreement', period: '2026', values: { c: '1.25', s: '1.00', volume: '31' } },
    });
    expect(run.status, run.text).toBe(201);
    const r = run.json.result;
    // k0 × c / s = 0.80 × 1.25 / 1.00 = 1 exactly: at the threshold, downstream pays, as the file states.
    expect(r.index).toMatchObject({ value: '1', comparison: 'at', direction: '下游县 (downstream) pays 上游县 (upstream)' });
    expect(r.flows).toEqual([expect.objectContaining({ payer: '下游县', payee: '上游县' })]);
    // excess 0.25 mg/L × 31 万 m³ = 0.25 g/m³ × 310 000 m³ = 77 500 g = 0.0775 t; ÷ 0.93 = 0.08333… t (775/9300 = 1/12 t exactly).
    expect(r.derived).toEqual([
      { name: 'excess', value: '0.25', unit: 'mg/L', formula: 'max(c - s, 0)' },
      { name: 'load', value: '0.0775', unit: 't', formula: 'excess * volume' },
      { name: 'treated', value: '0.08333333333333333333', unit: 't', formula: 'load / efficiency' },
    ]);
    // 1/12 t × 20 000 yuan/t = 1666.666… → 1666.67; the second line adds and takes load × price away again,
    // and a float would not land on 1666.6666…67 exactly either way: both parts are exact to the fen.
    const parts = Object.fromEntries(r.recipients[0].components.map((c: { name: string; after: string }) => [c.name, c.after]));
    expect(parts).toEqual({ treatment: '1666.67', base: '1666.67' });
    expect(r.total).toBe('3333.34');
  });

  it('the same agreement stating the other side of the boundary pays the other way', async () => {
    const w = await createWorld();
    await publishFile(w, agreement('upstream-pays'));
    const run = await w.call('POST', `${D}/allocations`, {
      as: w.keys.chongming.bureau,
      body: { ruleSetId: 'ammonia-agreement', period: '2026', values: { c: '1.25', s: '1.00', volume: '31' } },
    });
    expect(run.json.result.flows).toEqual([expect.objectContaining({ payer: '上游县', payee: '下游县' })]);
  });
});

describe('several rule sets of a kind in force side by side', () => {
  const carbonList = envelope(
    'resident-carbon-list',
    'behaviour-list',
    `  subjectKind: resident
  codes:
    - code: CARBON-REDUCTION
      title: 低碳行为减排
      polarity: positive
      points: 1
      amounts: { co2e_kg: { unit: kg-co2e, required: true, min: 0 } }
      recorders: [生态环境局]
`,
  );

  it('one resident is scored by the village card and a carbon account, one event counting in both', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    // The carbon account draws on a list of its own; the village list also knows CARBON-REDUCTION.
    await publishFile(w, carbonList);
    await publishFile(
      w,
      envelope(
        'carbon-card',
        'scorecard',
        `  subjectKind: resident
  behaviourList: resident-carbon-list
  facts:
    co2e_quarter: { type: number, unit: kg-co2e, from: { codes: [CARBON-REDUCTION], window: { months: 3 }, measure: { amount: co2e_kg } } }
  baseScore: 0
  items:
    - { id: reduction, reason: 近三个月碳减排量, formula: 'co2e_quarter / kgCO2e' }
  bands:
    - { grade: deep-green, label: 深绿, min: 100 }
    - { grade: light-green, label: 浅绿 }
`,
      ),
    );
    const recorded = await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          {
            subject: { id: resident },
            code: 'CARBON-REDUCTION',
            occurredOn: '2026-11-01',
            evidence: '绿色出行月报',
            amounts: [{ name: 'co2e_kg', value: '120.5', unit: 'kg-co2e' }],
          },
        ],
      },
    });
    expect(recorded.status, recorded.text).toBe(201);
    const score = await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: w.keys.chongming.bureau });
    expect(score.status, score.text).toBe(200);
    expect(score.json.ruleSets.scorecard.id).toBe('resident-village');
    const ids = score.json.scorecards.map((s: { ruleSets: { scorecard: { id: string } } }) => s.ruleSets.scorecard.id);
    expect(ids).toEqual(expect.arrayContaining(['resident-village', 'carbon-card', 'resident-carbon-account']));
    const carbon = score.json.scorecards.find((s: { ruleSets: { scorecard: { id: string } } }) => s.ruleSets.scorecard.id === 'carbon-card');
    // 120.5 kg → 120.5 points: deep green, and the event behind it.
    expect(carbon).toMatchObject({ score: 120.5, grade: 'deep-green', primary: false, ruleSets: { behaviourList: { id: 'resident-carbon-list' } } });
    expect(carbon.items[0].events).toEqual([expect.objectContaining({ code: 'CARBON-REDUCTION', points: 1 })]);
    // The same event is in the village list's file too (0 points there), and in the shipped carbon account.
    const shipped = score.json.scorecards.find(
      (s: { ruleSets: { scorecard: { id: string } } }) => s.ruleSets.scorecard.id === 'resident-carbon-account',
    );
    expect(shipped.items[0].events[0]).toMatchObject({ code: 'CARBON-REDUCTION' });
    const one = await w.call('GET', `${D}/subjects/${resident}/credit-score?scorecard=carbon-card`, { as: w.keys.chongming.bureau });
    expect(one.json.scorecards).toHaveLength(1);
    expect(one.json).toMatchObject({ grade: 'deep-green' });
  });

  it('an event code that no list in force knows is refused', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const res = await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: { events: [{ subject: { id: resident }, code: 'MOON-LANDING', occurredOn: '2026-11-01', evidence: 'x' }] },
    });
    expect(expectProblem(res, 400).errors?.[0]?.detail).toMatch(/MOON-LANDING is on no resident behaviour list in force/);
  });

  it('two points catalogues keep separate caps, and an action in both must name its catalogue', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const transit = await w.client('chongming', 'recorder', '交通委');
    await publishFile(
      w,
      envelope(
        'transit-platform',
        'points-catalogue',
        `  actions:
    - code: GREEN-TRAVEL
      title: 公交出行（交通平台）
      holders: [resident]
      points: 10
      caps: { perDay: 20 }
      expiry: { days: 365 }
      recorders: [交通委]
`,
      ),
    );
    const award = (catalogue?: string) =>
      w.call('POST', `${D}/points/awards`, {
        as: transit,
        body: { holder: { id: resident }, action: 'GREEN-TRAVEL', ...(catalogue ? { catalogue } : {}) },
      });
    expect(expectProblem(await award(), 400).errors?.[0]).toMatchObject({ pointer: '/catalogue' });
    // The city catalogue caps green travel at 40 a day; the platform's at 20. Each counts its own.
    for (let i = 0; i < 2; i++) expect((await award('transit-platform')).json).toMatchObject({ awarded: 10, ruleSet: { id: 'transit-platform' } });
    expect(expectProblem(await award('transit-platform'), 422).type).toMatch(/cap-reached$/);
    for (let i = 0; i < 4; i++) expect((await award('points-catalogue')).json).toMatchObject({ awarded: 10, ruleSet: { id: 'points-catalogue' } });
    expect(expectProblem(await award('points-catalogue'), 422).type).toMatch(/cap-reached$/);
    const publication = await w.call('GET', `${D}/points/catalogue`, { as: w.keys.chongming.bureau });
    expect(publication.json.catalogues.map((c: { ruleSet: { id: string } }) => c.ruleSet.id).sort()).toEqual([
      'points-catalogue',
      'transit-platform',
    ]);
  });

  it('publishing a second catalogue with an action the first has warns that awards must name one', async () => {
    const w = await createWorld();
    const up = await upload(
      w,
      envelope(
        'transit-platform',
        'points-catalogue',
        `  actions:
    - { code: GREEN-TRAVEL, title: 公交出行, holders: [resident], points: 10, expiry: { days: 365 }, recorders: [交通委] }
`,
      ),
    );
    const pub = await w.call('POST', `${D}/rule-set-versions/${up.json.versionId}/publication`, { as: w.keys.chongming.bureau, body: {} });
    expect(pub.json.warnings).toEqual([expect.stringMatching(/action GREEN-TRAVEL is in catalogues points-catalogue and transit-platform/)]);
  });
});

describe('a loan product conditioned on a carbon-account grade', () => {
  it('a deep-green carbon account adds 20% to the credit line and takes 50 bp off the rate', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    await publishFile(
      w,
      envelope(
        'carbon-loan',
        'loan-product',
        `  name: 碳账户贷
  borrowerKinds: [resident]
  eligibility: {}
  pledges: { carbon-sink: { referencePrice: '50' } }
  caps: [{ borrowerKind: resident, guarantee: none, max: '300000.00' }]
  maxTermMonths: 36
  rateByGrade: { c: { bp: 0, lineMultiplier: '1' } }
  gradeAdjustments:
    - { id: deep-green, reason: 碳账户深绿：授信额度上浮20%，利率下调50BP, scorecard: resident-carbon-account, grades: [deep-green], lineMultiplier: '1.2', bp: -50 }
`,
      ),
    );
    const token = await w.token('resident', IDS.residentA);
    const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0].id;
    await w.call('POST', `${D}/consents`, { as: token, body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] } });
    const assess = () =>
      w.call('POST', `${D}/loan-assessments`, {
        as: w.keys.chongming.bank,
        body: {
          subjectId: resident,
          productId: 'carbon-loan',
          pledges: [{ type: 'carbon-sink', reference: 'CCER-001', tco2e: '1000' }],
          requestedAmount: '50000.00',
          termMonths: 12,
          guarantee: 'none',
          ecoPledgeSigned: true,
        },
      });
    const before = await assess();
    expect(before.status, before.text).toBe(201);
    // 1000 t × 50 yuan = 50 000; light green: no adjustment.
    expect(before.json).toMatchObject({
      ceiling: '50000.00',
      rateAdjustmentBp: 0,
      gradeAdjustments: [expect.objectContaining({ grade: 'light-green', applied: false })],
    });

    await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          {
            subject: { id: resident },
            code: 'CARBON-REDUCTION',
            occurredOn: '2026-11-10',
            evidence: '月报',
            amounts: [{ name: 'co2e_kg', value: '130', unit: 'kg-co2e' }],
          },
        ],
      },
    });
    const after = await assess();
    // Deep green now: 50 000 × 1.2 = 60 000, and −50 bp.
    expect(after.json).toMatchObject({
      ceiling: '60000.00',
      rateAdjustmentBp: -50,
      scorecard: { id: 'resident-village' },
      gradeAdjustments: [expect.objectContaining({ id: 'deep-green', grade: 'deep-green', applied: true, lineMultiplier: '1.2', bp: -50 })],
    });
    expect(after.json.ruleSets.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['carbon-loan', 'resident-village', 'resident-carbon-account']),
    );
  });
});

describe('points catalogues as real ones read', () => {
  const payments = envelope(
    'payments',
    'points-catalogue',
    `  actions:
    - code: GREEN-PAYMENT
      title: 绿色支付
      holders: [resident]
      points: 5
      minAmount: 1
      amountUnit: yuan
      caps: { perDayActions: 10 }
      expiry: { days: 365 }
      recorders: [交通委]
`,
  );

  it('a payment of at least 1 yuan earns 5 points, at most 10 payments a day', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const platform = await w.client('chongming', 'recorder', '交通委');
    await publishFile(w, payments);
    const pay = (value: string) =>
      w.call('POST', `${D}/points/awards`, {
        as: platform,
        body: { holder: { id: resident }, action: 'GREEN-PAYMENT', catalogue: 'payments', amount: { value, unit: 'yuan' } },
      });
    expect(expectProblem(await pay('0.99'), 422).errors?.[0]?.detail).toMatch(/below the minimum of 1 yuan/);
    for (let i = 0; i < 10; i++) expect((await pay('1.00')).json).toMatchObject({ awarded: 5 });
    const eleventh = expectProblem(await pay('25.00'), 422);
    expect(eleventh.detail).toMatch(/10 awards a day/);
    expect((await w.call('GET', `${D}/subjects/${resident}/points`, { as: w.keys.chongming.bureau })).json.balance).toBe(50);
  });
});

describe('rule files carry their own worked examples', () => {
  const withExamples = (price: string, expected: string) =>
    envelope(
      'water-method',
      'gep-method',
      `  standard: 《生态系统生产总值核算技术规范》
  indicators:
    - code: water-conservation
      title: 水源涵养
      category: regulating
      subtotal: 水源涵养
      quantity: { unit: m3 }
      price: { value: '${price}', unit: yuan/m3, year: 2023, source: 水库单位库容造价 }
`,
      `examples:
  - name: 2025年东滩湿地核算表
    input: { measurements: [{ indicator: water-conservation, value: '152.37', unit: wan-m3 }] }
    expect: { total: '${expected}' }
`,
    );

  it('pass at upload, run on request, and a change that breaks one is refused', async () => {
    const w = await createWorld();
    // 152.37 万 m³ = 1 523 700 m³ × 6.11 = 9 309 807.00
    const good = withExamples('6.11', '9309807.00');
    const tested = await w.call('POST', `${D}/rule-sets/test`, { as: w.keys.chongming.bureau, body: { source: good } });
    expect(tested.json).toMatchObject({ passed: true, examples: [{ name: '2025年东滩湿地核算表', origin: 'file', passed: true }] });
    await publishFile(w, good);

    // The price is revised but the expected total is left as it was: refused, naming the example.
    const broken = withExamples('6.50', '9309807.00').replace('version: 1', 'version: 2');
    const refused = expectProblem(await upload(w, broken), 422);
    expect(refused.type).toMatch(/rule-examples-failed$/);
    expect(refused.errors?.[0]).toMatchObject({ pointer: '/examples/0', line: 8 });
    expect(refused.errors?.[0]?.detail).toMatch(/example '2025年东滩湿地核算表': \/total expected "9309807.00", got "9904050.00"/);

    // A revision that drops the example still answers to the one in force, until it states its own.
    const dropped = broken.replace(/examples:[\s\S]*?body:/, 'body:');
    const inherited = expectProblem(await upload(w, dropped), 422);
    expect(inherited.errors?.[0]?.detail).toMatch(/\(from the version in force\)/);
    // With the example updated to the revised price, it passes.
    expect((await upload(w, withExamples('6.50', '9904050.00').replace('version: 1', 'version: 2'))).status).toBe(201);
  });

  it('every shipped rule file carries examples, and they pass', async () => {
    const w = await createWorld();
    for (const rule of w.deps.shippedRules) {
      if (!rule.path.includes('scoring-rules/')) continue;
      const res = await w.call('POST', `${D}/rule-sets/test`, {
        as: w.keys.chongming.bureau,
        body: { source: rule.text.replace(/^district: default$/m, 'district: chongming'), fileName: rule.path },
      });
      expect(res.status, rule.path).toBe(200);
      expect(res.json.examples.length, rule.path).toBeGreaterThan(0);
      expect(res.json.passed, `${rule.path}: ${JSON.stringify(res.json.examples.filter((e: { passed: boolean }) => !e.passed))}`).toBe(true);
    }
  });
});

describe('a report names the scorecard it used', () => {
  it('the credit section carries the scorecard id, version and hash', async () => {
    const w = await createWorld();
    const { report } = await w.consentedReport();
    const credit = (decodeJwt(report).credentialSubject as { credit: { scorecard: { id: string; hash: string } } }).credit;
    expect(credit.scorecard).toMatchObject({ id: 'resident-village', hash: expect.stringMatching(/^sha256:/) });
  });
});

describe('an analyst looks up the units a rule file may use', () => {
  it('finds 亩 with its exact scale, the 万 and 亿 prefixes, and tonnes of carbon apart from tonnes of CO2', async () => {
    const w = await createWorld();
    const res = await w.call('GET', `${D}/units`, { as: w.keys.chongming.bureau });
    expect(res.status).toBe(200);
    const unit = (code: string) => res.json.units.find((u: { code: string }) => u.code === code);
    expect(unit('mu')).toMatchObject({ zh: '亩', dimension: 'm2', scale: '10000/15', prefixable: true });
    expect(unit('t-C').dimension).toBe('t-C');
    expect(unit('t-CO2').dimension).toBe('t-CO2');
    expect(unit('MJ')).toMatchObject({ dimension: 'kWh', scale: '5/18' });
    expect(res.json.prefixes).toEqual([
      { ascii: 'wan-', zh: '万', scale: '10000' },
      { ascii: 'yi-', zh: '亿', scale: '100000000' },
    ]);
    // The editor's JSON Schema offers the same names, each with what it means.
    const schema = JSON.parse(readFileSync('scoring-rules/schemas/gep-method.schema.json', 'utf8'));
    expect(JSON.stringify(schema)).toContain('"const":"mu","description":"亩：亩 = 10000/15 m² exactly (15 亩 = 1 公顷)"');
  });
});
