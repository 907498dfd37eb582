import { readFileSync } from 'node:fs';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const townFund = readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8').replace('district: default', 'district: chongming');

const towns = [
  {
    id: 'chenjia',
    name: '陈家镇',
    values: { gep: '8120000000', redline_area: '5210', forest_area: '3120', assessment: '92', last_year: '9800000.00' },
  },
  {
    id: 'xinhe',
    name: '新河镇',
    values: { gep: '3050000000', redline_area: '1810', forest_area: '1420', assessment: '85', last_year: '3900000.00' },
  },
  {
    id: 'gangyan',
    name: '港沿镇',
    values: { gep: '2210000000', redline_area: '960', forest_area: '1980', assessment: '78', last_year: '3100000.00' },
  },
  { id: 'miaozhen', name: '庙镇', values: { gep: '1900000000', redline_area: '700', forest_area: '880', assessment: '88' } },
  { id: 'lvhua', name: '绿华镇', values: { gep: '450000000', redline_area: '120', forest_area: '210', assessment: '95' } },
];

const run = (w: World, body: Record<string, unknown>) => w.call('POST', `${D}/allocations`, { as: w.keys.chongming.bureau, body });
const upload = async (w: World, source: string) => {
  const res = await w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source } });
  expect(res.status, res.text).toBe(201);
  return res.json.versionId as string;
};
const sum = (xs: Array<{ amount: string }>) => xs.reduce((s, x) => s.plus(x.amount), new Decimal(0)).toFixed(2);

