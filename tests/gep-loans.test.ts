import Decimal from 'decimal.js';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

async function plot(w: World, owner: string | null, code = 'dongtan-plot-07') {
  const res = await w.call('PUT', `${D}/gep-units/${code}`, {
    as: w.keys.chongming.bureau,
    body: { name: '东滩湿地7号地块', level: 'plot', owner: owner ? { id: owner } : null, areaHa: '420.5', ecosystemTypes: ['wetland', 'forest'] },
  });
  expect([200, 201]).toContain(res.status);
  return res.json;
}

const measure = (w: World, code: string, year: number, measurements: Array<Record<string, string>>) =>
  w.call('POST', `${D}/gep-units/${code}/measurements`, { as: w.keys.chongming.recorder, body: { year, measurements } });

const m = (indicator: string, value: string, unit: string) => ({ indicator, value, unit, source: '2025年度生态监测' });

describe('a plot’s GEP account', () => {
  it('is computed row by row from quantities and prices, and the subtotals and total add up exactly', async () => {
    const w = await createWorld();
    await plot(w, null);
    const res = await measure(w, 'dongtan-plot-07', 2025, [
      m('water-conservation', '152.37', 'wan-m3'),
      m('soil-retention-dredging', '1250', 't'),
      m('soil-retention-nitrogen', '1250', 't'),
      m('carbon-sequestration', '3120.5', 't-dm'),
      m('oxygen-release', '3120.5', 't-dm'),
      m('crops', '86.2', 't'),
      m('recreation', '1.25', 'wan-visit'),
    ]);
    expect(res.json).toEqual({ recorded: 7 });
    const account = await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.auditor });
    expect(account.status).toBe(200);
    const row = (code: string) => account.json.rows.find((r: { indicator: string }) => r.indicator === code);
    // 152.37 万 m3 = 1 523 700 m3 × 6.1107 yuan/m3
    expect(row('water-conservation')).toMatchObject({ status: 'assessed', quantity: '1523700', value: '9310873.59' });
    // 1250 t × 0.24 × 0.7692 m3/t × 12.60 yuan/m3 = 2907.576 → 2907.58
    expect(row('soil-retention-dredging').value).toBe('2907.58');
    // 3120.5 t NPP × 1.63 t CO2/t = 5086.415 t CO2 × 58.50 yuan = 297 555.2775 → 297555.28
    expect(row('carbon-sequestration').value).toBe('297555.28');
    expect(row('recreation')).toMatchObject({ quantity: '12500', value: '1500000.00' });
    expect(row('timber')).toMatchObject({ status: 'not-assessed', value: null });

    const assessed = account.json.rows.filter((r: { value: string | null }) => r.value !== null) as Array<{ value: string; category: string }>;
    const sum = (rows: Array<{ value: string }>) => rows.reduce((s, r) => s.plus(r.value), new Decimal(0)).toFixed(2);
    expect(account.json.total).toBe(sum(assessed));
    for (const cat of ['material', 'regulating', 'cultural'] as const) {
      expect(account.json.categories[cat]).toBe(sum(assessed.filter((r) => r.category === cat)));
    }
    expect(sum(account.json.subtotals)).toBe(account.json.total);
    expect(account.json.subtotals.find((s: { subtotal: string }) => s.subtotal === '土壤保持')).toMatchObject({ assessed: 2, notAssessed: 1 });
    expect(account.json.notAssessed).toEqual(expect.arrayContaining(['timber', 'water-supply', 'climate-regulation']));
    expect(account.json.complete).toBe(false);
    expect(account.json.ruleSet).toMatchObject({ id: 'gep-method', hash: expect.stringMatching(/^sha256:/) });
  });

  it('a later upload supersedes an earlier one for the same indicator and year', async () => {
    const w = await createWorld();
    await plot(w, null);
    await measure(w, 'dongtan-plot-07', 2025, [m('crops', '10', 't')]);
    await measure(w, 'dongtan-plot-07', 2025, [m('crops', '20', 't')]);
    const account = await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.bureau });
    expect(account.json.total).toBe('56000.00');
  });

  it('a measurement in the wrong unit is refused with the indicator named, and nothing is written', async () => {
    const w = await createWorld();
    await plot(w, null);
    const res = await measure(w, 'dongtan-plot-07', 2025, [m('crops', '10', 't'), m('water-conservation', '500', 't')]);
    const problem = expectProblem(res, 400);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/measurements/1/unit' });
    expect(problem.errors?.[0]?.detail).toMatch(/water-conservation is measured in m3; t measures something else/);
    const carbon = await measure(w, 'dongtan-plot-07', 2025, [m('carbon-sequestration', '10', 't-C')]);
    expect(expectProblem(carbon, 400).errors?.[0]?.detail).toMatch(/carbon-sequestration is measured in t-dm/);
    expectProblem(await measure(w, 'dongtan-plot-07', 2025, [m('crops', '-5', 't')]), 400);
    expectProblem(await measure(w, 'dongtan-plot-07', 2025, [m('unicorns', '5', 't')]), 400);
    expectProblem(await measure(w, 'dongtan-plot-07', 2031, [m('crops', '5', 't')]), 400);
    const account = await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.bureau });
    expect(account.json.total).toBe('0.00');
    // One row per indicator of the shipped method, none of them measured.
    expect(account.json.rows).toHaveLength(14);
    expect(account.json.rows.filter((r: { status: string }) => r.status !== 'not-assessed')).toEqual([]);
  });

  it('a rule file that prices tonnes of carbon per tonne of CO2 is refused with the line and the fix', async () => {
    const w = await createWorld();
    const source = `id: my-gep
kind: gep-method
version: 1
district: chongming
effectiveFrom: 2026-01-01
title: 测试
body:
  standard: test
  indicators:
    - code: carbon
      title: 固碳
      category: regulating
      subtotal: 固碳
      quantity: { unit: t-C }
      price: { value: '58.5', unit: yuan/t-CO2, year: 2023, source: x }
`;
    const res = await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source } });
    const error = expectProblem(res, 422).errors?.[0];
    expect(error).toMatchObject({ pointer: '/body/indicators/0/price/unit', line: 15 });
    expect(error?.detail).toMatch(/indicator carbon: .* add the factor 44\/12/);
    const fixed = source.replace(
      '      quantity: { unit: t-C }\n',
      "      quantity: { unit: t-C }\n      factors: [{ name: co2-per-c, value: '3.6667', unit: t-CO2/t-C }]\n",
    );
    expect((await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: fixed } })).status).toBe(200);
  });

  it('a year that has not begun is refused for its account as for its measurements, never answered with a total of 0', async () => {
    const w = await createWorld({ now: '2026-11-24T02:00:00Z' });
    await plot(w, null);
    const recording = expectProblem(await measure(w, 'dongtan-plot-07', 2027, [m('crops', '5', 't')]), 400);
    const reading = expectProblem(await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2027`, { as: w.keys.chongming.bureau }), 400);
    for (const problem of [recording, reading]) {
      expect(problem.type).toMatch(/\/gep-future-year$/);
      expect(problem.errors?.[0]).toMatchObject({ pointer: '/year', detail: 'in the future' });
    }
    expect(reading.errors?.[0]?.in).toBe('path');
    // The current year is open for both.
    expect((await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2026`, { as: w.keys.chongming.bureau })).status).toBe(200);
  });

  it('the owner sees its own unit’s account, nobody else', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmB);
    await w.register('chongming', 'firm', IDS.firmA);
    await plot(w, firm);
    expect((await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: await w.token('firm', IDS.firmB) })).status).toBe(200);
    expectProblem(await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: await w.token('firm', IDS.firmA) }), 403);
    expectProblem(await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.bank }), 403);
  });
});

