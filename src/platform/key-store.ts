/**
 * Where the private halves of report-signing keys live. The app only asks for a key by id or for a new
 * one; the Node entry keeps them as owner-only files in the data dir, a Worker reads them from a secret,
 * tests keep them in memory.
 */
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export type PrivateKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKeyStore {
  /** Makes a new Ed25519 key pair, keeps the private half, returns the public half with its kid. */
  generate(districtId: string, kid: string): Promise<JWK>;
  privateKey(kid: string): Promise<PrivateKey>;
}

export async function newEd25519(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA', use: 'sig' };
  const { d: _secret, ...publicJwk } = privateJwk;
  return { privateJwk, publicJwk };
}

/** For tests and for keys handed over in configuration. */
export function memoryKeyStore(initial: Record<string, JWK> = {}): SigningKeyStore {
  const keys = new Map(Object.entries(initial));
  const imported = new Map<string, PrivateKey>();
  return {
    async generate(_districtId, kid) {
      const { privateJwk, publicJwk } = await newEd25519(kid);
      keys.set(kid, privateJwk);
      return publicJwk;
    },
    async privateKey(kid) {
      let key = imported.get(kid);
      if (!key) {
        const jwk = keys.get(kid);
        if (!jwk) throw new Error(`no private key for kid ${kid}`);
        key = await importJWK(jwk, 'EdDSA');
        imported.set(kid, key);
      }
      return key;
    },
  };
}
