import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createWorld, expectProblem, IDS } from './support/world.js';

const path = '/v1/districts/chongming/subjects';

describe('bad input gets a problem+json answer naming the field, and nothing is written', () => {
  it('malformed JSON', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, {
      as: w.keys.chongming.bureau,
      rawBody: '{"kind": "firm",',
      headers: { 'content-type': 'application/json' },
    });
    expect(expectProblem(res, 400).type).toMatch(/malformed-body/);
  });

  it('a body that is not JSON', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, { as: w.keys.chongming.bureau, rawBody: 'kind=firm', headers: { 'content-type': 'text/plain' } });
    expectProblem(res, 415);
  });

  it('a POST with no body at all', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, { as: w.keys.chongming.bureau });
    expect([400, 415]).toContain(res.status);
    expectProblem(res, res.status);
  });

  it('wrong types, missing and unknown fields, each named by a JSON pointer', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, {
      as: w.keys.chongming.bureau,
      body: { kind: 'firm', uscc: 12345, colour: 'green' },
    });
    const problem = expectProblem(res, 400);
    const pointers = problem.errors?.map((e) => e.pointer) ?? [];
    expect(pointers).toContain('/uscc');
    expect(pointers).toContain('/name');
    expect(pointers).toContain('/colour');
    expect(problem.errors?.map((e) => e.in)).toEqual(['body', 'body', 'body']);
  });

  it('an unknown kind', async () => {
    const w = await createWorld();
    const res = await w.call('POST', path, { as: w.keys.chongming.bureau, body: { kind: 'village', name: 'x' } });
    expect(expectProblem(res, 400).errors?.[0]?.pointer).toBe('/kind');
  });

  it('a bad query parameter', async () => {
    const w = await createWorld();
    const res = await w.call('GET', `${path}?limit=100000`, { as: w.keys.chongming.bureau });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/limit', in: 'query' });
  });

  it('a body over the size limit', async () => {
    const w = await createWorld({ maxBodyBytes: 1000 });
    const res = await w.call('POST', path, { as: w.keys.chongming.bureau, body: { kind: 'firm', uscc: IDS.firmA, name: '长'.repeat(2000) } });
    expectProblem(res, 413);
    expect((await w.call('GET', path, { as: w.keys.chongming.bureau })).json.items).toHaveLength(0);
  });

  it('an unknown route', async () => {
    const w = await createWorld();
    const res = await w.call('GET', '/v1/nothing-here', { as: w.keys.chongming.bureau });
    expectProblem(res, 404);
    expectProblem(await w.call('GET', '/nope'), 404);
  });

  it('every answer carries a request id', async () => {
    const w = await createWorld();
    const ok = await w.call('GET', '/health');
    // Made by the service when the caller sends none: a random UUID.
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const bad = await w.call('GET', path);
    expect(bad.json.requestId).toBe(bad.headers.get('x-request-id'));
  });
});

describe('an unexpected failure', () => {
  it('is a 500 problem that leaks no stack trace, and is logged with the request id', async () => {
    const w = await createWorld();
    const logged: Array<Record<string, unknown>> = [];
    const app = createApp({ ...w.deps, logger: { info() {}, warn() {}, error: (message, fields) => logged.push({ message, ...fields }) } });
    app.get('/explode', () => {
      throw new Error('secret internals at /srv/app.ts:42');
    });
    const res = await app.request('/explode');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const text = await res.text();
    expect(text).not.toMatch(/secret internals|app\.ts|at /);
    expect(JSON.parse(text).requestId).toBe(res.headers.get('x-request-id'));
    expect(logged[0]).toMatchObject({ message: 'unhandled error', requestId: res.headers.get('x-request-id') });
  });
});
