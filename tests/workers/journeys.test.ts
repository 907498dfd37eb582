/**
 * The main journeys inside workerd on local D1: the same app and the same answers as on better-sqlite3.
 */
import { applyD1Migrations, env, SELF } from 'cloudflare:test';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import Decimal from 'decimal.js';
import { compactVerify, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createDistrict } from '../../src/districts/districts.service.js';
import { createClient } from '../../src/identity/clients.service.js';
import { devIssuerConfig, generateDevIssuerKey, mintDevToken } from '../../src/identity/dev-issuer.js';
import { chinaDate, fixedClock } from '../../src/platform/clock.js';
import { memoryKeyStore } from '../../src/platform/key-store.js';
import { silentLogger } from '../../src/platform/logger.js';
import { createPresentation } from '../../src/reports/presentation.js';
import { compiledOf } from '../../src/rules/compiled-cache.js';
import { RuleSetDocument } from '../../src/rules/envelope.js';
import { allocate } from '../../src/rules/kinds/allocation/allocate.js';
import { parseRuleFile } from '../../src/rules/rule-file.js';
import { shippedRules } from '../../src/rules/shipped-rules.generated.js';
import { type WorkerEnv, workerDeps } from '../../src/worker.js';
import {
  AMMONIA_PARTS,
  AMMONIA_VALUES,
  ammoniaAgreement,
  NETTING_BETTER,
  NETTING_BETTER_FLOWS,
  STATION_2025,
  STATION_2025_ROWS,
  STATION_2025_TOTAL,
} from '../support/rule-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: the test env carries bindings declared in the vitest config.
const testEnv = env as any;

/** Every journey happens at this instant, so that the suite gives the same answers in any year. */
const NOW = '2026-11-24T02:00:00Z';
const TODAY = chinaDate(new Date(NOW));
const YEAR = TODAY.slice(0, 4);
const daysFrom = (days: number): string => chinaDate(new Date(Date.parse(NOW) + days * 86_400_000));

type Role = 'bureau' | 'recorder' | 'greening' | 'bank' | 'auditor';
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on them.
type Call = (method: string, path: string, as: string, body?: unknown) => Promise<{ status: number; json: any }>;

let devKey: JWK;

beforeAll(async () => {
  await applyD1Migrations(testEnv.DB_CHONGMING, testEnv.TEST_MIGRATIONS);
  devKey = await generateDevIssuerKey();
});

/**
 * A world of a test's own: a district of its own in the suite's one D1 database, with the shipped rules,
 * one client per role, a fixed clock and an app over them. No test sees another's subjects or writes.
 */
async function createWorld(districtId: string, name = '测试区') {
  const base = workerDeps(testEnv as WorkerEnv, testEnv.DB_CHONGMING);
  const clock = fixedClock(NOW);
  const deps = {
    ...base,
    clock,
    signingKeys: memoryKeyStore(),
    subjectIssuers: [devIssuerConfig(devKey)],
    logger: silentLogger,
    config: { ...base.config, environment: 'test' as const },
  };
  const ctx = {
    deps,
    districtId,
    now: clock.now(),
    principal: { type: 'client' as const, clientId: 'test', districtId, role: 'bureau' as const, agency: null, name: 'test' },
  };
  await createDistrict(ctx, name, deps.shippedRules);
  const keys = {} as Record<Role, string>;
  for (const [role, agency] of [['bureau'], ['recorder', '生态环境局'], ['greening', '绿化市容局'], ['bank'], ['auditor']] as const) {
    const made = await createClient(deps, { districtId, name: role, role: role === 'greening' ? 'recorder' : role, agency });
    keys[role] = made.apiKey;
  }
  const app = createApp(deps);
  const call: Call = async (method, path, as, body) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json() };
  };
  const token = (kind: 'resident' | 'firm', id: string) => mintDevToken(devKey, 'test', { kind, identifier: id, now: clock.now() });
  return { districtId, D: `/v1/districts/${districtId}`, keys, app, call, token, clock };
}

