import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { importEvents, parseCsvEvents, parseNdjson } from '../src/credit/bulk-import.js';
import { nodeConfig } from '../src/node/config.js';
import { openNodeRuntime } from '../src/node/runtime.js';
import { createWorld, IDS } from './support/world.js';

const run = promisify(execFile);

const ndjson = (firm: string) =>
  [
    JSON.stringify({
      subject: { id: firm },
      code: 'ENV-PENALTY',
      occurredOn: '2026-09-01',
      evidence: 'P-1',
      amounts: [{ name: 'fine_yuan', value: '1000', unit: 'yuan' }],
    }),
    '{"subject": {"id": "broken"',
    JSON.stringify({ subject: { kind: 'firm', uscc: IDS.firmA }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-09-02', evidence: 'M-1' }),
    JSON.stringify({ subject: { id: firm }, code: 'NO-SUCH-CODE', occurredOn: '2026-09-03', evidence: 'X-1' }),
    '',
    JSON.stringify({ subject: { id: firm }, code: 'DISCHARGE-EXCEEDANCE', occurredOn: '2026-09-04', evidence: 'M-2' }),
  ].join('\n');

/** The CLI's import runs as the district's environment bureau recording agency, without HTTP. */
function importerContext(w: Awaited<ReturnType<typeof createWorld>>) {
  return {
    deps: w.deps,
    principal: {
      type: 'client' as const,
      clientId: 'cli-import',
      districtId: 'chongming',
      role: 'recorder' as const,
      agency: '生态环境局',
      name: 'import',
    },
    districtId: 'chongming',
    now: w.clock.now(),
  };
}

describe('an agency imports a file of events', () => {
  it('records the good lines, names the bad ones by number, and records nothing twice on a second run', async () => {
    const w = await createWorld();
    const firm = await w.register('chongming', 'firm', IDS.firmA);
    const ctx = importerContext(w);
    const progress: number[] = [];
    const report = await importEvents(ctx, await parseNdjson(ndjson(firm)), { batchSize: 2, onProgress: (n) => progress.push(n) });
    expect(report).toMatchObject({ lines: 5, recorded: 3, duplicates: 0 });
    expect(report.bad.map((b) => b.line)).toEqual([2, 4]);
    expect(report.bad[1]?.errors).toEqual([expect.stringMatching(/NO-SUCH-CODE is on no firm behaviour list/)]);
    expect(progress.at(-1)).toBe(5);

    const again = await importEvents(ctx, await parseNdjson(ndjson(firm)));
    expect(again).toMatchObject({ recorded: 0, duplicates: 3 });

    const file = await w.call('GET', `/v1/districts/chongming/subjects/${firm}/credit-events`, { as: w.keys.chongming.bureau });
    expect(file.json.items.map((e: { evidence: string }) => e.evidence)).toEqual(['P-1', 'M-1', 'M-2']);
  });

  it('reads CSV with a header, one amount per row, and reports a line without a subject', async () => {
    const w = await createWorld();
    await w.register('chongming', 'firm', IDS.firmA);
    const csv = [
      'uscc,code,occurred_on,ended_on,evidence,amount_name,amount_value,amount_unit',
      `${IDS.firmA},ENV-PENALTY,2026-08-01,,沪崇环罚〔2026〕9号,fine_yuan,250000.00,yuan`,
      ',ENV-PENALTY,2026-08-02,,no subject,,,',
      `${IDS.firmA},ENV-PENALTY,2026-08-03,2026-08-01,ends before it starts,fine_yuan,1,yuan`,
    ].join('\n');
    const ctx = importerContext(w);
    const report = await importEvents(ctx, await parseCsvEvents(csv));
    expect(report.recorded).toBe(1);
    expect(report.bad).toEqual([
      { line: 3, errors: ['one of subject_id, uscc or id_number is needed'] },
      { line: 4, errors: [expect.stringMatching(/^\/endedOn: the behaviour cannot end/)] },
    ]);
  });
});

describe('the import command', () => {
  it('runs from the command line and exits non-zero when some lines were bad', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eco-import-'));
    try {
      const env = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' };
      const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
      await run(tsx, ['src/cli.ts', 'seed'], { env });
      const path = join(dataDir, 'events.ndjson');
      const lines = [
        JSON.stringify({ subject: { kind: 'firm', uscc: IDS.firmB }, code: 'GREEN-CERT', occurredOn: '2026-07-01', evidence: 'ISO 14001' }),
        'not json',
      ];
      writeFileSync(path, lines.join('\n'));
      const result = await run(tsx, ['src/cli.ts', 'credit', 'import', path, '--district', 'chongming', '--agency', '生态环境局'], { env }).catch(
        (e: { stdout: string; stderr: string; code: number }) => e,
      );
      expect(result).toMatchObject({ code: 1 });
      expect(result.stdout).toMatch(/2 lines: 1 recorded, 0 already recorded, 1 bad/);
      expect(result.stderr).toMatch(/line 2: not valid JSON/);

      // The recorded event is in the file the API serves.
      const rt = await openNodeRuntime(nodeConfig(env));
      try {
        const app = createApp({ ...rt.deps, logger: { info() {}, warn() {}, error() {} } });
        const { readFileSync } = await import('node:fs');
        const creds = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as Array<{
          districtId: string;
          role: string;
          apiKey: string;
        }>;
        const key = creds.find((c) => c.districtId === 'chongming' && c.role === 'bureau')?.apiKey;
        const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
        const lookup = await app.request('/v1/districts/chongming/subjects/lookup', {
          method: 'POST',
          headers,
          body: JSON.stringify({ kind: 'firm', uscc: IDS.firmB }),
        });
        const firm = (await lookup.json()) as { id: string };
        const file = (await (await app.request(`/v1/districts/chongming/subjects/${firm.id}/credit-events`, { headers })).json()) as {
          items: Array<{ code: string }>;
        };
        expect(file.items.map((e) => e.code)).toContain('GREEN-CERT');
      } finally {
        rt.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
