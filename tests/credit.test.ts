import { sql } from 'drizzle-orm';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

async function record(w: World, events: unknown[], as = w.keys.chongming.recorder, headers: Record<string, string> = {}) {
  return w.call('POST', `${D}/credit-events`, { as, body: { events }, headers });
}

const penalty = (subjectId: string, occurredOn: string, fine = '50000.00', extra: Record<string, unknown> = {}) => ({
  subject: { id: subjectId },
  code: 'ENV-PENALTY',
  occurredOn,
  evidence: `沪崇环罚〔${occurredOn.slice(0, 4)}〕${Math.floor(Math.random() * 1000)}号`,
  amounts: [{ name: 'fine_yuan', value: fine, unit: 'yuan' }],
  ...extra,
});

const score = (w: World, subjectId: string, as: string, query = '') => w.call('GET', `${D}/subjects/${subjectId}/credit-score${query}`, { as });

describe('an agency records a penalty and the firm drops a grade', () => {
  it('shows the new grade with the reason and the event behind every point', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const before = await score(w, firm, w.keys.chongming.bureau);
    expect(before.json).toMatchObject({ score: 100, grade: 'green', items: [] });

    const res = await record(w, [penalty(firm, '2026-10-12')]);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ recorded: 1, duplicates: 0 });
    const eventId = res.json.events[0].eventId;

    const after = await score(w, firm, w.keys.chongming.bureau);
    // -5 for the penalty on the behaviour list, -2 for a fine under 100 000 yuan: 93, blue.
    expect(after.json).toMatchObject({ score: 93, grade: 'blue', gradeLabel: '良好' });
    const [negative, fine] = after.json.items;
    expect(negative).toMatchObject({ id: 'negative-behaviour', points: -5, fact: 'negative_points_12m', value: -5 });
    expect(negative.events).toEqual([expect.objectContaining({ eventId, code: 'ENV-PENALTY', title: '环境行政处罚', points: -5, disputed: false })]);
    expect(fine).toMatchObject({ id: 'heavy-fine', points: -2, value: 50000 });
    expect(after.json.ruleSets.scorecard).toMatchObject({ id: 'firm-env-credit', hash: expect.stringMatching(/^sha256:/) });
    expect(after.json.ruleSets.behaviourList).toMatchObject({ id: 'firm-behaviours' });
  });

  it('records by USCC as well as by id, and lists the file in order', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    await record(w, [
      { ...penalty(firm, '2026-09-01'), subject: { kind: 'firm', uscc: IDS.firmA } },
      { subject: { id: firm }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-09-02', evidence: 'monitoring 2026-0902' },
    ]);
    const file = await w.call('GET', `${D}/subjects/${firm}/credit-events`, { as: w.keys.chongming.auditor });
    expect(file.json.items.map((e: { code: string }) => e.code)).toEqual(['ENV-PENALTY', 'DISCHARGE-EXCEEDANCE']);
    expect(file.json.items[0].amounts).toEqual([{ name: 'fine_yuan', value: '50000', unit: 'yuan' }]);
  });

  it('keeps the amounts as the same JSON text however the event or its correction was written', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const rec = await record(w, [penalty(firm, '2026-09-01', '1250.50'), penalty(firm, '2026-09-02', '300')]);
    const [reversed, objected] = rec.json.events.map((e: { eventId: string }) => e.eventId);
    const reversal = await w.call('POST', `${D}/subjects/${firm}/credit-events/${reversed}/reversal`, {
      as: w.keys.chongming.bureau,
      body: { reason: '复议撤销原处罚决定', evidence: '沪崇复决〔2026〕3号' },
    });
    expect(reversal.status).toBe(201);
    const filed = await w.call('POST', `${D}/credit-events/${objected}/objections`, {
      as: await w.token('firm', IDS.firmA),
      body: { statement: '已缴纳' },
    });
    expect(filed.status).toBe(201);
    const upheld = await w.call('POST', `${D}/objections/${filed.json.id}/resolution`, {
      as: w.keys.chongming.bureau,
      body: { decision: 'upheld', reason: '核实' },
    });
    expect(upheld.status).toBe(200);

    // The scoring hot path reads this text raw and groups events by it, so every writer must write the same text.
    const stored = await w.storage.db.all<{ amounts: string; reverses: string | null }>(
      sql`SELECT amounts, reverses_event_id AS reverses FROM credit_events WHERE subject_id = ${firm} ORDER BY seq`,
    );
    const text = (value: string) => `[{"name":"fine_yuan","value":"${value}","unit":"yuan"}]`;
    expect(stored).toEqual([
      { amounts: text('1250.5'), reverses: null },
      { amounts: text('300'), reverses: null },
      { amounts: text('1250.5'), reverses: reversed },
      { amounts: text('300'), reverses: objected },
    ]);
  });
});

