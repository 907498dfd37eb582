/**
 * An integrator feeds the OpenAPI document to their tools: it passes @redocly/cli's lint (recommended
 * rules, examples validated strictly against their schemas), and every operation says what it does,
 * shows a request and an answer, and lists the problem types it can return.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/platform/errors.js';
import { HTTP_OF, PROBLEM_TYPE_BASE } from '../src/platform/http/problem.js';
import { createWorld } from './support/world.js';

const run = promisify(execFile);

// biome-ignore lint/suspicious/noExplicitAny: the document is read as plain JSON.
type Json = any;

async function document(): Promise<Json> {
  const w = await createWorld();
  return (await w.call('GET', '/openapi.json')).json;
}

const operations = (doc: Json) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })));

describe('the OpenAPI document in an integrator’s tools', () => {
  it('is lint-clean under @redocly/cli 2.77.0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eco-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(await document()));
      const redocly = join(process.cwd(), 'node_modules', '.bin', 'redocly');
      const result = await run(redocly, ['lint', file, '--config', '.ci/redocly.yaml', '--format=json', '--max-problems=500'], {
        maxBuffer: 16 * 1024 * 1024,
      }).catch((e: { stdout: string; code: number }) => e);
      const report = JSON.parse(result.stdout) as {
        totals: { errors: number; warnings: number };
        problems: Array<{ ruleId: string; message: string }>;
      };
      expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('describes every operation, with an example request and answer', async () => {
    const doc = await document();
    const schemaOf = (media: Json) => (media?.schema?.$ref ? doc.components.schemas[media.schema.$ref.split('/').pop()] : media?.schema);
    const exampled = (media: Json) => media.example !== undefined || media.examples !== undefined || schemaOf(media)?.example !== undefined;
    const missing: string[] = [];
    for (const { op } of operations(doc)) {
      if (!op.description || op.description.length < 20) missing.push(`${op.operationId}: description`);
      const body = op.requestBody?.content?.['application/json'];
      if (body && !exampled(body)) missing.push(`${op.operationId}: request example`);
      for (const p of op.parameters ?? [])
        if (p.in === 'path' && p.example === undefined && p.schema?.example === undefined) missing.push(`${op.operationId}: ${p.name} example`);
      const successes = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
      expect(successes.length, op.operationId).toBeGreaterThan(0);
      for (const [status, r] of successes as Array<[string, Json]>) {
        const media = r.content?.['application/json'];
        if (media && !exampled(media)) missing.push(`${op.operationId}: ${status} example`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists the problem types of every error answer, each with an example of its own status', async () => {
    const doc = await document();
    const wrong: string[] = [];
    for (const { op } of operations(doc)) {
      const errors = Object.entries(op.responses).filter(([s]) => Number(s) >= 400) as Array<[string, Json]>;
      const probe = op.operationId === 'getHealth' || op.operationId === 'getReadiness';
      if (!probe && !errors.some(([s]) => s.startsWith('4'))) wrong.push(`${op.operationId}: no 4xx`);
      if (!probe && !errors.some(([s]) => s === '500')) wrong.push(`${op.operationId}: no 500`);
      for (const [status, r] of errors) {
        const examples = r.content?.['application/problem+json']?.examples as Record<string, { value: { type: string; status: number } }> | undefined;
        if (!examples || Object.keys(examples).length === 0) {
          if (op.operationId !== 'getReadiness') wrong.push(`${op.operationId} ${status}: no problem types`);
          continue;
        }
        for (const [code, e] of Object.entries(examples)) {
          if (!(ERROR_CODES as readonly string[]).includes(code)) wrong.push(`${op.operationId} ${status}: unknown code ${code}`);
          else if (HTTP_OF[code as keyof typeof HTTP_OF].status !== Number(status))
            wrong.push(`${op.operationId} ${status}: ${code} is not a ${status}`);
          if (e.value.type !== `${PROBLEM_TYPE_BASE}${code}` || e.value.status !== Number(status))
            wrong.push(`${op.operationId} ${status}: ${code} example`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // A bank learns which refusals a report request can meet, by type.
    const issue = doc.paths['/v1/districts/{districtId}/reports'].post.responses['403'].content['application/problem+json'].examples;
    expect(Object.keys(issue)).toEqual(
      expect.arrayContaining(['forbidden', 'no-consent', 'purpose-not-granted', 'scope-not-granted', 'consent-expired', 'consent-revoked']),
    );
  });

  it('declares the JWKS public, and a RunAllocation body that strict validators accept', async () => {
    const doc = await document();
    expect(doc.paths['/districts/{districtId}/.well-known/jwks.json'].get.security).toEqual([]);
    const run = doc.components.schemas.RunAllocation;
    // An allOf whose parts each forbid additional properties would refuse every valid request.
    expect(run.allOf).toBeUndefined();
    expect(run).toMatchObject({ type: 'object', additionalProperties: false });
    expect(Object.keys(run.properties)).toEqual(expect.arrayContaining(['ruleSetId', 'period', 'fund', 'recipients']));
    expect(run.required).toEqual(expect.arrayContaining(['ruleSetId', 'period']));
  });
});
