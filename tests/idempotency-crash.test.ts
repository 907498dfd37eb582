/**
 * An agency sends a day's batch with an Idempotency-Key and the server dies in the middle of it
 * (kill -9). It retries by the book, same key and same body, against the restarted server: the batch is
 * recorded once, and the agency learns the answer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const LEASE_SECONDS = 12;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Starts a server script; resolves with its base URL, and a promise for a line matching `watch`. */
function start(script: string, dataDir: string, extraEnv: Record<string, string> = {}) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    NODE_ENV: 'development',
    IDEMPOTENCY_LEASE_SECONDS: String(LEASE_SECONDS),
    ...extraEnv,
  };
  // Node itself with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that serves.
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const waiters: Array<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }> = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const w of waiters.splice(0)) {
      const m = w.pattern.exec(out);
      if (m) w.resolve(m);
      else waiters.push(w);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const line = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const m = pattern.exec(out);
      if (m) return resolve(m);
      waiters.push({ pattern, resolve });
      child.once('exit', (code, signal) => reject(new Error(`exited (${code ?? signal}) before ${pattern}: ${out}`)));
    });
  return { child, base: line(/on (http:\/\/localhost:\d+)/).then((m) => m[1] as string), line };
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });
}

const RESIDENT = '310230198503121233';
const batch = {
  events: Array.from({ length: 2000 }, (_, i) => ({
    subject: { kind: 'resident', idNumber: RESIDENT },
    code: 'WASTE-SORTING',
    occurredOn: '2026-11-20',
    // No external ids: nothing but the idempotency key keeps a retry from recording the batch twice.
    evidence: `垃圾分类智能回收箱记录 第${i + 1}次`,
  })),
};

function recorderKey(dataDir: string): string {
  const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as Array<{
    districtId: string;
    name: string;
    apiKey: string;
  }>;
  return (credentials.find((c) => c.districtId === 'chongming' && c.name === '崇明区绿化市容局') as { apiKey: string }).apiKey;
}

function send(base: string, key: string, idempotencyKey: string) {
  return fetch(`${base}/v1/districts/chongming/credit-events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(batch),
  });
}

function wasteSortingEvents(dataDir: string): number {
  const db = new Database(join(dataDir, 'eco-credit.sqlite'), { readonly: true });
  try {
    return (
      db.prepare("SELECT COUNT(*) AS n FROM credit_events WHERE code = 'WASTE-SORTING' AND evidence LIKE '垃圾分类智能回收箱记录%'").get() as {
        n: number;
      }
    ).n;
  } finally {
    db.close();
  }
}

describe('a batch interrupted by kill -9', () => {
  it('after its write committed but before the answer was stored: the retry gets the answer, and nothing is written twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eco-crash-'));
    dirs.push(dataDir);
    const crashing = start('tests/support/crash-server.ts', dataDir, { CRASH_POINT: 'after-commit' });
    const base = await crashing.base;
    const key = recorderKey(dataDir);
    const first = send(base, key, 'day-2026-11-20-batch').catch((e: unknown) => e);
    await crashing.line(/CRASH-POINT after-commit/);
    expect(await killed(crashing.child)).toBe('SIGKILL');
    expect(await first).toBeInstanceOf(Error); // the connection died with the server: no answer
    expect(wasteSortingEvents(dataDir)).toBe(2000);

    const restarted = start('src/node.ts', dataDir);
    const retry = await send(await restarted.base, key, 'day-2026-11-20-batch');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const answer = (await retry.json()) as { recorded: number; duplicates: number; events: Array<{ status: string }> };
    expect(answer).toMatchObject({ recorded: 2000, duplicates: 0 });
    expect(answer.events).toHaveLength(2000);
    expect(answer.events.filter((e) => e.status === 'recorded')).toHaveLength(2000);
    expect(wasteSortingEvents(dataDir)).toBe(2000);

    // And again: the answer is now stored, and the same.
    const again = await send(await restarted.base, key, 'day-2026-11-20-batch');
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(answer);
    expect(wasteSortingEvents(dataDir)).toBe(2000);
  }, 60_000);

  it('before its write committed: the key is held until its lease ends, then the retry records the batch once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eco-crash-'));
    dirs.push(dataDir);
    const crashing = start('tests/support/crash-server.ts', dataDir, { CRASH_POINT: 'before-commit' });
    const base = await crashing.base;
    const key = recorderKey(dataDir);
    const first = send(base, key, 'day-2026-11-21-batch').catch((e: unknown) => e);
    await crashing.line(/CRASH-POINT before-commit/);
    expect(await killed(crashing.child)).toBe('SIGKILL');
    await first;
    expect(wasteSortingEvents(dataDir)).toBe(0);

    const restarted = start('src/node.ts', dataDir);
    const early = await send(await restarted.base, key, 'day-2026-11-21-batch');
    expect(early.status).toBe(409);
    const problem = (await early.json()) as { code: string; retryAfterSeconds: number };
    expect(problem.code).toBe('idempotency-in-progress');
    expect(problem.retryAfterSeconds).toBeGreaterThan(0);
    expect(problem.retryAfterSeconds).toBeLessThanOrEqual(LEASE_SECONDS);

    await new Promise((r) => setTimeout(r, problem.retryAfterSeconds * 1000 + 200));
    const retry = await send(await restarted.base, key, 'day-2026-11-21-batch');
    expect(retry.status).toBe(201);
    expect(await retry.json()).toMatchObject({ recorded: 2000, duplicates: 0 });
    expect(wasteSortingEvents(dataDir)).toBe(2000);
  }, 60_000);
});