describe('a bank asks how much a GEP eco-loan could be', () => {
  async function borrower() {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmB);
    const token = await w.token('firm', IDS.firmB);
    const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0] as { id: string };
    await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit', 'gep-assets'] },
    });
    await plot(w, firm);
    // GEP 2025: 12 500 visits × 120 yuan = 1 500 000 yuan.
    await measure(w, 'dongtan-plot-07', 2025, [m('recreation', '12500', 'visit')]);
    return { w, firm, token, bank };
  }
  const assess = (w: World, body: Record<string, unknown>, as?: string) =>
    w.call('POST', `${D}/loan-assessments`, { as: as ?? w.keys.chongming.bank, body });
  const request = (firm: string, extra: Record<string, unknown> = {}) => ({
    subjectId: firm,
    productId: 'gep-eco-loan',
    pledges: [{ type: 'gep', unitCode: 'dongtan-plot-07' }],
    requestedAmount: '400000.00',
    termMonths: 36,
    guarantee: 'guaranteed',
    ecoPledgeSigned: true,
    ...extra,
  });

  it('the ceiling respects each pledge’s ratio, the grade’s multiplier and the product cap', async () => {
    const { w, firm } = await borrower();
    const res = await assess(
      w,
      request(firm, {
        pledges: [
          { type: 'gep', unitCode: 'dongtan-plot-07' },
          { type: 'forest-rights', reference: '沪崇林权〔2024〕18号', appraisedValue: '200000.00' },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ eligible: true, failedConditions: [], grade: 'green', lineMultiplier: '1.3', rateAdjustmentBp: -100 });
    expect(res.json.pledges).toEqual([
      expect.objectContaining({ type: 'gep', basis: '1500000.00', ratio: '0.3', ceiling: '450000.00' }),
      expect.objectContaining({ type: 'forest-rights', basis: '200000.00', ratio: '0.6', ceiling: '120000.00' }),
    ]);
    // (450 000 + 120 000) × 1.3 = 741 000, under the 1 000 000 cap for a guaranteed firm loan.
    expect(res.json).toMatchObject({ pledgeTotal: '570000.00', ceiling: '741000.00', withinCeiling: true });
    expect(res.json.ruleSets.map((r: { id: string }) => r.id)).toEqual(['gep-eco-loan', 'firm-env-credit', 'firm-behaviours', 'gep-method']);

    const unsecured = await assess(w, request(firm, { guarantee: 'none' }));
    expect(unsecured.json).toMatchObject({ ceiling: '300000.00', cap: { max: '300000.00', guarantee: 'none' }, withinCeiling: false });
    expect(unsecured.json.reasons.join('\n')).toMatch(/caps firm loans with guarantee 'none' at 300000.00/);
  });

  it('a better grade lowers the rate by the product’s basis points', async () => {
    const { w, firm } = await borrower();
    expect((await assess(w, request(firm))).json).toMatchObject({ grade: 'green', rateAdjustmentBp: -100 });
    await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          { subject: { id: firm }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-10-01', evidence: '在线监测' },
          { subject: { id: firm }, code: 'RECTIFICATION-OVERDUE', occurredOn: '2026-10-05', evidence: '复查' },
        ],
      },
    });
    const blue = await assess(w, request(firm));
    expect(blue.json).toMatchObject({ grade: 'blue', rateAdjustmentBp: -50, lineMultiplier: '1.2', ceiling: '540000.00' });
  });

  it('a borrower with a recent major incident is ineligible with that reason, and gets no ceiling', async () => {
    const { w, firm } = await borrower();
    const rec = await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [{ subject: { id: firm }, code: 'INCIDENT-MAJOR', occurredOn: '2025-03-10', endedOn: '2025-03-20', evidence: '崇应急〔2025〕2号' }],
      },
    });
    const res = await assess(w, request(firm, { ecoPledgeSigned: false }));
    expect(res.json).toMatchObject({ eligible: false, ceiling: '0.00', rateAdjustmentBp: 0 });
    const conditions = res.json.failedConditions.map((f: { condition: string }) => f.condition);
    expect(conditions).toEqual(['min-grade', 'major-incident', 'black-list', 'eco-pledge']);
    expect(res.json.failedConditions[1].reason).toContain(rec.json.events[0].eventId);
  });

  it('an administrative penalty in the last 12 months makes the borrower ineligible', async () => {
    const { w, firm } = await borrower();
    await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          {
            subject: { id: firm },
            code: 'ENV-PENALTY',
            occurredOn: '2026-02-01',
            evidence: 'p',
            amounts: [{ name: 'fine_yuan', value: '10000', unit: 'yuan' }],
          },
        ],
      },
    });
    const res = await assess(w, request(firm));
    expect(res.json.failedConditions).toEqual([expect.objectContaining({ condition: 'admin-penalty' })]);
  });

  it('a pledge of an asset the borrower does not own is refused and nothing is written', async () => {
    const { w, firm, token } = await borrower();
    const other = await w.register('chongming', 'firm', IDS.firmA);
    await plot(w, other, 'someone-elses-forest');
    const res = await assess(w, request(firm, { pledges: [{ type: 'gep', unitCode: 'someone-elses-forest' }] }));
    expect(expectProblem(res, 422).errors?.[0]).toMatchObject({
      pointer: '/pledges/0/unitCode',
      detail: "the borrower does not own 'someone-elses-forest'",
    });
    expectProblem(
      await assess(
        w,
        request(firm, { pledges: [{ type: 'water-rights', reference: 'x', appraisedValue: '100.00' }], productId: 'carbon-sink-loan' }),
      ),
      422,
    );
    const log = await w.call('GET', `${D}/query-log`, { as: token });
    expect(log.json.items.filter((e: { action: string }) => e.action === 'assessGepLoan')).toHaveLength(0);
  });

  it('needs a consent that covers GEP assets', async () => {
    const { w, firm } = await borrower();
    const other = await w.register('chongming', 'firm', IDS.firmA);
    const token = await w.token('firm', IDS.firmA);
    const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0].id;
    await w.call('POST', `${D}/consents`, { as: token, body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] } });
    expect(expectProblem(await assess(w, request(other)), 403).type).toMatch(/scope-not-granted/);
    expect((await assess(w, request(firm))).status).toBe(201);
  });

  it('lists the products in force, and puts an assessment in a signed report', async () => {
    const { w, firm, token, bank } = await borrower();
    const products = await w.call('GET', `${D}/loan-products`, { as: w.keys.chongming.bank });
    expect(products.json.items.map((p: { id: string }) => p.id).sort()).toEqual(['carbon-sink-loan', 'gep-eco-loan']);
    const assessment = await assess(w, request(firm));
    const report = await w.call('POST', `${D}/reports`, {
      as: w.keys.chongming.bank,
      body: { subjectId: firm, purpose: 'loan-application', scopes: ['credit', 'gep-assets'], assessmentIds: [assessment.json.id] },
    });
    expect(report.status, report.text).toBe(201);
    const payload = decodeJwt(report.json.report) as { credentialSubject: { gepAssets: { units: unknown[]; assessments: unknown[] } }; aud: string };
    expect(payload.aud).toBe(bank.id);
    expect(payload.credentialSubject.gepAssets.units).toEqual([
      expect.objectContaining({ code: 'dongtan-plot-07', year: 2025, gep: expect.objectContaining({ total: '1500000.00' }) }),
    ]);
    expect(payload.credentialSubject.gepAssets.assessments).toEqual([
      expect.objectContaining({ id: assessment.json.id, eligible: true, ceiling: '585000.00', rateAdjustmentBp: -100 }),
    ]);
    // The report reads the assessment back as stored: what the bank was answered, reasons and all.
    const { eligible, failedConditions, ceiling, rateAdjustmentBp, reasons } = assessment.json;
    expect(payload.credentialSubject.gepAssets.assessments).toEqual([
      { id: assessment.json.id, at: expect.any(String), product: expect.any(Object), eligible, failedConditions, ceiling, rateAdjustmentBp, reasons },
    ]);
    const log = await w.call('GET', `${D}/query-log`, { as: token });
    expect(log.json.items.map((e: { action: string }) => e.action)).toEqual(['issueCreditReport', 'assessGepLoan']);
  });
});

