/**
 * Backup and restore of a Node deployment's data directory, as one owner-only archive.
 *
 * The archive is itself a SQLite database: a consistent snapshot of the live database taken with
 * `VACUUM INTO` (one read transaction, so the service goes on serving and writing meanwhile, and the
 * copy holds exactly what was committed when it began), with two tables added: the data directory's
 * files (secrets.json, the signing keys, the demo credentials) and a manifest. One file holds it all,
 * `sqlite3 FILE .tables` opens it, and SQLite's own integrity check covers every byte of it.
 *
 * A restore refuses a directory that a server (or any other connection) is using, an archive that fails
 * the integrity check or whose files do not match their recorded hashes, and secrets that are not the
 * ones the database was created with (the fingerprints recorded at first start), or signing keys that do
 * not match the public keys the database publishes.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JWK } from 'jose';
import type { ServiceConfig } from '../platform/config.js';
import { fromBase64Url } from '../platform/util/encoding.js';
import { SERVICE_VERSION } from '../platform/version.js';
import { lockHolder } from './data-dir-lock.js';
import { mismatchedSecrets, recordedFingerprint } from './deployment-record.js';
import { DATABASE_FILE } from './runtime.js';
import { SECRETS_FILE } from './secrets.js';

const FORMAT = 'eco-credit-backup/1';
const FILES_TABLE = 'eco_backup_files';
const MANIFEST_TABLE = 'eco_backup_manifest';

export class BackupError extends Error {}

export interface BackupSummary {
  file: string;
  bytes: number;
  createdAt: string;
  files: string[];
  /** Secrets the service takes from the environment: not in the archive, keep them with it. */
  secretsFromEnvironment: string[];
  districts: number;
}

export interface RestoreSummary {
  dataDir: string;
  createdAt: string;
  files: string[];
  districts: number;
  signingKeys: number;
  /** Where the files that were there before went, when --force replaced them. */
  replacedInto?: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The data directory's own files, relative to it: secrets, signing keys, demo credentials. */
function dataFiles(dataDir: string): string[] {
  const files = [SECRETS_FILE, 'demo-credentials.json'].filter((f) => existsSync(join(dataDir, f)));
  const keysDir = join(dataDir, 'keys');
  if (existsSync(keysDir)) {
    for (const f of readdirSync(keysDir).sort()) if (f.endsWith('.private.jwk.json')) files.push(`keys/${f}`);
  }
  return files;
}

function envSecrets(config: ServiceConfig): string[] {
  return [...(config.idNumberHmacKey ? ['ECO_ID_HMAC_KEY'] : []), ...(config.apiKeyPepper ? ['ECO_API_KEY_PEPPER'] : [])];
}

/** Writes the archive of `config.dataDir` to `out` (refusing an existing file unless `force`). */
export async function backup(config: ServiceConfig, out: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  const dataDir = resolve(config.dataDir);
  const database = join(dataDir, DATABASE_FILE);
  if (!existsSync(database)) throw new BackupError(`no database in ${dataDir}: nothing to back up (is DATA_DIR right?)`);
  const target = resolve(out);
  if (existsSync(target) && !options.force) throw new BackupError(`${target} exists; choose another name or pass --force to replace it`);

  // A private directory beside the target: the snapshot is never readable by others, not even for a moment,
  // and the final rename stays on one file system.
  mkdirSync(dirname(target), { recursive: true });
  const work = mkdtempSync(join(dirname(target), `.${basename(target)}.`));
  chmodSync(work, 0o700);
  const partial = join(work, 'archive.sqlite');
  try {
    const source = new Database(database, { readonly: true, fileMustExist: true });
    let districts: number;
    try {
      source.pragma('busy_timeout = 10000');
      const secrets = readSecretsFile(dataDir);
      const given = {
        idNumberHmacKey: config.idNumberHmacKey ?? secrets.idNumberHmacKey,
        apiKeyPepper: config.apiKeyPepper ?? secrets.apiKeyPepper,
      };
      if (!recordedFingerprint(source))
        throw new BackupError(
          'the database records no fingerprint of its secrets yet: start the service (or any CLI command) once with this version first',
        );
      const wrong = await mismatchedSecrets(source, given);
      if (wrong.length > 0)
        throw new BackupError(
          `${wrong.join(' and ')} ${wrong.length > 1 ? 'are' : 'is'} not the secret of this database: a backup with it would not restore`,
        );
      source.prepare('VACUUM INTO ?').run(partial);
      districts = (source.prepare('SELECT count(*) AS n FROM districts').get() as { n: number }).n;
    } finally {
      source.close();
    }

    const createdAt = new Date().toISOString();
    const files = dataFiles(dataDir);
    const archive = new Database(partial);
    try {
      archive.exec(`CREATE TABLE ${FILES_TABLE} (path TEXT PRIMARY KEY, mode INTEGER NOT NULL, sha256 TEXT NOT NULL, content BLOB NOT NULL);
        CREATE TABLE ${MANIFEST_TABLE} (name TEXT PRIMARY KEY, value TEXT NOT NULL);`);
      const addFile = archive.prepare(`INSERT INTO ${FILES_TABLE} (path, mode, sha256, content) VALUES (?, ?, ?, ?)`);
      const addEntry = archive.prepare(`INSERT INTO ${MANIFEST_TABLE} (name, value) VALUES (?, ?)`);
      archive.transaction(() => {
        for (const f of files) {
          const content = readFileSync(join(dataDir, f));
          addFile.run(f, statSync(join(dataDir, f)).mode & 0o777, sha256(content), content);
        }
        addEntry.run('format', FORMAT);
        addEntry.run('createdAt', createdAt);
        addEntry.run('serviceVersion', SERVICE_VERSION);
        addEntry.run('sourceDataDir', dataDir);
        addEntry.run('secretsFromEnvironment', JSON.stringify(envSecrets(config)));
      })();
    } finally {
      archive.close();
    }
    chmodSync(partial, 0o600);
    const fd = openSync(partial, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, createdAt, files, secretsFromEnvironment: envSecrets(config), districts };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface SecretsOnDisk {
  idNumberHmacKey: Uint8Array;
  apiKeyPepper: Uint8Array;
}

function parseSecrets(text: string, where: string): SecretsOnDisk {
  try {
    const s = JSON.parse(text) as { idNumberHmacKey: string; apiKeyPepper: string };
    return { idNumberHmacKey: fromBase64Url(s.idNumberHmacKey), apiKeyPepper: fromBase64Url(s.apiKeyPepper) };
  } catch {
    throw new BackupError(`${where} is not a secrets file`);
  }
}

function readSecretsFile(dataDir: string): SecretsOnDisk {
  const file = join(dataDir, SECRETS_FILE);
  if (!existsSync(file)) throw new BackupError(`no ${SECRETS_FILE} in ${dataDir}`);
  return parseSecrets(readFileSync(file, 'utf8'), file);
}

/** Whether any connection has the database open: changing its journal mode needs it alone. */
function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  let probe: Database.Database;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0 });
  } catch {
    return false;
  }
  try {
    probe.pragma('journal_mode = DELETE');
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    probe.close();
  }
}

