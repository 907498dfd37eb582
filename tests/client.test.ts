/**
 * A bank's developer integrates with `eco-credit-service/client`: the README's integration example,
 * run as written against the service over real HTTP; the typed client's errors; the types kept in
 * step with the OpenAPI document.
 */
import { readFileSync } from 'node:fs';
import { createClient, verifyReport } from 'eco-credit-service/client';
import { describe, expect, it } from 'vitest';
import { GENERATED, generatedTypes } from '../src/node/client-types.js';
import { checkBorrower } from './client/bank-integration.example.js';
import { served } from './support/browser.js';
import { createWorld, IDS } from './support/world.js';

const EXAMPLE = 'tests/client/bank-integration.example.ts';

/** A resident of Chongming who gave the district's bank consent for a loan application. */
async function consentingBorrower() {
  const w = await createWorld();
  const resident = await w.register('chongming', 'resident', IDS.residentA, '张海燕');
  const token = await w.token('resident', IDS.residentA);
  const bank = (await w.call('GET', '/v1/districts/chongming/banks', { as: token })).json.items[0].id as string;
  await w.call('POST', '/v1/districts/chongming/consents', {
    as: token,
    body: { bankClientId: bank, purpose: 'loan-application', scopes: ['credit'] },
  });
  return { w, resident, bank };
}

describe('a bank integrates with the typed client', () => {
  it('finds the integration example in the README exactly as the test runs it', () => {
    const readme = readFileSync('README.md', 'utf8');
    const block = /<!-- example: bank-integration -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(readFileSync(EXAMPLE, 'utf8'));
  });

  it('runs the example: lists consents, receives a signed report, verifies it offline', async () => {
    const { w, resident, bank } = await consentingBorrower();
    const { base, close } = await served(w.app);
    try {
      const result = await checkBorrower(base, w.keys.chongming.bank, 'chongming', resident);
      expect(result).toMatchObject({ outcome: 'verified', reportId: expect.stringMatching(/^rpt_/) });
      if (result.outcome !== 'verified') throw new Error('not verified');
      expect(result.subject).toMatchObject({ id: `urn:eco-credit:subject:${resident}`, kind: 'resident', displayId: '310230********1233' });
      // The key set it kept verifies the report later, offline, and catches a forgery.
      expect(await verifyReport(result.report, result.jwks as never, { audience: bank })).toMatchObject({ valid: true });
      const forged = result.report.replace(/\.(.)/, (_, ch: string) => `.${ch === 'e' ? 'f' : 'e'}`);
      expect(await verifyReport(forged, result.jwks as never, { audience: bank })).toMatchObject({ valid: false });
      // Another bank is not the audience.
      expect(await verifyReport(result.report, result.jwks as never, { audience: 'cli_someone_else' })).toMatchObject({
        valid: false,
        reason: 'wrong-audience',
      });
    } finally {
      await close();
    }
  });

  it('says to ask for consent when there is none, and types the problem the service answers', async () => {
    const w = await createWorld();
    const resident = await w.register('chongming', 'resident', IDS.residentB);
    const { base, close } = await served(w.app);
    try {
      expect(await checkBorrower(base, w.keys.chongming.bank, 'chongming', resident)).toEqual({ outcome: 'ask the borrower to consent' });
      const api = createClient({ baseUrl: `${base}/`, apiKey: w.keys.chongming.bank });
      const refused = await api.POST('/v1/districts/{districtId}/reports', {
        params: { path: { districtId: 'chongming' } },
        body: { subjectId: resident, purpose: 'loan-application', scopes: ['credit'] },
      });
      expect(refused.response.status).toBe(403);
      expect(refused.error).toMatchObject({ status: 403, type: expect.stringMatching(/^https:\/\/eco-credit\.example\.cn\/problems\//) });
      const anonymous = await createClient({ baseUrl: base }).GET('/v1/districts/{districtId}', { params: { path: { districtId: 'chongming' } } });
      expect(anonymous.response.status).toBe(401);
    } finally {
      await close();
    }
  });

  it('has types generated from the very document the service publishes', async () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(await generatedTypes());
  });
});
