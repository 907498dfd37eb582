import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { rotateKey } from '../src/reports/signing-keys.service.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';

async function story() {
  const w = await createWorld();
  const resident = await w.register('chongming', 'resident', IDS.residentA);
  const token = await w.token('resident', IDS.residentA);
  const banks = await w.call('GET', `${D}/banks`, { as: token });
  const bank = banks.json.items[0] as { id: string; name: string };
  // Something to report: a negative event and some points.
  await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: { events: [{ subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-10-01', evidence: '巡查' }] },
  });
  return { w, resident, token, bank };
}

const grant = (w: World, token: string, body: Record<string, unknown>) => w.call('POST', `${D}/consents`, { as: token, body });
const issue = (w: World, body: Record<string, unknown>, as?: string) => w.call('POST', `${D}/reports`, { as: as ?? w.keys.chongming.bank, body });
const jwksOf = async (w: World, issuer: string) => {
  const res = await w.app.request(new URL(`${issuer}/.well-known/jwks.json`).pathname);
  return (await res.json()) as { keys: Array<Record<string, string>> };
};

/** Key rotation is a CLI operation: it runs as the district's operator, without HTTP. */
const cliContext = (w: World) => ({
  deps: w.deps,
  districtId: 'chongming',
  now: w.clock.now(),
  principal: { type: 'client' as const, clientId: 'cli', districtId: 'chongming', role: 'bureau' as const, agency: null, name: 'cli' },
});

describe('a bank asks for a borrower’s eco-credit', () => {
  it('without consent it is refused and nothing is delivered or logged', async () => {
    const { w, resident, token } = await story();
    const res = await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] });
    expect(expectProblem(res, 403).type).toMatch(/no-consent/);
    expect(res.text).not.toMatch(/eyJ/);
    expect((await w.call('GET', `${D}/query-log`, { as: token })).json.items).toEqual([]);
  });

  it('with consent it receives a signed report that an independent jose verification accepts against the published JWKS', async () => {
    const { w, resident, token, bank } = await story();
    const consent = await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] });
    expect(consent.status).toBe(201);
    expect(consent.json).toMatchObject({ state: 'active', bankName: bank.name, expiresAt: '2027-02-22T02:00:00.000Z' });

    const res = await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] });
    expect(res.status).toBe(201);
    const { report, issuer, jwksUrl, kid } = res.json;
    expect(jwksUrl).toBe(`${issuer}/.well-known/jwks.json`);

    // Independent check: only jose, the report and the JWKS fetched from the URL its issuer names.
    const jwks = await jwksOf(w, decodeJwt(report).iss as string);
    const { payload, protectedHeader } = await jwtVerify(report, createLocalJWKSet(jwks as never), { audience: bank.id, issuer });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', kid, typ: 'vc+jwt' });
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'EcoCreditReport'],
      purpose: 'loan-application',
      consent: { id: consent.json.id },
      credentialSubject: {
        kind: 'resident',
        displayId: '310230********1233',
        credit: { score: 77, grade: 'c', items: [expect.objectContaining({ reasonCode: 'negative-behaviour', points: -3 })] },
      },
    });
    expect(payload.credentialSubject).not.toHaveProperty('pointsSummary');
    expect(JSON.stringify(payload)).not.toContain(IDS.residentA);
    expect((payload as { ruleSets: Array<{ id: string }> }).ruleSets.map((r) => r.id)).toEqual([
      'resident-village',
      'resident-behaviours',
      'district-policy',
    ]);
  });

  it('the report carries the points summary only when that scope was granted and asked for', async () => {
    const { w, resident, token, bank } = await story();
    await grant(w, token, { bankClientId: bank.id, purpose: 'guarantee', scopes: ['credit', 'points-summary'] });
    const res = await issue(w, { subjectId: resident, purpose: 'guarantee', scopes: ['points-summary'] });
    const payload = decodeJwt(res.json.report) as { credentialSubject: Record<string, unknown> };
    expect(payload.credentialSubject.pointsSummary).toEqual({ balance: 0, pending: 0 });
    expect(payload.credentialSubject).not.toHaveProperty('credit');
  });

  it('disputed events and the subject’s statements are in the report', async () => {
    const { w, resident, token, bank } = await story();
    const file = await w.call('GET', `${D}/subjects/${resident}/credit-events`, { as: token });
    await w.call('POST', `${D}/credit-events/${file.json.items[0].id}/objections`, { as: token, body: { statement: '当日不在村内' } });
    await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] });
    const res = await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] });
    const credit = (
      decodeJwt(res.json.report) as { credentialSubject: { credit: { disputed: unknown[]; items: Array<{ events: Array<{ disputed: boolean }> }> } } }
    ).credentialSubject.credit;
    expect(credit.disputed).toEqual([expect.objectContaining({ statement: '当日不在村内' })]);
    expect(credit.items[0]?.events[0]?.disputed).toBe(true);
  });

  it('is refused for a purpose or a scope not granted, after revocation, after expiry, and for another district’s subject', async () => {
    const { w, resident, token, bank } = await story();
    const consent = await grant(w, token, {
      bankClientId: bank.id,
      purpose: 'loan-application',
      scopes: ['credit'],
      expiresAt: '2026-12-24T00:00:00Z',
    });
    expect(expectProblem(await issue(w, { subjectId: resident, purpose: 'guarantee', scopes: ['credit'] }), 403).type).toMatch(/purpose-not-granted/);
    expect(expectProblem(await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['points-summary'] }), 403).type).toMatch(
      /scope-not-granted/,
    );
    expect((await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] })).status).toBe(201);

    const revoked = await w.call('POST', `${D}/consents/${consent.json.id}/revocation`, { as: token });
    expect(revoked.json.state).toBe('revoked');
    expect(expectProblem(await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] }), 403).type).toMatch(
      /consent-revoked/,
    );
    expectProblem(await w.call('POST', `${D}/consents/${consent.json.id}/revocation`, { as: token }), 409);

    w.clock.set('2026-11-24T02:30:00Z');
    const shortLived = await grant(w, token, {
      bankClientId: bank.id,
      purpose: 'loan-application',
      scopes: ['credit'],
      expiresAt: '2026-12-01T00:00:00Z',
    });
    expect(shortLived.status).toBe(201);
    w.clock.set('2026-12-02T00:00:00Z');
    expect(expectProblem(await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] }), 403).type).toMatch(
      /consent-expired/,
    );

    const elsewhere = await w.register('lishui', 'resident', IDS.lishuiResident);
    expectProblem(await issue(w, { subjectId: elsewhere, purpose: 'loan-application', scopes: ['credit'] }), 404);
    expectProblem(await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] }, w.keys.lishui.bank), 403);
  });

  it('another bank cannot use a consent given to the first', async () => {
    const { w, resident, token, bank } = await story();
    const other = await w.client('chongming', 'bank');
    await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] });
    expectProblem(await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] }, other), 403);
  });

  it('consents last 90 days by default and at most a year, and only banks can receive them', async () => {
    const { w, token, bank } = await story();
    expectProblem(
      await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'], expiresAt: '2028-01-01T00:00:00Z' }),
      400,
    );
    expectProblem(
      await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'], expiresAt: '2026-01-01T00:00:00Z' }),
      400,
    );
    const notABank = (await w.call('GET', `${D}/consents`, { as: w.keys.chongming.bank })).json;
    expect(notABank.items).toEqual([]);
    expectProblem(await grant(w, token, { bankClientId: 'cli_nope', purpose: 'loan-application', scopes: ['credit'] }), 400);
    expectProblem(await grant(w, token, { bankClientId: bank.id, purpose: 'marketing', scopes: ['credit'] }), 400);
    expectProblem(
      await w.call('POST', `${D}/consents`, {
        as: w.keys.chongming.bank,
        body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] },
      }),
      403,
    );
  });
});