/** Restores `file` into `dataDir`. */
export async function restore(
  file: string,
  config: ServiceConfig,
  dataDirOption: string,
  options: { force?: boolean } = {},
): Promise<RestoreSummary> {
  const source = resolve(file);
  if (!existsSync(source)) throw new BackupError(`no file ${source}`);
  const dataDir = resolve(dataDirOption);

  // 1. The target: not in use, and not holding data unless asked to replace it.
  const holder = lockHolder(dataDir);
  if (holder) throw new BackupError(`${dataDir} is in use by the server with pid ${holder.pid} (started ${holder.startedAt}); stop it first`);
  const targetDb = join(dataDir, DATABASE_FILE);
  const existing = existsSync(dataDir) ? readdirSync(dataDir).filter((f) => !f.startsWith('.')) : [];
  if (existing.length > 0 && !options.force) {
    throw new BackupError(
      `${dataDir} is not empty (${existing.slice(0, 4).join(', ')}${existing.length > 4 ? ', …' : ''}); restore into an empty directory, or pass --force to replace it (the old files are kept aside)`,
    );
  }
  // Only now, when it would be replaced: the probe itself switches the file out of WAL mode.
  if (databaseInUse(targetDb)) throw new BackupError(`${targetDb} is open in another process; stop the service and any command using it first`);

  // 2. The archive: ours, whole, its files as recorded.
  let archive: Database.Database;
  try {
    archive = new Database(source, { readonly: true, fileMustExist: true });
  } catch {
    throw new BackupError(`${source} is not a backup archive (not a SQLite file)`);
  }
  let createdAt: string;
  let files: Array<{ path: string; mode: number; sha256: string; content: Buffer }>;
  let districts: number;
  let signingKeys: number;
  try {
    let integrity: string[];
    try {
      integrity = (archive.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    } catch (error) {
      throw new BackupError(`${source} is damaged: ${(error as Error).message}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupError(`${source} is damaged: ${integrity.slice(0, 3).join('; ')}`);
    const manifest = new Map<string, string>();
    try {
      for (const r of archive.prepare(`SELECT name, value FROM ${MANIFEST_TABLE}`).all() as Array<{ name: string; value: string }>)
        manifest.set(r.name, r.value);
    } catch {
      throw new BackupError(`${source} is not an archive made by \`backup\` (no manifest)`);
    }
    if (manifest.get('format') !== FORMAT) throw new BackupError(`${source} has format ${manifest.get('format')}; this version reads ${FORMAT}`);
    createdAt = manifest.get('createdAt') ?? '';
    files = archive.prepare(`SELECT path, mode, sha256, content FROM ${FILES_TABLE} ORDER BY path`).all() as typeof files;
    for (const f of files) {
      if (sha256(f.content) !== f.sha256) throw new BackupError(`${source} is damaged: ${f.path} does not match its recorded hash`);
      if (!/^(secrets\.json|demo-credentials\.json|keys\/[A-Za-z0-9._-]+\.private\.jwk\.json)$/.test(f.path))
        throw new BackupError(`${source} holds an unexpected file ${f.path}`);
    }

    // 3. The secrets belong to this database: those the restored service will use (the archive's, or the
    // environment's where it sets them) have the fingerprints recorded when the database was created.
    const secretsFile = files.find((f) => f.path === SECRETS_FILE);
    if (!secretsFile) throw new BackupError(`${source} holds no ${SECRETS_FILE}`);
    const archived = parseSecrets(secretsFile.content.toString('utf8'), `${SECRETS_FILE} in ${source}`);
    if (!recordedFingerprint(archive)) throw new BackupError(`${source} records no fingerprint of its secrets; it cannot be checked`);
    const wrong = await mismatchedSecrets(archive, {
      idNumberHmacKey: config.idNumberHmacKey ?? archived.idNumberHmacKey,
      apiKeyPepper: config.apiKeyPepper ?? archived.apiKeyPepper,
    });
    if (wrong.length > 0) {
      const fromEnv = wrong.filter((n) => (n === 'ECO_ID_HMAC_KEY' ? config.idNumberHmacKey : config.apiKeyPepper));
      throw new BackupError(
        `${wrong.join(' and ')} ${fromEnv.length ? '(set in the environment) ' : ''}${wrong.length > 1 ? 'are' : 'is'} not the secret this database was created with; nothing was restored`,
      );
    }
    // …and so do the signing keys: every key the database knows has its private half, matching.
    const keys = archive.prepare('SELECT kid, public_jwk AS publicJwk FROM signing_keys').all() as Array<{ kid: string; publicJwk: string }>;
    for (const k of keys) {
      const f = files.find((x) => x.path === `keys/${k.kid}.private.jwk.json`);
      if (!f) throw new BackupError(`${source} lacks the private signing key ${k.kid}`);
      const priv = JSON.parse(f.content.toString('utf8')) as JWK;
      if (priv.x !== (JSON.parse(k.publicJwk) as JWK).x)
        throw new BackupError(`the private key ${k.kid} in ${source} does not match the public key the database publishes`);
    }
    signingKeys = keys.length;
    districts = (archive.prepare('SELECT count(*) AS n FROM districts').get() as { n: number }).n;
  } finally {
    archive.close();
  }

  // 4. Write: old files aside (with --force), then the files, then the database by rename.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  let replacedInto: string | undefined;
  if (existing.length > 0) {
    replacedInto = join(dataDir, `.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(replacedInto, { mode: 0o700 });
    for (const f of existing) renameSync(join(dataDir, f), join(replacedInto, f));
  }
  const staging = join(dataDir, `.restore-${process.pid}.sqlite`);
  const copy = new Database(source, { readonly: true });
  try {
    copy.prepare('VACUUM INTO ?').run(staging);
  } finally {
    copy.close();
  }
  const restored = new Database(staging);
  try {
    restored.exec(`DROP TABLE ${FILES_TABLE}; DROP TABLE ${MANIFEST_TABLE}; VACUUM;`);
    restored.pragma('journal_mode = WAL');
  } finally {
    restored.close();
  }
  chmodSync(staging, 0o600);
  mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
  chmodSync(join(dataDir, 'keys'), 0o700);
  for (const f of files) writeFileSync(join(dataDir, f.path), f.content, { mode: 0o600 });
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetDb}${suffix}`, { force: true });
  renameSync(staging, targetDb);
  return { dataDir, createdAt, files: files.map((f) => f.path), districts, signingKeys, ...(replacedInto ? { replacedInto } : {}) };
}
