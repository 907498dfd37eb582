/**
 * A bureau rescores its district after agencies recorded the month's events: it starts a job, follows
 * it until it is done, and reads how many subjects are in each grade, with the rule sets scored with.
 * Every subject's grade in the job is the grade its own score gives as of the same instant.
 */
import { describe, expect, it } from 'vitest';
import { startRescore } from '../src/credit/rescore-jobs.service.js';
import { residentIdCheckChar } from '../src/platform/identifiers/resident-id.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

/** Made-up ID numbers of 崇明 residents, with their check characters. */
const resident = (birth: string, seq: string) => `310230${birth}${seq}${residentIdCheckChar(`310230${birth}${seq}`)}`;
const RESIDENTS = [IDS.residentA, IDS.residentB, resident('19700101', '001'), resident('19651224', '002'), resident('20000101', '002')];

async function district(w: World) {
  const residents: string[] = [];
  for (const id of RESIDENTS) residents.push(await w.register('chongming', 'resident', id));
  const firm = await w.register('chongming', 'firm', IDS.firmA);
  const greening = await w.client('chongming', 'recorder', '绿化市容局');
  const ev = (subject: string, code: string, occurredOn: string, extra: Record<string, unknown> = {}) => ({
    subject: { id: subject },
    code,
    occurredOn,
    evidence: `${code}-${subject.slice(-6)}-${occurredOn}`,
    ...extra,
  });
  const [a, b, c, d] = residents as [string, string, string, string, string];
  const env = await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: {
      events: [
        ev(a, 'SERIOUS-ECO-DAMAGE', '2026-03-02'),
        ev(b, 'ILLEGAL-DISCHARGE', '2026-10-01'),
        ev(b, 'ILLEGAL-DISCHARGE', '2026-10-09'),
        ev(c, 'VIOLATION-REPORT', '2026-08-15'),
        ev(firm, 'ENV-PENALTY', '2026-09-01', { amounts: [{ name: 'fine_yuan', value: '150000', unit: 'yuan' }] }),
        ev(firm, 'DISCHARGE-EXCEEDANCE', '2026-09-03'),
      ],
    },
  });
  expect(env.status).toBe(201);
  const sorting = Array.from({ length: 34 }, (_, i) => ev(c, 'WASTE-SORTING', `2026-10-${String((i % 28) + 1).padStart(2, '0')}`));
  const greenEvents = await w.call('POST', `${D}/credit-events`, {
    as: greening,
    body: {
      events: [
        ...sorting,
        ev(d, 'VOLUNTEER-DAY', '2026-11-01'),
        ev(d, 'TREE-PLANTING', '2026-04-12', { amounts: [{ name: 'trees', value: '30', unit: 'tree' }] }),
      ],
    },
  });
  expect(greenEvents.status).toBe(201);
  // A correction: b's second discharge was recorded in error.
  const second = env.json.events[2].eventId as string;
  const reversed = await w.call('POST', `${D}/subjects/${b}/credit-events/${second}/reversal`, {
    as: w.keys.chongming.recorder,
    body: { reason: '误录', evidence: '更正-1' },
  });
  expect(reversed.status).toBe(201);
  return { residents, firm };
}

