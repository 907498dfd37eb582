/**
 * Compiled rule sets keyed by content hash. A hash names immutable content, so an entry can never be
 * stale; the map only saves recompiling. Bounded so a stream of drafts cannot grow it without end.
 */
import { LruCache } from '../platform/lru.js';
import type { DocumentOf, RuleSetDocument } from './envelope.js';
import { type CompiledOf, type KindName, kindOf } from './kinds/index.js';

const cache = new LruCache<string, unknown>(512);

export function compiledOf<K extends KindName>(document: DocumentOf<K>, hash: string): CompiledOf<K> {
  const key = `${document.kind}|${hash}`;
  const compiled = cache.getOrSet(key, () => {
    const kind = kindOf(document.kind as K);
    // Each kind's compile takes that kind's body; the document's kind names which one.
    return (kind.compile as (body: unknown, ref: { id: string; version: number; hash: string }) => unknown)(document.body, {
      id: document.id,
      version: document.version,
      hash,
    });
  });
  // The key carries the kind, so what is cached under it is that kind's compiled form.
  return compiled as CompiledOf<K>;
}

/** Compiles whatever the document is, so that a rule set that parses but cannot compile is refused at upload. */
export function compileRuleSet(document: RuleSetDocument, hash: string): unknown {
  return compiledOf(document as DocumentOf<KindName>, hash);
}
