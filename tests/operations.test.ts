/**
 * An operator watches the service: the probes a load balancer calls, and the request log. Readiness
 * runs on a real data directory (database file, key files) as `npm start` opens it.
 */
import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createDistrict } from '../src/districts/districts.service.js';
import { nodeConfig } from '../src/node/config.js';
import { type NodeRuntime, openNodeRuntime } from '../src/node/runtime.js';
import journal from '../src/platform/db/migrations/meta/_journal.json' with { type: 'json' };
import { newEd25519 } from '../src/platform/key-store.js';
import { createWorld, expectProblem, IDS } from './support/world.js';

const dirs: string[] = [];
const runtimes: NodeRuntime[] = [];
afterEach(() => {
  for (const rt of runtimes.splice(0)) {
    try {
      rt.close();
    } catch {
      // closed by the test
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A data directory with one district, opened as the service opens it. */
async function deployment() {
  const dataDir = mkdtempSync(join(tmpdir(), 'eco-ready-'));
  dirs.push(dataDir);
  const config = nodeConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' });
  const first = await openNodeRuntime(config);
  const ctx = {
    deps: first.deps,
    districtId: 'chongming',
    now: new Date(),
    principal: { type: 'client' as const, clientId: 'cli', districtId: 'chongming', role: 'bureau' as const, agency: null, name: 'cli' },
  };
  await createDistrict(ctx, '上海市崇明区', first.deps.shippedRules);
  first.close();
  // A fresh process: nothing cached from the creation.
  const rt = await openNodeRuntime(config, { log: () => {} });
  runtimes.push(rt);
  const app = createApp(rt.deps);
  const ready = async () => {
    const res = await app.request('/ready');
    // biome-ignore lint/suspicious/noExplicitAny: the test reads the answer's fields and asserts on them.
    return { status: res.status, headers: res.headers, json: (await res.json()) as any };
  };
  return { dataDir, rt, app, ready, keyFile: join(dataDir, 'keys', readdirSync(join(dataDir, 'keys'))[0] as string) };
}

describe('a load balancer probes the service', () => {
  it('finds it live and ready when the database answers, is current and every signing key is at hand', async () => {
    const { ready, app } = await deployment();
    expect((await app.request('/health')).status).toBe(200);
    expect(await ready()).toMatchObject({ status: 200, json: { status: 'ready', checks: [{ ok: true }, { ok: true }, { ok: true }] } });
  });

  it('takes it out of rotation when the database file is gone from under it, while /health still says it lives', async () => {
    const { ready, app, dataDir } = await deployment();
    for (const f of readdirSync(dataDir)) if (f.startsWith('eco-credit.sqlite')) unlinkSync(join(dataDir, f));
    const res = await ready();
    const problem = expectProblem(res, 503);
    expect(problem.type).toMatch(/\/not-ready$/);
    expect(res.json.checks[0]).toEqual({ name: 'database', ok: false, detail: 'the database does not answer' });
    expect(JSON.stringify(res.json)).not.toMatch(/SQLITE|sqlite|ENOENT/);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('is not ready when its database connection is lost', async () => {
    const { ready, rt, app } = await deployment();
    rt.close();
    expect((await ready()).json.checks[0]).toMatchObject({ name: 'database', ok: false });
    expect((await app.request('/health')).status).toBe(200);
  });

  it('is not ready when the database lacks a migration this build ships', async () => {
    const { ready, rt } = await deployment();
    // As if this build were deployed on a database that has not had its newest migration.
    (rt.deps.storage as unknown as { sqlite: { exec(sql: string): void } }).sqlite.exec(
      'DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)',
    );
    const res = await ready();
    expectProblem(res, 503);
    const newest = journal.entries.at(-1)?.tag;
    expect(res.json.checks[1]).toEqual({ name: 'migrations', ok: false, detail: `not applied: ${newest}` });
  });

  it('is not ready when a district signing key file is missing, or is not the key the district publishes', async () => {
    const missing = await deployment();
    unlinkSync(missing.keyFile);
    const res = await missing.ready();
    expectProblem(res, 503);
    expect(res.json.checks[2]).toMatchObject({
      name: 'signingKeys',
      ok: false,
      detail: expect.stringMatching(/^private key missing or not matching for chongming-/),
    });

    const swapped = await deployment();
    const kid = (swapped.keyFile.split('/').pop() as string).replace('.private.jwk.json', '');
    writeFileSync(swapped.keyFile, JSON.stringify((await newEd25519(kid)).privateJwk));
    expect((await swapped.ready()).json.checks[2]).toMatchObject({ ok: false, detail: expect.stringContaining(kid) });
  });

  it('finds both probes in the OpenAPI document, open to anyone', async () => {
    const w = await createWorld();
    const doc = (await w.call('GET', '/openapi.json')).json;
    expect(doc.paths['/health'].get).toMatchObject({ operationId: 'getHealth', security: [] });
    expect(doc.paths['/ready'].get).toMatchObject({ operationId: 'getReadiness', security: [] });
    expect(Object.keys(doc.paths['/ready'].get.responses)).toEqual(['200', '503']);
  });
});

describe('an operator reads the request log', () => {
  it('sees the operation, the client, its role and the district of each request, and never an ID number or a key', async () => {
    const w = await createWorld();
    const lines: Array<Record<string, unknown>> = [];
    const log = (message: string, fields: Record<string, unknown> = {}) => lines.push({ message, ...fields });
    w.deps.logger = { info: log, warn: log, error: log };
    const resident = await w.register('chongming', 'resident', IDS.residentA, '张海燕');
    await w.call('POST', '/v1/districts/chongming/subjects/lookup', {
      as: w.keys.chongming.bureau,
      body: { kind: 'resident', idNumber: IDS.residentA },
    });
    const token = await w.token('resident', IDS.residentA);
    await w.call('GET', '/v1/districts/chongming/me', { as: token });
    await w.call('GET', `/v1/districts/chongming/subjects/${resident}`, { as: w.keys.lishui.bureau });

    const requests = lines.filter((l) => l.message === 'request');
    expect(requests.map((l) => [l.operationId, l.status, l.role, l.district])).toEqual([
      ['registerSubject', 201, 'bureau', 'chongming'],
      ['lookupSubject', 200, 'bureau', 'chongming'],
      ['getOwnSubject', 200, 'subject', 'chongming'],
      ['getSubject', 403, 'bureau', 'chongming'],
    ]);
    expect(requests[0]).toMatchObject({ clientId: w.clientIds.chongming.bureau, method: 'POST', path: '/v1/districts/chongming/subjects' });
    expect(requests[2]).toMatchObject({ subjectKind: 'resident' });
    expect(requests[2]).not.toHaveProperty('clientId');
    expect(requests[3]).toMatchObject({ clientId: w.clientIds.lishui.bureau });
    for (const l of requests) expect(typeof l.requestId === 'string' && typeof l.ms === 'number').toBe(true);

    const text = JSON.stringify(lines);
    expect(text).not.toContain(IDS.residentA);
    expect(text).not.toContain(IDS.residentA.slice(6, 14)); // not even the birth date inside it
    expect(text).not.toContain(w.keys.chongming.bureau);
    expect(text).not.toContain(w.keys.chongming.bureau.split('_')[2]);
    expect(text).not.toContain(token);
  });
});
