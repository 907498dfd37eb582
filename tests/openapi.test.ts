import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from './support/world.js';

/** The operationIds the route files declare, read from their source: what the document must hold, once each. */
function declaredOperationIds(): string[] {
  const src = join(import.meta.dirname, '../src');
  const routeFiles = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.routes\.tsx?$/.test(f));
  return routeFiles.flatMap((f) => [...readFileSync(join(src, f), 'utf8').matchAll(/operationId: '([A-Za-z]+)'/g)].map((m) => m[1] as string));
}

describe('a bank integrator reads the API description', () => {
  it('finds an OpenAPI 3.1 document where every operation has an operationId and the contract ids are present', async () => {
    const w = await createWorld();
    const res = await w.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const operations = Object.values(res.json.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p));
    for (const op of operations) expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    const ids = operations.map((op) => op.operationId);
    const declared = declaredOperationIds();
    expect(declared.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual([...declared].sort());
    // The operationIds the issues name are a contract with banks and agencies: renaming one breaks them.
    const contract = [
      'registerSubject',
      'getSubject',
      'recordCreditEvents',
      'listCreditEvents',
      'reverseCreditEvent',
      'getCreditScore',
      'fileObjection',
      'resolveObjection',
      'listObjections',
      'listCreditLists',
      'awardPoints',
      'redeemPoints',
      'getPointsAccount',
      'listPointsLedger',
      'createBenefit',
      'listBenefits',
      'setPointsSourceConsent',
      'getPointsStatistics',
      'grantConsent',
      'revokeConsent',
      'listConsents',
      'issueCreditReport',
      'verifyCreditReport',
      'getJwks',
      'listQueryLog',
      'upsertGepUnit',
      'recordGepMeasurements',
      'getGepAccount',
      'listLoanProducts',
      'assessGepLoan',
      'uploadRuleSet',
      'validateRuleSet',
      'simulateRuleSet',
      'diffRuleSets',
      'publishRuleSet',
      'listRuleSetVersions',
      'runAllocation',
      'getAllocation',
    ];
    expect(contract.filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(res.json.components.schemas.Problem).toBeDefined();
  });

  it('gets the same bytes each time (built once)', async () => {
    const w = await createWorld();
    const a = await w.call('GET', '/openapi.json');
    const b = await w.call('GET', '/openapi.json');
    expect(b.text).toBe(a.text);
  });

  it('opens the interactive docs and the health check', async () => {
    const w = await createWorld();
    const docs = await w.call('GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/text\/html/);
    expect(docs.text).toContain('/openapi.json');
    const health = await w.call('GET', '/health');
    expect(health.json).toMatchObject({ status: 'ok' });
  });
});
