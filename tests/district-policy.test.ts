import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { openSqliteStorage } from '../src/node/sqlite.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const SHIPPED = readFileSync(new URL('../scoring-rules/district-policy.yaml', import.meta.url), 'utf8');

/** The shipped policy, edited as a bureau would: another version, district, date and some numbers. */
function policyFile(changes: { version: number; effectiveFrom: string; objection?: number; report?: number; consentMax?: number; id?: string }) {
  let text = SHIPPED.replace(/^version: \d+$/m, `version: ${changes.version}`)
    .replace(/^district: default$/m, 'district: chongming')
    .replace(/^effectiveFrom: .+$/m, `effectiveFrom: ${changes.effectiveFrom}`);
  // The file's worked examples say what its numbers give; a bureau that changes a number states the new answer.
  const after = (days: number) => new Date(Date.UTC(2026, 10, 24 + days, 2)).toISOString();
  if (changes.objection) {
    text = text
      .replace(/objectionAnswerDays: \d+/, `objectionAnswerDays: ${changes.objection}`)
      .replace("objectionDueOn: '2026-12-14'", `objectionDueOn: '${after(changes.objection).slice(0, 10)}'`);
  }
  if (changes.report) {
    text = text
      .replace(/reportValidDays: \d+/, `reportValidDays: ${changes.report}`)
      .replace("reportValidUntil: '2026-12-24T02:00:00.000Z'", `reportValidUntil: '${after(changes.report)}'`);
  }
  if (changes.consentMax) text = text.replace(/max: \d+ \}/, `max: ${changes.consentMax} }`);
  if (changes.id) text = text.replace(/^id: district-policy$/m, `id: ${changes.id}`);
  return text;
}

async function publish(w: World, source: string) {
  const draft = await w.call('POST', `${D}/rule-sets`, { as: w.keys.chongming.bureau, body: { source, fileName: 'district-policy.yaml' } });
  expect(draft.status).toBe(201);
  const published = await w.call('POST', `${D}/rule-set-versions/${draft.json.versionId}/publication`, { as: w.keys.chongming.bureau, body: {} });
  expect(published.status).toBe(200);
  return published.json as { versionId: string; hash: string };
}

async function story() {
  const w = await createWorld();
  const resident = await w.register('chongming', 'resident', IDS.residentA);
  const token = await w.token('resident', IDS.residentA);
  const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0] as { id: string };
  const recorded = await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: {
      events: [
        { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-10-01', evidence: '巡查记录 1' },
        { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-10-15', evidence: '巡查记录 2' },
      ],
    },
  });
  const [first, second] = recorded.json.events.map((e: { eventId: string }) => e.eventId) as [string, string];
  return { w, resident, token, bank, first, second };
}