describe('a major incident', () => {
  it('forces the lowest grade whatever the score, and puts the firm on the black list', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    await record(w, [
      { subject: { id: firm }, code: 'INCIDENT-MAJOR', occurredOn: '2026-05-20', endedOn: '2026-06-01', evidence: '崇应急〔2026〕7号' },
    ]);
    const s = await score(w, firm, w.keys.chongming.bureau);
    expect(s.json).toMatchObject({ grade: 'red', gradeLabel: '不良', scoreGrade: 'yellow', score: 70 });
    expect(s.json.overrides).toEqual([
      expect.objectContaining({ id: 'major-incident-veto', grade: 'red', events: [expect.objectContaining({ code: 'INCIDENT-MAJOR' })] }),
    ]);
    expect(s.json.lists).toEqual([expect.objectContaining({ list: 'black', code: 'INCIDENT-MAJOR', until: '2029-06-01' })]);

    const black = await w.call('GET', `${D}/credit-lists?list=black`, { as: w.keys.chongming.auditor });
    expect(black.json.items).toEqual([
      expect.objectContaining({ list: 'black', subject: expect.objectContaining({ id: firm, displayId: IDS.firmA }) }),
    ]);
    expectProblem(await w.call('GET', `${D}/credit-lists`, { as: w.keys.chongming.bank }), 403);
  });

  it('the lists can be read as of any moment: an event known then, a correction made by then', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const before = w.clock.now().toISOString();
    w.clock.set('2026-11-25T02:00:00Z');
    const rec = await record(w, [{ subject: { id: firm }, code: 'INCIDENT-MAJOR', occurredOn: '2026-11-20', evidence: '崇应急〔2026〕9号' }]);
    const recorded = w.clock.now().toISOString();
    w.clock.set('2026-11-26T02:00:00Z');
    const eventId = rec.json.events[0].eventId as string;
    expect(
      (
        await w.call('POST', `${D}/subjects/${firm}/credit-events/${eventId}/reversal`, {
          as: w.keys.chongming.recorder,
          body: { reason: '误报', evidence: '更正' },
        })
      ).status,
    ).toBe(201);
    const black = async (asOf?: string) =>
      (await w.call('GET', `${D}/credit-lists?list=black${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`, { as: w.keys.chongming.auditor })).json
        .items;
    expect(await black(before)).toEqual([]);
    expect(await black(recorded)).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ id: firm }),
        reasons: [expect.objectContaining({ eventId, until: '2029-11-20' })],
      }),
    ]);
    expect(await black('2026-11-25')).toHaveLength(1);
    expect(await black()).toEqual([]);
    const future = await w.call('GET', `${D}/credit-lists?asOf=2027-01-01`, { as: w.keys.chongming.auditor });
    expectProblem(future, 400);
    expect(future.json.errors).toEqual([expect.objectContaining({ pointer: '/asOf', in: 'query' })]);
  });

  it('a general incident lowers the firm one grade', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    await record(w, [{ subject: { id: firm }, code: 'INCIDENT-GENERAL', occurredOn: '2026-08-01', evidence: 'x-1' }]);
    // -10 points: 90 is blue on the score; one grade lower is yellow.
    expect((await score(w, firm, w.keys.chongming.bureau)).json).toMatchObject({ score: 90, scoreGrade: 'blue', grade: 'yellow' });
  });

  it('a model enterprise is on the red list', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmB);
    await record(w, [{ subject: { id: firm }, code: 'ENV-CREDIT-MODEL', occurredOn: '2026-03-01', evidence: '崇环〔2026〕示范1号' }]);
    const red = await w.call('GET', `${D}/credit-lists?list=red`, { as: w.keys.chongming.bureau });
    expect(red.json.items[0]).toMatchObject({ list: 'red', subject: { id: firm }, reasons: [expect.objectContaining({ until: '2029-03-01' })] });
  });
});

