/**
 * The newcomer's story, with real processes and real HTTP: `npm start` on an empty data dir serves
 * the API with demo data; the CLI makes keys and tokens that the running server accepts.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(join(tmpdir(), 'eco-start-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development' };
let server: ChildProcess;
let base = '';

function startServer(): Promise<string> {
  server = spawn(tsx, ['src/node.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

const cli = async (...args: string[]) => (await run(tsx, ['src/cli.ts', ...args], { env })).stdout;

beforeAll(async () => {
  base = await startServer();
}, 40_000);

afterAll(async () => {
  await stopServer();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a newcomer starts the service on an empty data dir', () => {
  it('serves health, the OpenAPI document and the docs', async () => {
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await fetch(`${base}/docs`)).headers.get('content-type')).toMatch(/html/);
  });

  it('finds the demo data, with keys kept owner-only in the data dir', async () => {
    const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as Array<{
      districtId: string;
      role: string;
      apiKey: string;
    }>;
    expect(statSync(join(dataDir, 'demo-credentials.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const bureau = credentials.find((c) => c.districtId === 'chongming' && c.role === 'bureau');
    const res = await fetch(`${base}/v1/districts/chongming/subjects`, { headers: { authorization: `Bearer ${bureau?.apiKey}` } });
    const page = (await res.json()) as { items: Array<{ kind: string }> };
    expect(page.items.filter((s) => s.kind === 'firm').length).toBeGreaterThanOrEqual(2);
    expect(page.items.filter((s) => s.kind === 'resident').length).toBeGreaterThanOrEqual(2);

    // The seeded events are there: the firm with a penalty and an exceedance has lost its green grade.
    const auth = { authorization: `Bearer ${bureau?.apiKey}`, 'content-type': 'application/json' };
    const firm = (await (
      await fetch(`${base}/v1/districts/chongming/subjects/lookup`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ kind: 'firm', uscc: '91310230MA1K2B3C4P' }),
      })
    ).json()) as { id: string };
    const score = (await (await fetch(`${base}/v1/districts/chongming/subjects/${firm.id}/credit-score`, { headers: auth })).json()) as {
      score: number;
      items: unknown[];
    };
    expect(score.score).toBeLessThan(95);
    expect(score.items.length).toBeGreaterThan(0);
  });

  it('signs in as a demo resident with a token from the CLI', async () => {
    const token = (await cli('token', '--kind', 'resident', '--id', '310230198503121233')).trim();
    const res = await fetch(`${base}/v1/districts/chongming/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { displayId: string }).displayId).toBe('310230********1233');
  }, 20_000);

  it('creates a bank key with the CLI, uses it, revokes it', async () => {
    const out = await cli('client', 'create', '--district', 'chongming', '--name', '测试银行', '--role', 'bank');
    const key = /API key \(shown once\): (\S+)/.exec(out)?.[1];
    const clientId = /client (cli_[0-9a-f]+)/.exec(out)?.[1];
    expect(key).toMatch(/^eck_/);
    const ok = await fetch(`${base}/v1/districts/chongming`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    await cli('client', 'revoke', clientId ?? '');
    const revoked = await fetch(`${base}/v1/districts/chongming`, { headers: { authorization: `Bearer ${key}` } });
    expect(revoked.status).toBe(401);
  }, 20_000);

  it('keeps its data across a restart and does not seed twice', async () => {
    await stopServer();
    base = await startServer();
    const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as Array<{
      districtId: string;
      role: string;
      apiKey: string;
    }>;
    const auditor = credentials.find((c) => c.districtId === 'lishui' && c.role === 'auditor');
    const res = await fetch(`${base}/v1/districts/lishui/subjects`, { headers: { authorization: `Bearer ${auditor?.apiKey}` } });
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(4);
    expect(await cli('seed')).toMatch(/already holds data/);
  }, 40_000);

  it('checks rule files from the command line and fails on a bad one', async () => {
    expect(await cli('rules', 'check')).toMatch(/ok {4}scoring-rules\/firm-env-credit\.yaml/);
    const bad = join(dataDir, 'bad.yaml');
    (await import('node:fs')).writeFileSync(bad, 'id: x\nkind: scorecard\nversion: one\n');
    await expect(cli('rules', 'check', bad)).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/line 3: \/version/) });
  }, 20_000);

  it('checks a district’s own rule file as that district’s API would, or as another district’s when told', async () => {
    const { readFileSync: read, writeFileSync } = await import('node:fs');
    const own = join(dataDir, 'chongming-card.yaml');
    writeFileSync(own, read('scoring-rules/firm-env-credit.yaml', 'utf8').replace(/^district: default$/m, 'district: chongming'));
    expect(await cli('rules', 'check', own)).toMatch(/^ok {4}.*chongming-card\.yaml {2}scorecard firm-env-credit/m);
    expect(await cli('rules', 'check', own, '--district', 'chongming')).toMatch(/^ok /m);
    await expect(cli('rules', 'check', own, '--district', 'lishui')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/\/district: must be 'default' or 'lishui'/),
    });
  }, 30_000);
});