describe('a bureau allocates the town fund', () => {
  it('every town gets its share to the fen, summing exactly to the fund, with its inputs, shares, weights and steps', async () => {
    const w = await createWorld();
    const res = await run(w, {
      ruleSetId: 'town-eco-fund',
      period: '2026',
      fund: '30000000.00',
      recipients: towns,
      parameters: { floor_amount: '2000000.00' },
    });
    expect(res.status, res.text).toBe(201);
    const result = res.json.result;
    expect(sum(result.recipients)).toBe('30000000.00');
    expect(result).toMatchObject({
      scheme: 'split',
      fund: '30000000.00',
      rounding: { method: 'largest-remainder', unit: '0.01' },
      ruleSet: { id: 'town-eco-fund' },
    });
    const chenjia = result.recipients.find((r: { id: string }) => r.id === 'chenjia');
    expect(chenjia.weights).toEqual({ gep: '0.4', redline_area: '0.3', forest_area: '0.2', assessment: '0.1' });
    expect(Number(chenjia.shares.gep)).toBeCloseTo(8120 / 15730, 9);
    // The largest town would get more than 30% of the fund: it is capped, the rest share what it frees.
    expect(chenjia).toMatchObject({ constrained: 'cap', amount: '9000000.00' });
    expect(chenjia.components.map((c: { name: string }) => c.name)).toEqual(['weighted-share', 'cap']);
    // Lvhua is small: it is raised to the negotiated floor of 2 000 000.
    expect(result.recipients.find((r: { id: string }) => r.id === 'lvhua')).toMatchObject({ constrained: 'floor', amount: '2000000.00' });
    expect(result.parameters).toEqual({ floor_amount: '2000000' });
  });

  it('a floor and a cap interact: hold-harmless lifts a town whose share fell, the cap still holds, the fund still adds up', async () => {
    const w = await createWorld();
    const shrinking = towns.map((t) => (t.id === 'gangyan' ? { ...t, values: { ...t.values, last_year: '6000000.00' } } : t));
    const res = await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients: shrinking });
    const byId = Object.fromEntries(res.json.result.recipients.map((r: { id: string }) => [r.id, r]));
    expect(byId.gangyan).toMatchObject({ constrained: 'floor', amount: '4800000.00' });
    expect(byId.chenjia).toMatchObject({ constrained: 'cap', amount: '9000000.00' });
    expect(sum(res.json.result.recipients)).toBe('30000000.00');
    // Floors that cannot be met are refused, not silently scaled.
    const impossible = await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '2000000.00', recipients: towns });
    expect(expectProblem(impossible, 422).errors?.[0]?.pointer).toBe('/split/floor');
  });

  it('refuses a missing factor, a value out of range, and a zero or negative fund, naming the recipient and the field', async () => {
    const w = await createWorld();
    const missing = towns
      .map((t) => (t.id === 'xinhe' ? { ...t, values: { ...t.values, forest_area: undefined } } : t))
      .map((t) => ({ ...t, values: JSON.parse(JSON.stringify(t.values)) }));
    const a = expectProblem(await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '1000000.00', recipients: missing }), 422);
    expect(a.errors?.[0]).toMatchObject({ pointer: '/recipients/1/values/forest_area' });
    expect(a.detail).toMatch(/town-eco-fund: recipient 'xinhe' has no value for 'forest_area'/);
    const outOfRange = towns.map((t) => (t.id === 'lvhua' ? { ...t, values: { ...t.values, assessment: '120' } } : t));
    expect(
      expectProblem(await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients: outOfRange }), 422).detail,
    ).toMatch(/'lvhua': 'assessment' = 120 is outside \[0, 100\]/);
    expect(expectProblem(await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '0', recipients: towns }), 422).errors?.[0]?.pointer).toBe(
      '/fund',
    );
    expectProblem(await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '-5.00', recipients: towns }), 422);
    const outOfParam = await run(w, {
      ruleSetId: 'town-eco-fund',
      period: '2026',
      fund: '30000000.00',
      recipients: towns,
      parameters: { floor_amount: '5000000' },
    });
    expect(expectProblem(outOfParam, 422).errors?.[0]?.pointer).toBe('/parameters/floor_amount');
  });

  it('allocations sum to the fund to the fen for random funds and factors', async () => {
    const w = await createWorld();
    const recipient = fc.record({
      gep: fc.integer({ min: 0, max: 10_000_000 }),
      redline: fc.integer({ min: 0, max: 5000 }),
      forest: fc.integer({ min: 1, max: 5000 }),
      assessment: fc.integer({ min: 0, max: 100 }),
    });
    // Funds the property ran through to an allocation, and of those the ones with fen: the point of it.
    let allocated = 0;
    let allocatedWithFen = 0;
    await fc.assert(
      fc.asyncProperty(
        // The fund in fen: 10 000.00 to 90 000 000.00 yuan, most of them with fen.
        fc.integer({ min: 1_000_000, max: 9_000_000_000 }),
        fc.array(recipient, { minLength: 4, maxLength: 30 }),
        async (fen, rows) => {
          const fund = new Decimal(fen).div(100).toFixed(2);
          const recipients = rows.map((r, i) => ({
            id: `town-${String(i).padStart(2, '0')}`,
            values: { gep: String(r.gep), redline_area: String(r.redline), forest_area: String(r.forest), assessment: String(r.assessment) },
          }));
          const parameters = { floor_amount: '0' };
          const res = await w.call('POST', `${D}/rule-set-versions/${await townFundVersion(w)}/simulation`, {
            as: w.keys.chongming.bureau,
            body: { inputs: { period: '2026', fund, recipients, parameters } },
          });
          if (res.status !== 200) {
            // Only one refusal is legitimate: too few recipients to take the fund under the 30% cap.
            expect(res.json.errors[0].pointer).toMatch(/\/split\/(cap|factors)/);
            return;
          }
          expect(sum(res.json.result.recipients)).toBe(fund);
          for (const r of res.json.result.recipients) expect(r.amount).toMatch(/^\d+\.\d{2}$/);
          allocated += 1;
          if (!fund.endsWith('.00')) allocatedWithFen += 1;
        },
      ),
      { numRuns: 60, seed: 20261124 },
    );
    // A property whose every run was refused, or whose funds were all whole yuan, would have proved nothing.
    expect(allocated).toBeGreaterThan(30);
    expect(allocatedWithFen).toBeGreaterThan(allocated / 2);
  }, 60_000);
});

let cachedVersion: { world: World; id: string } | undefined;
async function townFundVersion(w: World): Promise<string> {
  if (cachedVersion?.world === w) return cachedVersion.id;
  const versions = await w.call('GET', `${D}/rule-sets/town-eco-fund/versions`, { as: w.keys.chongming.bureau });
  cachedVersion = { world: w, id: versions.json.items[0].versionId };
  return cachedVersion.id;
}

