/**
 * One server per data directory. The server writes `server.lock` with its pid when it starts and removes
 * it when it stops; `restore` refuses a directory whose lock names a live process, and a second server
 * refuses to start beside the first. A lock left by a process that died (kill -9, power loss) is stale
 * and taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'server.lock';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it is alive all the same.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live server holding the directory, if any. */
export function lockHolder(dataDir: string): LockHolder | undefined {
  let holder: LockHolder;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
  if (holder.host !== hostname()) return holder; // another machine's process cannot be checked: assume it lives
  return Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid) ? holder : undefined;
}

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`${dataDir} is in use by the server with pid ${holder.pid} on ${holder.host} (started ${holder.startedAt})`);
  }
}

/** Takes the directory for this process; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  try {
    // 'wx' fails when the file exists, so two servers starting at once cannot both take it.
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = lockHolder(dataDir);
    if (holder) throw new DataDirInUse(dataDir, holder);
    rmSync(file, { force: true }); // stale: its process is gone
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  }
  return () => {
    try {
      const current = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
      if (current.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
