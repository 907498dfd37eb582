/**
 * Secrets of the embedded default: generated on first start into the data dir, owner-only (0600), and
 * overridable from the environment (checked by the configuration schema) for deployments that manage
 * secrets elsewhere.
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

export const SECRETS_FILE = 'secrets.json';

export async function loadOrCreateSecrets(dataDir: string, overrides: Partial<Secrets> = {}): Promise<NodeSecrets> {
  const file = join(dataDir, SECRETS_FILE);
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
    idNumberHmacKey: overrides.idNumberHmacKey ?? fromBase64Url(stored.idNumberHmacKey),
    apiKeyPepper: overrides.apiKeyPepper ?? fromBase64Url(stored.apiKeyPepper),
    devIssuerKey: stored.devIssuerKey,
  };
}
