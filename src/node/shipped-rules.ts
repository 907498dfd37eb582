import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSource } from '../platform/deps.js';

export const RULES_DIR = fileURLToPath(new URL('../../scoring-rules', import.meta.url));

/** Every .yaml rule file under scoring-rules/, sorted so that loading is deterministic. */
export function readShippedRules(dir: string = RULES_DIR): RuleSource[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'schemas' ? [] : walk(join(d, e.name))) : /\.ya?ml$/.test(e.name) ? [join(d, e.name)] : [],
    );
  return walk(dir)
    .sort()
    .map((path) => ({ path: relative(join(dir, '..'), path), text: readFileSync(path, 'utf8') }));
}
