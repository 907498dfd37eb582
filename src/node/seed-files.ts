import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../platform/deps.js';
import { loadSeeds, type SeedResult } from '../seeds/load-seeds.js';

export const DEMO_SEED = fileURLToPath(new URL('../../seeds/demo.yaml', import.meta.url));

/** Loads seeds/demo.yaml into an empty database and keeps the generated keys in the data dir (0600). */
export async function seedDemoData(deps: AppDeps, dataDir: string, file: string = DEMO_SEED): Promise<SeedResult & { credentialsFile?: string }> {
  const result = await loadSeeds(deps, readFileSync(file, 'utf8'));
  if (!result.loaded) return result;
  const credentialsFile = join(dataDir, 'demo-credentials.json');
  writeFileSync(credentialsFile, `${JSON.stringify(result.credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(credentialsFile, 0o600);
  return { ...result, credentialsFile };
}