describe('a bureau changes the weights', () => {
  it('simulates a draft, sees exactly who gains and who loses, and the changes sum to zero', async () => {
    const w = await createWorld();
    await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients: towns });
    const draft = await upload(
      w,
      townFund
        .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.3' }")
        .replace("{ input: assessment, weight: '0.1' }", "{ input: assessment, weight: '0.2' }")
        .replace('version: 1', 'version: 2'),
    );
    const simulated = await w.call('POST', `${D}/rule-set-versions/${draft}/simulation`, { as: w.keys.chongming.bureau, body: {} });
    expect(simulated.json.inputsFrom).toBe('last-run');
    expect(sum(simulated.json.result.recipients)).toBe('30000000.00');

    const diff = await w.call('POST', `${D}/rule-sets/town-eco-fund/diff`, { as: w.keys.chongming.bureau, body: { candidateVersionId: draft } });
    expect(diff.status, diff.text).toBe(200);
    expect(diff.json.totalChange).toBe('0.00');
    expect(diff.json.changes.reduce((s: Decimal, c: { change: string }) => s.plus(c.change), new Decimal(0)).toFixed(2)).toBe('0.00');
    const xinhe = diff.json.changes.find((c: { id: string }) => c.id === 'xinhe');
    expect(new Decimal(xinhe.after).minus(xinhe.before).toFixed(2)).toBe(xinhe.change);
    expect(Number(xinhe.changePercent)).toBeCloseTo((Number(xinhe.change) / Number(xinhe.before)) * 100, 2);
    expect(diff.json.summary.before).toEqual({ mean: '6000000.00', median: expect.stringMatching(/^\d+\.\d{2}$/), gini: expect.any(Number) });
    expect(diff.json.summary.after.gini).not.toBe(diff.json.summary.before.gini);
  });

  it('a weight set that does not sum to 1 and a gap between tiers are refused with their lines', async () => {
    const w = await createWorld();
    const badWeights = townFund.replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.45' }");
    const res = await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: badWeights } });
    expect(expectProblem(res, 422).errors?.[0]).toMatchObject({
      pointer: '/body/split/factors',
      detail: 'weights sum to 1.05, not 1',
      line: expect.any(Number),
    });
    const agreement = readFileSync('scoring-rules/compensation-basin-agreement.yaml', 'utf8');
    const gap = agreement.replace("{ from: '0.8', fromInclusive: false, to: '0.95'", "{ from: '0.8', fromInclusive: false, to: '0.9'");
    const gapRes = await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: gap } });
    expect(expectProblem(gapRes, 422).errors?.[0]?.detail).toMatch(/tier 3 must start where tier 2 ends \(0.9\)/);
    const overlap = agreement.replace("{ from: '0.8', fromInclusive: false, to: '0.95'", "{ from: '0.8', fromInclusive: true, to: '0.95'");
    expect(
      expectProblem(await w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source: overlap } }), 422).errors?.[0]
        ?.detail,
    ).toMatch(/overlap/);
  });

  it('a publication takes effect on its date, and an old run is re-run to the fen with the version it used', async () => {
    const w = await createWorld();
    const first = await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients: towns });
    const changed = townFund
      .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.2' }")
      .replace("{ input: forest_area, weight: '0.2' }", "{ input: forest_area, weight: '0.4' }")
      .replace('version: 1', 'version: 2');
    const publication = (versionId: string, body: Record<string, unknown>) =>
      w.call('POST', `${D}/rule-set-versions/${versionId}/publication`, { as: w.keys.chongming.bureau, body });
    // The shipped file's own date (2026-01-01) has passed: publishing it would rewrite the past.
    const stale = await upload(w, changed);
    const past = expectProblem(await publication(stale, {}), 400);
    expect(past.errors?.[0]).toMatchObject({ pointer: '/effectiveFrom' });
    expect(past.detail).toMatch(/2026-01-01, which has passed/);

    const draft = await upload(w, changed.replace('effectiveFrom: 2026-01-01', 'effectiveFrom: 2026-12-01'));
    // A publication cannot give the file another date than its own.
    const contradiction = expectProblem(await publication(draft, { effectiveFrom: '2027-01-01' }), 422);
    expect(contradiction.type).toMatch(/publication-date-contradicts-file$/);
    expect(contradiction.detail).toMatch(/the file says effectiveFrom 2026-12-01/);
    const published = await publication(draft, { effectiveFrom: '2026-12-01' });
    expect(published.json).toMatchObject({ status: 'published', effectiveFrom: '2026-12-01', publishedBy: w.clientIds.chongming.bureau });
    expectProblem(await publication(draft, {}), 409);

    const stillOld = await run(w, { ruleSetId: 'town-eco-fund', period: '2026', fund: '30000000.00', recipients: towns });
    expect(stillOld.json.result.ruleSet.hash).toBe(first.json.result.ruleSet.hash);
    expect(stillOld.json.result.recipients).toEqual(first.json.result.recipients);

    w.clock.set('2026-11-30T16:00:00Z'); // 1 December in China
    const next = await run(w, { ruleSetId: 'town-eco-fund', period: '2027', fund: '30000000.00', recipients: towns });
    expect(next.json.versionId).toBe(draft);
    expect(next.json.result.ruleSet.version).toBe(2);

    const replay = await w.call('GET', `${D}/allocations/${first.json.id}?recompute=true`, { as: w.keys.chongming.auditor });
    expect(replay.json).toMatchObject({ reproduced: true, versionId: first.json.versionId });
    expect(replay.json.result).toEqual(first.json.result);
    const history = await w.call('GET', `${D}/rule-sets/town-eco-fund/versions`, { as: w.keys.chongming.auditor });
    expect(history.json.items.map((v: { status: string; version: number; effectiveFrom: string }) => [v.version, v.status, v.effectiveFrom])).toEqual(
      [
        [2, 'published', '2026-12-01'],
        [2, 'draft', '2026-01-01'],
        [1, 'published', '2026-01-01'],
      ],
    );
  });
});