async function follow(w: World, location: string) {
  for (let i = 0; i < 200; i++) {
    const res = await w.call('GET', location, { as: w.keys.chongming.auditor });
    expect(res.status).toBe(200);
    if (res.json.status !== 'running') return res.json;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the rescore did not finish');
}

describe('a bureau rescores the district', () => {
  it('starts a job, follows it to the end, and finds every subject in the grade its own score gives', async () => {
    const w = await createWorld();
    const { residents, firm } = await district(w);
    const started = await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: {} });
    expect(started.status).toBe(202);
    expect(started.json).toMatchObject({ status: 'running', asOf: w.clock.now().toISOString(), progress: { subjectsTotal: 6 } });
    const location = started.headers.get('location') as string;
    expect(location).toBe(`${D}/rescore-jobs/${started.json.id}`);

    const done = await follow(w, location);
    expect(done).toMatchObject({ status: 'done', progress: { subjectsTotal: 6, subjectsDone: 6 }, error: null, finishedAt: expect.any(String) });
    // 6 + 34 + 2 events recorded, and the correction: all on file.
    expect(done.progress.eventsDone).toBe(43);

    const expected: Record<string, Record<string, number>> = { firm: {}, resident: {} };
    for (const [kind, ids] of [
      ['resident', residents],
      ['firm', [firm]],
    ] as const) {
      for (const id of ids) {
        const s = await w.call('GET', `${D}/subjects/${id}/credit-score`, { as: w.keys.chongming.bureau });
        const grades = expected[kind] as Record<string, number>;
        grades[s.json.grade] = (grades[s.json.grade] ?? 0) + 1;
      }
    }
    const byKind = Object.fromEntries(done.results.map((r: { subjectKind: string; grades: unknown }) => [r.subjectKind, r.grades]));
    expect(byKind).toEqual(expected);
    // The veto sends resident a to the lowest grade; the corrected discharge no longer counts against b.
    expect(expected.resident).toMatchObject({ d: 1 });
    const resident = done.results.find((r: { subjectKind: string }) => r.subjectKind === 'resident');
    expect(resident.ruleSets).toMatchObject({
      scorecard: { id: 'resident-village', version: 1, hash: expect.stringMatching(/^sha256:/) },
      behaviourList: { id: 'resident-behaviours', hash: expect.stringMatching(/^sha256:/) },
    });

    const list = await w.call('GET', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau });
    expect(list.json.items.map((j: { id: string }) => j.id)).toEqual([done.id]);
  });

  it('scores as of a past instant: later events and later subjects do not count, and the same job gives the same grades', async () => {
    const w = await createWorld({ now: '2026-10-05T02:00:00Z' });
    const { residents } = await districtBefore(w);
    const asOf = w.clock.now().toISOString();
    w.clock.set('2026-11-24T02:00:00Z');
    // After the instant: a new resident and a discharge against one already there.
    await w.register('chongming', 'resident', resident('19991111', '001'));
    await w.call('POST', `${D}/credit-events`, {
      as: w.keys.chongming.recorder,
      body: { events: [{ subject: { id: residents[0] }, code: 'SERIOUS-ECO-DAMAGE', occurredOn: '2026-11-01', evidence: 'late' }] },
    });
    const first = await follow(
      w,
      (await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { asOf } })).headers.get('location') as string,
    );
    const again = await follow(
      w,
      (await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { asOf } })).headers.get('location') as string,
    );
    expect(first.progress).toEqual({ subjectsTotal: 2, subjectsDone: 2, eventsDone: 1 });
    expect(first.results).toEqual(again.results);
    const then: Record<string, number> = {};
    for (const id of residents) {
      const s = await w.call('GET', `${D}/subjects/${id}/credit-score?asOf=${encodeURIComponent(asOf)}`, { as: w.keys.chongming.bureau });
      then[s.json.grade] = (then[s.json.grade] ?? 0) + 1;
    }
    expect(first.results.find((r: { subjectKind: string }) => r.subjectKind === 'resident').grades).toEqual(then);
    // Now, with the later damage, resident 0 would be vetoed to the lowest grade; as of the instant it is not.
    const now = await w.call('GET', `${D}/subjects/${residents[0]}/credit-score`, { as: w.keys.chongming.bureau });
    expect(now.json.grade).toBe('d');
    expect(then.d).toBeUndefined();
  });

  it('takes up a job whose process stopped, where it stopped, when the job is read', async () => {
    const w = await createWorld();
    await district(w);
    // Started, but no slice ever ran: as after a crash right after the answer.
    const ctx = {
      deps: w.deps,
      principal: {
        type: 'client' as const,
        clientId: w.clientIds.chongming.bureau,
        districtId: 'chongming',
        role: 'bureau' as const,
        agency: null,
        name: 'bureau',
      },
      districtId: 'chongming',
      now: w.clock.now(),
    };
    const job = await startRescore(ctx, {});
    expect(job).toMatchObject({ status: 'running', subjectsDone: 0 });
    const done = await follow(w, `${D}/rescore-jobs/${job.id}`);
    expect(done).toMatchObject({ status: 'done', progress: { subjectsDone: 6 } });
  });

  it('is for the bureau to start and for the bureau and auditors to read; a retried start is the same job', async () => {
    const w = await createWorld();
    expectProblem(await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.recorder, body: {} }), 403);
    expectProblem(await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.lishui.bureau, body: {} }), 403);
    const future = await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { asOf: '2027-01-01' } });
    expectProblem(future, 400);
    expect(future.json.errors).toEqual([expect.objectContaining({ pointer: '/asOf' })]);
    expectProblem(await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { scorecard: 'no-such-card' } }), 404);
    expectProblem(await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { what: 1 } }), 400);

    const headers = { 'idempotency-key': 'rescore-2026-11-24' };
    const first = await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: {}, headers });
    const retry = await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: {}, headers });
    expect(retry.json.id).toBe(first.json.id);
    await follow(w, first.headers.get('location') as string);
    expectProblem(await w.call('GET', `${D}/rescore-jobs/${first.json.id}`, { as: w.keys.chongming.bank }), 403);
    expectProblem(await w.call('GET', `/v1/districts/lishui/rescore-jobs/${first.json.id}`, { as: w.keys.lishui.auditor }), 404);
  });

  it('scores with another scorecard when asked: only the kind it scores', async () => {
    const w = await createWorld();
    await district(w);
    const started = await w.call('POST', `${D}/rescore-jobs`, { as: w.keys.chongming.bureau, body: { scorecard: 'resident-carbon-account' } });
    const done = await follow(w, started.headers.get('location') as string);
    expect(done).toMatchObject({ status: 'done', scorecardId: 'resident-carbon-account', progress: { subjectsTotal: 5 } });
    expect(done.results).toEqual([
      expect.objectContaining({
        subjectKind: 'resident',
        subjects: 5,
        ruleSets: expect.objectContaining({ scorecard: expect.objectContaining({ id: 'resident-carbon-account' }) }),
      }),
    ]);
  });
});

/** Two residents and one event, before the instant the second test scores as of. */
async function districtBefore(w: World) {
  const residents = [
    await w.register('chongming', 'resident', RESIDENTS[0] as string),
    await w.register('chongming', 'resident', RESIDENTS[1] as string),
  ];
  const res = await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: { events: [{ subject: { id: residents[1] }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-09-20', evidence: 'before' }] },
  });
  expect(res.status).toBe(201);
  return { residents };
}
