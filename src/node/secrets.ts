/**
 * Secrets of the embedded default: generated on first start into the data dir, owner-only (0600), and
 * overridable from the environment for deployments that manage secrets elsewhere.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { generateDevIssuerKey } from '../identity/dev-issuer.js';
import type { Secrets } from '../platform/deps.js';
import { randomBytes } from '../platform/util/crypto.js';
import { fromBase64Url, toBase64Url } from '../platform/util/encoding.js';

interface SecretsFile {
  idNumberHmacKey: string;
  apiKeyPepper: string;
  devIssuerKey: JWK;
}

export interface NodeSecrets extends Secrets {
  devIssuerKey: JWK;
}

function keyFromEnv(name: string, env: NodeJS.ProcessEnv): Uint8Array | undefined {
  const value = env[name];
  if (!value) return undefined;
  const bytes = fromBase64Url(value);
  if (bytes.length < 32) throw new Error(`${name} must be at least 32 bytes, base64url-encoded`);
  return bytes;
}

export async function loadOrCreateSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeSecrets> {
  const file = join(dataDir, 'secrets.json');
  let stored: SecretsFile;
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile;
  } else {
    stored = {
      idNumberHmacKey: toBase64Url(randomBytes(32)),
      apiKeyPepper: toBase64Url(randomBytes(32)),
      devIssuerKey: await generateDevIssuerKey(),
    };
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return {
    idNumberHmacKey: keyFromEnv('ECO_ID_HMAC_KEY', env) ?? fromBase64Url(stored.idNumberHmacKey),
    apiKeyPepper: keyFromEnv('ECO_API_KEY_PEPPER', env) ?? fromBase64Url(stored.apiKeyPepper),
    devIssuerKey: stored.devIssuerKey,
  };
}