describe('negative records stop counting five years after the behaviour ends', () => {
  it('a penalty whose behaviour ended six years ago no longer counts, and the score says when it stopped', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    await record(w, [
      { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2020-03-01', endedOn: '2020-09-30', evidence: 'old-1' },
      { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-02-01', evidence: 'new-1' },
    ]);
    const s = await score(w, resident, w.keys.chongming.bureau);
    expect(s.json.stoppedCounting).toEqual([
      expect.objectContaining({ code: 'ILLEGAL-DISCHARGE', endedOn: '2020-09-30', stoppedCountingOn: '2025-09-30' }),
    ]);
    expect(s.json).toMatchObject({ score: 77 });
  });

  it('counts until the day before the fifth anniversary of the end, and stops on it', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    await record(w, [{ subject: { id: resident }, code: 'SERIOUS-ECO-DAMAGE', occurredOn: '2021-11-01', endedOn: '2021-11-30', evidence: 'old' }]);
    // Outside every scoring window, but still within retention: it stays in the file as counting.
    expect((await score(w, resident, w.keys.chongming.bureau)).json.stoppedCounting).toEqual([]);
    w.clock.set('2026-11-29T15:59:00Z'); // 23:59 on 29 November in China
    expect((await score(w, resident, w.keys.chongming.bureau)).json.stoppedCounting).toEqual([]);
    w.clock.set('2026-11-29T16:00:00Z'); // midnight, 30 November in China
    expect((await score(w, resident, w.keys.chongming.bureau)).json.stoppedCounting).toEqual([
      expect.objectContaining({ code: 'SERIOUS-ECO-DAMAGE', stoppedCountingOn: '2026-11-30' }),
    ]);
  });
});