describe('verifying a report', () => {
  async function issued() {
    const s = await story();
    await grant(s.w, s.token, { bankClientId: s.bank.id, purpose: 'loan-application', scopes: ['credit'] });
    const res = await issue(s.w, { subjectId: s.resident, purpose: 'loan-application', scopes: ['credit'] });
    return { ...s, report: res.json.report as string, issuer: res.json.issuer as string, kid: res.json.kid as string };
  }
  const verify = (w: World, body: Record<string, unknown>, as?: string) =>
    w.call('POST', `${D}/reports/verification`, { as: as ?? w.keys.chongming.bank, body });

  it('changing any single character makes verification fail', async () => {
    const { w, report, issuer, bank } = await issued();
    const keySet = createLocalJWKSet((await jwksOf(w, issuer)) as never);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let rejected = 0;
    for (let i = 0; i < report.length; i++) {
      const ch = report[i] as string;
      // Move to the opposite half of the alphabet so the top bit changes: the trailing bits of the last
      // character of a segment are padding, and a change there alone would not change a byte.
      const replacement = ch === '.' ? 'A' : (alphabet[(alphabet.indexOf(ch) + 32) % 64] as string);
      const tampered = report.slice(0, i) + replacement + report.slice(i + 1);
      await expect(jwtVerify(tampered, keySet, { audience: bank.id })).rejects.toThrow();
      rejected++;
    }
    expect(rejected).toBe(report.length);
  }, 60_000);

  it('the verify operation names the reason: tampered, truncated, re-signed, unknown key, other audience, expired, not yet valid', async () => {
    const { w, report, kid, bank } = await issued();
    const ok = await verify(w, { report });
    expect(ok.json).toMatchObject({ valid: true, header: { kid }, payload: { aud: bank.id } });

    const [h, p, s] = report.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, credentialSubject: { grade: 'a' } })).toString('base64url');
    const reason = async (body: Record<string, unknown>, as?: string) =>
      expectProblem(await verify(w, body, as), 422) as unknown as { reason: string };
    expect((await reason({ report: `${h}.${forged}.${s}` })).reason).toBe('bad-signature');
    expect((await reason({ report: report.slice(0, report.length - 20) })).reason).toBe('bad-signature');
    expect((await reason({ report: report.slice(0, 40) })).reason).toBe('malformed');

    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const resign = (k: string) => new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: k, typ: 'vc+jwt' }).sign(privateKey);
    expect((await reason({ report: await resign(kid) })).reason).toBe('bad-signature');
    expect((await reason({ report: await resign('made-up-key') })).reason).toBe('unknown-kid');

    const otherBank = await w.client('chongming', 'bank');
    expect((await reason({ report }, otherBank)).reason).toBe('wrong-audience');
    expect((await reason({ report, at: '2027-01-01T00:00:00Z' })).reason).toBe('expired');
    expect((await reason({ report, at: '2026-11-01T00:00:00Z' })).reason).toBe('not-yet-valid');
  });

  it('by default against the district’s own keys; with supplied keys it says so, and a forger’s key set never makes a report of this district genuine', async () => {
    const { w, report, kid, issuer } = await issued();
    expect((await verify(w, { report })).json).toMatchObject({ valid: true, verifiedWith: 'district-keys' });
    // The district's own JWKS, saved and sent back, verifies as supplied keys.
    const saved = await jwksOf(w, issuer);
    expect((await verify(w, { report, jwks: saved })).json).toMatchObject({ valid: true, verifiedWith: 'supplied-keys' });

    // A forger signs a report claiming this district's issuer and its kid, and supplies the matching key set.
    const payload = decodeJwt(report);
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const forgedKey = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
    const forged = await new SignJWT({ ...payload, credentialSubject: { grade: 'a' } })
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'vc+jwt' })
      .sign(privateKey);
    const refused = expectProblem(await verify(w, { report: forged, jwks: { keys: [forgedKey] } }), 422) as unknown as Record<string, unknown>;
    expect(refused).toMatchObject({ reason: 'not-published-key', verifiedWith: 'supplied-keys' });
    expect(refused.type).toMatch(/report-not-published-key$/);
    // The same forgery under a made-up kid fails too: it still names this district as its issuer.
    const renamed = await new SignJWT({ ...payload }).setProtectedHeader({ alg: 'EdDSA', kid: 'other', typ: 'vc+jwt' }).sign(privateKey);
    expect(
      (expectProblem(await verify(w, { report: renamed, jwks: { keys: [{ ...forgedKey, kid: 'other' }] } }), 422) as { reason?: string }).reason,
    ).toBe('not-published-key');
    // Against the district's keys, the forgery is a bad signature.
    expect((expectProblem(await verify(w, { report: forged }), 422) as { reason?: string }).reason).toBe('bad-signature');
  });

  it('after a key rotation old reports still verify and new ones carry the new kid', async () => {
    const { w, resident, report, kid, issuer } = await issued();
    const ctx = cliContext(w);
    w.clock.advanceDays(1);
    const { active, retired } = await rotateKey({ ...ctx, now: w.clock.now() });
    expect(retired?.kid).toBe(kid);
    expect((await verify(w, { report })).json.valid).toBe(true);

    const fresh = await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] });
    expect(fresh.json.kid).toBe(active.kid);
    expect(decodeProtectedHeader(fresh.json.report).kid).toBe(active.kid);
    const published = (await jwksOf(w, issuer)).keys.map((k) => k.kid);
    expect(published).toEqual([kid, active.kid]);

    // Once the last report signed by the old key has expired, the old key leaves the JWKS.
    w.clock.advanceDays(30);
    expect((await jwksOf(w, issuer)).keys.map((k) => k.kid)).toEqual([active.kid]);
    expect((await verify(w, { report, at: '2026-11-25T00:00:00Z' })).status).toBe(422);
  });

  it('a JWKS saved at issue time verifies the report offline later, as of a moment it was valid', async () => {
    const { w, report, issuer, bank } = await issued();
    const saved = await jwksOf(w, issuer);
    const ctx = cliContext(w);
    await rotateKey(ctx);
    w.clock.advanceDays(400);
    const { verifyReport } = await import('../src/reports/verify.js');
    const result = await verifyReport(report, saved as never, { audience: bank.id, now: new Date('2026-12-01T00:00:00Z') });
    expect(result.valid).toBe(true);
    expect(await verifyReport(report, saved as never, { audience: bank.id, now: w.clock.now() })).toMatchObject({ valid: false, reason: 'expired' });
  });

  it('the CLI verifies a report offline against a saved JWKS, and says why a tampered one fails', async () => {
    const { w, report, issuer, bank } = await issued();
    const dir = mkdtempSync(join(tmpdir(), 'eco-verify-'));
    try {
      writeFileSync(join(dir, 'jwks.json'), JSON.stringify(await jwksOf(w, issuer)));
      writeFileSync(join(dir, 'report.jws'), report);
      writeFileSync(
        join(dir, 'tampered.jws'),
        report.replace(/\.(.)/, (_, c: string) => `.${c === 'e' ? 'f' : 'e'}`),
      );
      const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
      const run = promisify(execFile);
      const cli = (...args: string[]) => run(tsx, ['src/cli.ts', 'report', 'verify', ...args], { env: { ...process.env, DATA_DIR: dir } });
      const good = await cli(join(dir, 'report.jws'), '--jwks', join(dir, 'jwks.json'), '--audience', bank.id, '--at', '2026-11-25T00:00:00Z');
      expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, payload: { aud: bank.id } });
      const bad = await cli(join(dir, 'tampered.jws'), '--jwks', join(dir, 'jwks.json'), '--at', '2026-11-25T00:00:00Z').catch(
        (e: { stdout: string; code: number }) => e,
      );
      expect(bad).toMatchObject({ code: 1 });
      expect(JSON.parse((bad as { stdout: string }).stdout)).toMatchObject({
        valid: false,
        reason: expect.stringMatching(/bad-signature|malformed/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('the JWKS is public, and a 404 for an unknown district', async () => {
    const { w } = await story();
    const res = await w.call('GET', '/districts/chongming/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.json.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
    expect(res.json.keys[0]).not.toHaveProperty('d');
    expectProblem(await w.call('GET', '/districts/nowhere/.well-known/jwks.json'), 404);
  });
});

describe('the subject sees every query', () => {
  it('reports issued and reads by agencies are logged; the subject’s own reads are not; auditors see all', async () => {
    const { w, resident, token, bank } = await story();
    const consent = await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] });
    const report = await issue(w, { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] });
    await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: w.keys.chongming.auditor });
    await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: token });
    await w.call('GET', `${D}/subjects/${resident}/points`, { as: w.keys.chongming.bureau });

    const mine = await w.call('GET', `${D}/query-log`, { as: token });
    expect(mine.json.items.map((e: { action: string; actorRole: string }) => [e.action, e.actorRole])).toEqual([
      ['getPointsAccount', 'bureau'],
      ['getCreditScore', 'auditor'],
      ['issueCreditReport', 'bank'],
    ]);
    expect(mine.json.items[2]).toMatchObject({
      purpose: 'loan-application',
      consentId: consent.json.id,
      reportId: report.json.reportId,
      actorName: bank.name,
    });

    const other = await w.register('chongming', 'resident', IDS.residentB);
    const theirs = await w.call('GET', `${D}/query-log`, { as: await w.token('resident', IDS.residentB) });
    expect(theirs.json.items).toEqual([]);
    const audit = await w.call('GET', `${D}/query-log?subjectId=${resident}`, { as: w.keys.chongming.auditor });
    expect(audit.json.items).toHaveLength(3);
    expect(other).toMatch(/^sub_/);
    // A bank sees the queries it made itself, and nobody else's.
    const banks = await w.call('GET', `${D}/query-log`, { as: w.keys.chongming.bank });
    expect(banks.json.items.map((e: { action: string; reportId: string }) => [e.action, e.reportId])).toEqual([
      ['issueCreditReport', report.json.reportId],
    ]);
    const otherBank = await w.client('chongming', 'bank');
    expect((await w.call('GET', `${D}/query-log`, { as: otherBank })).json.items).toEqual([]);
    expectProblem(await w.call('GET', `${D}/query-log`, { as: w.keys.chongming.bureau }), 403);
  });

  it('the subject lists its consents; the bank lists those given to it', async () => {
    const { w, token, bank } = await story();
    await grant(w, token, { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] });
    expect((await w.call('GET', `${D}/consents`, { as: token })).json.items).toHaveLength(1);
    expect((await w.call('GET', `${D}/consents`, { as: w.keys.chongming.bank })).json.items).toHaveLength(1);
    const other = await w.client('chongming', 'bank');
    expect((await w.call('GET', `${D}/consents`, { as: other })).json.items).toHaveLength(0);
  });
});
