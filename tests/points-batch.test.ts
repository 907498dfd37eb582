/**
 * A transit platform sends its day's trips in one batch: each trip has its own result, the caps, the
 * de-duplication keys and the holders' switches hold across the lines of one holder as they hold
 * across requests, and a batch that names a holder the district does not know writes nothing at all.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

async function setup() {
  const w = await createWorld();
  const a = await w.register('chongming', 'resident', IDS.residentA);
  const b = await w.register('chongming', 'resident', IDS.residentB);
  const transport = await w.client('chongming', 'recorder', '交通委');
  return { w, a, b, transport };
}

const batch = (w: World, key: string, awards: unknown[], headers: Record<string, string> = {}) =>
  w.call('POST', `${D}/points/award-batches`, { as: key, body: { awards }, headers });
const trip = (id: string, extra: Record<string, unknown> = {}) => ({ holder: { id }, action: 'GREEN-TRAVEL', ...extra });
const walk = (id: string, steps: string) => ({ holder: { id }, action: 'WALKING', amount: { value: steps, unit: 'step' } });
/** Points awarded and not spent: those available now, and those credited later (the catalogue delays trips and walks by a day). */
const balanceOf = async (w: World, id: string) => {
  const account = (await w.call('GET', `${D}/subjects/${id}/points`, { as: w.keys.chongming.bureau })).json;
  return account.balance + account.pending;
};

describe("a platform sends its day's awards in one batch", () => {
  it('awards each line in order within the caps, and says of every other line why not', async () => {
    const { w, a, b, transport } = await setup();
    // b switched the transit app off on the phone.
    const tokenB = await w.token('resident', IDS.residentB);
    expect((await w.call('PUT', `${D}/subjects/${b}/points/sources/transit-app`, { as: tokenB, body: { enabled: false } })).status).toBe(200);

    const res = await batch(w, transport, [
      ...Array.from({ length: 5 }, () => trip(a)),
      trip(b),
      walk(a, '30000'),
      walk(a, '3000'),
      trip(a, { occurredOn: '2026-11-23' }),
    ]);
    expect(res.status).toBe(201);
    const lines = res.json.lines as Array<{ status: string; awarded: number; refused: { code: string; points: number } | null }>;
    const summary = lines.map((l) => [l.status, l.awarded, l.refused?.code ?? null, l.refused?.points ?? 0]);
    expect(summary).toEqual([
      ['awarded', 10, null, 0],
      ['awarded', 10, null, 0],
      ['awarded', 10, null, 0],
      ['awarded', 10, null, 0],
      // The daily cap of 40 is full: the fifth trip of the day gets nothing.
      ['refused', 0, 'cap-reached', 10],
      ['refused', 0, 'source-switched-off', 10],
      // 30 000 steps are worth 60, the daily cap is 50.
      ['awarded', 50, 'cap-reached', 10],
      ['refused', 0, 'award-refused', 0],
      // Another day, another cap.
      ['awarded', 10, null, 0],
    ]);
    expect(res.json).toMatchObject({
      awarded: 6,
      refused: 3,
      points: 100,
      ruleSets: [expect.objectContaining({ id: 'points-catalogue', hash: expect.stringMatching(/^sha256:/) })],
    });
    expect(lines[0]).toMatchObject({
      line: 1,
      holderId: a,
      action: 'GREEN-TRAVEL',
      catalogue: 'points-catalogue',
      entryId: expect.stringMatching(/^ple_/),
    });
    expect(await balanceOf(w, a)).toBe(100);
    expect(await balanceOf(w, b)).toBe(0);

    // The caps count what the earlier batch awarded.
    const again = await batch(w, transport, [trip(a)]);
    expect(again.json.lines[0]).toMatchObject({ status: 'refused', refused: { code: 'cap-reached' } });
  });

  it('counts a key once across lines and across requests', async () => {
    const { w, a } = await setup();
    const environment = w.keys.chongming.recorder;
    const report = (reference: string) => ({ holder: { id: a }, action: 'VIOLATION-REPORT', reference });
    expect((await w.call('POST', `${D}/points/awards`, { as: environment, body: report('沪崇环举〔2026〕1号') })).status).toBe(201);
    const res = await batch(w, environment, [report('沪崇环举〔2026〕1号'), report('沪崇环举〔2026〕2号'), report('沪崇环举〔2026〕2号')]);
    expect(res.json.lines.map((l: { status: string; refused: { code: string } | null }) => [l.status, l.refused?.code ?? null])).toEqual([
      ['refused', 'duplicate-award'],
      ['awarded', null],
      ['refused', 'duplicate-award'],
    ]);
  });

  it('gives each line what awarding the lines one by one gives', async () => {
    const one = await setup();
    const many = await setup();
    const lines = [
      ...Array.from({ length: 6 }, (_, i) => trip(one.a, { occurredOn: i % 2 ? '2026-11-24' : '2026-11-23' })),
      walk(one.a, '18000'),
      walk(one.a, '18000'),
      walk(one.b, '4999'),
      walk(one.b, '5000'),
      trip(one.b),
    ];
    const batched = await batch(one.w, one.transport, lines);
    const seen: Array<[number, string | null]> = [];
    for (const line of lines) {
      const body = { ...line, holder: { id: line.holder.id === one.a ? many.a : many.b } };
      const res = await many.w.call('POST', `${D}/points/awards`, { as: many.transport, body });
      seen.push(res.status === 201 ? [res.json.awarded, res.json.refused ? 'cap-reached' : null] : [0, res.json.code]);
    }
    expect(batched.json.lines.map((l: { awarded: number; refused: { code: string } | null }) => [l.awarded, l.refused?.code ?? null])).toEqual(seen);
  });

  it('writes nothing when a line names an unknown holder or an action the agency may not award, and names each such line', async () => {
    const { w, a, transport } = await setup();
    const unknown = await batch(w, transport, [trip(a), trip('sub_0000'), { holder: { kind: 'resident', idNumber: '123' }, action: 'GREEN-TRAVEL' }]);
    expectProblem(unknown, 400);
    expect(unknown.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/awards/2/holder/idNumber', '/awards/1/holder']);
    const forbidden = await batch(w, transport, [trip(a), { holder: { id: a }, action: 'WASTE-SORTING' }, trip(a, { occurredOn: '2027-01-01' })]);
    expectProblem(forbidden, 403);
    expect(forbidden.json.code).toBe('action-not-permitted');
    expect(forbidden.json.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/awards/1/action', '/awards/2/occurredOn']);
    expectProblem(await batch(w, transport, [{ holder: { id: a }, action: 'NO-SUCH' }]), 422);
    expectProblem(await batch(w, transport, []), 400);
    expectProblem(await batch(w, w.keys.chongming.bureau, [trip(a)]), 403);
    expect(await balanceOf(w, a)).toBe(0);
  });

  it('answers a retried batch with the first answer and awards nothing twice', async () => {
    const { w, a, transport } = await setup();
    const headers = { 'idempotency-key': 'transit-2026-11-24-batch-1' };
    const first = await batch(w, transport, [trip(a), trip(a)], headers);
    const retry = await batch(w, transport, [trip(a), trip(a)], headers);
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(await balanceOf(w, a)).toBe(20);
  });
});
