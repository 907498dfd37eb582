/**
 * An operator scripts the CLI: a version to check, JSON to parse, errors on stderr with a non-zero
 * exit, never an empty success for a district or client that does not exist, never a raw database
 * error, and an import report that says every error of a line and sums up a mistake repeated many times.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, cli } from './support/processes.js';
import { IDS } from './support/world.js';

const root = mkdtempSync(join(tmpdir(), 'eco-cli-'));
const env = cleanEnv({ NODE_ENV: 'development', DATA_DIR: join(root, 'data') });

beforeAll(async () => {
  expect((await cli(env, 'seed', '--json')).code).toBe(0);
}, 30_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an operator scripts the CLI', () => {
  it('reads the version', async () => {
    const exit = await cli(env, '--version');
    expect(exit).toMatchObject({ code: 0, stderr: '' });
    expect(exit.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  }, 20_000);

  it('is told that a district or client does not exist, on stderr with exit 1, and never sees a database error', async () => {
    const cases = [
      ['keys', 'rotate', '--district', 'nowhere'],
      ['client', 'list', '--district', 'nowhere', '--json'],
      ['client', 'create', '--district', 'nowhere', '--role', 'bank', '--name', '某银行'],
      ['credit', 'import', 'x.ndjson', '--district', 'nowhere', '--agency', '生态环境局'],
      ['client', 'revoke', 'cli_00000000000000000000000000000000'],
    ];
    for (const args of cases) {
      const exit = await cli(env, ...args);
      expect({ args, code: exit.code, stdout: exit.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(exit.stderr).toMatch(args[0] === 'client' && args[1] === 'revoke' ? /^error: no client 'cli_0+'/ : /^error: no district 'nowhere'/);
      expect(exit.stderr).not.toMatch(/SQLITE|FOREIGN KEY|constraint|at .*\.ts:\d+/);
    }
  }, 60_000);

  it('lists districts and clients as JSON', async () => {
    const districts = JSON.parse((await cli(env, 'district', 'list', '--json')).stdout) as Array<{ id: string }>;
    expect(districts.map((d) => d.id)).toEqual(['chongming', 'lishui']);
    const clients = JSON.parse((await cli(env, 'client', 'list', '--district', 'lishui', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(clients.map((c) => c.role).sort()).toEqual(['auditor', 'bank', 'bureau', 'recorder']);
    for (const c of clients) expect(c).not.toHaveProperty('secretHash');
    const rotated = await cli(env, 'keys', 'rotate', '--district', 'lishui', '--json');
    expect(JSON.parse(rotated.stdout)).toMatchObject({
      active: { kid: expect.stringMatching(/^lishui-/) },
      retired: { kid: expect.stringMatching(/^lishui-/) },
    });
  }, 60_000);

  it('refuses to act on a data directory without a database, instead of creating one', async () => {
    const elsewhere = join(root, 'typo');
    const exit = await cli({ ...env, DATA_DIR: elsewhere }, 'client', 'list', '--district', 'chongming');
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/^error: no database in .*typo/);
    expect(existsSync(elsewhere)).toBe(false);
  }, 20_000);

  it('imports a file with every error of a bad line, and one line per reason for a mistake made 30 times', async () => {
    const file = join(root, 'events.ndjson');
    const good = { subject: { kind: 'firm', uscc: IDS.firmB }, code: 'GREEN-CERT', occurredOn: '2026-07-01', evidence: 'ISO 14001' };
    const lines = [
      JSON.stringify(good),
      // Three mistakes in one line: all three are reported.
      JSON.stringify({ subject: { kind: 'firm', uscc: IDS.firmA }, code: '', occurredOn: '2026-13-01' }),
      ...Array.from({ length: 30 }, (_, i) =>
        JSON.stringify({ subject: { kind: 'firm', uscc: IDS.firmA }, code: 'NO-SUCH-CODE', occurredOn: '2026-07-02', evidence: `E-${i}` }),
      ),
    ];
    writeFileSync(file, lines.join('\n'));
    const text = await cli(env, 'credit', 'import', file, '--district', 'chongming', '--agency', '生态环境局');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^32 lines: 1 recorded, 0 already recorded, 31 bad$/m);
    const reasons = text.stderr.split('\n').filter((l) => / × /.test(l));
    expect(reasons).toContainEqual(
      expect.stringMatching(/^ +30 × \/code: NO-SUCH-CODE is on no firm behaviour list in force +\(lines 3, 4, 5, 6, 7, …\)$/),
    );
    expect(text.stderr.split('\n').filter((l) => l.includes('NO-SUCH-CODE'))).toHaveLength(1);

    const json = await cli(env, 'credit', 'import', file, '--district', 'chongming', '--agency', '生态环境局', '--json');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as {
      recorded: number;
      duplicates: number;
      bad: Array<{ line: number; errors: string[] }>;
      reasons: Array<{ count: number }>;
    };
    expect(report).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(report.bad).toHaveLength(31);
    expect(report.bad[0]).toEqual({
      line: 2,
      errors: [expect.stringMatching(/^\/code: /), expect.stringMatching(/^\/occurredOn: /), expect.stringMatching(/^\/evidence: /)],
    });
    expect(report.reasons[0]).toMatchObject({ count: 30 });
  }, 60_000);

  it('rescores a district with a progress bar, or as JSON, and is told of a district that does not exist', async () => {
    const text = await cli(env, 'credit', 'rescore', '--district', 'chongming');
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/rescoring \[.*\] (\d+)\/\1 subjects/);
    expect(text.stdout).toMatch(/^\d+ subjects, \d+ events, scored as of .* \(job rsj_[0-9a-f]+\)$/m);
    expect(text.stdout).toMatch(/resident: resident-village v1 on resident-behaviours v1/);
    const asOf = new Date().toISOString();
    const json = await cli(env, 'credit', 'rescore', '--district', 'chongming', '--as-of', asOf, '--json');
    expect(json.code).toBe(0);
    const job = JSON.parse(json.stdout) as { status: string; asOf: string; subjectsDone: number; subjectsTotal: number; results: unknown[] };
    expect(job).toMatchObject({ status: 'done', asOf });
    expect(job.subjectsDone).toBe(job.subjectsTotal);
    const missing = await cli(env, 'credit', 'rescore', '--district', 'nowhere');
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^error: no district 'nowhere'/);
  }, 60_000);

  it('checks rule files as JSON, with errors and a non-zero exit for a bad one', async () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'id: x\nkind: scorecard\nversion: one\n');
    const exit = await cli(env, 'rules', 'check', 'scoring-rules/firm-env-credit.yaml', bad, '--json');
    expect(exit.code).toBe(1);
    const results = JSON.parse(exit.stdout) as Array<{ path: string; ok: boolean; errors?: Array<{ line?: number; pointer: string }> }>;
    expect(results[0]).toMatchObject({ ok: true, hash: expect.stringMatching(/^sha256:/) });
    expect(results[1]).toMatchObject({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ line: 3, pointer: '/version' })]) });
  }, 20_000);
});