describe('a district publishes its own policy', () => {
  it('a policy published through one server is in force at once on another serving the same database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'two-servers-'));
    const file = join(dir, 'district.sqlite');
    const w = await createWorld({ databaseFile: file });
    const otherStorage = openSqliteStorage(file);
    try {
      const other = createApp({ ...w.deps, storage: otherStorage });
      const policyOn = async (app: typeof other) => {
        const res = await app.request(`${D}/district-policy`, { headers: { authorization: `Bearer ${w.keys.chongming.bank}` } });
        return (await res.json()) as { reportValidDays: number; ruleSet: { version: number } };
      };
      // Both servers have read the policy in force (and keep what they read).
      expect(await policyOn(w.app)).toMatchObject({ reportValidDays: 30, ruleSet: { version: 1 } });
      expect(await policyOn(other)).toMatchObject({ reportValidDays: 30, ruleSet: { version: 1 } });
      // The bureau publishes through the other server, in force today.
      const draft = await other.request(`${D}/rule-sets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.keys.chongming.bureau}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: policyFile({ version: 2, effectiveFrom: '2026-11-24', report: 10 }), fileName: 'district-policy.yaml' }),
      });
      const { versionId } = (await draft.json()) as { versionId: string };
      const published = await other.request(`${D}/rule-set-versions/${versionId}/publication`, {
        method: 'POST',
        headers: { authorization: `Bearer ${w.keys.chongming.bureau}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(published.status).toBe(200);
      // This server sees it on its next answer, and a report it signs now carries it.
      expect(await policyOn(w.app)).toMatchObject({ reportValidDays: 10, ruleSet: { version: 2 } });
      const { report } = await w.consentedReport();
      expect(decodeJwt(report).exp).toBe(Math.floor(Date.parse('2026-12-04T02:00:00Z') / 1000));
    } finally {
      otherStorage.close();
      w.storage.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('new objections and reports follow a 15-day deadline and a 10-day validity; earlier ones keep theirs; as-of answers the policy then', async () => {
    const { w, resident, bank, first, second } = await story();
    let token = await w.token('resident', IDS.residentA);
    // Before: the shipped policy (20 days to answer, reports valid 30 days).
    const before = (await w.call('GET', `${D}/district-policy`, { as: w.keys.chongming.bank })).json;
    expect(before).toMatchObject({
      objectionAnswerDays: 20,
      reportValidDays: 30,
      timeZone: 'Asia/Shanghai',
      ruleSet: { id: 'district-policy', version: 1 },
    });
    const early = await w.call('POST', `${D}/credit-events/${first}/objections`, { as: token, body: { statement: '当日不在村内' } });
    expect(early.json.dueOn).toBe('2026-12-14');
    await w.call('POST', `${D}/consents`, { as: token, body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] } });
    const earlyReport = await w.call('POST', `${D}/reports`, {
      as: w.keys.chongming.bank,
      body: { subjectId: resident, purpose: 'loan-application' },
    });
    expect(earlyReport.json.expiresAt).toBe('2026-12-24T02:00:00.000Z');

    // The bureau publishes a stricter policy from tomorrow (China date).
    const published = await publish(w, policyFile({ version: 2, effectiveFrom: '2026-11-25', objection: 15, report: 10, consentMax: 180 }));
    // Still today: nothing changes yet.
    expect((await w.call('GET', `${D}/district-policy`, { as: token })).json.objectionAnswerDays).toBe(20);

    w.clock.set('2026-11-25T01:00:00Z');
    token = await w.token('resident', IDS.residentA);
    const now = (await w.call('GET', `${D}/district-policy`, { as: token })).json;
    expect(now).toMatchObject({
      objectionAnswerDays: 15,
      reportValidDays: 10,
      consentDays: { default: 90, max: 180 },
      ruleSet: { version: 2, hash: published.hash },
    });
    const late = await w.call('POST', `${D}/credit-events/${second}/objections`, { as: token, body: { statement: '不是我家' } });
    expect(late.json.dueOn).toBe('2026-12-10');
    const lateReport = await w.call('POST', `${D}/reports`, {
      as: w.keys.chongming.bank,
      body: { subjectId: resident, purpose: 'loan-application' },
    });
    expect(lateReport.json.expiresAt).toBe('2026-12-05T01:00:00.000Z');
    // The report records the policy it was issued under.
    const ruleSets = (decodeJwt(lateReport.json.report) as { ruleSets: Array<{ id: string; version: number }> }).ruleSets;
    expect(ruleSets).toContainEqual(expect.objectContaining({ id: 'district-policy', version: 2, hash: published.hash }));
    expect((decodeJwt(earlyReport.json.report) as { ruleSets: unknown[] }).ruleSets).toContainEqual(
      expect.objectContaining({ id: 'district-policy', version: 1 }),
    );

    // Earlier ones keep what they were given.
    const objections = (await w.call('GET', `${D}/objections?subjectId=${resident}`, { as: w.keys.chongming.bureau })).json.items as Array<{
      id: string;
      dueOn: string;
    }>;
    expect(objections.find((o) => o.id === early.json.id)?.dueOn).toBe('2026-12-14');
    expect(objections.find((o) => o.id === late.json.id)?.dueOn).toBe('2026-12-10');
    const verified = await w.call('POST', `${D}/reports/verification`, {
      as: w.keys.chongming.bank,
      body: { report: earlyReport.json.report, at: '2026-12-20T00:00:00Z' },
    });
    expect(verified.status).toBe(200);
    expect(
      expectProblem(
        await w.call('POST', `${D}/reports/verification`, {
          as: w.keys.chongming.bank,
          body: { report: lateReport.json.report, at: '2026-12-06T00:00:00Z' },
        }),
        422,
      ).type,
    ).toMatch(/report-expired$/);

    // Consents: a year is too long now, half a year is fine.
    const tooLong = await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'guarantee', scopes: ['credit'], expiresAt: '2027-06-01T00:00:00Z' },
    });
    expect(expectProblem(tooLong, 400).errors?.[0]).toMatchObject({ pointer: '/expiresAt', detail: 'more than 180 days away' });

    // As of yesterday, the policy then.
    const asOf = await w.call('GET', `${D}/district-policy?asOf=2026-11-24T10:00:00Z`, { as: token });
    expect(asOf.json).toMatchObject({ objectionAnswerDays: 20, ruleSet: { version: 1 } });
    expectProblem(await w.call('GET', `${D}/district-policy?asOf=2027-01-01T00:00:00Z`, { as: token }), 400);
  });

  it('a policy under another id, in another time zone, or with a default consent longer than its maximum is refused with its line', async () => {
    const w = await createWorld();
    const upload = (source: string) =>
      w.call('POST', `${D}/rule-sets/validate`, { as: w.keys.chongming.bureau, body: { source, fileName: 'p.yaml' } });
    // The bureau tries a draft first: its worked examples run.
    const tried = await w.call('POST', `${D}/rule-sets/test`, {
      as: w.keys.chongming.bureau,
      body: {
        source: policyFile({ version: 2, effectiveFrom: '2026-12-01' }).replace('objectionAnswerDays: 20', 'objectionAnswerDays: 15'),
        fileName: 'district-policy.yaml',
      },
    });
    // A stricter deadline breaks the shipped example that says 20 days: the bureau sees where.
    expect(tried.json).toMatchObject({ ruleSetId: 'district-policy', kind: 'district-policy', version: 2, passed: false });
    expect(tried.json.examples[0]).toMatchObject({
      passed: false,
      differences: [{ path: '/objectionDueOn', expected: '2026-12-14', got: '2026-12-09' }],
    });
    // The shipped file's other two examples do not hang on the deadline.
    expect(tried.json.examples.map((e: { passed: boolean }) => e.passed)).toEqual([false, true, true]);
    const secondPolicy = expectProblem(await upload(policyFile({ version: 1, effectiveFrom: '2026-12-01', id: 'stricter-policy' })), 422);
    expect(secondPolicy.errors?.[0]).toMatchObject({ pointer: '/id', line: 7, detail: expect.stringContaining("the id 'district-policy'") });
    const zone = expectProblem(await upload(policyFile({ version: 2, effectiveFrom: '2026-12-01' }).replace('Asia/Shanghai', 'Asia/Urumqi')), 422);
    const zoneLine = SHIPPED.split('\n').findIndex((l) => l.includes('timeZone:')) + 1;
    expect(zone.errors?.[0]).toMatchObject({ pointer: '/body/timeZone', line: zoneLine, detail: expect.stringContaining('only Asia/Shanghai') });
    const consent = expectProblem(await upload(policyFile({ version: 2, effectiveFrom: '2026-12-01', consentMax: 60 })), 422);
    expect(consent.errors?.[0]).toMatchObject({
      pointer: '/body/consentDays/default',
      detail: expect.stringContaining('longer than the maximum (60)'),
    });
    const missing = expectProblem(await upload(policyFile({ version: 2, effectiveFrom: '2026-12-01' }).replace(/^ {4}guarantee: .+$/m, '')), 422);
    expect(missing.errors?.map((e) => e.pointer)).toContain('/body/purposes/guarantee');
  });

  it('a behaviour list that states no retention counts its records as long as the policy says', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const list = readFileSync(new URL('../scoring-rules/firm-behaviours.yaml', import.meta.url), 'utf8')
      .replace(/^version: \d+$/m, 'version: 2')
      .replace(/^district: default$/m, 'district: chongming')
      .replace(/^effectiveFrom: .+$/m, 'effectiveFrom: 2026-11-25')
      .replace(/^ {2}retention: .+\n/m, '');
    await publish(w, list);
    const recorded = await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: {
        events: [
          {
            subject: { id: firm },
            code: 'ENV-PENALTY',
            occurredOn: '2022-12-01',
            evidence: '沪崇环罚〔2022〕1号',
            amounts: [{ name: 'fine_yuan', value: '50000', unit: 'yuan' }],
          },
        ],
      },
    });
    expect(recorded.status).toBe(201);
    const score = async () => (await w.call('GET', `${D}/subjects/${firm}/credit-score`, { as: w.keys.chongming.auditor })).json;
    // The list in force today states its own five years: the four-year-old penalty counts.
    expect((await score()).stoppedCounting).toEqual([]);
    // From tomorrow the list leaves retention to the policy; a policy of three years makes it stop counting.
    await publish(w, policyFile({ version: 2, effectiveFrom: '2026-11-25' }).replace('negativeYears: 5', 'negativeYears: 3'));
    w.clock.set('2026-11-25T01:00:00Z');
    const later = await score();
    expect(later.stoppedCounting).toEqual([expect.objectContaining({ code: 'ENV-PENALTY', stoppedCountingOn: '2025-12-01' })]);
    expect(later.ruleSets.districtPolicy).toMatchObject({ id: 'district-policy', version: 2 });
    // As of yesterday: the rules then, and the penalty then counted.
    const then = (await w.call('GET', `${D}/subjects/${firm}/credit-score?asOf=2026-11-24`, { as: w.keys.chongming.auditor })).json;
    expect(then.stoppedCounting).toEqual([]);
    expect(then.ruleSets).not.toHaveProperty('districtPolicy');
  });
});