describe('a resident objects to an event', () => {
  it('the event shows as disputed, the bureau upholds the objection and the score recovers', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const rec = await record(w, [
      { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-11-01', evidence: '村巡查记录 2026-11-01' },
    ]);
    const eventId = rec.json.events[0].eventId;
    const token = await w.token('resident', IDS.residentA);
    expect((await score(w, resident, token)).json).toMatchObject({ score: 77, grade: 'c' });

    const filed = await w.call('POST', `${D}/credit-events/${eventId}/objections`, {
      as: token,
      body: { statement: '当天本人不在村内，有车票为证。' },
    });
    expect(filed.status).toBe(201);
    expect(filed.json).toMatchObject({ status: 'open', dueOn: '2026-12-14', overdue: false });

    const disputed = await score(w, resident, token);
    expect(disputed.json.items[0].events[0]).toMatchObject({ eventId, disputed: true });
    expect(disputed.json.disputed).toEqual([expect.objectContaining({ eventId, statement: '当天本人不在村内，有车票为证。' })]);
    const file = await w.call('GET', `${D}/subjects/${resident}/credit-events`, { as: token });
    expect(file.json.items[0]).toMatchObject({ id: eventId, disputed: true, reversedBy: null });
    expectProblem(await w.call('POST', `${D}/credit-events/${eventId}/objections`, { as: token, body: { statement: 'again' } }), 409);

    w.clock.advanceDays(3);
    const upheld = await w.call('POST', `${D}/objections/${filed.json.id}/resolution`, {
      as: w.keys.chongming.bureau,
      body: { decision: 'upheld', reason: '核实不在场' },
    });
    expect(upheld.status).toBe(200);
    expect(upheld.json).toMatchObject({ status: 'upheld', reversalEventId: expect.stringMatching(/^evt_/) });

    const signedInAgain = await w.token('resident', IDS.residentA);
    const recovered = await score(w, resident, signedInAgain);
    expect(recovered.json).toMatchObject({ score: 80, grade: 'c', items: [], disputed: [] });
    const fileAfter = await w.call('GET', `${D}/subjects/${resident}/credit-events`, { as: signedInAgain });
    expect(fileAfter.json.items).toHaveLength(2);
    expect(fileAfter.json.items[0]).toMatchObject({ id: eventId, reversedBy: upheld.json.reversalEventId, disputed: false });
    expect(fileAfter.json.items[1]).toMatchObject({ reversesEventId: eventId });
    expectProblem(
      await w.call('POST', `${D}/objections/${filed.json.id}/resolution`, {
        as: w.keys.chongming.bureau,
        body: { decision: 'rejected', reason: 'late' },
      }),
      409,
    );
  });

  it('a rejected objection keeps the event counting, with the reason recorded', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const rec = await record(w, [{ subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-11-01', evidence: 'e' }]);
    const token = await w.token('resident', IDS.residentA);
    const filed = await w.call('POST', `${D}/credit-events/${rec.json.events[0].eventId}/objections`, { as: token, body: { statement: '不是我' } });
    const rejected = await w.call('POST', `${D}/objections/${filed.json.id}/resolution`, {
      as: w.keys.chongming.recorder,
      body: { decision: 'rejected', reason: '监控录像确认' },
    });
    expect(rejected.json).toMatchObject({ status: 'rejected', resolution: '监控录像确认' });
    expect((await score(w, resident, token)).json).toMatchObject({ score: 77, disputed: [] });
    const mine = await w.call('GET', `${D}/objections`, { as: token });
    expect(mine.json.items).toEqual([expect.objectContaining({ status: 'rejected', resolution: '监控录像确认' })]);
  });

  it('after a rejection the statement stays on the record, in every score and report, until the record stops counting', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const rec = await record(w, [{ subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-11-01', evidence: 'e' }]);
    const eventId = rec.json.events[0].eventId as string;
    const token = await w.token('resident', IDS.residentA);
    const filed = await w.call('POST', `${D}/credit-events/${eventId}/objections`, {
      as: token,
      body: { statement: '当天本人在外地，有车票为证。' },
    });
    const filedAt = w.clock.now().toISOString();
    w.clock.advanceDays(5);
    await w.call('POST', `${D}/objections/${filed.json.id}/resolution`, {
      as: w.keys.chongming.recorder,
      body: { decision: 'rejected', reason: '监控录像确认' },
    });

    const kept = { objectionId: filed.json.id, statement: '当天本人在外地，有车票为证。', status: 'rejected', resolution: '监控录像确认' };
    const after = await score(w, resident, w.keys.chongming.bureau);
    expect(after.json).toMatchObject({ score: 77, disputed: [] });
    expect(after.json.items[0].events[0]).toMatchObject({ eventId, disputed: false, statements: [kept] });
    expect(after.json.statements).toEqual([expect.objectContaining({ eventId, ...kept })]);
    // As of a moment before the answer, the same statement was open.
    const before = await score(w, resident, w.keys.chongming.bureau, `?asOf=${encodeURIComponent(filedAt)}`);
    expect(before.json.statements).toEqual([expect.objectContaining({ eventId, status: 'open', resolution: null })]);

    // The bank's signed report carries it too.
    const bank = w.clientIds.chongming.bank;
    await w.call('POST', `${D}/consents`, {
      as: await w.token('resident', IDS.residentA),
      body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
    });
    const issued = await w.call('POST', `${D}/reports`, {
      as: w.keys.chongming.bank,
      body: { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] },
    });
    const credit = decodeJwt(issued.json.report as string).credentialSubject as {
      credit: { statements: unknown[]; items: Array<{ events: unknown[] }> };
    };
    expect(credit.credit.statements).toEqual([
      expect.objectContaining({ eventId, statement: kept.statement, status: 'rejected', resolution: '监控录像确认' }),
    ]);
    expect(credit.credit.items[0]?.events[0]).toMatchObject({ eventId, statements: [expect.objectContaining({ status: 'rejected' })] });

    // Five years after the behaviour the record stops counting, and its statement goes with it.
    w.clock.set('2031-11-02T02:00:00Z');
    const later = await score(w, resident, w.keys.chongming.bureau);
    expect(later.json.stoppedCounting).toEqual([expect.objectContaining({ eventId })]);
    expect(later.json.statements).toEqual([]);
  });

  it('overdue objections are listed for the bureau after 20 days', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const rec = await record(w, [{ subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-11-01', evidence: 'e' }]);
    const token = await w.token('resident', IDS.residentA);
    await w.call('POST', `${D}/credit-events/${rec.json.events[0].eventId}/objections`, { as: token, body: { statement: '有误' } });
    w.clock.advanceDays(20);
    expect((await w.call('GET', `${D}/objections?overdue=true`, { as: w.keys.chongming.bureau })).json.items).toHaveLength(0);
    w.clock.advanceDays(1);
    const overdue = await w.call('GET', `${D}/objections?overdue=true`, { as: w.keys.chongming.bureau });
    expect(overdue.json.items).toEqual([expect.objectContaining({ overdue: true, status: 'open' })]);
  });

  it('the bureau pages through the objections, soonest due first, and an objection filed meanwhile neither repeats nor hides another', async () => {
    const w = await createWorld();
    const a = await w.register('chongming', 'resident', IDS.residentA);
    const b = await w.register('chongming', 'resident', IDS.residentB);
    const events = [a, b, a, b, a, a].map((subject, n) => ({
      subject: { id: subject },
      code: 'VIOLATION-REPORT',
      occurredOn: `2026-10-0${n + 1}`,
      evidence: `举报受理 ${n}`,
    }));
    const recorded = (await record(w, events)).json.events.map((e: { eventId: string }) => e.eventId) as string[];
    // A resident signs in again each day: a token lives for minutes.
    const tokenOf = (subject: string) => w.token('resident', subject === a ? IDS.residentA : IDS.residentB);
    // Filed on different days, so due on different days; two on the same day share a due date.
    const filed: string[] = [];
    for (const [n, eventId] of recorded.slice(0, 5).entries()) {
      if (n !== 2) w.clock.advanceDays(1);
      const res = await w.call('POST', `${D}/credit-events/${eventId}/objections`, {
        as: await tokenOf(events[n]?.subject.id as string),
        body: { statement: `有误 ${n}` },
      });
      expect(res.status, res.text).toBe(201);
      filed.push(res.json.id);
    }
    const page = async (query: string) => {
      const res = await w.call('GET', `${D}/objections?status=open&limit=2${query}`, { as: w.keys.chongming.bureau });
      expect(res.status, res.text).toBe(200);
      return res.json as { items: Array<{ id: string; dueOn: string }>; nextCursor: string | null };
    };
    const first = await page('');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    // A late objection, due after all the others: it comes at the end, not into a page already read.
    w.clock.advanceDays(1);
    const late = await w.call('POST', `${D}/credit-events/${recorded[5]}/objections`, { as: await tokenOf(a), body: { statement: '补充说明' } });
    expect(late.status, late.text).toBe(201);
    const second = await page(`&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    const third = await page(`&cursor=${encodeURIComponent(second.nextCursor as string)}`);
    expect(third.nextCursor).toBeNull();
    const listed = [...first.items, ...second.items, ...third.items];
    expect(listed.map((o) => o.id).sort()).toEqual([...filed, late.json.id].sort());
    const order = listed.map((o) => `${o.dueOn} ${o.id}`);
    expect(order).toEqual([...order].sort());
    expect(listed.at(-1)?.id).toBe(late.json.id);
    // Without a limit, every open objection on one page, as before paging.
    const all = await w.call('GET', `${D}/objections?status=open`, { as: w.keys.chongming.bureau });
    expect(all.json).toEqual({ items: listed, nextCursor: null });

    const bad = expectProblem(await w.call('GET', `${D}/objections?cursor=obj_123`, { as: w.keys.chongming.bureau }), 400);
    expect(bad.errors).toEqual([expect.objectContaining({ pointer: '/cursor', in: 'query' })]);
  });

  it('nobody objects to another person’s event, and agencies cannot object at all', async () => {
    const w = await createWorld();
    const a = await w.register('chongming', 'resident', IDS.residentA);
    await w.register('chongming', 'resident', IDS.residentB);
    const rec = await record(w, [{ subject: { id: a }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-11-01', evidence: 'e' }]);
    const eventId = rec.json.events[0].eventId;
    expectProblem(
      await w.call('POST', `${D}/credit-events/${eventId}/objections`, { as: await w.token('resident', IDS.residentB), body: { statement: 'x' } }),
      403,
    );
    expectProblem(await w.call('POST', `${D}/credit-events/${eventId}/objections`, { as: w.keys.chongming.bureau, body: { statement: 'x' } }), 403);
    expectProblem(await w.call('GET', `${D}/subjects/${a}/credit-score`, { as: await w.token('resident', IDS.residentB) }), 403);
    expectProblem(await w.call('GET', `${D}/subjects/${a}/credit-events`, { as: await w.token('resident', IDS.residentB) }), 403);
  });
});

describe('a retried batch counts once', () => {
  it('with the same Idempotency-Key the second answer is replayed and nothing is written twice', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const batch = [penalty(firm, '2026-10-01', '1000.00', { evidence: 'A-1' }), penalty(firm, '2026-10-02', '2000.00', { evidence: 'A-2' })];
    const headers = { 'idempotency-key': 'batch-2026-10-xyz' };
    const first = await record(w, batch, undefined, headers);
    const again = await record(w, batch, undefined, headers);
    expect(again.json).toEqual(first.json);
    const file = await w.call('GET', `${D}/subjects/${firm}/credit-events`, { as: w.keys.chongming.bureau });
    expect(file.json.items).toHaveLength(2);
  });

  it('with external ids, lines already recorded are reported as duplicates, and a changed line is refused', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const one = penalty(firm, '2026-10-01', '1000.00', { evidence: 'B-1', externalId: 'pen-1' });
    const two = penalty(firm, '2026-10-02', '2000.00', { evidence: 'B-2', externalId: 'pen-2' });
    expect((await record(w, [one])).json).toMatchObject({ recorded: 1 });
    const retry = await record(w, [one, two]);
    expect(retry.json).toMatchObject({ recorded: 1, duplicates: 1 });
    expect(retry.json.events[0]).toMatchObject({ line: 1, status: 'duplicate' });
    const changed = await record(w, [{ ...one, amounts: [{ name: 'fine_yuan', value: '9999.00', unit: 'yuan' }] }]);
    expect(expectProblem(changed, 409).errors?.[0]?.pointer).toBe('/events/0/externalId');
    const file = await w.call('GET', `${D}/subjects/${firm}/credit-events`, { as: w.keys.chongming.bureau });
    expect(file.json.items).toHaveLength(2);
  });
});

describe('a past score is reproduced exactly after later events arrive', () => {
  it('as of a moment, later events, reversals and objections are left out', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const rec = await record(w, [penalty(firm, '2026-10-01', '150000.00')]);
    const at = w.clock.now().toISOString();
    const then = await score(w, firm, w.keys.chongming.bureau);

    w.clock.advanceDays(2);
    await record(w, [{ subject: { id: firm }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-11-25', evidence: 'later' }]);
    await w.call('POST', `${D}/subjects/${firm}/credit-events/${rec.json.events[0].eventId}/reversal`, {
      as: w.keys.chongming.recorder,
      body: { reason: '复议撤销', evidence: '沪崇复决〔2026〕3号' },
    });
    const now = await score(w, firm, w.keys.chongming.bureau);
    expect(now.json.score).not.toBe(then.json.score);

    const replay = await score(w, firm, w.keys.chongming.bureau, `?asOf=${encodeURIComponent(at)}`);
    const { asOf: _a, ...replayed } = replay.json;
    const { asOf: _b, ...original } = then.json;
    expect(replayed).toEqual(original);
  });

  it('refuses an asOf in the future', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    expectProblem(await score(w, firm, w.keys.chongming.bureau, '?asOf=2030-01-01'), 400);
    expectProblem(await score(w, firm, w.keys.chongming.bureau, '?asOf=yesterday'), 400);
  });
});

describe('points per period are capped by the behaviour list', () => {
  it('35 waste-sorting acts in one month give 30 points, and the trace shows the cut', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const greening = await w.client('chongming', 'recorder', '绿化市容局');
    const acts = Array.from({ length: 35 }, (_, i) => ({
      subject: { id: resident },
      code: 'WASTE-SORTING',
      occurredOn: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
      evidence: `巡查-${i}`,
    }));
    expect((await record(w, acts, greening)).json.recorded).toBe(35);
    const s = await score(w, resident, w.keys.chongming.bureau);
    expect(s.json).toMatchObject({ score: 110, grade: 'a' });
    const events = s.json.items[0].events as Array<{ points: number; uncappedPoints?: number }>;
    expect(events.reduce((sum, e) => sum + e.points, 0)).toBe(30);
    // The trace lists the 30 acts that fit under the cap, each for its one point.
    expect(events).toHaveLength(30);
    expect(events.filter((e) => e.uncappedPoints !== undefined)).toEqual([]);
  });

  it('tree planting scores by a formula on its amount', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const greening = await w.client('chongming', 'recorder', '绿化市容局');
    await record(
      w,
      [
        {
          subject: { id: resident },
          code: 'TREE-PLANTING',
          occurredOn: '2026-03-12',
          evidence: '植树节',
          amounts: [{ name: 'trees', value: '5', unit: 'tree' }],
        },
      ],
      greening,
    );
    expect((await score(w, resident, w.keys.chongming.bureau)).json.score).toBe(82.5);
  });

  it('the carbon account scores the same file with another scorecard', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    await record(w, [
      {
        subject: { id: resident },
        code: 'CARBON-REDUCTION',
        occurredOn: '2026-10-05',
        evidence: '公交出行',
        amounts: [{ name: 'co2e_kg', value: '40.5', unit: 'kg-co2e' }],
      },
      {
        subject: { id: resident },
        code: 'CARBON-REDUCTION',
        occurredOn: '2026-11-05',
        evidence: '公交出行',
        amounts: [{ name: 'co2e_kg', value: '20', unit: 'kg-co2e' }],
      },
    ]);
    const s = await score(w, resident, await w.token('resident', IDS.residentA), '?scorecard=resident-carbon-account');
    expect(s.json).toMatchObject({ score: 60.5, grade: 'medium-green', gradeLabel: '中绿' });
  });
});

describe('bad events are refused with the line named, and nothing is written', () => {
  const cases: Array<[string, (firm: string) => Record<string, unknown>, number, string, RegExp]> = [
    ['an unknown event code', (f) => ({ ...penalty(f, '2026-10-01'), code: 'NOT-A-CODE' }), 400, '/events/1/code', /on no firm behaviour list/],
    ['an end before the start', (f) => ({ ...penalty(f, '2026-10-01'), endedOn: '2026-09-01' }), 400, '/events/1/endedOn', /cannot end/],
    ['a date in the future', (f) => penalty(f, '2026-12-01'), 400, '/events/1/occurredOn', /future/],
    [
      'an amount in the wrong unit',
      (f) => ({ ...penalty(f, '2026-10-01'), amounts: [{ name: 'fine_yuan', value: '5', unit: '万元' }] }),
      400,
      '/events/1/amounts/0/unit',
      /yuan, not 万元/,
    ],
    [
      'a negative fine',
      (f) => ({ ...penalty(f, '2026-10-01'), amounts: [{ name: 'fine_yuan', value: '-5', unit: 'yuan' }] }),
      400,
      '/events/1/amounts/0/value',
      /at least 0/,
    ],
    ['a missing required amount', (f) => ({ ...penalty(f, '2026-10-01'), amounts: [] }), 400, '/events/1/amounts', /needs the amount 'fine_yuan'/],
    ['an unknown subject', () => penalty('sub_nobody', '2026-10-01'), 400, '/events/1/subject', /no such subject/],
    [
      'a money amount sent as a JSON number',
      (f) => ({ ...penalty(f, '2026-10-01'), amounts: [{ name: 'fine_yuan', value: 5, unit: 'yuan' }] }),
      400,
      '/events/1/amounts/0/value',
      /./,
    ],
  ];
  for (const [story, make, status, pointer, reason] of cases) {
    it(`${story}`, async () => {
      const w = await createWorld();
      const firm = await w.register('chongming', 'firm', IDS.firmA);
      const res = await record(w, [penalty(firm, '2026-10-01'), make(firm)]);
      const problem = expectProblem(res, status);
      const error = problem.errors?.find((e) => e.pointer === pointer);
      expect(error, JSON.stringify(problem.errors)).toBeDefined();
      expect(error?.detail).toMatch(reason);
      const file = await w.call('GET', `${D}/subjects/${firm}/credit-events`, { as: w.keys.chongming.bureau });
      expect(file.json.items).toHaveLength(0);
    });
  }

  it('a code the agency may not record is a 403 naming the line', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const res = await record(w, [{ subject: { id: resident }, code: 'PILOT-NATIONAL', occurredOn: '2026-10-01', evidence: 'x' }]);
    const problem = expectProblem(res, 403);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/events/0/code' });
    expect(problem.errors?.[0]?.detail).toMatch(/生态环境局 may not record PILOT-NATIONAL/);
  });

  it('only recorders record; a bank or a bureau is refused', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    expectProblem(await record(w, [penalty(firm, '2026-10-01')], w.keys.chongming.bank), 403);
    expectProblem(await record(w, [penalty(firm, '2026-10-01')], w.keys.chongming.bureau), 403);
  });

  it('a subject of another district cannot be recorded here', async () => {
    const w = await createWorld();
    const elsewhere = await w.register('lishui', 'firm', IDS.lishuiFirm);
    const res = await record(w, [penalty(elsewhere, '2026-10-01')]);
    expect(expectProblem(res, 400).errors?.[0]?.pointer).toBe('/events/0/subject');
  });

  it('a batch over 10 000 events is refused', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const res = await record(
      w,
      Array.from({ length: 10_001 }, () => penalty(firm, '2026-10-01')),
    );
    expect(expectProblem(res, 400).errors?.[0]?.pointer).toBe('/events');
  });

  it('a batch of 10 000 events is recorded in one request', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const events = Array.from({ length: 10_000 }, (_, i) => ({
      subject: { id: resident },
      code: 'VIOLATION-REPORT',
      occurredOn: '2026-11-01',
      evidence: `举报-${i}`,
      externalId: `r-${i}`,
    }));
    const res = await record(w, events);
    expect(res.json).toMatchObject({ recorded: 10_000, duplicates: 0 });
  }, 30_000);
});

describe('corrections', () => {
  it('a reversal cannot be reversed, and an event cannot be reversed twice', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const eventId = (await record(w, [penalty(firm, '2026-10-01')])).json.events[0].eventId;
    const path = `${D}/subjects/${firm}/credit-events/${eventId}/reversal`;
    const body = { reason: '录入错误', evidence: '更正说明' };
    const reversal = await w.call('POST', path, { as: w.keys.chongming.recorder, body });
    expect(reversal.status).toBe(201);
    expect(reversal.json).toMatchObject({ reversesEventId: eventId, code: 'ENV-PENALTY' });
    expectProblem(await w.call('POST', path, { as: w.keys.chongming.bureau, body }), 409);
    const again = await w.call('POST', `${D}/subjects/${firm}/credit-events/${reversal.json.id}/reversal`, { as: w.keys.chongming.bureau, body });
    expectProblem(again, 422);
    expect((await score(w, firm, w.keys.chongming.bureau)).json.score).toBe(100);
  });

  it("another subject's event cannot be reversed through this subject, nor by another agency", async () => {
    const w = await createWorld();
    const a = await w.register('chongming', 'firm', IDS.firmA);
    const b = await w.register('chongming', 'firm', IDS.firmB);
    const eventId = (await record(w, [penalty(a, '2026-10-01')])).json.events[0].eventId;
    const body = { reason: 'x', evidence: 'y' };
    expectProblem(await w.call('POST', `${D}/subjects/${b}/credit-events/${eventId}/reversal`, { as: w.keys.chongming.bureau, body }), 404);
    const water = await w.client('chongming', 'recorder', '水务局');
    expectProblem(await w.call('POST', `${D}/subjects/${a}/credit-events/${eventId}/reversal`, { as: water, body }), 403);
  });
});