describe('inside workerd, on D1', () => {
  it('the Worker entry serves the district through its D1 binding, and finds the district of a page from its path', async () => {
    // The only district the Worker entry is bound to (DISTRICT_DATABASES): this test's alone.
    const { D, keys } = await createWorld('chongming', '上海市崇明区');
    expect((await SELF.fetch('https://eco.example/health')).status).toBe(200);
    const res = await SELF.fetch(`https://eco.example${D}`, { headers: { authorization: `Bearer ${keys.auditor}` } });
    expect(await res.json()).toMatchObject({ id: 'chongming', name: '上海市崇明区' });
    const jwks = await SELF.fetch('https://eco.example/districts/chongming/.well-known/jwks.json');
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toHaveLength(1);
    const signIn = await SELF.fetch('https://eco.example/app/districts/chongming');
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('登录 · 上海市崇明区');
  });

  it('an agency records a penalty and the firm drops a grade, with the same score and reasons as on SQLite', async () => {
    const { D, keys, call } = await createWorld('penalty');
    const firm = await call('POST', `${D}/subjects`, keys.bureau, { kind: 'firm', uscc: '91310230MA1K2B3C4P', name: '测试企业' });
    expect(firm.status).toBe(201);
    const rec = await call('POST', `${D}/credit-events`, keys.recorder, {
      events: [
        {
          subject: { id: firm.json.id },
          code: 'ENV-PENALTY',
          occurredOn: TODAY,
          evidence: 'x',
          amounts: [{ name: 'fine_yuan', value: '50000.00', unit: 'yuan' }],
        },
      ],
    });
    expect(rec.status).toBe(201);
    const score = await call('GET', `${D}/subjects/${firm.json.id}/credit-score`, keys.bureau);
    expect(score.json).toMatchObject({ score: 93, grade: 'blue' });
    expect(score.json.items.map((i: { id: string; points: number }) => [i.id, i.points])).toEqual([
      ['negative-behaviour', -5],
      ['heavy-fine', -2],
    ]);
  });

  it('50 concurrent redemptions against a balance that covers 10 succeed exactly 10 times', async () => {
    const { D, keys, call, token } = await createWorld('redemptions');
    const resident = await call('POST', `${D}/subjects`, keys.bureau, { kind: 'resident', idNumber: '310230198503121233' });
    for (const day of [daysFrom(-22), daysFrom(-15)]) {
      const award = await call('POST', `${D}/points/awards`, keys.greening, {
        holder: { id: resident.json.id },
        action: 'VOLUNTEER-DAY',
        occurredOn: day,
      });
      expect(award.status).toBe(201);
    }
    const benefit = await call('POST', `${D}/benefits`, keys.bureau, {
      name: '购物券',
      cost: 10,
      holderKinds: ['resident'],
      validFrom: daysFrom(-365),
      validUntil: daysFrom(4 * 365),
    });
    const tok = await token('resident', '310230198503121233');
    const answers = await Promise.all(Array.from({ length: 50 }, () => call('POST', `${D}/points/redemptions`, tok, { benefitId: benefit.json.id })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(40);
    const account = await call('GET', `${D}/subjects/${resident.json.id}/points`, keys.bureau);
    expect(account.json.balance).toBe(0);
  });

  it('a platform awards a batch on D1: caps and keys hold across its lines, each line with its own result', async () => {
    const { D, keys, call } = await createWorld('award-batch');
    const resident = await call('POST', `${D}/subjects`, keys.bureau, { kind: 'resident', idNumber: '310230197001010010' });
    expect(resident.status).toBe(201);
    const holder = { id: resident.json.id };
    const awards = [
      ...Array.from({ length: 6 }, () => ({ holder, action: 'WASTE-SORTING' })),
      { holder, action: 'TREE-PLANTING', amount: { value: '40', unit: 'tree' } },
    ];
    const res = await call('POST', `${D}/points/award-batches`, keys.greening, { awards });
    expect(res.status).toBe(201);
    expect(res.json.lines.map((l: { awarded: number; refused: { code: string } | null }) => [l.awarded, l.refused?.code ?? null])).toEqual([
      [2, null],
      [2, null],
      [2, null],
      [2, null],
      [2, null],
      [0, 'cap-reached'],
      [300, 'cap-reached'],
    ]);
    const account = await call('GET', `${D}/subjects/${resident.json.id}/points`, keys.bureau);
    expect(account.json.balance).toBe(310);
    // The monthly sums the statistics read are kept by the database on D1 too.
    const month = TODAY.slice(0, 7);
    const stats = await call('GET', `${D}/points/statistics?from=${month}&to=${month}`, keys.bureau);
    expect(stats.json.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actionCode: 'WASTE-SORTING', issued: 10 }),
        expect.objectContaining({ actionCode: 'TREE-PLANTING', issued: 300 }),
      ]),
    );
  });

  it('a consented bank receives a report that verifies against the district’s JWKS', async () => {
    const { D, keys, call, token, app, clock } = await createWorld('report');
    const resident = await call('POST', `${D}/subjects`, keys.bureau, { kind: 'resident', idNumber: '310230198503121233' });
    expect(resident.status).toBe(201);
    const tok = await token('resident', '310230198503121233');
    const banks = await call('GET', `${D}/banks`, tok);
    const bank = banks.json.items[0].id as string;
    expect((await call('POST', `${D}/consents`, tok, { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] })).status).toBe(201);
    const report = await call('POST', `${D}/reports`, keys.bank, {
      subjectId: resident.json.id,
      purpose: 'loan-application',
      scopes: ['credit'],
    });
    expect(report.status).toBe(201);
    const jwks = (await (await app.request('/districts/report/.well-known/jwks.json')).json()) as { keys: never[] };
    const { payload } = await jwtVerify(report.json.report, createLocalJWKSet(jwks as never), { audience: bank, currentDate: clock.now() });
    expect(payload).toMatchObject({ credentialSubject: { displayId: '310230********1233', credit: { grade: 'c', score: 80 } } });
    const log = await call('GET', `${D}/query-log`, tok);
    expect(log.json.items[0]).toMatchObject({ action: 'issueCreditReport', reportId: report.json.reportId });
  });

  it('a resident downloads its SD-JWT credential and presents two groups; an upheld objection revokes a report in the signed status list', async () => {
    const { districtId, D, keys, call, token, app, clock } = await createWorld('credential');
    const created = await call('POST', `${D}/subjects`, keys.bureau, {
      kind: 'resident',
      idNumber: '310230199207180049',
      name: '测试居民',
    });
    expect(created.status).toBe(201);
    const subjectId = created.json.id as string;
    const recorded = await call('POST', `${D}/credit-events`, keys.recorder, {
      events: [{ subject: { id: subjectId }, code: 'ILLEGAL-DISCHARGE', occurredOn: daysFrom(-54), evidence: '巡查记录' }],
    });
    const eventId = recorded.json.events[0].eventId as string;
    const tok = await token('resident', '310230199207180049');
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const issued = await call('POST', `${D}/me/credentials`, tok, { holderKey: await exportJWK(publicKey) });
    expect(issued.status).toBe(201);
    const bank = (await call('GET', `${D}/banks`, tok)).json.items[0].id as string;
    const nonce = 'n-workerd-0193';
    const presentation = await createPresentation(issued.json.credential, await exportJWK(privateKey), {
      claims: ['score', 'lists'],
      nonce,
      audience: bank,
      now: clock.now(),
    });
    // An independent verifier (@sd-jwt/sd-jwt-vc with jose), inside workerd.
    const jwks = (await (await app.request(`/districts/${districtId}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
    const keySet = createLocalJWKSet(jwks as never);
    const enc = new TextEncoder();
    const verifier = new SDJwtVcInstance({
      hasher: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data)),
      verifier: (data, sig) =>
        compactVerify(`${data}.${sig}`, keySet).then(
          () => true,
          () => false,
        ),
      kbVerifier: (data, sig) =>
        compactVerify(`${data}.${sig}`, publicKey).then(
          () => true,
          () => false,
        ),
      statusListFetcher: async (uri) => (await app.request(new URL(uri).pathname)).text(),
    });
    // The verifier's own check of iat and exp, at the world's instant rather than the machine's.
    const verified = await verifier.verify(presentation, { keyBindingNonce: nonce, currentDate: Math.floor(clock.now().getTime() / 1000) });
    expect(Object.keys(verified.payload)).toEqual(expect.arrayContaining(['score', 'lists']));
    expect(verified.payload).not.toHaveProperty('items');
    const checked = await call('POST', `${D}/presentations/verification`, keys.bank, { presentation, nonce });
    expect(checked.json).toMatchObject({ valid: true, disclosed: ['score', 'lists'], status: { checked: true, status: 'valid' } });

    expect((await call('POST', `${D}/consents`, tok, { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] })).status).toBe(201);
    const report = await call('POST', `${D}/reports`, keys.bank, { subjectId, purpose: 'loan-application' });
    const objection = await call('POST', `${D}/credit-events/${eventId}/objections`, tok, { statement: '不是我' });
    expect((await call('POST', `${D}/objections/${objection.json.id}/resolution`, keys.bureau, { decision: 'upheld', reason: '误录' })).status).toBe(
      200,
    );
    const list = await app.request(new URL(report.json.status.uri).pathname);
    expect(list.headers.get('content-type')).toBe('application/statuslist+jwt');
    const { payload } = await jwtVerify(await list.text(), keySet, { typ: 'statuslist+jwt', currentDate: clock.now() });
    expect(payload.sub).toBe(report.json.status.uri);
    const refused = await call('POST', `${D}/reports/verification`, keys.bank, { report: report.json.report });
    expect(refused.json).toMatchObject({ code: 'report-revoked', reason: 'revoked' });
  });

  it('an allocation sums to the fund to the fen, identical to the pure engine', async () => {
    const { D, keys, call } = await createWorld('allocation');
    const recipients = [
      { id: 'chenjia', values: { gep: '8120000000', redline_area: '5210', forest_area: '3120', assessment: '92' } },
      { id: 'xinhe', values: { gep: '3050000000', redline_area: '1810', forest_area: '1420', assessment: '85' } },
      { id: 'gangyan', values: { gep: '2210000000', redline_area: '960', forest_area: '1980', assessment: '78' } },
      { id: 'lvhua', values: { gep: '450000000', redline_area: '120', forest_area: '210', assessment: '95' } },
    ];
    const input = { period: YEAR, fund: '30000000.01', recipients };
    const run = await call('POST', `${D}/allocations`, keys.bureau, { ruleSetId: 'town-eco-fund', ...input });
    expect(run.status).toBe(201);
    const amounts = run.json.result.recipients as Array<{ id: string; amount: string }>;
    expect(amounts.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(2)).toBe('30000000.01');
    const source = shippedRules.find((r) => r.path.endsWith('compensation-town-fund.yaml'));
    const parsed = await parseRuleFile(source?.text ?? '', 'town');
    if (!parsed.ok) throw new Error('shipped rule file invalid');
    const doc = RuleSetDocument.parse(parsed.ruleSet.content);
    if (doc.kind !== 'allocation') throw new Error('not an allocation');
    const pure = allocate(compiledOf(doc, parsed.ruleSet.hash), input);
    expect(amounts.map((r) => r.amount)).toEqual(pure.recipients.map((r) => r.amount));
    // The same figures the Node suite asserts on better-sqlite3 (tests/compensation.test.ts).
    expect(amounts.map((r) => r.amount)).toEqual(['9000000.01', '9000000.00', '9000000.00', '3000000.00']);
  });

  it('a bureau rescores the district as a job: each subject in the grade of its own score, a correction left out', async () => {
    const { D, keys, call } = await createWorld('rescore');
    const ids = ['310230198805210039', '310230199108170048'];
    const subjects: string[] = [];
    for (const idNumber of ids) {
      const made = await call('POST', `${D}/subjects`, keys.bureau, { kind: 'resident', idNumber });
      expect(made.status).toBe(201);
      subjects.push(made.json.id);
    }
    const today = TODAY;
    const rec = await call('POST', `${D}/credit-events`, keys.recorder, {
      events: [
        { subject: { id: subjects[0] }, code: 'SERIOUS-ECO-DAMAGE', occurredOn: today, evidence: 'a', externalId: 'r-1' },
        { subject: { id: subjects[1] }, code: 'ILLEGAL-DISCHARGE', occurredOn: today, evidence: 'b', externalId: 'r-2' },
        {
          subject: { id: subjects[1] },
          code: 'CARBON-REDUCTION',
          occurredOn: today,
          evidence: 'c',
          amounts: [{ name: 'co2e_kg', value: '12.5', unit: 'kg-co2e' }],
        },
      ],
    });
    expect(rec.status).toBe(201);
    const reversal = await call('POST', `${D}/subjects/${subjects[0]}/credit-events/${rec.json.events[0].eventId}/reversal`, keys.recorder, {
      reason: '误录',
      evidence: 'fix',
    });
    expect(reversal.status).toBe(201);
    const started = await call('POST', `${D}/rescore-jobs`, keys.bureau, {});
    expect(started.status).toBe(202);
    let job = started.json;
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await call('GET', `${D}/rescore-jobs/${started.json.id}`, keys.auditor)).json;
    }
    expect(job).toMatchObject({ status: 'done', error: null });
    const expected: Record<string, number> = {};
    const all = await call('GET', `${D}/subjects?kind=resident&limit=100`, keys.bureau);
    for (const s of all.json.items as Array<{ id: string }>) {
      const score = await call('GET', `${D}/subjects/${s.id}/credit-score`, keys.bureau);
      expected[score.json.grade] = (expected[score.json.grade] ?? 0) + 1;
    }
    expect(job.results.find((r: { subjectKind: string }) => r.subjectKind === 'resident').grades).toEqual(expected);
    // The damage was corrected: no resident is vetoed to the lowest grade.
    expect(expected.d).toBeUndefined();
  });

  it('the pages run on D1: a bureau signs in, uploads a CSV of inputs and reads the allocation by town name', async () => {
    const { districtId, keys, app } = await createWorld('pages', '测试区');
    const P = `/app/districts/${districtId}`;
    const signIn = await app.request(`https://eco.example${P}`);
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain('登录 · 测试区');

    const post = (path: string, fields: Record<string, string>, cookie?: string) =>
      app.request(`https://eco.example${path}`, {
        method: 'POST',
        headers: { origin: 'https://eco.example', 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    const signedIn = await post(`${P}/signin/key`, { key: keys.bureau });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const csv = [
      '名称,编号,上年度GEP,生态保护红线面积,森林面积,生态保护考核得分',
      '陈家镇,chenjia,8120000000,5210,3120,92',
      '新河镇,xinhe,3050000000,1810,1420,85',
      '港沿镇,gangyan,2210000000,960,1980,78',
      '绿华镇,lvhua,450000000,120,210,95',
    ].join('\n');
    // Four floors of 500 000 yuan cannot come out of one million: the page says so, in Chinese.
    const short = await post(`${P}/bureau/allocations`, { ruleSetId: 'town-eco-fund', period: YEAR, fund: '1,000,000.00', csv }, cookie);
    expect(short.status).toBe(422);
    expect(await short.text()).toContain('各单位保底金额合计 2,000,000.00 元，超过资金总额 1,000,000.00 元');
    const ran = await post(`${P}/bureau/allocations`, { ruleSetId: 'town-eco-fund', period: YEAR, fund: '10,000,000.00', csv }, cookie);
    expect(ran.status).toBe(303);
    const page = await app.request(`https://eco.example${ran.headers.get('location')}`, { headers: { cookie } });
    const html = await page.text();
    expect(html).toContain('<dt>分配合计</dt><dd>10,000,000.00 元</dd>');
    expect(html).toContain('陈家镇');
  });

  it('an agreement with derived lines and a division comes out to the fen as on better-sqlite3', async () => {
    const { districtId, D, keys, call, clock } = await createWorld('agreement');
    // The fixture is written for chongming; a rule file names the district it is for.
    const source = ammoniaAgreement(TODAY, 'downstream-pays').replace('district: chongming', `district: ${districtId}`);
    const up = await call('POST', `${D}/rule-sets`, keys.bureau, { source });
    expect(up.status).toBe(201);
    const pub = await call('POST', `${D}/rule-set-versions/${up.json.versionId}/publication`, keys.bureau, {});
    expect(pub.status).toBe(200);
    // The run comes a minute after the publication, as a bureau's would.
    clock.set(new Date(clock.now().getTime() + 60_000));
    const run = await call('POST', `${D}/allocations`, keys.bureau, {
      ruleSetId: 'ammonia-agreement',
      period: YEAR,
      values: AMMONIA_VALUES,
    });
    expect(run.status).toBe(201);
    expect(run.json.result.index).toMatchObject({ value: '1', comparison: 'at' });
    expect(run.json.result.derived.map((d: { value: string }) => d.value)).toEqual(['0.25', '0.0775', '0.08333333333333333333']);
    expect(Object.fromEntries(run.json.result.recipients[0].components.map((c: { name: string; after: string }) => [c.name, c.after]))).toEqual(
      AMMONIA_PARTS,
    );
  });

  it('a GEP account derived from station records comes out to the fen as on better-sqlite3, and closes', async () => {
    const { D, keys, call } = await createWorld('gep-account');
    const unit = await call('PUT', `${D}/gep-units/xinhe-forest`, keys.bureau, {
      name: '新河镇林地',
      level: 'town',
      areaHa: '1000',
      ecosystemTypes: ['forest'],
      method: 'county-gep-method',
    });
    expect(unit.status).toBe(201);
    const measurements = STATION_2025.map((l) => {
      const [indicator, value, unit] = l.split(' ');
      return { indicator, value, unit, source: '2025年度生态监测' };
    });
    const year = Number(YEAR) - 1;
    expect((await call('POST', `${D}/gep-units/xinhe-forest/measurements`, keys.recorder, { year, measurements })).status).toBe(201);
    const account = await call('GET', `${D}/gep-units/xinhe-forest/accounts/${year}`, keys.bureau);
    expect(account.json.total).toBe(STATION_2025_TOTAL);
    expect(
      Object.fromEntries(
        account.json.rows
          .filter((r: { value: string | null }) => r.value !== null)
          .map((r: { indicator: string; value: string }) => [r.indicator, r.value]),
      ),
    ).toEqual(STATION_2025_ROWS);
    const closed = await call('POST', `${D}/gep-units/xinhe-forest/accounts/${year}/closure`, keys.bureau, { note: '审定' });
    expect(closed.json).toMatchObject({ status: 'closed', revision: 1, total: STATION_2025_TOTAL });
  });

  it('a netted basin agreement with a third payer gives the same flows as on better-sqlite3', async () => {
    const { D, keys, call } = await createWorld('netting');
    const run = await call('POST', `${D}/allocations`, keys.bureau, {
      ruleSetId: 'basin-netting-agreement',
      period: YEAR,
      values: NETTING_BETTER,
    });
    expect(run.status).toBe(201);
    expect(run.json.result).toMatchObject({ total: '459000000.00', flows: NETTING_BETTER_FLOWS });
    expect(
      run.json.result.components.map(
        (c: { name: string; payer: string; payee: string; amount: string }) => `${c.name} ${c.payer}→${c.payee} ${c.amount}`,
      ),
    ).toEqual([
      'central-grant central→anhui 300000000.00',
      'agreed-base zhejiang→anhui 100000000.00',
      'quality-change zhejiang→anhui 47000000.00',
      'quality-bonus zhejiang→anhui 12000000.00',
      'ammonia-excess anhui→zhejiang 0.00',
    ]);
  });
});
