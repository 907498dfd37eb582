/**
 * Issue 20 through the HTTP API: a resident holds its own eco-credit credential and shows a bank only
 * what the bank's purpose needs; reports and credentials carry a status that an upheld objection or a
 * withdrawn consent changes in the district's status list. Every verification here is done by
 * libraries independent of the service: @sd-jwt/sd-jwt-vc for presentations, jose for the status
 * list token (decoded with node:zlib).
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { type CryptoKey, compactVerify, createLocalJWKSet, decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { rotateKey } from '../src/reports/signing-keys.service.js';
import { LIST_FILL } from '../src/reports/status-list.service.js';
import { createWorld, expectProblem, IDS, type World } from './support/world.js';

const D = '/v1/districts/chongming';
const enc = new TextEncoder();

async function holderKeys() {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey), privateKey };
}

async function story() {
  const w = await createWorld();
  const resident = await w.register('chongming', 'resident', IDS.residentA);
  const token = await w.token('resident', IDS.residentA);
  const bank = (await w.call('GET', `${D}/banks`, { as: token })).json.items[0] as { id: string; name: string };
  const recorded = await w.call('POST', `${D}/credit-events`, {
    as: w.keys.chongming.recorder,
    body: {
      events: [
        { subject: { id: resident }, code: 'ILLEGAL-DISCHARGE', occurredOn: '2026-10-01', evidence: '巡查记录 1' },
        { subject: { id: resident }, code: 'VIOLATION-REPORT', occurredOn: '2026-10-08', evidence: '举报受理 7' },
      ],
    },
  });
  expect(recorded.status).toBe(201);
  const [discharge] = recorded.json.events.map((e: { eventId: string }) => e.eventId) as [string];
  return { w, resident, token, bank, discharge };
}

const jwksOf = async (w: World) => (await w.call('GET', '/districts/chongming/.well-known/jwks.json')).json as { keys: JWK[] };

/** An independent verifier: @sd-jwt/sd-jwt-vc with jose for the signatures, the status list fetched from the app. */
function independentVerifier(w: World, jwks: { keys: JWK[] }) {
  const keySet = createLocalJWKSet(jwks as never);
  return new SDJwtVcInstance({
    hasher: async (data, alg) => {
      expect(alg).toBe('sha-256');
      return new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data));
    },
    verifier: async (data, signature) =>
      compactVerify(`${data}.${signature}`, keySet).then(
        () => true,
        () => false,
      ),
    kbVerifier: async (data, signature, payload) => {
      const jwk = (payload.cnf as { jwk: JWK }).jwk;
      return compactVerify(`${data}.${signature}`, await importJWK(jwk, 'EdDSA')).then(
        () => true,
        () => false,
      );
    },
    statusListFetcher: async (uri) => (await w.app.request(new URL(uri).pathname)).text(),
  });
}

/** Present with @sd-jwt/sd-jwt-vc itself, as a wallet would: the chosen groups and a key binding. */
async function present(credential: string, privateJwk: JWK, frame: Record<string, unknown>, kb: { aud: string; nonce: string; iat: number }) {
  const key = await importJWK(privateJwk, 'EdDSA');
  const wallet = new SDJwtVcInstance({
    hasher: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? enc.encode(data) : data)),
    kbSignAlg: 'EdDSA',
    kbSigner: async (data) =>
      Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, key as Parameters<typeof crypto.subtle.sign>[1], enc.encode(data))).toString(
        'base64url',
      ),
  });
  return wallet.present(credential, frame as never, { kb: { payload: kb } });
}

