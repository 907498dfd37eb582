/**
 * The hot paths take shortcuts (a hash in the calling thread, a hand-written canonical form, a date
 * checked by hand, ids from a pooled random buffer). Each must give exactly what the general form gives:
 * a retried line is recognised by its stored hash, a key's hash must be the Worker's.
 */
import fc from 'fast-check';
import { generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { eventContentJson } from '../src/credit/events.service.js';
import { nodeHashing, nodeSigning } from '../src/node/sync-crypto.js';
import { isCalendarDate } from '../src/platform/dates.js';
import {
  installSyncSigning,
  webCryptoHmacSha256,
  webCryptoHmacSha256Verify,
  webCryptoSha256Hex,
  webCryptoSignEd25519,
} from '../src/platform/util/crypto.js';
import { fromBase64Url } from '../src/platform/util/encoding.js';
import { newId } from '../src/platform/util/ids.js';
import { signEdDsaJwt } from '../src/platform/util/jws.js';
import { canonicalJson } from '../src/rules/canonical.js';

const text = fc.string({ unit: 'binary', maxLength: 300 });

describe('what a batch of 10 000 lines computes in its fast forms', () => {
  it('hashes as WebCrypto does, in Node and in a Worker alike', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.uint8Array({ minLength: 32, maxLength: 64 }), async (message, key) => {
        expect(nodeHashing.sha256Hex(message)).toBe(await webCryptoSha256Hex(message));
        const mac = await webCryptoHmacSha256(key, message);
        expect(nodeHashing.hmacSha256Base64Url(key, message)).toBe(mac);
        const bytes = fromBase64Url(mac);
        expect(nodeHashing.hmacSha256Verify(key, message, bytes)).toBe(true);
        expect(await webCryptoHmacSha256Verify(key, message, bytes)).toBe(true);
        const wrong = bytes.slice();
        wrong[0] = ((wrong[0] as number) + 1) % 256;
        expect(nodeHashing.hmacSha256Verify(key, message, wrong)).toBe(false);
        expect(await webCryptoHmacSha256Verify(key, message, wrong)).toBe(false);
        expect(nodeHashing.hmacSha256Verify(key, message, bytes.slice(1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('signs a report as jose does, byte for byte, with node:crypto and with WebCrypto alike', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const claim = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__'),
          claim,
          { maxKeys: 8 },
        ),
        fc.uint8Array({ maxLength: 200 }),
        async (payload, bytes) => {
          expect(nodeSigning.signEd25519(privateKey, bytes)).toEqual(await webCryptoSignEd25519(privateKey, bytes));
          const seconds = 1_795_000_000;
          const header = { alg: 'EdDSA', kid: 'k1', typ: 'vc+jwt' } as const;
          const byJose = await new SignJWT(payload)
            .setProtectedHeader(header)
            .setIssuer('https://eco.example/d')
            .setSubject('urn:s')
            .setAudience('cli_bank')
            .setIssuedAt(seconds)
            .setNotBefore(seconds)
            .setExpirationTime(seconds + 60)
            .setJti('rpt_1')
            .sign(privateKey);
          const claims = {
            ...payload,
            iss: 'https://eco.example/d',
            sub: 'urn:s',
            aud: 'cli_bank',
            iat: seconds,
            nbf: seconds,
            exp: seconds + 60,
            jti: 'rpt_1',
          };
          try {
            installSyncSigning(nodeSigning);
            expect(await signEdDsaJwt(header, claims, privateKey)).toBe(byJose);
            installSyncSigning(undefined);
            expect(await signEdDsaJwt(header, claims, privateKey)).toBe(byJose);
          } finally {
            installSyncSigning(nodeSigning);
          }
          const { payload: verified } = await jwtVerify(byJose, publicKey, { currentDate: new Date(seconds * 1000) });
          expect(verified.jti).toBe('rpt_1');
        },
      ),
      { numRuns: 100 },
    );
  });

  it("writes an event's content in the canonical form its stored hash was made from", () => {
    const amount = fc.record({ name: fc.string(), value: fc.string(), unit: fc.string() });
    fc.assert(
      fc.property(
        fc.record({
          subjectId: text,
          code: text,
          occurredOn: text,
          endedOn: fc.option(text, { nil: null }),
          evidence: text,
          amounts: fc.array(amount, { maxLength: 3 }),
          note: fc.option(text, { nil: null }),
        }),
        (content) => {
          expect(eventContentJson(content)).toBe(canonicalJson(content));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows every day of the calendar, as a round trip through Date does', () => {
    const slow = (s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
    const day = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.oneof(day, text), (s) => {
        expect(isCalendarDate(s)).toBe(slow(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['2024-02-29', '2026-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2026-04-31', '2026-12-31'])
      expect(isCalendarDate(s)).toBe(slow(s));
  });

  it('hands out time-ordered UUIDv7 ids, never the same one twice', () => {
    const at = new Date('2026-11-24T02:00:00Z');
    const ids = Array.from({ length: 5000 }, () => newId('evt', at));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) {
      expect(id).toMatch(/^evt_[0-9a-f]{12}7[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
      expect(Number.parseInt(id.slice(4, 16), 16)).toBe(at.getTime());
    }
    expect(newId('evt', new Date(at.getTime() + 1)) > (ids[0] as string)).toBe(true);
  });
});
