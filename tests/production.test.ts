/**
 * An operator deploys the service on a server: `NODE_ENV=production npm start` on an empty data
 * directory, real processes and real HTTP. No demo data, no key printed, the log says what to do next;
 * the first district and its bureau come from the CLI; Prometheus scrapes /metrics with its token.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, cli, type Server, startServer } from './support/processes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'eco-prod-'));
const METRICS_TOKEN = 'prometheus-scrape-token-0123456789abcdef';
const env = cleanEnv({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', METRICS_TOKEN, PUBLIC_BASE_URL: 'https://credit.example.gov.cn' });
let server: Server;

beforeAll(async () => {
  server = await startServer(env);
}, 40_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A metric's value in the Prometheus text format, 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.indexOf('}'));
    const have = inside.split(',');
    if (want.every((w) => have.includes(w))) return Number(line.slice(line.indexOf('}') + 1));
  }
  return 0;
}

describe('an operator starts the service in production on an empty data directory', () => {
  it('starts empty: no demo data, no API key printed, and the log says how to create the first district and client', async () => {
    const out = server.output();
    expect(out).not.toMatch(/eck_/);
    expect(out).not.toMatch(/demo/i);
    expect(readdirSync(dataDir)).not.toContain('demo-credentials.json');
    const hint = out.split('\n').find((l) => l.includes('no district yet'));
    expect(JSON.parse(hint ?? '{}')).toMatchObject({
      level: 'warn',
      message: expect.stringContaining('npm run cli -- district create <id> --name <name>'),
    });
    expect(hint).toContain('client create --district <id> --role bureau');
    const listed = await cli(env, 'district', 'list', '--json');
    expect(listed).toMatchObject({ code: 0 });
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('is alive and ready with nothing in it yet', async () => {
    expect(await (await fetch(`${server.base}/health`)).json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${server.base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'database', ok: true },
        { name: 'migrations', ok: true },
        { name: 'signingKeys', ok: true },
      ],
    });
  });

  it('refuses development tokens: the development identity provider is off', async () => {
    const token = await cli(env, 'token', '--kind', 'resident', '--id', '310230198503121233');
    expect(token.code).toBe(1);
    expect(token.stdout).toBe('');
    expect(token.stderr).toMatch(/development identity provider is off/);
  }, 20_000);

  it('creates the first district and its bureau with the CLI, and the running service accepts the key', async () => {
    const made = await cli(env, 'district', 'create', 'chongming', '--name', '上海市崇明区', '--json');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ id: 'chongming', name: '上海市崇明区' });
    const bureau = await cli(env, 'client', 'create', '--district', 'chongming', '--role', 'bureau', '--name', '崇明区财政局', '--json');
    expect(bureau.code).toBe(0);
    const { apiKey, id } = JSON.parse(bureau.stdout) as { apiKey: string; id: string };
    expect(apiKey).toMatch(/^eck_/);
    expect(bureau.stdout).not.toContain('secretHash');
    const res = await fetch(`${server.base}/v1/districts/chongming`, { headers: { authorization: `Bearer ${apiKey}` } });
    expect(res.status).toBe(200);
    const clients = JSON.parse((await cli(env, 'client', 'list', '--district', 'chongming', '--json')).stdout) as Array<{ id: string; role: string }>;
    expect(clients).toEqual([expect.objectContaining({ id, role: 'bureau' })]);
    // Its signing key is loaded: the service is ready to sign reports for it.
    expect(await (await fetch(`${server.base}/ready`)).json()).toMatchObject({
      checks: [{}, {}, { name: 'signingKeys', ok: true, detail: '1 active key loaded' }],
    });
  }, 30_000);

  it('serves /metrics only with the token, and counts each request by operationId and status', async () => {
    expect((await fetch(`${server.base}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.base}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-the-same-kind-0000000' } })).status).toBe(401);
    const scrape = async () => {
      const res = await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
      return res.text();
    };
    const labels = { operation_id: 'getHealth', method: 'GET', status: '200' };
    const before = sample(await scrape(), 'eco_http_requests_total', labels);
    await fetch(`${server.base}/health`);
    await fetch(`${server.base}/health`);
    const text = await scrape();
    expect(sample(text, 'eco_http_requests_total', labels)).toBe(before + 2);
    expect(sample(text, 'eco_http_request_duration_seconds_count', labels)).toBe(before + 2);
    // A refused call is named by the operation it was meant for.
    await fetch(`${server.base}/v1/districts/chongming/subjects`);
    expect(sample(await scrape(), 'eco_http_requests_total', { operation_id: 'listSubjects', status: '401' })).toBe(1);
    expect(text).toMatch(/^eco_db_query_duration_seconds_count\{kind="read"\} [1-9]/m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it('stops on SIGTERM, releasing the data directory', async () => {
    expect(readdirSync(dataDir)).toContain('server.lock');
    expect(await server.stop()).toBe(0);
    expect(readdirSync(dataDir)).not.toContain('server.lock');
  }, 20_000);
});