/** A token's status read independently: the list verified with jose, its bits inflated with zlib. */
async function statusInList(w: World, ref: { idx: number; uri: string }) {
  const res = await w.app.request(new URL(ref.uri).pathname);
  expect(res.headers.get('content-type')).toBe('application/statuslist+jwt');
  expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  const token = await res.text();
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet((await jwksOf(w)) as never), {
    typ: 'statuslist+jwt',
    currentDate: w.clock.now(),
  });
  expect(protectedHeader.alg).toBe('EdDSA');
  expect(payload.sub).toBe(ref.uri);
  const list = payload.status_list as { bits: number; lst: string };
  expect(list.bits).toBe(2);
  const bytes = inflateSync(Buffer.from(list.lst, 'base64url'));
  const value = ((bytes[ref.idx >> 2] ?? 0) >> ((ref.idx & 3) * 2)) & 3;
  return (['valid', 'revoked', 'suspended'] as const)[value];
}

describe('a resident holds its own eco-credit credential', () => {
  it('downloads it bound to its key and presents two claim groups to a bank, which verifies it offline', async () => {
    const { w, token, bank } = await story();
    const holder = await holderKeys();
    const res = await w.call('POST', `${D}/me/credentials`, { as: token, body: { holderKey: holder.publicJwk } });
    expect(res.status).toBe(201);
    const { credential, claims, status, mediaType } = res.json;
    expect(mediaType).toBe('application/dc+sd-jwt');
    expect(claims).toEqual(['score', 'items', 'lists', 'disputes', 'query-history', 'points-summary', 'gep-assets', 'assessments']);
    // Nothing of the groups is readable without disclosures: only digests are signed.
    const signed = decodeJwt(credential.split('~')[0]);
    expect(signed).toMatchObject({ vct: expect.any(String), cnf: { jwk: { x: holder.publicJwk.x } }, status: { status_list: status } });
    expect(signed).not.toHaveProperty('score');
    expect(JSON.stringify(signed)).not.toContain(IDS.residentA);

    // The same credential alone, as the media type says.
    const raw = await w.app.request(`${D}/me/credentials`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/dc+sd-jwt' },
      body: JSON.stringify({ holderKey: holder.publicJwk }),
    });
    expect(raw.status).toBe(201);
    expect(raw.headers.get('content-type')).toBe('application/dc+sd-jwt');
    // The issuer's JWT, its disclosures, and the empty place of a key-binding JWT: one named disclosure per
    // claim group, and one for each element of a list inside them (the score's items here, two).
    const parts = (await raw.text()).split('~');
    expect(parts.at(-1)).toBe('');
    const disclosures = parts.slice(1, -1).map((d) => JSON.parse(Buffer.from(d, 'base64url').toString()) as unknown[]);
    expect(disclosures.filter((d) => d.length === 3).map((d) => d[1])).toEqual(claims);
    expect(disclosures.filter((d) => d.length === 2)).toHaveLength(2);

    // The bank gives a nonce; the resident shows score and lists only.
    const nonce = 'n-0193a1b2c3d4';
    const iat = Math.floor(w.clock.now().getTime() / 1000);
    const presentation = await present(credential, holder.privateJwk, { score: true, lists: true }, { aud: bank.id, nonce, iat });
    const jwks = await jwksOf(w);
    const verified = await independentVerifier(w, jwks).verify(presentation, { keyBindingNonce: nonce, currentDate: iat });
    expect(verified.kb?.payload).toMatchObject({ aud: bank.id, nonce });
    expect(verified.payload).toMatchObject({ score: { score: 79, grade: 'c' }, lists: [], display_id: '310230********1233' });
    expect(verified.payload).not.toHaveProperty('items');
    expect(verified.payload).not.toHaveProperty('points-summary');

    // The service's own verification of the same presentation says the same, and logs the read.
    const checked = await w.call('POST', `${D}/presentations/verification`, {
      as: w.keys.chongming.bank,
      body: { presentation, nonce, purpose: 'post-loan-management' },
    });
    expect(checked.status).toBe(200);
    expect(checked.json).toMatchObject({ valid: true, disclosed: ['score', 'lists'], status: { checked: true, status: 'valid' } });
    const log = (await w.call('GET', `${D}/query-log`, { as: token })).json.items;
    expect(log[0]).toMatchObject({ action: 'verifyCredentialPresentation', actorRole: 'bank', purpose: 'post-loan-management' });
  });

  it('a presentation is refused with its exact reason: key binding missing, expired, for another bank or nonce; a disclosure not in the credential; a retired key after its horizon', async () => {
    const { w, token, bank } = await story();
    const holder = await holderKeys();
    const { credential } = (await w.call('POST', `${D}/me/credentials`, { as: token, body: { holderKey: holder.publicJwk } })).json;
    const nonce = 'n-0193a1b2c3d4';
    const iat = Math.floor(w.clock.now().getTime() / 1000);
    const jwks = await jwksOf(w);
    const independent = independentVerifier(w, jwks);
    const reason = async (presentation: string, extra: Record<string, unknown> = {}) => {
      const res = await w.call('POST', `${D}/presentations/verification`, { as: w.keys.chongming.bank, body: { presentation, nonce, ...extra } });
      return (expectProblem(res, 422) as unknown as { reason: string; type: string }).reason;
    };

    // No key binding: the issuer-signed part alone, as a copy anyone could hold.
    const withoutKb = `${credential.split('~')[0]}~`;
    expect(await reason(withoutKb)).toBe('key-binding-missing');
    await expect(independent.verify(withoutKb, { keyBindingNonce: nonce, currentDate: iat })).rejects.toThrow(/Key Binding JWT not exist/);

    // Too old: made ten minutes ago.
    const old = await present(credential, holder.privateJwk, { score: true }, { aud: bank.id, nonce, iat: iat - 600 });
    expect(await reason(old)).toBe('key-binding-expired');

    // For another bank.
    const other = await present(credential, holder.privateJwk, { score: true }, { aud: 'cli_another_bank', nonce, iat });
    expect(await reason(other)).toBe('key-binding-wrong-audience');

    // Over another nonce: a replay.
    const replay = await present(credential, holder.privateJwk, { score: true }, { aud: bank.id, nonce: 'n-someone-elses', iat });
    expect(await reason(replay)).toBe('key-binding-wrong-nonce');
    await expect(independent.verify(replay, { keyBindingNonce: nonce, currentDate: iat })).rejects.toThrow(/Nonce/);

    // Signed by a key that is not the bound one.
    const thief = await holderKeys();
    const stolen = await present(credential, thief.privateJwk, { score: true }, { aud: bank.id, nonce, iat });
    expect(await reason(stolen)).toBe('key-binding-bad-signature');

    // A disclosure from another credential slipped in, even under a fresh key binding over it.
    const theirToken = await w.token('resident', IDS.residentB);
    await w.register('chongming', 'resident', IDS.residentB);
    const theirs = (await w.call('POST', `${D}/me/credentials`, { as: theirToken, body: { holderKey: holder.publicJwk } })).json.credential as string;
    const [jwt] = credential.split('~');
    const foreign = theirs.split('~')[1] as string;
    // A wallet library drops what it cannot place; a forger writes it by hand and binds it with the holder key.
    const forged = await handBound(`${[jwt, foreign].join('~')}~`, holder.privateKey, { aud: bank.id, nonce, iat });
    expect(await reason(forged)).toBe('disclosure-not-in-credential');

    // A credential signed by the district's old key after it was retired.
    const oldKid = JSON.parse(Buffer.from(credential.split('.')[0], 'base64url').toString()).kid as string;
    w.clock.advanceDays(1);
    await rotateKey({ deps: w.deps, districtId: 'chongming', now: w.clock.now(), principal: bureauPrincipal });
    const rotatedAt = Math.floor(w.clock.now().getTime() / 1000);
    w.clock.set(new Date(w.clock.now().getTime() + 60_000));
    const laterIat = Math.floor(w.clock.now().getTime() / 1000);
    const afterRetirement = await forgeWithKey(w, credential, oldKid, laterIat);
    const afterPresentation = await present(afterRetirement, holder.privateJwk, { score: true }, { aud: bank.id, nonce, iat: laterIat });
    const published = (await jwksOf(w)).keys.find((k) => k.kid === oldKid) as JWK & { retired_at?: number };
    expect(published.retired_at).toBe(rotatedAt);
    expect(await reason(afterPresentation)).toBe('retired-key');
    // The genuine credential, signed before the rotation, still verifies.
    const genuine = await present(credential, holder.privateJwk, { score: true }, { aud: bank.id, nonce, iat: laterIat });
    expect(
      (await w.call('POST', `${D}/presentations/verification`, { as: w.keys.chongming.bank, body: { presentation: genuine, nonce } })).status,
    ).toBe(200);
  });
});

