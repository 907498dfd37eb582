/**
 * The command line as a holder and a bank use it, with the service over real HTTP: a holder key, a
 * credential downloaded with it, a presentation made from the file, checked offline by the bank (and
 * independently by @sd-jwt/sd-jwt-vc); `report verify` reads the status the report names, over
 * HTTP or from a saved list, and says plainly when it could not.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { compactVerify, createLocalJWKSet, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { served } from './support/browser.js';
import { createWorld, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);
const enc = new TextEncoder();

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'eco-credential-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  run(tsx, ['src/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dir } }).catch((e: { stdout: string; stderr: string; code: number }) => e);

async function over(_w: World, method: string, base: string, path: string, as: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${as}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers and assert on them.
  return { status: res.status, json: (await res.json()) as any };
}

describe('a holder and a bank on the command line', () => {
  it('keygen, download, present two groups; the bank checks it offline; an independent library agrees', async () => {
    const w = await createWorld({ now: new Date().toISOString() });
    await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const { base, close } = await served(w.app);
    try {
      const keyFile = join(dir, 'holder.jwk');
      const made = await cli('credential', 'keygen', '--out', keyFile);
      const publicJwk = JSON.parse((made as { stdout: string }).stdout) as JWK;
      expect(publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
      expect(publicJwk).not.toHaveProperty('d');
      const issued = await over(w, 'POST', base, `${D}/me/credentials`, token, { holderKey: publicJwk });
      expect(issued.status).toBe(201);
      writeFileSync(join(dir, 'credential.sd-jwt'), issued.json.credential);
      const jwks = (await (await fetch(`${base}/districts/chongming/.well-known/jwks.json`)).json()) as { keys: JWK[] };
      writeFileSync(join(dir, 'jwks.json'), JSON.stringify(jwks));

      const bank = w.clientIds.chongming.bank;
      const nonce = 'n-cli-0193a1b2';
      const presented = await cli(
        'credential',
        'present',
        join(dir, 'credential.sd-jwt'),
        '--key',
        keyFile,
        '--nonce',
        nonce,
        '--audience',
        bank,
        '--claims',
        'score,lists',
      );
      const presentation = (presented as { stdout: string }).stdout.trim();
      writeFileSync(join(dir, 'presentation.txt'), presentation);

      // The bank, offline except for the status list the credential names (fetched over HTTP).
      const checked = await cli(
        'credential',
        'verify',
        join(dir, 'presentation.txt'),
        '--jwks',
        join(dir, 'jwks.json'),
        '--nonce',
        nonce,
        '--audience',
        bank,
      );
      expect(JSON.parse((checked as { stdout: string }).stdout)).toMatchObject({
        valid: true,
        disclosed: ['score', 'lists'],
        status: { checked: true, status: 'valid' },
      });
      // For another nonce it is refused, with the reason.
      const replay = await cli(
        'credential',
        'verify',
        join(dir, 'presentation.txt'),
        '--jwks',
        join(dir, 'jwks.json'),
        '--nonce',
        'n-other-nonce',
        '--audience',
        bank,
      );
      expect(replay).toMatchObject({ code: 1 });
      expect(JSON.parse((replay as { stdout: string }).stdout)).toMatchObject({ valid: false, reason: 'key-binding-wrong-nonce' });

      // @sd-jwt/sd-jwt-vc, on its own, accepts what the CLI made.
      const keySet = createLocalJWKSet(jwks as never);
      const independent = new SDJwtVcInstance({
        hasher: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data)),
        verifier: (data, sig) =>
          compactVerify(`${data}.${sig}`, keySet).then(
            () => true,
            () => false,
          ),
        kbVerifier: async (data, sig, payload) =>
          compactVerify(`${data}.${sig}`, await importJWK((payload.cnf as { jwk: JWK }).jwk, 'EdDSA')).then(
            () => true,
            () => false,
          ),
        statusListFetcher: async (uri) => (await fetch(uri)).text(),
      });
      const verified = await independent.verify(presentation, { keyBindingNonce: nonce });
      expect(Object.keys(verified.payload)).toEqual(expect.arrayContaining(['score', 'lists']));
      expect(verified.payload).not.toHaveProperty('items');
    } finally {
      await close();
    }
  }, 60_000);

  it('report verify reads the status over HTTP, from a saved list, or says it could not', async () => {
    const w = await createWorld({ now: new Date().toISOString() });
    const resident = await w.register('chongming', 'resident', IDS.residentA);
    const token = await w.token('resident', IDS.residentA);
    const bankKey = w.keys.chongming.bank;
    const bank = w.clientIds.chongming.bank;
    const { base, close } = await served(w.app);
    try {
      const consent = await over(w, 'POST', base, `${D}/consents`, token, { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] });
      const issued = await over(w, 'POST', base, `${D}/reports`, bankKey, { subjectId: resident, purpose: 'loan-application' });
      expect(issued.status).toBe(201);
      writeFileSync(join(dir, 'report.jws'), issued.json.report);
      writeFileSync(join(dir, 'jwks.json'), await (await fetch(`${base}/districts/chongming/.well-known/jwks.json`)).text());
      const verify = (...extra: string[]) =>
        cli('report', 'verify', join(dir, 'report.jws'), '--jwks', join(dir, 'jwks.json'), '--audience', bank, ...extra);

      const good = await verify();
      expect(JSON.parse((good as { stdout: string }).stdout)).toMatchObject({ valid: true, status: { checked: true, status: 'valid' } });
      writeFileSync(join(dir, 'list.jwt'), await (await fetch(issued.json.status.uri)).text());

      // Offline: genuine, and the status plainly not checked.
      const offline = await verify('--offline');
      expect(offline).not.toHaveProperty('code');
      expect(JSON.parse((offline as { stdout: string }).stdout)).toMatchObject({ valid: true, status: { checked: false, reason: 'unreachable' } });
      expect((offline as { stderr: string }).stderr).toMatch(/warning: status not checked: offline/);

      // The subject withdraws the consent: the live list says suspended, the saved one still valid.
      await over(w, 'POST', base, `${D}/consents/${consent.json.id}/revocation`, token);
      const suspended = await verify();
      expect(suspended).toMatchObject({ code: 1 });
      expect((suspended as { stderr: string }).stderr).toMatch(/the report is suspended/);
      const saved = await verify('--status-list', join(dir, 'list.jwt'));
      expect(JSON.parse((saved as { stdout: string }).stdout)).toMatchObject({ status: { checked: true, status: 'valid' } });

      // A saved list edited by hand is not trusted.
      const [h, p, s] = readFileSync(join(dir, 'list.jwt'), 'utf8').split('.') as [string, string, string];
      const edited = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), ttl: 1 };
      writeFileSync(join(dir, 'edited.jwt'), `${h}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${s}`);
      const tampered = await verify('--status-list', join(dir, 'edited.jwt'));
      expect(tampered).toMatchObject({ code: 1 });
      expect((tampered as { stderr: string }).stderr).toMatch(/status list cannot be trusted/);
    } finally {
      await close();
    }
    // The service is gone: the status cannot be reached, and the verdict says so.
    const unreachable = await cli('report', 'verify', join(dir, 'report.jws'), '--jwks', join(dir, 'jwks.json'), '--audience', bank);
    expect(JSON.parse((unreachable as { stdout: string }).stdout)).toMatchObject({ valid: true, status: { checked: false, reason: 'unreachable' } });
    expect((unreachable as { stderr: string }).stderr).toMatch(/warning: status not checked: could not reach/);
  }, 60_000);
});