describe('an upstream/downstream water agreement', () => {
  const quality = (scale: number) => ({
    c_codmn: (2.0 * scale).toFixed(6),
    c_nh3n: (0.2 * scale).toFixed(6),
    c_tn: (1.0 * scale).toFixed(6),
    c_tp: (0.05 * scale).toFixed(6),
    s_codmn: '2.0',
    s_nh3n: '0.2',
    s_tn: '1.0',
    s_tp: '0.05',
    exceedance_multiple: '0',
    nh3n_excess_load: '0',
  });
  const settle = (w: World, values: Record<string, string>) => run(w, { ruleSetId: 'basin-water-agreement', period: '2026', values });

  it('an index just over the threshold reverses the direction of payment', async () => {
    const w = await createWorld();
    // P = 0.85 × scale: at scale 1/0.85 P is exactly 1; a hair above, upstream pays.
    const below = await settle(w, quality(1.17));
    // 0.85 × 1.17 = 0.9945, exactly, as a decimal string.
    expect(below.json.result.index).toMatchObject({ value: '0.9945', comparison: 'below' });
    expect(below.json.result.flows).toEqual([{ payer: 'downstream', payee: 'upstream', amount: '100000000.00' }]);
    const justOver = await settle(w, quality(1.1765));
    expect(justOver.json.result.index).toMatchObject({ value: '1.000025', comparison: 'above' });
    expect(justOver.json.result.flows[0]).toMatchObject({ payer: 'upstream', payee: 'downstream' });
    expect(justOver.json.result.index.direction).toBe('upstream (upstream) pays downstream (downstream)');
    const net = justOver.json.result.net as Array<{ net: string }>;
    expect(net.reduce((s, n) => s.plus(n.net), new Decimal(0)).toFixed(2)).toBe('0.00');
  });

  it('tiers, steps with their rounding mode, caps and unit conversions each show their part', async () => {
    const w = await createWorld();
    const res = await settle(w, { ...quality(0.9), exceedance_multiple: '1.4', nh3n_excess_load: '2500000' });
    const parts = Object.fromEntries(res.json.result.recipients[0].components.map((c: { name: string; after: string }) => [c.name, c.after]));
    // P = 0.765: the best tier; 1.4 × = two full steps of 0.5; 2.5e6 mg/L·m3 = 2.5e6 g = 2.5 t of ammonia × 20 000 yuan.
    expect(parts).toEqual({
      'agreed-amount': '100000000.00',
      'quality-band': '20000000.00',
      'exceedance-steps': '1000000.00',
      'ammonia-load': '50000.00',
    });
    expect(res.json.result.total).toBe('121050000.00');
    const capped = await settle(w, { ...quality(0.9), exceedance_multiple: '7.9' });
    const steps = capped.json.result.recipients[0].components.find((c: { name: string }) => c.name === 'exceedance-steps');
    expect(steps).toMatchObject({ before: '7500000.00', after: '5000000.00' });
  });

  it('a negotiated parameter outside its range and a missing concentration are refused', async () => {
    const w = await createWorld();
    expect(
      expectProblem(await run(w, { ruleSetId: 'basin-water-agreement', period: '2026', values: quality(1), parameters: { k0: '0.95' } }), 422).detail,
    ).toMatch(/k0.*outside its agreed range \[0.80, 0.90\]/);
    const { c_tp: _missing, ...partial } = quality(1);
    expect(expectProblem(await settle(w, partial), 422).errors?.[0]?.pointer).toBe('/values/c_tp');
  });
});