const bureauPrincipal = { type: 'client' as const, clientId: 'cli', districtId: 'chongming', role: 'bureau' as const, agency: null, name: 'cli' };

/** A forger's key binding, written by hand over a presentation the wallet library would not build. */
async function handBound(sdJwt: string, key: CryptoKey, kb: { aud: string; nonce: string; iat: number }) {
  const sdHash = Buffer.from(await crypto.subtle.digest('SHA-256', enc.encode(sdJwt))).toString('base64url');
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ typ: 'kb+jwt', alg: 'EdDSA' })}.${b64({ ...kb, sd_hash: sdHash })}`;
  const signature = Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, key, enc.encode(input))).toString('base64url');
  return `${sdJwt}${input}.${signature}`;
}

/** The same credential re-signed with a (retired) district key at a later iat: what a leaked old key could make. */
async function forgeWithKey(w: World, credential: string, kid: string, iat: number) {
  const [jwt, ...rest] = credential.split('~');
  const [h, p] = (jwt as string).split('.') as [string, string];
  const payload = { ...JSON.parse(Buffer.from(p, 'base64url').toString()), iat, nbf: iat };
  const input = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const key = (await w.deps.signingKeys.privateKey(kid)) as CryptoKey;
  const signature = Buffer.from(await crypto.subtle.sign({ name: 'Ed25519' }, key, enc.encode(input))).toString('base64url');
  return [`${input}.${signature}`, ...rest].join('~');
}

describe('reports and credentials carry a status the district can change', () => {
  async function withReport() {
    const s = await story();
    const consent = await s.w.call('POST', `${D}/consents`, {
      as: s.token,
      body: { bankClientId: s.bank.id, purpose: 'loan-application', scopes: ['credit'] },
    });
    const issued = await s.w.call('POST', `${D}/reports`, {
      as: s.w.keys.chongming.bank,
      body: { subjectId: s.resident, purpose: 'loan-application' },
    });
    expect(issued.status).toBe(201);
    return {
      ...s,
      consentId: consent.json.id as string,
      report: issued.json.report as string,
      status: issued.json.status as { idx: number; uri: string },
    };
  }

  it('an upheld objection to an event an earlier report carried turns the report revoked in the list; the report itself is unchanged', async () => {
    const { w, token, report, status, discharge } = await withReport();
    expect(decodeJwt(report).status).toEqual({ status_list: status });
    expect(await statusInList(w, status)).toBe('valid');
    const objection = await w.call('POST', `${D}/credit-events/${discharge}/objections`, { as: token, body: { statement: '当日不在村内' } });
    // While the objection is open the report stands.
    expect(await statusInList(w, status)).toBe('valid');
    w.clock.advanceDays(3);
    const upheld = await w.call('POST', `${D}/objections/${objection.json.id}/resolution`, {
      as: w.keys.chongming.bureau,
      body: { decision: 'upheld', reason: '核实为误录' },
    });
    expect(upheld.status).toBe(200);
    expect(await statusInList(w, status)).toBe('revoked');
    const refused = expectProblem(
      await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report } }),
      422,
    ) as unknown as {
      type: string;
      reason: string;
    };
    expect(refused).toMatchObject({ reason: 'revoked' });
    expect(refused.type).toMatch(/report-revoked$/);
    // As of before the answer, the report was valid.
    const before = await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report, at: '2026-11-25T00:00:00Z' } });
    expect(before.json).toMatchObject({ valid: true, status: { checked: true, status: 'valid' } });
  });

  it('a revoked consent suspends the report the bank received on it; an expired one too', async () => {
    const { w, token, report, status, consentId, resident, bank } = await withReport();
    expect((await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report } })).json.status).toMatchObject({
      checked: true,
      status: 'valid',
    });
    await w.call('POST', `${D}/consents/${consentId}/revocation`, { as: token });
    expect(await statusInList(w, status)).toBe('suspended');
    const refused = expectProblem(
      await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report } }),
      422,
    ) as unknown as {
      reason: string;
    };
    expect(refused.reason).toBe('suspended');

    // A short consent: the report is suspended once the consent has expired, though the report has not.
    await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'guarantee', scopes: ['credit'], expiresAt: '2026-11-30T00:00:00Z' },
    });
    const short = (await w.call('POST', `${D}/reports`, { as: w.keys.chongming.bank, body: { subjectId: resident, purpose: 'guarantee' } })).json;
    expect(await statusInList(w, short.status)).toBe('valid');
    w.clock.set('2026-12-01T00:00:00Z');
    expect(await statusInList(w, short.status)).toBe('suspended');
  });

  it('a tampered status list sent with a report is refused, and jose refuses it too', async () => {
    const { w, report, status } = await withReport();
    const list = await (await w.app.request(new URL(status.uri).pathname)).text();
    const [h, p, sig] = list.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, status_list: { bits: 2, lst: 'eNrtwTEBAAAAwqD1T20MH6AAAAAAAAAAAAAAAAAAAAAAAPgZdgAAAQ' } })).toString('base64url')}.${sig}`;
    await expect(jwtVerify(tampered, createLocalJWKSet((await jwksOf(w)) as never))).rejects.toThrow(/signature/);
    const res = expectProblem(
      await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report, statusList: tampered } }),
      422,
    );
    expect(res.type).toMatch(/status-list-tampered$/);
    // The genuine list, sent back, is checked and accepted.
    const ok = await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report, statusList: list } });
    expect(ok.json.status).toMatchObject({ checked: true, status: 'valid', idx: status.idx });
    // A list is cacheable and answers If-None-Match.
    const first = await w.app.request(new URL(status.uri).pathname);
    const again = await w.app.request(new URL(status.uri).pathname, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect((await w.call('GET', '/districts/chongming/status-lists/99')).status).toBe(404);
  });

  it('a list takes tokens until a quarter of it is used; the next report opens list 2, which a bank checks like the first', async () => {
    const { w, token, consentId, resident, status } = await withReport();
    expect(status.uri).toMatch(/\/status-lists\/1$/);
    // The district as it stands after 16 382 earlier tokens, written as an upgraded file holds them: the
    // entries, and the counts migration 0013 derives from them (its own statement, run here).
    const sqlite = w.storage.sqlite;
    const taken = new Set([status.idx]);
    const fill = sqlite.prepare(
      `INSERT INTO status_entries (id, district_id, list_id, idx, kind, subject_id, consent_id, issued_at, expires_at)
       VALUES (?, 'chongming', 1, ?, 'credential', ?, NULL, '2026-11-01T00:00:00.000Z', '2027-11-01T00:00:00.000Z')`,
    );
    sqlite.transaction(() => {
      for (let n = 0, idx = 0; n < LIST_FILL - 2; idx++) {
        if (taken.has(idx)) continue;
        fill.run(`earlier-${n++}`, idx, resident);
      }
    })();
    const backfill = readFileSync(new URL('../src/platform/db/migrations/0013_status_list_counts.sql', import.meta.url), 'utf8')
      .split('--> statement-breakpoint')
      .map((statement) => statement.trim())
      .find((statement) => statement.startsWith('INSERT INTO `status_lists`'));
    sqlite.exec(`DELETE FROM status_lists; ${backfill}`);
    const used = () => sqlite.prepare('SELECT list_id AS listId, used FROM status_lists ORDER BY list_id').all();
    expect(used()).toEqual([{ listId: 1, used: LIST_FILL - 1 }]);

    const report = async () => {
      const res = await w.call('POST', `${D}/reports`, { as: w.keys.chongming.bank, body: { subjectId: resident, purpose: 'loan-application' } });
      expect(res.status).toBe(201);
      return res.json as { report: string; status: { idx: number; uri: string } };
    };
    const last = await report();
    expect(last.status.uri).toMatch(/\/status-lists\/1$/);
    const next = await report();
    expect(next.status.uri).toMatch(/\/status-lists\/2$/);
    expect(used()).toEqual([
      { listId: 1, used: LIST_FILL },
      { listId: 2, used: 1 },
    ]);
    // The counts are the entries' own, list by list.
    expect(sqlite.prepare('SELECT list_id AS listId, count(*) AS used FROM status_entries GROUP BY list_id ORDER BY list_id').all()).toEqual(used());

    // List 2 is published and signed like list 1; the bank's check finds the new report valid there,
    // and suspended in it once the resident withdraws the consent.
    expect(await statusInList(w, next.status)).toBe('valid');
    const checked = await w.call('POST', `${D}/reports/verification`, { as: w.keys.chongming.bank, body: { report: next.report } });
    expect(checked.json).toMatchObject({ valid: true, status: { checked: true, status: 'valid', idx: next.status.idx } });
    await w.call('POST', `${D}/consents/${consentId}/revocation`, { as: token });
    expect(await statusInList(w, next.status)).toBe('suspended');
  });
});

