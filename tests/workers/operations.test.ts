/**
 * Operating the Worker, inside workerd on local D1: the probes, the offline docs from static assets,
 * and the integrators' client (typed client and offline verifier) running in the Workers runtime.
 * This file's D1 starts empty (storage is per test file): the first story sees it before migrations.
 */
import { applyD1Migrations, env, SELF } from 'cloudflare:test';
import { createClient, verifyReport } from 'eco-credit-service/client';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createDistrict } from '../../src/districts/districts.service.js';
import { createClient as createApiClient } from '../../src/identity/clients.service.js';
import { devIssuerConfig, generateDevIssuerKey, mintDevToken } from '../../src/identity/dev-issuer.js';
import { fixedClock } from '../../src/platform/clock.js';
import journal from '../../src/platform/db/migrations/meta/_journal.json' with { type: 'json' };
import { memoryKeyStore } from '../../src/platform/key-store.js';
import { silentLogger } from '../../src/platform/logger.js';
import { type WorkerEnv, workerDeps } from '../../src/worker.js';

// biome-ignore lint/suspicious/noExplicitAny: the test env carries bindings declared in the vitest config.
const testEnv = env as any;
const NOW = '2026-11-24T02:00:00Z';
// The district's private key, kept for the file as the Worker's ECO_SIGNING_KEYS would keep it.
const keys = memoryKeyStore();

/** The district as the Worker would hold it, with its signing key in a key store this test keeps. */
async function district() {
  await applyD1Migrations(testEnv.DB_CHONGMING, testEnv.TEST_MIGRATIONS);
  const devKey = await generateDevIssuerKey();
  const base = workerDeps(testEnv as WorkerEnv, testEnv.DB_CHONGMING);
  const deps = {
    ...base,
    clock: fixedClock(NOW),
    signingKeys: keys,
    subjectIssuers: [devIssuerConfig(devKey)],
    logger: silentLogger,
    config: { ...base.config, environment: 'test' as const },
  };
  const ctx = {
    deps,
    districtId: 'chongming',
    now: new Date(NOW),
    principal: { type: 'client' as const, clientId: 'test', districtId: 'chongming', role: 'bureau' as const, agency: null, name: 'test' },
  };
  await createDistrict(ctx, '上海市崇明区', deps.shippedRules).catch((e: Error) => {
    if (!/exists already/.test(e.message)) throw e;
  });
  return {
    deps,
    app: createApp(deps),
    token: (id: string) => mintDevToken(devKey, 'test', { kind: 'resident', identifier: id, now: new Date(NOW) }),
  };
}

describe('an operator deploys the Worker', () => {
  it('is live at once, and ready only once D1 has the migrations and the signing keys are configured', async () => {
    expect((await SELF.fetch('https://eco.example/health')).status).toBe(200);
    const before = await SELF.fetch('https://eco.example/ready');
    expect(before.status).toBe(503);
    expect(before.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await before.json()) as { checks: unknown[] }).checks[1]).toEqual({
      name: 'migrations',
      ok: false,
      detail: `not applied: ${journal.entries.map((e) => e.tag).join(', ')}`,
    });

    await applyD1Migrations(testEnv.DB_CHONGMING, testEnv.TEST_MIGRATIONS);
    expect((await SELF.fetch('https://eco.example/ready')).status).toBe(200);

    // A district whose private key is not in ECO_SIGNING_KEYS: the Worker could not sign its reports.
    await district();
    const keyless = await SELF.fetch('https://eco.example/ready');
    expect(keyless.status).toBe(503);
    expect(((await keyless.json()) as { checks: Array<{ name: string; ok: boolean }> }).checks[2]).toMatchObject({ name: 'signingKeys', ok: false });
  });

  it('serves /docs with the Scalar bundle from its own static assets', async () => {
    const page = await (await SELF.fetch('https://eco.example/docs')).text();
    expect(page).toContain('<script src="/docs/scalar.js">');
    expect(page).not.toMatch(/https:\/\/(cdn|fonts)\./);
    const script = await SELF.fetch('https://eco.example/docs/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('createApiReference');
  });
});

describe('a bank runs the client inside a Worker', () => {
  it('lists consents, receives a signed report and verifies it offline, in the Workers runtime', async () => {
    const { deps, app, token } = await district();
    const bank = await createApiClient(deps, { districtId: 'chongming', name: '上海农商银行崇明支行', role: 'bank' });
    const bureau = await createApiClient(deps, { districtId: 'chongming', name: '崇明区财政局', role: 'bureau' });
    const resident = (await (
      await app.request('/v1/districts/chongming/subjects', {
        method: 'POST',
        headers: { authorization: `Bearer ${bureau.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'resident', idNumber: '310230199207180049' }),
      })
    ).json()) as { id: string };
    const subject = createClient({ baseUrl: 'https://eco.example', apiKey: await token('310230199207180049'), fetch: async (r) => app.fetch(r) });
    const granted = await subject.POST('/v1/districts/{districtId}/consents', {
      params: { path: { districtId: 'chongming' } },
      body: { bankClientId: bank.client.id, purpose: 'loan-application', scopes: ['credit'] },
    });
    expect(granted.response.status).toBe(201);

    const api = createClient({ baseUrl: 'https://eco.example', apiKey: bank.apiKey, fetch: async (r) => app.fetch(r) });
    const path = { districtId: 'chongming' };
    const consents = await api.GET('/v1/districts/{districtId}/consents', { params: { path, query: { subjectId: resident.id } } });
    expect(consents.data?.items).toHaveLength(1);
    const issued = await api.POST('/v1/districts/{districtId}/reports', {
      params: { path },
      body: { subjectId: resident.id, purpose: 'loan-application', scopes: ['credit'] },
    });
    if (!issued.data) throw new Error(JSON.stringify(issued.error));
    const jwks = (await api.GET('/districts/{districtId}/.well-known/jwks.json', { params: { path } })).data;
    const verdict = await verifyReport(issued.data.report, jwks as never, {
      issuer: issued.data.issuer,
      audience: bank.client.id,
      now: new Date(NOW),
    });
    expect(verdict).toMatchObject({ valid: true, payload: { credentialSubject: { displayId: '310230********0049' } } });
  });
});
