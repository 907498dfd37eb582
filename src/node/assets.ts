/**
 * Static files on Node: the Scalar standalone bundle straight from node_modules (the pinned
 * @scalar/api-reference), read once and kept in memory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { StaticAssets } from '../platform/deps.js';

const require = createRequire(import.meta.url);

export function nodeAssets(): StaticAssets {
  let scalar: Buffer | undefined;
  return {
    async get(name) {
      if (name !== 'scalar.js') return undefined;
      scalar ??= readFileSync(require.resolve('@scalar/api-reference/browser/standalone.js'));
      return new Response(new Uint8Array(scalar.buffer, scalar.byteOffset, scalar.byteLength), {
        headers: { 'content-type': 'text/javascript; charset=utf-8' },
      });
    },
  };
}