describe('what a report carries', () => {
  it('its query history: counts over 1, 3, 6 and 12 months by purpose and kind of institution, naming no institution', async () => {
    const { w, resident, token, bank } = await story();
    await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: w.keys.chongming.auditor });
    w.clock.set('2027-01-10T02:00:00Z');
    await w.call('GET', `${D}/subjects/${resident}/credit-events`, { as: w.keys.chongming.recorder });
    const fresh = await w.token('resident', IDS.residentA);
    await w.call('POST', `${D}/consents`, { as: fresh, body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] } });
    await w.call('POST', `${D}/reports`, { as: w.keys.chongming.bank, body: { subjectId: resident, purpose: 'loan-application' } });
    const issued = await w.call('POST', `${D}/reports`, { as: w.keys.chongming.bank, body: { subjectId: resident, purpose: 'loan-application' } });
    const history = (decodeJwt(issued.json.report) as { credentialSubject: { queryHistory: { windows: Array<Record<string, unknown>> } } })
      .credentialSubject.queryHistory;
    expect(history.windows.map((x) => [x.months, x.from, x.total])).toEqual([
      [1, '2026-12-11', 2],
      [3, '2026-10-11', 3],
      [6, '2026-07-11', 3],
      [12, '2026-01-11', 3],
    ]);
    expect(history.windows[1]).toMatchObject({
      byPurpose: { 'loan-application': 1, 'post-loan-management': 0, guarantee: 0, 'official-duties': 2 },
      byInstitution: { bank: 1, agency: 1, auditor: 1 },
    });
    expect(JSON.stringify(history)).not.toContain(bank.name);
    expect(token).toBeTruthy();
  });

  it('its query history counts a read in the window of its China date: midnight in Shanghai opens a window', async () => {
    const { w, resident, bank } = await story();
    // 2026-12-11 00:00 in Shanghai is 2026-12-10T16:00Z: the one-month window on 2027-01-10 opens there.
    w.clock.set('2026-12-10T15:59:59.999Z');
    await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: w.keys.chongming.auditor });
    w.clock.set('2026-12-10T16:00:00.000Z');
    await w.call('GET', `${D}/subjects/${resident}/credit-score`, { as: w.keys.chongming.auditor });
    w.clock.set('2027-01-10T02:00:00Z');
    const fresh = await w.token('resident', IDS.residentA);
    await w.call('POST', `${D}/consents`, { as: fresh, body: { bankClientId: bank.id, purpose: 'loan-application', scopes: ['credit'] } });
    const issued = await w.call('POST', `${D}/reports`, { as: w.keys.chongming.bank, body: { subjectId: resident, purpose: 'loan-application' } });
    const history = (decodeJwt(issued.json.report) as { credentialSubject: { queryHistory: { windows: Array<Record<string, unknown>> } } })
      .credentialSubject.queryHistory;
    expect(history.windows.map((x) => [x.months, x.from, x.total])).toEqual([
      [1, '2026-12-11', 1],
      [3, '2026-10-11', 2],
      [6, '2026-07-11', 2],
      [12, '2026-01-11', 2],
    ]);
  });

  it('a purpose that does not allow a claim group keeps it out; asking for it is refused whatever the consent covers', async () => {
    const { w, resident, token, bank } = await story();
    await w.call('POST', `${D}/consents`, {
      as: token,
      body: { bankClientId: bank.id, purpose: 'post-loan-management', scopes: ['credit', 'points-summary'] },
    });
    // Post-loan management may not receive each item with its events: the report leaves them out.
    const report = await w.call('POST', `${D}/reports`, {
      as: w.keys.chongming.bank,
      body: { subjectId: resident, purpose: 'post-loan-management' },
    });
    expect(report.status).toBe(201);
    expect(report.json.claims).toEqual(['score', 'lists', 'disputes', 'query-history']);
    const credit = (decodeJwt(report.json.report) as { credentialSubject: { credit: Record<string, unknown> } }).credentialSubject.credit;
    expect(credit).toMatchObject({ score: 79, grade: 'c', lists: [] });
    expect(credit).not.toHaveProperty('items');
    // Asking for items, or for the points summary the consent covers, is refused and names the group.
    const items = expectProblem(
      await w.call('POST', `${D}/reports`, {
        as: w.keys.chongming.bank,
        body: { subjectId: resident, purpose: 'post-loan-management', claims: ['score', 'items'] },
      }),
      403,
    ) as unknown as { type: string; refused: string[]; errors: Array<{ pointer: string }> };
    expect(items).toMatchObject({ refused: ['items'], errors: [{ pointer: '/claims' }] });
    expect(items.type).toMatch(/purpose-not-allowed$/);
    const points = expectProblem(
      await w.call('POST', `${D}/reports`, {
        as: w.keys.chongming.bank,
        body: { subjectId: resident, purpose: 'post-loan-management', scopes: ['points-summary'] },
      }),
      403,
    ) as unknown as { refused: string[] };
    expect(points.refused).toEqual(['points-summary']);
    // A presentation that discloses more than the purpose allows is refused the same way.
    const holder = await holderKeys();
    const { credential } = (await w.call('POST', `${D}/me/credentials`, { as: token, body: { holderKey: holder.publicJwk } })).json;
    const nonce = 'n-0193a1b2c3d4';
    const iat = Math.floor(w.clock.now().getTime() / 1000);
    const tooMuch = await present(credential, holder.privateJwk, { score: true, items: { 0: true } }, { aud: bank.id, nonce, iat });
    const refused = expectProblem(
      await w.call('POST', `${D}/presentations/verification`, {
        as: w.keys.chongming.bank,
        body: { presentation: tooMuch, nonce, purpose: 'post-loan-management' },
      }),
      403,
    ) as unknown as { refused: string[] };
    expect(refused.refused).toEqual(['items']);
  });
});
