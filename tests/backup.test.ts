/**
 * An operator backs up the service while it serves and writes, and restores the archive on another
 * directory: real processes, real HTTP, the real CLI. Every write the service acknowledged before the
 * backup began is in the restored service; a damaged archive, wrong secrets or a directory in use are
 * refused before anything is written.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../src/platform/clock.js';
import { cleanEnv, cli, type Server, startServer } from './support/processes.js';
import { IDS } from './support/world.js';

const root = mkdtempSync(join(tmpdir(), 'eco-backup-'));
const live = join(root, 'live');
const archive = join(root, 'archives', 'eco-credit.backup');
const env = (dataDir: string, extra: Record<string, string> = {}) => cleanEnv({ NODE_ENV: 'production', DATA_DIR: dataDir, PORT: '0', ...extra });
let server: Server;
let bureau: string;
let recorder: string;
let firm: string;

async function api(base: string, key: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/v1/districts/chongming${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads arbitrary JSON answers.
  return { status: res.status, json: (await res.json()) as any };
}

/** Every event id in the firm's credit file, page by page. */
async function eventIds(base: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await api(base, bureau, 'GET', `/subjects/${firm}/credit-events?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    for (const e of page.json.items as Array<{ id: string }>) ids.add(e.id);
    cursor = page.json.nextCursor;
  } while (cursor);
  return ids;
}

beforeAll(async () => {
  server = await startServer(env(live));
  expect((await cli(env(live), 'district', 'create', 'chongming', '--name', '上海市崇明区')).code).toBe(0);
  const made = async (...args: string[]) =>
    JSON.parse((await cli(env(live), 'client', 'create', '--district', 'chongming', '--json', ...args)).stdout).apiKey as string;
  bureau = await made('--role', 'bureau', '--name', '崇明区财政局');
  recorder = await made('--role', 'recorder', '--name', '崇明区生态环境局', '--agency', '生态环境局');
  firm = (await api(server.base, bureau, 'POST', '/subjects', { kind: 'firm', uscc: IDS.firmA, name: '测试企业' })).json.id;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('an operator backs up the service while agencies record events', () => {
  const acknowledgedBeforeBackup: string[] = [];
  const acknowledgedAll: string[] = [];
  let restoredServer: Server | undefined;

  afterAll(async () => {
    await restoredServer?.stop();
  });

  it('takes a consistent owner-only archive during the writes, and a fresh directory restored from it has every write acknowledged before', async () => {
    const day = chinaDate(new Date(Date.now() - 86_400_000));
    let backupStarted = false;
    let stop = false;
    let batch = 0;
    // Four agencies' systems recording batches of events back to back until told to stop.
    const writer = async () => {
      while (!stop) {
        const n = batch++;
        const events = Array.from({ length: 25 }, (_, i) => ({
          subject: { id: firm },
          code: 'DISCHARGE-EXCEEDANCE',
          occurredOn: day,
          evidence: `M-${n}-${i}`,
          externalId: `load-${n}-${i}`,
        }));
        const before = !backupStarted;
        const res = await api(server.base, recorder, 'POST', '/credit-events', { events });
        expect(res.status).toBe(201);
        const ids = (res.json.events as Array<{ eventId: string }>).map((e) => e.eventId);
        acknowledgedAll.push(...ids);
        // Acknowledged, and the request was sent before the backup command was started.
        if (before && !backupStarted) acknowledgedBeforeBackup.push(...ids);
      }
    };
    const writers = [writer(), writer(), writer(), writer()];
    while (acknowledgedAll.length < 500) await new Promise((r) => setTimeout(r, 20));

    backupStarted = true;
    const backedUp = await cli(env(live), 'backup', '--out', archive, '--json');
    const afterBackup = acknowledgedAll.length;
    while (acknowledgedAll.length < afterBackup + 200) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);

    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    const summary = JSON.parse(backedUp.stdout);
    expect(summary).toMatchObject({ file: archive, districts: 1, secretsFromEnvironment: [] });
    expect(summary.files).toEqual(['secrets.json', expect.stringMatching(/^keys\/chongming-.*\.private\.jwk\.json$/)]);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(acknowledgedBeforeBackup.length).toBeGreaterThanOrEqual(500);

    // A directory in use is refused, and the live service is untouched.
    const refused = await cli(env(live), 'restore', archive, '--data-dir', live, '--force');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/in use by the server with pid \d+/);
    expect((await fetch(`${server.base}/ready`)).status).toBe(200);

    const target = join(root, 'restored');
    const restored = await cli(env(target), 'restore', archive, '--data-dir', target, '--json');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ dataDir: target, districts: 1, signingKeys: 1 });
    expect(statSync(target).mode & 0o777).toBe(0o700);
    expect(statSync(join(target, 'secrets.json')).mode & 0o777).toBe(0o600);

    restoredServer = await startServer(env(target));
    expect((await fetch(`${restoredServer.base}/ready`)).status).toBe(200);
    // The API keys work (the pepper came back), and the file holds every acknowledged event.
    const present = await eventIds(restoredServer.base);
    expect(acknowledgedBeforeBackup.filter((id) => !present.has(id))).toEqual([]);
    // Nothing appears that the live service never acknowledged.
    const all = new Set(acknowledgedAll);
    expect([...present].filter((id) => !all.has(id))).toEqual([]);
    // The restored service signs with the restored key: a report on its JWKS verifies as the district's.
    const jwks = await (await fetch(`${restoredServer.base}/districts/chongming/.well-known/jwks.json`)).json();
    const liveJwks = await (await fetch(`${server.base}/districts/chongming/.well-known/jwks.json`)).json();
    expect(jwks).toEqual(liveJwks);
  }, 120_000);

  it('refuses a damaged archive, and writes nothing', async () => {
    const damaged = join(root, 'damaged.backup');
    writeFileSync(damaged, readFileSync(archive));
    truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
    const target = join(root, 'from-damaged');
    const exit = await cli(env(target), 'restore', damaged, '--data-dir', target);
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/damaged/);
    expect(existsSync(target)).toBe(false);
  }, 30_000);

  it('refuses secrets that do not belong to the database, and writes nothing', async () => {
    const target = join(root, 'wrong-secrets');
    const otherPepper = Buffer.alloc(32, 3).toString('base64url');
    const exit = await cli(env(target, { ECO_API_KEY_PEPPER: otherPepper }), 'restore', archive, '--data-dir', target);
    expect(exit.code).toBe(1);
    expect(exit.stderr.trim()).toBe(
      'error: ECO_API_KEY_PEPPER (set in the environment) is not the secret this database was created with; nothing was restored',
    );
    expect(existsSync(target)).toBe(false);
  }, 30_000);

  it('refuses a directory that holds data unless told to replace it, and keeps the old files aside', async () => {
    const target = join(root, 'restored');
    await restoredServer?.stop();
    restoredServer = undefined;
    const refused = await cli(env(target), 'restore', archive, '--data-dir', target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty .*pass --force/);
    const forced = await cli(env(target), 'restore', archive, '--data-dir', target, '--force', '--json');
    expect(forced.code).toBe(0);
    const { replacedInto } = JSON.parse(forced.stdout) as { replacedInto: string };
    expect(existsSync(join(replacedInto, 'eco-credit.sqlite'))).toBe(true);
  }, 30_000);

  it('refuses to back up a directory without a database, instead of making one', async () => {
    const empty = join(root, 'nothing-here');
    const exit = await cli(env(empty), 'backup', '--out', join(root, 'x.backup'));
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/no database in .*nothing to back up/);
    expect(existsSync(empty)).toBe(false);
  }, 30_000);
});