describe('pools and payrolls', () => {
  it('three provinces paying 1:5:4 into a pool shared 3:4:3: each one’s net, summing to zero', async () => {
    const w = await createWorld();
    const res = await run(w, { ruleSetId: 'tri-province-pool', period: '2026', fund: '10000000.00' });
    expect(res.json.result.net).toEqual([
      { party: 'province-a', contributes: '1000000.00', receives: '3000000.00', net: '2000000.00' },
      { party: 'province-b', contributes: '5000000.00', receives: '4000000.00', net: '-1000000.00' },
      { party: 'province-c', contributes: '4000000.00', receives: '3000000.00', net: '-1000000.00' },
    ]);
    expect(res.json.result.flows).toEqual([
      { payer: 'province-b', payee: 'province-a', amount: '1000000.00' },
      { payer: 'province-c', payee: 'province-a', amount: '1000000.00' },
    ]);
    const odd = await run(w, { ruleSetId: 'tri-province-pool', period: '2026', fund: '10000000.01' });
    const total = (key: 'contributes' | 'receives') =>
      odd.json.result.net.reduce((s: Decimal, n: Record<string, string>) => s.plus(n[key] as string), new Decimal(0)).toFixed(2);
    expect([total('contributes'), total('receives')]).toEqual(['10000000.01', '10000000.01']);
  });

  it('forest rangers: a yearly standard paid pro rata, part fixed and part by assessment', async () => {
    const w = await createWorld();
    const res = await run(w, {
      ruleSetId: 'forest-ranger-payroll',
      period: '2026-H2',
      fund: '20000.00',
      recipients: [
        { id: 'ranger-001', name: '王林', values: { months: '6', score: '80' } },
        { id: 'ranger-002', name: '赵山', values: { months: '4', score: '100' } },
      ],
    });
    // 10 000 × 6/12 × (0.6 + 0.4 × 0.8) = 4600; 10 000 × 4/12 × 1 = 3333.33
    expect(res.json.result.recipients.map((r: { amount: string }) => r.amount)).toEqual(['4600.00', '3333.33']);
    expect(res.json.result.total).toBe('7933.33');
    expectProblem(
      await run(w, {
        ruleSetId: 'forest-ranger-payroll',
        period: '2026',
        fund: '5000.00',
        recipients: [{ id: 'r', values: { months: '12', score: '90' } }],
      }),
      422,
    );
  });

  it('only the bureau runs and publishes; auditors read', async () => {
    const w = await createWorld();
    expectProblem(
      await w.call('POST', `${D}/allocations`, {
        as: w.keys.chongming.auditor,
        body: { ruleSetId: 'tri-province-pool', period: '2026', fund: '1.00' },
      }),
      403,
    );
    expectProblem(
      await w.call('POST', `${D}/allocations`, { as: w.keys.chongming.bank, body: { ruleSetId: 'tri-province-pool', period: '2026', fund: '1.00' } }),
      403,
    );
    const mine = await run(w, { ruleSetId: 'tri-province-pool', period: '2026', fund: '1.00' });
    expect((await w.call('GET', `${D}/allocations/${mine.json.id}`, { as: w.keys.chongming.auditor })).status).toBe(200);
    expectProblem(await w.call('GET', `/v1/districts/lishui/allocations/${mine.json.id}`, { as: w.keys.lishui.auditor }), 404);
  });
});

