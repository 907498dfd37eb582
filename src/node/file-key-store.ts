import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importJWK, type JWK } from 'jose';
import { newEd25519, type PrivateKey, type SigningKeyStore } from '../platform/key-store.js';

/** Private signing keys as files in DATA_DIR/keys, one per kid, readable by the owner only. */
export function fileKeyStore(dataDir: string): SigningKeyStore {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const cache = new Map<string, PrivateKey>();
  const fileOf = (kid: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(kid)) throw new Error(`invalid kid ${kid}`);
    return join(dir, `${kid}.private.jwk.json`);
  };
  return {
    async generate(_districtId, kid) {
      const { privateJwk, publicJwk } = await newEd25519(kid);
      const file = fileOf(kid);
      if (existsSync(file)) throw new Error(`a key ${kid} exists already`);
      writeFileSync(file, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
      return publicJwk;
    },
    async privateKey(kid) {
      let key = cache.get(kid);
      if (!key) {
        key = await importJWK(JSON.parse(readFileSync(fileOf(kid), 'utf8')) as JWK, 'EdDSA');
        cache.set(kid, key);
      }
      return key;
    },
  };
}
