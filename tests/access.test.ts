import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createClient, revokeClient } from '../src/identity/clients.service.js';
import { DEV_ISSUER } from '../src/identity/dev-issuer.js';
import { createWorld, expectProblem, IDS } from './support/world.js';

const subjects = '/v1/districts/chongming/subjects';
const firmBody = { kind: 'firm', uscc: IDS.firmA, name: '上海崇明生态农业有限公司' };

describe('no credentials or bad credentials get 401', () => {
  it('an anonymous caller', async () => {
    const w = await createWorld();
    const res = await w.call('GET', subjects);
    expectProblem(res, 401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('an anonymous POST without a content type writes nothing', async () => {
    const w = await createWorld();
    const res = await w.app.request(subjects, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await w.call('GET', subjects, { as: w.keys.chongming.bureau }).then((r) => r.json.items)).toHaveLength(0);
  });

  it('a made-up, a mangled and a wrong key', async () => {
    const w = await createWorld();
    const real = w.keys.chongming.bureau;
    const wrongSecret = real.slice(0, -4) + (real.endsWith('0000') ? '1111' : '0000');
    for (const key of ['nonsense', 'eck_123', wrongSecret, `eck_${'0'.repeat(32)}_${'0'.repeat(64)}`]) {
      expectProblem(await w.call('GET', subjects, { as: key }), 401);
    }
    expectProblem(await w.call('GET', subjects, { headers: { authorization: `Basic ${btoa('a:b')}` } }), 401);
  });

  it('a revoked key stops working at once', async () => {
    const w = await createWorld();
    const { client, apiKey } = await createClient(w.deps, { districtId: 'chongming', name: 'temp', role: 'bureau' });
    expect((await w.call('GET', subjects, { as: apiKey })).status).toBe(200);
    await revokeClient(w.deps, client.id);
    const res = await w.call('GET', subjects, { as: apiKey });
    expect(expectProblem(res, 401).detail).toMatch(/revoked/);
  });

  it('subject tokens that are expired, for another audience, from an unknown issuer or forged', async () => {
    const w = await createWorld();
    await w.register('chongming', 'resident', IDS.residentA);
    const expired = await w.token('resident', IDS.residentA, { ttlSeconds: 60 });
    w.clock.advanceDays(1);
    expect(expectProblem(await w.call('GET', '/v1/districts/chongming/me', { as: expired }), 401).detail).toMatch(/expired/);

    const otherAudience = await w.token('resident', IDS.residentA, { audience: 'someone-else' });
    expectProblem(await w.call('GET', '/v1/districts/chongming/me', { as: otherAudience }), 401);

    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const sign = (iss: string) =>
      new SignJWT({ subject_kind: 'resident' })
        .setProtectedHeader({ alg: 'EdDSA', kid: w.devKey.kid ?? 'dev' })
        .setIssuer(iss)
        .setAudience('eco-credit')
        .setSubject(IDS.residentA)
        .setIssuedAt(Math.floor(w.clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(w.clock.now().getTime() / 1000) + 600)
        .sign(privateKey);
    expect(expectProblem(await w.call('GET', '/v1/districts/chongming/me', { as: await sign('https://idp.example') }), 401).detail).toMatch(
      /not accepted/,
    );
    expect(expectProblem(await w.call('GET', '/v1/districts/chongming/me', { as: await sign(DEV_ISSUER) }), 401).detail).toMatch(/signature/);
  });

  it('a token whose subject is not a valid identifier', async () => {
    const w = await createWorld();
    const token = await w.token('resident', '310230198503121234');
    expectProblem(await w.call('GET', '/v1/districts/chongming/me', { as: token }), 401);
  });

  it('the development issuer is refused when the service runs in production', async () => {
    const w = await createWorld({ environment: 'production' });
    await w.register('chongming', 'resident', IDS.residentA);
    const res = await w.call('GET', '/v1/districts/chongming/me', { as: await w.token('resident', IDS.residentA) });
    expect(expectProblem(res, 401).detail).toMatch(/development issuer/);
    const { mintDevToken } = await import('../src/identity/dev-issuer.js');
    await expect(mintDevToken(w.devKey, 'production', { kind: 'resident', identifier: IDS.residentA })).rejects.toThrow(/production/);
  });
});

describe('each role calling what it may not gets 403 and changes nothing', () => {
  it('a bank cannot register or read subjects directly', async () => {
    const w = await createWorld();
    const id = await w.register('chongming', 'firm', IDS.firmA);
    expectProblem(await w.call('POST', subjects, { as: w.keys.chongming.bank, body: { ...firmBody, uscc: IDS.firmB } }), 403);
    expectProblem(await w.call('GET', `${subjects}/${id}`, { as: w.keys.chongming.bank }), 403);
    expectProblem(await w.call('GET', subjects, { as: w.keys.chongming.bank }), 403);
    const list = await w.call('GET', subjects, { as: w.keys.chongming.bureau });
    expect(list.json.items).toHaveLength(1);
  });

  it('an auditor reads but never writes', async () => {
    const w = await createWorld();
    expectProblem(await w.call('POST', subjects, { as: w.keys.chongming.auditor, body: firmBody }), 403);
    expectProblem(await w.call('POST', '/v1/districts/chongming/rule-sets', { as: w.keys.chongming.auditor, body: { source: 'id: x' } }), 403);
    expect((await w.call('GET', subjects, { as: w.keys.chongming.auditor })).status).toBe(200);
  });

  it('a recorder cannot list the whole district nor touch rules', async () => {
    const w = await createWorld();
    expectProblem(await w.call('GET', subjects, { as: w.keys.chongming.recorder }), 403);
    expectProblem(
      await w.call('POST', '/v1/districts/chongming/rule-sets/validate', { as: w.keys.chongming.recorder, body: { source: 'id: x' } }),
      403,
    );
  });

  it('a subject cannot register subjects or list them', async () => {
    const w = await createWorld();
    await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    expectProblem(await w.call('POST', subjects, { as: token, body: firmBody }), 403);
    expectProblem(await w.call('GET', subjects, { as: token }), 403);
  });
});

describe('districts see nothing of each other', () => {
  it('a key of one district is refused in another, before anything is read or written', async () => {
    const w = await createWorld();
    const res = await w.call('POST', '/v1/districts/lishui/subjects', { as: w.keys.chongming.bureau, body: firmBody });
    expect(expectProblem(res, 403).detail).toMatch(/belongs to district 'chongming'/);
    const lishui = await w.call('GET', '/v1/districts/lishui/subjects', { as: w.keys.lishui.bureau });
    expect(lishui.json.items).toHaveLength(0);
  });

  it("a subject id of one district is not found through another district's path", async () => {
    const w = await createWorld();
    const id = await w.register('chongming', 'firm', IDS.firmA);
    expectProblem(await w.call('GET', `/v1/districts/lishui/subjects/${id}`, { as: w.keys.lishui.bureau }), 404);
    const lookup = await w.call('POST', '/v1/districts/lishui/subjects/lookup', {
      as: w.keys.lishui.bureau,
      body: { kind: 'firm', uscc: IDS.firmA },
    });
    expectProblem(lookup, 404);
  });

  it('the same firm may be registered in two districts as two separate records', async () => {
    const w = await createWorld();
    const a = await w.register('chongming', 'firm', IDS.firmA);
    const b = await w.register('lishui', 'firm', IDS.firmA);
    expect(a).not.toBe(b);
  });

  it('an unknown district is a 404 for subjects and a 403 for keys of another district', async () => {
    const w = await createWorld();
    await w.register('chongming', 'resident', IDS.residentA);
    expectProblem(await w.call('GET', '/v1/districts/nowhere/me', { as: await w.token('resident', IDS.residentA) }), 404);
    expectProblem(await w.call('GET', '/v1/districts/nowhere/subjects', { as: w.keys.chongming.bureau }), 403);
    const mine = await w.call('GET', '/v1/districts/chongming', { as: w.keys.chongming.bank });
    expect(mine.json).toMatchObject({ id: 'chongming', name: '上海市崇明区' });
  });
});
