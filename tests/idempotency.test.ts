import { describe, expect, it } from 'vitest';
import { createWorld, expectProblem, IDS } from './support/world.js';

const path = '/v1/districts/chongming/subjects';
const body = { kind: 'firm', uscc: IDS.firmA, name: '上海崇明生态农业有限公司' };

describe('an agency retries a request after a network failure', () => {
  it('gets the first answer again and the subject exists once', async () => {
    const w = await createWorld();
    const headers = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers });
    expect(first.status).toBe(201);
    const retry = await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers });
    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const list = await w.call('GET', path, { as: w.keys.chongming.bureau });
    expect(list.json.items).toHaveLength(1);
  });

  it('is refused with 409 when the same key comes with another body', async () => {
    const w = await createWorld();
    const headers = { 'idempotency-key': 'retry-0002-abcdef' };
    expect((await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers })).status).toBe(201);
    const changed = await w.call('POST', path, { as: w.keys.chongming.recorder, body: { ...body, uscc: IDS.firmB }, headers });
    expect(expectProblem(changed, 409).type).toMatch(/idempotency-key-reused/);
    expect((await w.call('GET', path, { as: w.keys.chongming.bureau })).json.items).toHaveLength(1);
  });

  it('may retry with the same key after a refused request', async () => {
    const w = await createWorld();
    const headers = { 'idempotency-key': 'retry-0003-abcdef' };
    const bad = await w.call('POST', path, { as: w.keys.chongming.recorder, body: { ...body, uscc: '91310230MA1K2B3C4Q' }, headers });
    expectProblem(bad, 400);
    const good = await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers });
    expect(good.status).toBe(201);
  });

  it('keys belong to their sender: another client may use the same key', async () => {
    const w = await createWorld();
    const headers = { 'idempotency-key': 'shared-key-123456' };
    expect((await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers })).status).toBe(201);
    const other = await w.call('POST', path, { as: w.keys.chongming.bureau, body: { ...body, uscc: IDS.firmB }, headers });
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is too short to be unique', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, { as: w.keys.chongming.recorder, body, headers: { 'idempotency-key': 'abc' } });
    expect(expectProblem(res, 400).errors?.[0]?.in).toBe('header');
  });

  it('two concurrent requests with one key create one subject', async () => {
    const w = await createWorld();
    const headers = { 'idempotency-key': 'concurrent-123456' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => w.call('POST', path, { as: w.keys.chongming.recorder, body, headers })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    for (const s of statuses) expect([201, 409]).toContain(s);
    expect((await w.call('GET', path, { as: w.keys.chongming.bureau })).json.items).toHaveLength(1);
  });
});