describe('a bureau revises its GEP method', () => {
  const method = (version: number, unit: string, price: string) => `id: gep-method
kind: gep-method
version: ${version}
district: chongming
effectiveFrom: 2026-11-24
title: 水源涵养（第${version}版）
# This revision accounts water conservation only: the shipped worked example is restated for it.
examples:
  - name: 东滩湿地7号地块2025年水源涵养与固碳
    input: { measurements: [{ indicator: water-conservation, value: '1', unit: ${unit} }] }
    expect: { rows: { water-conservation: '${price}' } }
body:
  standard: 《生态系统生产总值核算技术规范》
  primary: true
  indicators:
    - code: water-conservation
      title: 水源涵养
      category: regulating
      subtotal: 水源涵养
      quantity: { unit: ${unit} }
      price: { value: '${price}', unit: yuan/${unit}, year: 2025, source: 水库单位库容造价 }
`;

  async function publishMethod(w: World, source: string) {
    const uploaded = await w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source } });
    expect(uploaded.status).toBe(201);
    const published = await w.call('POST', `${D}/rule-set-versions/${uploaded.json.versionId}/publication`, {
      as: w.keys.chongming.bureau,
      body: {},
    });
    expect(published.status).toBe(200);
    w.clock.set(new Date(w.clock.now().getTime() + 60_000));
  }

  it('a measurement keeps its recorded unit: a revision from m3 to 亿m3 with the equivalent price leaves the account as it was', async () => {
    const w = await createWorld();
    await plot(w, null);
    await publishMethod(w, method(2, 'm3', '6.11'));
    const recorded = await measure(w, 'dongtan-plot-07', 2025, [m('water-conservation', '1', 'yi-m3')]);
    expect(recorded.status).toBe(201);
    const account = () => w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.bureau });
    const before = await account();
    // 1 亿 m3 = 100 000 000 m3 × 6.11 yuan/m3
    expect(before.json.total).toBe('611000000.00');
    expect(before.json.rows[0]).toMatchObject({ quantity: '100000000', quantityUnit: 'm3', measured: { value: '1', unit: 'yi-m3' } });

    // The revision counts in 亿 m3, priced at 6.11 × 10^8 yuan per 亿 m3: the same money.
    await publishMethod(w, method(3, 'yi-m3', '611000000'));
    // The account already read keeps its method version …
    expect((await account()).json.ruleSet.version).toBe(2);
    // … until the bureau closes it with the method in force now.
    const closed = await w.call('POST', `${D}/gep-units/dongtan-plot-07/accounts/2025/closure`, {
      as: w.keys.chongming.bureau,
      body: { rebase: true },
    });
    expect(closed.status).toBe(201);
    expect(closed.json.ruleSet.version).toBe(3);
    expect(closed.json.rows[0]).toMatchObject({ quantity: '1', quantityUnit: 'yi-m3', measured: { value: '1', unit: 'yi-m3' } });
    expect(closed.json.total).toBe('611000000.00');
  });

  it('a revision whose unit can no longer take a measurement lists it as not assessed, saying why, never as 0', async () => {
    const w = await createWorld();
    await plot(w, null);
    await publishMethod(w, method(2, 'm3', '6.11'));
    await measure(w, 'dongtan-plot-07', 2025, [m('water-conservation', '152.37', 'wan-m3')]);
    await publishMethod(w, method(3, 't', '6.11'));
    const account = await w.call('GET', `${D}/gep-units/dongtan-plot-07/accounts/2025`, { as: w.keys.chongming.bureau });
    expect(account.json.rows[0]).toMatchObject({ status: 'not-assessed', value: null, measured: { value: '152.37', unit: 'wan-m3' } });
    expect(account.json.rows[0].note).toMatch(/measured in wan-m3, which the method's t cannot take/);
    expect(account.json.notAssessed).toEqual(['water-conservation']);
  });
});