describe('a bureau that works in a text editor', () => {
  it('simulates and diffs local rule files from the command line', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'eco-alloc-'));
    try {
      const inputs = join(dir, 'inputs.json');
      writeFileSync(inputs, JSON.stringify({ period: '2026', fund: '30000000.00', recipients: towns.map(({ id, values }) => ({ id, values })) }));
      const candidate = join(dir, 'candidate.yaml');
      writeFileSync(
        candidate,
        townFund
          .replace("{ input: gep, weight: '0.4' }", "{ input: gep, weight: '0.3' }")
          .replace("{ input: assessment, weight: '0.1' }", "{ input: assessment, weight: '0.2' }"),
      );
      const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
      const cli = (...args: string[]) => promisify(execFile)(tsx, ['src/cli.ts', 'rules', ...args], { env: { ...process.env, DATA_DIR: dir } });
      const sim = await cli('simulate', 'scoring-rules/compensation-town-fund.yaml', '--inputs', inputs, '--json');
      const result = JSON.parse(sim.stdout) as { recipients: Array<{ amount: string }>; total: string };
      expect(sum(result.recipients)).toBe('30000000.00');
      const d = await cli('diff', 'scoring-rules/compensation-town-fund.yaml', candidate, '--inputs', inputs);
      expect(d.stdout).toMatch(/total change 0\.00/);
      expect(d.stdout).toMatch(/Gini/);
      const broken = join(dir, 'broken.yaml');
      writeFileSync(broken, townFund.replace("weight: '0.4'", "weight: '0.5'"));
      const bad = await cli('simulate', broken, '--inputs', inputs).catch((e: { stderr: string; code: number }) => e);
      expect(bad).toMatchObject({ code: 1 });
      expect((bad as { stderr: string }).stderr).toMatch(/broken\.yaml:\d+ \/body\/split\/factors: weights sum to 1.1, not 1/);
      // An inputs file with a wrong field is refused naming the file and the field; nothing is printed as a result.
      const wrong = join(dir, 'wrong.json');
      writeFileSync(wrong, JSON.stringify({ period: '2026', fund: '3万', recipients: [] }));
      const refused = await cli('simulate', 'scoring-rules/compensation-town-fund.yaml', '--inputs', wrong).catch(
        (e: { stderr: string; stdout: string; code: number }) => e,
      );
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect((refused as { stderr: string }).stderr).toMatch(/wrong\.json \/fund: yuan as a decimal string to the fen/);
      writeFileSync(wrong, '{ "period": ');
      const notJson = await cli('diff', 'scoring-rules/compensation-town-fund.yaml', candidate, '--inputs', wrong).catch(
        (e: { stderr: string; code: number }) => e,
      );
      expect(notJson).toMatchObject({ code: 1 });
      expect((notJson as { stderr: string }).stderr).toMatch(/wrong\.json: not JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("a diff's summary statistics", () => {
  it('are exact to the fen: the mean and median worked out in fen, half up, the median of an even count the mean of the middle two', async () => {
    const { summary } = await import('../src/compensation/statistics.js');
    expect(summary(['0.01', '0.02'])).toMatchObject({ mean: '0.02', median: '0.02' });
    expect(summary(['0.10', '0.20', '0.70'])).toMatchObject({ mean: '0.33', median: '0.20' });
    // Doubles would give 0.30000000000000004 here; the fen do not.
    expect(summary(['0.10', '0.20', '0.60'])).toMatchObject({ mean: '0.30', median: '0.20' });
    expect(summary([])).toEqual({ mean: '0.00', median: '0.00', gini: 0 });
    expect(summary(['100.00', '100.00']).gini).toBe(0);
  });
});

describe('the same allocation on every storage engine', () => {
  it('through the API on SQLite it is exactly what the pure engine gives (the workerd suite checks the same on D1)', async () => {
    const { allocate } = await import('../src/rules/kinds/allocation/allocate.js');
    const { compiledOf } = await import('../src/rules/compiled-cache.js');
    const { parseRuleFile } = await import('../src/rules/rule-file.js');
    const { RuleSetDocument } = await import('../src/rules/envelope.js');
    const w = await createWorld();
    const input = {
      period: '2026',
      fund: '30000000.01',
      recipients: towns.filter((t) => t.id !== 'miaozhen').map(({ id, values }) => ({ id, values: { ...values, last_year: undefined } })),
    };
    const clean = JSON.parse(JSON.stringify(input));
    const res = await run(w, { ruleSetId: 'town-eco-fund', ...clean });
    const parsed = await parseRuleFile(readFileSync('scoring-rules/compensation-town-fund.yaml', 'utf8'), 'town');
    if (!parsed.ok) throw new Error('invalid');
    const doc = RuleSetDocument.parse(parsed.ruleSet.content);
    if (doc.kind !== 'allocation') throw new Error('not an allocation');
    const pure = allocate(compiledOf(doc, parsed.ruleSet.hash), clean);
    expect(res.json.result.recipients.map((r: { amount: string }) => r.amount)).toEqual(pure.recipients.map((r) => r.amount));
    expect(res.json.result.ruleSet.hash).toBe(parsed.ruleSet.hash);
    // The same figures are asserted by the workerd suite on D1 (tests/workers/journeys.test.ts).
    expect(pure.recipients.map((r) => r.amount)).toEqual(['9000000.01', '9000000.00', '9000000.00', '3000000.00']);
  });
});
